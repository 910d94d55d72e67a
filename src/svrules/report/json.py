"""The JSON report: the public contract documented in docs/json-output.md.

Keys only ever get added: `waived`/`baselined` per file and in the summary came with waivers,
so that consumers reading `findings` see exactly the findings that fail a run.
"""
from __future__ import annotations

import json
from typing import Any

from ..model import Applicability, FileResult, Finding, WaivedFinding
from . import ReportContext


def applicability_dict(a: Applicability | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "act_applies": a.act_applies, "regime": a.regime, "threshold_gbp": a.threshold_gbp,
        "reasons": list(a.reasons), "missing": list(a.missing), "warnings": list(a.warnings),
        "good_practice_only": a.good_practice_only,
        "citations": [c.model_dump(exclude_none=True) for c in a.citations],
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    loc = f.location.model_dump(exclude_none=True) if f.location else {"line": f.line}
    return {
        "rule": f.rule, "name": f.name, "category": f.category.value,
        "severity": f.severity.value, "line": f.line, "column": f.column,
        "location": loc, "message": f.message, "excerpt": f.excerpt, "fix": f.fix,
        "fingerprint": f.fingerprint,
        "downgraded_from": f.downgraded_from.value if f.downgraded_from else None,
        "citations": [{"source": c.source, "section": c.section, "quote": c.quote, "url": c.url}
                      for c in f.citations],
    }


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


def summary(results: list[FileResult]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results), "findings": len(findings),
        "errors": sum(len(r.errors) for r in results),
        "by_severity": {s: sum(f.severity.value == s for f in findings)
                        for s in ("error", "warning", "info")},
        "waived": sum(len(r.waived) for r in results),
        "baselined": sum(len(r.baselined) for r in results),
    }


def document(results: list[FileResult], ctx: ReportContext) -> dict[str, Any]:
    return {"tool": "svrules", "version": ctx.version,
            "files": [file_dict(r) for r in results], "summary": summary(results)}


def render(results: list[FileResult], ctx: ReportContext) -> str:
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
