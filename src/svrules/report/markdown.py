"""Markdown for a pull request comment or a review memo: the same content as the HTML report.

Verdict per file, a summary table, then each finding with its excerpt, fix and citations, and
the waived findings with their reasons. Text from the tender is escaped so that a tender can
never inject links, HTML or table breaks into the memo.
"""
from __future__ import annotations

import re

from ..model import FileResult, Finding
from . import (ReportContext, category_rows, counts, instrument, plural, rule_url,
               statistics_rows, verdict_word, where)
from .text import verdict_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


def md(text: str) -> str:
    """Escape Markdown and HTML metacharacters and fold whitespace onto one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _finding(ctx: ReportContext, n: int, f: Finding) -> list[str]:
    out = [f"#### {n}. [{f.rule}]({rule_url(ctx, f.rule)}) {f.name}: {f.severity.value}, "
           f"{md(where(f))}", ""]
    if f.section:
        out += [f"*Section:* {md(' > '.join(f.section))}", ""]
    out += [f"> {md(f.excerpt)}", "", md(f.message), "", f"**Fix.** {md(f.fix)}", ""]
    if f.citations:
        out += ["**Citations.**", ""]
        for c in f.citations:
            title, _short, url = instrument(ctx, c)
            name = f"[{md(title)}]({url})" if url else md(title)
            quote = f": {md(c.words())}" if c.words() else ""
            out.append(f"- {name}, {md(c.section)}{quote}")
        out.append("")
    return out


def render(results: list[FileResult], ctx: ReportContext) -> str:
    c = counts(results)
    out = ["# svrules report", "",
           f"{plural(c['files'], 'file')} checked: **{plural(c['findings'], 'finding')}** "
           f"({c['error']} error, {c['warning']} warning, {c['info']} info), "
           f"{c['waived']} waived, {c['baselined']} in the baseline, "
           f"{plural(c['file_errors'], 'file error')}.", "",
           "| file | Social Value Act | errors | warnings | info | waived |",
           "|---|---|---:|---:|---:|---:|"]
    for r in results:
        sev = [sum(f.severity.value == s for f in r.findings) for s in ("error", "warning", "info")]
        out.append(f"| {md(r.path)} | {verdict_word(r)} | {sev[0]} | {sev[1]} | {sev[2]} | "
                   f"{len(r.waived)} |")
    rows = category_rows(results)
    if rows:
        out += ["", "| category | errors | warnings | info |", "|---|---:|---:|---:|"]
        out += [f"| {cat} | {e} | {w} | {i} |" for cat, e, w, i in rows]
    for r in results:
        out += ["", f"## {md(r.path)}", ""]
        for e in r.errors:
            out += [f"**Could not be checked** ({md(e.kind)}): {md(e.message)}", ""]
        if r.applicability is not None:
            a = r.applicability
            out += [f"**Verdict.** {md(verdict_line(a))}", ""]
            out += [f"- {md(reason)}" for reason in a.reasons]
            out += [f"- *warning:* {md(w)}" for w in a.warnings]
            if a.reasons or a.warnings:
                out.append("")
        out += [f"*Warning:* {md(w)}" for w in r.warnings]
        if r.warnings:
            out.append("")
        if r.findings:
            out += [f"### Findings ({len(r.findings)})", ""]
            for n, f in enumerate(r.findings, 1):
                out += _finding(ctx, n, f)
        elif not r.errors:
            out += ["No findings.", ""]
        if r.waived:
            out += [f"### Waived ({len(r.waived)})", "",
                    "| rule | where | excerpt | reason | reviewer | date | expires |",
                    "|---|---|---|---|---|---|---|"]
            for w in r.waived:
                v = w.waiver
                out.append(f"| {w.finding.rule} | {md(where(w.finding))} | {md(w.finding.excerpt)} | "
                           f"{md(v.reason or '')} ({v.kind}) | {md(v.reviewer or '')} | "
                           f"{v.date or ''} | {v.expires or ''} |")
            out.append("")
    if ctx.statistics:
        out += ["", "## Statistics", "", "| count | rule | category | severity |",
                "|---:|---|---|---|"]
        out += [f"| {n} | {rule} | {cat} | {sev} |" for n, rule, cat, sev in statistics_rows(results)]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
