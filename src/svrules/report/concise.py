"""One line per finding (`path:line:col: RULE [severity] message`), for editors and grep.

The citations and fixes are left to `svrules explain RULE`; waived findings are only counted.
The heading path ends the line; `--show-fingerprints` adds the fingerprint `svrules waive`
takes. `--statistics` prints the counts only, as ruff does.
"""
from __future__ import annotations

from ..model import FileResult
from . import ReportContext, heading_path
from .text import paint, place, severity_word, statistics, summary_line


def render(results: list[FileResult], ctx: ReportContext) -> str:
    out = []
    if ctx.statistics:
        return "\n".join([*statistics(results), "", summary_line(results)]) + "\n"
    color = ctx.color
    for r in results:
        for e in r.errors:
            out.append(f"{r.path}{f':{e.line}' if e.line else ''}: error [{e.kind}] {e.message}")
        for f in r.findings:
            line = (f"{paint(place(r.path, f), color, bold=True)}: {paint(f.rule, color, bold=True)}"
                    f" [{severity_word(f, color)}] {f.message}")
            if f.section:
                line += f" (in: {heading_path(f)})"
            if ctx.show_fingerprints:
                line += " " + paint(f"[fingerprint {f.fingerprint}]", color, dim=True)
            out.append(line)
    out.append(summary_line(results))
    return "\n".join(out) + "\n"
