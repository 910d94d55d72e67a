"""The default human-readable report: a verdict paragraph per file, then its findings.

Each finding is `path:line:col: RULE severity message`, followed by the fix and the citations,
so a procurement lead can act on it and a lawyer can check it without opening another tool.
"""
from __future__ import annotations

import textwrap

from ..model import Applicability, FileResult, Finding
from . import ReportContext, counts, statistics_rows, heading_path, is_document_level, place_words

WIDTH = 100


def verdict_line(a: Applicability) -> str:
    if a.act_applies is True:
        head = "The Social Value Act applies"
    elif a.act_applies is False:
        head = "The Social Value Act does not apply"
    else:
        head = "Whether the Social Value Act applies is unknown"
    bits = []
    law = a.procurement_law or a.regime
    if law:
        bits.append({"PCR2015": "Public Contracts Regulations 2015",
                     "PA2023": "Procurement Act 2023",
                     "PRSA2014": "Procurement Reform (Scotland) Act 2014",
                     "PSR2023": "Provider Selection Regime 2023",
                     "DSPCR2011": "Defence and Security Public Contracts Regulations 2011"}[law])
    if a.threshold_gbp is not None:
        basis = {"inclusive": " including VAT", "exclusive": " net of VAT"}
        bits.append(f"threshold £{a.threshold_gbp:,.0f}{basis.get(a.value_basis or '', '')}")
    if a.below_threshold is True and a.procurement_threshold_gbp is not None:
        bits.append(f"below the £{a.procurement_threshold_gbp:,.0f} procurement threshold "
                    f"for {(a.contract_type or 'its type').replace('_', '-')} contracts")
    if a.good_practice_only:
        bits.append("social value findings are good practice only")
    return head + (f" ({'; '.join(bits)})" if bits else "") + "."


def verdict_paragraph(a: Applicability, indent: str = "  ") -> list[str]:
    text = verdict_line(a) + " " + " ".join(a.reasons)
    lines = textwrap.wrap(text, WIDTH, initial_indent=indent + "Verdict: ",
                          subsequent_indent=indent + "  ")
    for warning in a.warnings:
        lines += textwrap.wrap(warning, WIDTH, initial_indent=indent + "warning: ",
                               subsequent_indent=indent + "  ")
    return lines


SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def paint(text: str, on: bool, **style) -> str:
    """`text` in colour when colour is on (click.style: ANSI codes), else unchanged."""
    if not on:
        return text
    import click
    return click.style(text, **style)


def place(path: str, f: Finding) -> str:
    """`path:line:col` (or `path:¶N` for Word and OpenDocument paragraphs), then in brackets the
    part, table row, clause and page; `path: (the whole document)` for a document-level finding."""
    loc = f.location
    if is_document_level(f):
        return f"{path}: (the whole document)"
    if loc is not None and loc.paragraph is not None:
        head = f"{path}:¶{loc.paragraph}"
    else:
        head = f"{path}:{f.line}:{f.column or 1}"
    words = place_words(f)
    return head + (f" ({', '.join(words)})" if words else "")


def severity_word(f: Finding, color: bool) -> str:
    return paint(f.severity.value, color, fg=SEVERITY_COLOUR[f.severity.value], bold=True)


def finding_lines(path: str, f: Finding, pack, color: bool = False,
                  fingerprint: bool = True) -> list[str]:
    out = [f"{paint(place(path, f), color, bold=True)}: {paint(f.rule, color, bold=True)} "
           f"{severity_word(f, color)} {f.message}"]
    if f.section:
        out += textwrap.wrap(heading_path(f), WIDTH, initial_indent="    in: ",
                             subsequent_indent="        ")
    out += textwrap.wrap(f.fix, WIDTH, initial_indent="    fix: ", subsequent_indent="         ")
    for c in f.citations:
        src = pack.sources.get(c.source)
        name = src.short if src else c.source
        quote = f" {c.words()}" if c.words() else ""
        url = f" <{c.url}>" if c.url else ""
        out += textwrap.wrap(f"{name} {c.section}:{quote}{url}", WIDTH,
                             initial_indent="    see: ", subsequent_indent="         ",
                             break_long_words=False, break_on_hyphens=False)
    if fingerprint:
        out.append(paint(f"    fingerprint: {f.fingerprint}", color, dim=True))
    return out


def summary_line(results: list[FileResult]) -> str:
    c = counts(results)                  # one pass: the results may be a compressed store
    by, errors, waived, baselined = c, c["file_errors"], c["waived"], c["baselined"]
    parts = ", ".join(f"{by[s]} {s}{'s' if by[s] != 1 else ''}"
                      for s in ("error", "warning", "info") if by[s]).replace("infos", "info")
    return (f"{c['files']} file{'s' if c['files'] != 1 else ''} checked, "
            f"{c['findings']} finding{'s' if c['findings'] != 1 else ''}"
            + (f" ({parts})" if parts else "")
            + (f", {waived} waived" if waived else "")
            + (f", {baselined} in the baseline" if baselined else "")
            + f", {errors} file error{'s' if errors != 1 else ''}.")


def waived_line(path: str, w) -> str:
    """One line per accepted finding, with the reason: legal review needs to see what was let go."""
    v = w.waiver
    who = ", ".join(x for x in (v.reviewer, v.date.isoformat() if v.date else None,
                                f"expires {v.expires.isoformat()}" if v.expires else None) if x)
    return (f"  waived ({v.kind}): {place(path, w.finding)}: {w.finding.rule} "
            f"{w.finding.excerpt!r}: {v.reason or 'no reason'}" + (f" ({who})" if who else ""))


def statistics(results: list[FileResult]) -> list[str]:
    """`count  RULE  category  severity` rows, most frequent first (ruff's --statistics)."""
    return [f"{n:6d}  {rule:10s} {cat:16s} {sev}" for n, rule, cat, sev in statistics_rows(results)]


def render(results: list[FileResult], ctx: ReportContext) -> str:
    if ctx.statistics:                    # counts only, as ruff's --statistics
        return "\n".join([*statistics(results), "", summary_line(results)]) + "\n"
    out: list[str] = []
    for r in results:
        out.append(f"== {r.path}")
        for e in r.errors:
            where = f":{e.line}" if e.line else ""
            out.append(f"{r.path}{where}: error [{e.kind}] {e.message}")
        if r.applicability is not None:
            out += verdict_paragraph(r.applicability)
        for w in r.warnings:
            out.append(f"  warning: {w}")
        for f in r.findings:
            out += finding_lines(r.path, f, ctx.pack, ctx.color)
        out += [waived_line(r.path, w) for w in r.waived]
        if not r.findings and not r.errors:
            out.append("  no findings")
        out.append("")
    out.append(summary_line(results))
    return "\n".join(out) + "\n"
