"""One line per finding (`path:line:col: RULE [severity] message`), for editors and grep.

The citations and fixes are left to `svrules explain RULE`; waived findings are only counted.
"""
from __future__ import annotations

from ..model import FileResult
from . import ReportContext, statistics_rows
from .text import place, summary_line


def render(results: list[FileResult], ctx: ReportContext) -> str:
    out = []
    for r in results:
        for e in r.errors:
            out.append(f"{r.path}{f':{e.line}' if e.line else ''}: error [{e.kind}] {e.message}")
        for f in r.findings:
            out.append(f"{place(r.path, f)}: {f.rule} [{f.severity.value}] {f.message}")
    out.append(summary_line(results))
    if ctx.statistics:
        out += ["", "Statistics:"]
        out += [f"{n:6d}  {rule:10s} {cat:16s} {sev}" for n, rule, cat, sev in
                statistics_rows(results)]
    return "\n".join(out) + "\n"
