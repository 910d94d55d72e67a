"""Report stage: one formatter per output format, all reading the same `FileResult` list.

Output is deterministic: files in the order given, findings sorted, no timestamps. The helpers
here are what several formats share (rule descriptions, the instrument behind a citation, the
link to a rule's documentation), so that every format says the same thing the same way.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..builtin_rules import META_RULES, RuleInfo
from ..model import Citation, FileResult, Finding
from ..rulepack import RulePack

@dataclass
class ReportContext:
    pack: RulePack
    version: str
    statistics: bool = False
    color: bool = False
    extra: dict = field(default_factory=dict)
    root: Optional[Path] = None
    """Folder that relative URIs (SARIF `%SRCROOT%`) are relative to; default: the cwd."""
    enabled: Optional[Callable[[str, str, str], bool]] = None
    """(path, rule id, category) -> whether the rule ran on that file (JUnit skips the rest)."""
    baseline_used: bool = False
    docs_url: Optional[str] = None
    """Where rule documentation is published (`#rule-id` anchors); None: nowhere that resolves,
    so reports carry the rule's own text instead of a link."""
    fail_on: str = "error"
    """The lowest severity that fails the run (JUnit fails exactly those testcases)."""
    show_fingerprints: bool = False


Formatter = Callable[[list[FileResult], ReportContext], str]

FORMATS = ("text", "json", "jsonl", "concise", "sarif", "github", "junit", "markdown", "html")


def formatter(name: str) -> Formatter:
    if name not in FORMATS:
        raise KeyError(name)
    import importlib
    return importlib.import_module(f"{__name__}.{name}").render


def auto_format(environ: Optional[dict] = None) -> str:
    """`--format auto`: GitHub annotations under Actions (as yamllint does), text elsewhere."""
    env = os.environ if environ is None else environ
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


# --------------------------------------------------------------------------- shared helpers

def rule_info(ctx: ReportContext, rule_id: str, finding: Optional[Finding] = None) -> RuleInfo:
    rule = ctx.pack.by_id.get(rule_id)
    if rule is not None:
        return RuleInfo(rule.id, rule.name, rule.category.value, rule.severity.value,
                        " ".join(rule.summary.split()), " ".join(rule.rationale.split()),
                        " ".join(rule.fix.split()))
    if rule_id in META_RULES:
        return META_RULES[rule_id]
    f = finding
    return RuleInfo(rule_id, f.name if f else rule_id.lower(), f.category.value if f else "input",
                    f.severity.value if f else "warning", f.message if f else rule_id,
                    f.message if f else rule_id, f.fix if f else "")


def rules_used(results: list[FileResult], ctx: ReportContext) -> list[RuleInfo]:
    """Every rule of the pack, then the built-in ones that fired, in id order."""
    ids = {r.id for r in ctx.pack.rules}
    found = {}
    for r in results:
        for f in all_findings(r):
            found.setdefault(f.rule, f)
    infos = [rule_info(ctx, i) for i in sorted(ids)]
    infos += [rule_info(ctx, i, found[i]) for i in sorted(set(found) - ids)]
    return infos


def all_findings(r: FileResult) -> list[Finding]:
    return list(r.findings) + [w.finding for w in r.waived] + [w.finding for w in r.baselined]


def instrument(ctx: ReportContext, c: Citation) -> tuple[str, str, Optional[str]]:
    """(full title, short name, url) of the instrument or guidance a citation rests on."""
    src = ctx.pack.sources.get(c.source)
    if src is None:
        return c.source, c.source, c.url
    return src.title, src.short, c.url or src.link(c.section)


def rule_url(ctx: ReportContext, rule_id: str) -> Optional[str]:
    """The rule's published documentation, or None where no address is known to resolve."""
    return f"{ctx.docs_url}#{rule_id.lower()}" if ctx.docs_url else None


def is_document_level(f: Finding) -> bool:
    return f.location is not None and f.location.part == "document"


def place_words(f: Finding) -> list[str]:
    """Where the words are, as a Word or PDF reader finds them: the part (header, footer, text
    box), the table row, the clause number and the page; "the whole document" for a finding
    about the document rather than a passage."""
    loc = f.location
    if loc is None:
        return []
    if loc.part == "document":
        return ["the whole document"]
    bits = []
    if loc.part and loc.part != "body":
        bits.append(loc.part)
    if loc.table is not None:          # rows are stored from 0 (the first row); people count from 1
        row = f" row {loc.row + 1}" if loc.row is not None else ""
        bits.append(f"table {loc.table}{row}" + (f" cell {loc.cell}" if loc.cell else ""))
    if loc.clause:
        bits.append(f"clause {loc.clause}")
    if loc.page is not None:
        bits.append(f"page {loc.page}")
    return bits


def heading_path(f: Finding, sep: str = " > ") -> str:
    return sep.join(" ".join(h.split()) for h in f.section)


def where(f: Finding) -> str:
    """A finding's place in words: line and column (paragraph for Word and OpenDocument), then
    the part, table row, clause and page, then the heading path."""
    loc = f.location
    if is_document_level(f):
        return "the whole document"
    if loc is not None and loc.paragraph is not None:
        bits = [f"paragraph {loc.paragraph}"]
    else:
        bits = [f"line {f.line}" + (f", column {f.column}" if f.column else "")]
    bits += place_words(f)
    if f.section:
        bits.append(f"under “{heading_path(f)}”")
    return ", ".join(bits)


def location_properties(f: Finding) -> dict:
    """docx/pdf details (paragraph, table, row, cell, page, part, clause, heading path) that a
    line and a column cannot carry."""
    if f.location is None:
        return {}
    data = f.location.model_dump(exclude_none=True)
    out = {k: data[k] for k in ("paragraph", "table", "row", "cell", "page", "part", "clause")
           if k in data}
    if f.section:
        out["headingPath"] = list(f.section)
    return out


def counts(results: Iterable[FileResult]) -> dict[str, int]:
    """Totals for the summary line, in one pass (the results may be a compressed store)."""
    out = dict.fromkeys(("files", "findings", "error", "warning", "info", "waived", "baselined",
                         "file_errors"), 0)
    for r in results:
        out["files"] += 1
        out["findings"] += len(r.findings)
        out["waived"] += len(r.waived)
        out["baselined"] += len(r.baselined)
        out["file_errors"] += len(r.errors)
        for f in r.findings:
            out[f.severity.value] += 1
    return out


def statistics_rows(results: list[FileResult]) -> list[tuple[int, str, str, str]]:
    """(count, rule, category, severity), most frequent first: ruff's `--statistics`."""
    c = Counter((f.rule, f.category.value, f.severity.value) for r in results for f in r.findings)
    return [(n, *key) for key, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]


def category_rows(results: list[FileResult]) -> list[tuple[str, int, int, int]]:
    """(category, errors, warnings, infos) for the categories that have findings."""
    table: dict[str, Counter] = {}
    for r in results:
        for f in r.findings:
            table.setdefault(f.category.value, Counter())[f.severity.value] += 1
    return [(cat, c["error"], c["warning"], c["info"]) for cat, c in sorted(table.items())]


def verdict_word(r: FileResult) -> str:
    a = r.applicability
    if a is None:
        return "not checked" if r.errors else "unknown"
    if a.act_applies is True:
        return "applies"
    if a.act_applies is False:
        return "does not apply"
    return "unknown"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
