"""The JSON report: the public contract documented in docs/json-output.md.

Keys only ever get added: `waived`/`baselined` per file and in the summary came with waivers,
so that consumers reading `findings` see exactly the findings that fail a run.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..model import Applicability, FileResult, Finding, WaivedFinding
from . import ReportContext, indented_json


def applicability_dict(a: Applicability | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "act_applies": a.act_applies, "regime": a.regime, "threshold_gbp": a.threshold_gbp,
        "reasons": list(a.reasons), "missing": list(a.missing), "warnings": list(a.warnings),
        "good_practice_only": a.good_practice_only,
        "procurement_law": a.procurement_law, "duty": a.duty, "contract_type": a.contract_type,
        "procurement_threshold_gbp": a.procurement_threshold_gbp,
        "below_threshold": a.below_threshold,
        "notifiable_below_threshold": a.notifiable_below_threshold,
        "value_compared_gbp": a.value_compared_gbp, "value_basis": a.value_basis,
        "stage": a.stage,            # pre_procurement (market engagement) | modification
        "citations": [c.model_dump(exclude_none=True) for c in a.citations],
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    loc = f.location.model_dump(exclude_none=True) if f.location else {"line": f.line}
    return {
        "rule": f.rule, "name": f.name, "category": f.category.value,
        "severity": f.severity.value, "line": f.line, "column": f.column,
        "location": loc, "section": list(f.section), "message": f.message, "excerpt": f.excerpt, "fix": f.fix,
        "fingerprint": f.fingerprint,
        "downgraded_from": f.downgraded_from.value if f.downgraded_from else None,
        "also_at": [a.model_dump(exclude_none=True) for a in f.also_at],
        "citations": citations_dicts(f.citations, f.rule),
    }


_CITATIONS: dict[str, tuple] = {}       # rule id -> (citations, their dicts)


def citations_dicts(citations: tuple, rule: str = "") -> tuple[dict[str, Any], ...]:
    """A rule's citations as JSON objects, made once per rule: its findings carry equal
    citations (one shared tuple when built, equal copies once read back from the result
    store), so they share these dicts too, and the JSON writer writes the shared tuple once
    (indented_json). A tuple: nobody may change it in place."""
    known = _CITATIONS.get(rule)
    if known is not None and (known[0] is citations or known[0] == citations):
        return known[1]
    dicts = tuple({"source": c.source, "section": c.section, "quote": c.quote,
                   "summary": c.summary, "url": c.url} for c in citations)
    if len(_CITATIONS) > 4096:
        _CITATIONS.clear()
    _CITATIONS[rule] = (citations, dicts)
    return dicts


def waived_dict(w: WaivedFinding) -> dict[str, Any]:
    v = w.waiver
    return {**finding_dict(w.finding), "waiver": {
        "kind": v.kind, "reason": v.reason, "reviewer": v.reviewer,
        "date": v.date.isoformat() if v.date else None,
        "expires": v.expires.isoformat() if v.expires else None, "where": v.where}}


def file_dict(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "applicability": applicability_dict(r.applicability),
        "findings": [finding_dict(f) for f in r.findings],
        "errors": [{"kind": e.kind, "message": e.message, **({"line": e.line} if e.line else {})}
                   for e in r.errors],
        "warnings": list(r.warnings),
        "waived": [waived_dict(w) for w in r.waived],
        "baselined": [waived_dict(w) for w in r.baselined],
    }


class _Summary:
    """The `summary` object, counted as the results go by (they may be a compressed store,
    read once)."""

    def __init__(self) -> None:
        self.files = self.findings = self.errors = self.waived = self.baselined = 0
        self.by_severity = {"error": 0, "warning": 0, "info": 0}

    def add(self, r: FileResult) -> None:
        self.files += 1
        self.findings += len(r.findings)
        self.errors += len(r.errors)
        self.waived += len(r.waived)
        self.baselined += len(r.baselined)
        for f in r.findings:
            self.by_severity[f.severity.value] += 1

    def as_dict(self) -> dict[str, Any]:
        # "errors" (files that could not be checked) is kept for old readers; "file_errors"
        # and "error_findings" say which is which.
        return {"files": self.files, "findings": self.findings, "errors": self.errors,
                "file_errors": self.errors, "error_findings": self.by_severity["error"],
                "by_severity": self.by_severity, "waived": self.waived,
                "baselined": self.baselined}


def summary(results: Iterable[FileResult]) -> dict[str, Any]:
    counted = _Summary()
    for r in results:
        counted.add(r)
    return counted.as_dict()


def document(results: Iterable[FileResult], ctx: ReportContext) -> dict[str, Any]:
    files, counted = [], _Summary()
    for r in results:
        files.append(file_dict(r))
        counted.add(r)
    return {"tool": "svrules", "version": ctx.version, "files": files,
            "summary": counted.as_dict()}


def render(results: list[FileResult], ctx: ReportContext) -> str:
    return indented_json.dumps(document(results, ctx)) + "\n"
