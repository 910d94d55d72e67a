"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

Valid against the OASIS schema (tests/data/sarif-schema-2.1.0.json). Choices worth knowing:

- URIs are relative to `%SRCROOT%` (the folder the run started in) so that a SARIF file made in
  CI points at the repository's files; a file outside that folder gets an absolute `file:` URI.
- `partialFingerprints["svrulesFingerprint/v1"]` is the finding's own fingerprint (rule +
  normalised sentence + occurrence), so code scanning keeps an alert's identity when the text
  moves, the same identity that waivers and the baseline use.
- Paragraph, table/row/cell and page of docx/pdf findings go in the location's `properties`:
  a SARIF region only knows lines and columns.
- Waived and inline-suppressed findings are reported with `suppressions` (status accepted,
  the reason as justification); baselined ones with `baselineState: unchanged`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from ..model import FileResult, Finding, Waiver
from . import (ReportContext, indented_json, instrument, location_properties, rule_url,
               rules_used)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "svrulesFingerprint/v1"
INFORMATION_URI = "https://github.com/svrules/svrules"


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """Relative to %SRCROOT% when the file is under it, else an absolute file URI."""
    p = Path(path)
    absolute = p if p.is_absolute() else (root / p)
    absolute = Path(os.path.normpath(absolute))
    try:
        rel = absolute.relative_to(Path(os.path.normpath(root.resolve())))
    except ValueError:
        try:
            rel = absolute.relative_to(Path(os.path.normpath(root)))
        except ValueError:
            return {"uri": absolute.as_uri()}
    return {"uri": _quote(rel.as_posix()), "uriBaseId": "%SRCROOT%"}


def _quote(uri: str) -> str:
    from urllib.parse import quote
    return quote(uri, safe="/-._~")


def _citations(ctx: ReportContext, f: Finding) -> list[dict[str, Any]]:
    out = []
    for c in f.citations:
        title, _short, url = instrument(ctx, c)
        item = {"instrument": title, "section": c.section, "quote": c.quote,
                "summary": c.summary, "url": url}
        out.append({k: v for k, v in item.items() if v is not None})
    return out


def _result(ctx: ReportContext, path: str, f: Finding, index: dict[str, int],
            waiver: Optional[Waiver] = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": f.line}
    if f.column:
        region["startColumn"] = f.column
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": artifact_location(path, ctx.root or Path.cwd()), "region": region}}
    if f.section:
        location["logicalLocations"] = [{"name": f.section[-1],
                                         "fullyQualifiedName": " > ".join(f.section),
                                         "kind": "section"}]
    props = location_properties(f)
    if props:
        location["properties"] = props
    message = f.message + "\n\nFix: " + " ".join(f.fix.split())
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity.value],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"category": f.category.value, "fix": " ".join(f.fix.split()),
                       "citations": _citations(ctx, f)},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.also_at:                  # the same sentence elsewhere (each lot, a repeated block)
        result["relatedLocations"] = [
            {"id": n, "message": {"text": "the same sentence"}, "physicalLocation": {
                "artifactLocation": artifact_location(path, ctx.root or Path.cwd()),
                "region": {"startLine": loc.line,
                           **({"startColumn": loc.column} if loc.column else {})}}}
            for n, loc in enumerate(f.also_at, 1)]
    if f.downgraded_from is not None:
        result["properties"]["downgradedFrom"] = f.downgraded_from.value
    if waiver is not None and waiver.kind == "baseline":
        result["baselineState"] = "unchanged"
    elif waiver is not None:
        justification = waiver.reason or ""
        if waiver.reviewer:
            justification += f" (reviewed by {waiver.reviewer}"
            justification += f", {waiver.date.isoformat()})" if waiver.date else ")"
        result["suppressions"] = [{
            "kind": "inSource" if waiver.kind == "inline" else "external",
            "status": "accepted", "justification": justification.strip()}]
    elif ctx.baseline_used:
        result["baselineState"] = "new"
    return result


def document(results: list[FileResult], ctx: ReportContext) -> dict[str, Any]:
    rules = []
    index: dict[str, int] = {}
    for i, info in enumerate(rules_used(results, ctx)):
        index[info.id] = i
        spec = ctx.pack.by_id.get(info.id)
        rule: dict[str, Any] = {
            "id": info.id, "name": info.name,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.rationale},
            "help": {"text": info.fix, "markdown": f"**Fix.** {info.fix}\n\n"
                                                   f"[Rule documentation]({rule_url(ctx, info.id)})"},
            "helpUri": rule_url(ctx, info.id),
            "defaultConfiguration": {"level": LEVEL[info.severity]},
            "properties": {"category": info.category, "tags": ["social-value", info.category]},
        }
        if spec is not None and spec.status != "stable":
            rule["properties"]["status"] = spec.status
        rules.append(rule)
    out_results = []
    notifications = []
    for r in results:
        for f in r.findings:
            out_results.append(_result(ctx, r.path, f, index))
        for w in r.waived:
            out_results.append(_result(ctx, r.path, w.finding, index, w.waiver))
        for w in r.baselined:
            out_results.append(_result(ctx, r.path, w.finding, index, w.waiver))
        for e in r.errors:
            loc: dict[str, Any] = {"physicalLocation": {
                "artifactLocation": artifact_location(r.path, ctx.root or Path.cwd())}}
            if e.line:
                loc["physicalLocation"]["region"] = {"startLine": e.line}
            notifications.append({"level": "error", "message": {"text": f"[{e.kind}] {e.message}"},
                                  "locations": [loc], "descriptor": {"id": e.kind}})
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "svrules", "version": ctx.version,
                                "semanticVersion": ctx.version,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }


def render(results: list[FileResult], ctx: ReportContext) -> str:
    return indented_json.dumps(document(results, ctx)) + "\n"
