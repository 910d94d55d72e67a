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
- Each file's applicability verdict is in `run.properties.verdicts` and is an invocation
  notification (level note) on the file: a reader of the SARIF alone knows whether the Act's
  duty applied and why.
- A rule's help is its documentation in `help.markdown` (why, fix, citations).
- A finding about the whole document is on line 1 (viewers need a region) with `part:
  document` in its properties and "the whole document" in its message, never at the
  front-matter line of the fact it rests on.
- `informationUri` and `helpUri` only where the configuration's `docs-url` says where the
  organisation publishes svrules' docs/rules.md: no address that does not resolve.
- Checked with the SARIF multitool's SARIF, GitHub and ADO rule sets (tests/report/).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from ..model import FileResult, Finding, Waiver
from ..docs import rule_help_markdown
from . import (ReportContext, indented_json, instrument, is_document_level, location_properties,
               rule_url, rules_used, verdict_word, where)
from .text import verdict_line

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "svrulesFingerprint/v1"
FULL_NAME = "svrules: social value tender linter"


def pascal(name: str) -> str:
    """`supplier-location-requirement` -> `SupplierLocationRequirement` (SARIF rule names)."""
    return "".join(part[:1].upper() + part[1:] for part in name.replace("_", "-").split("-"))


_ADO = "azuredevops/pipeline/build/"


def automation_details(environ: Optional[dict] = None) -> dict[str, Any]:
    """Which run of which pipeline made the log. Under Azure Pipelines (TF_BUILD), the form
    GitHub Advanced Security for Azure DevOps requires, from the pipeline's own variables;
    elsewhere the category `svrules/` (GitHub code scanning's form)."""
    env = os.environ if environ is None else environ
    if env.get("TF_BUILD", "").lower() != "true":
        return {"id": "svrules/"}
    org = env.get("SYSTEM_COLLECTIONURI", "").rstrip("/").rsplit("/", 1)[-1]
    phase = env.get("SYSTEM_PHASEID") or env.get("SYSTEM_JOBID", "")
    parts = [org, env.get("SYSTEM_TEAMPROJECT", ""), env.get("BUILD_DEFINITIONID", ""), phase,
             env.get("BUILD_SOURCEBRANCH", ""), env.get("BUILD_BUILDID", "")]
    return {"id": _ADO + "/".join(parts), "properties": {
        _ADO + "buildDefinitionId": env.get("BUILD_DEFINITIONID", ""),
        _ADO + "buildDefinitionName": env.get("BUILD_DEFINITIONNAME", ""),
        _ADO + "phaseId": phase,
        _ADO + "phaseName": env.get("SYSTEM_PHASENAME") or env.get("SYSTEM_JOBNAME", "")}}


def verdict_properties(r: FileResult) -> dict[str, Any]:
    a = r.applicability
    out: dict[str, Any] = {"path": r.path, "actApplies": a.act_applies}
    for key, value in (("regime", a.regime), ("thresholdGbp", a.threshold_gbp)):
        if value is not None:
            out[key] = value
    out["goodPracticeOnly"] = a.good_practice_only
    out["reasons"] = list(a.reasons)
    if a.missing:
        out["missing"] = list(a.missing)
    if a.warnings:
        out["warnings"] = list(a.warnings)
    return out


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
    if f.excerpt and not is_document_level(f):
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
    message = f.message + f"\n\nWhere: {where(f)}\n\nFix: " + " ".join(f.fix.split())
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
        if spec is not None:
            markdown = rule_help_markdown(ctx.pack, spec)
        else:
            markdown = f"{info.summary}\n\n**Why.** {info.rationale}\n\n**Fix.** {info.fix}"
        rule: dict[str, Any] = {
            "id": info.id, "name": pascal(info.name),
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.rationale},
            "help": {"text": f"{info.rationale}\n\nFix: {info.fix}", "markdown": markdown},
            "defaultConfiguration": {"level": LEVEL[info.severity]},
            "properties": {"category": info.category, "tags": ["social-value", info.category],
                           "precision": "medium",
                           "problem.severity": {"info": "recommendation"}.get(
                               info.severity, info.severity)},
        }
        url = rule_url(ctx, info.id)
        if url:
            rule["helpUri"] = url
        if spec is not None and spec.status != "stable":
            rule["properties"]["status"] = spec.status
        rules.append(rule)
    out_results = []
    notifications = []
    verdicts = []
    failed = False
    for r in results:
        if r.applicability is not None:
            verdicts.append(verdict_properties(r))
            notifications.append({
                "level": "note", "descriptor": {"id": "verdict"},
                "message": {"text": f"{r.path}: {verdict_line(r.applicability)} "
                                    + " ".join(r.applicability.reasons)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(r.path, ctx.root or Path.cwd())}}],
                "properties": {"verdict": verdict_word(r)}})
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
            failed = True
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    driver: dict[str, Any] = {"name": "svrules", "fullName": FULL_NAME, "version": ctx.version,
                              "semanticVersion": ctx.version, "rules": rules}
    if ctx.docs_url:
        driver["informationUri"] = ctx.docs_url
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "automationDetails": automation_details(ctx.extra.get("environ")),
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": out_results,
            "properties": {"verdicts": verdicts},
        }],
    }


def render(results: list[FileResult], ctx: ReportContext) -> str:
    return indented_json.dumps(document(results, ctx)) + "\n"
