"""A self-contained HTML report for legal review: one file, inline CSS, no script, no network.

It opens offline from an email attachment and prints on A4: per file, the applicability
verdict and its reasons, a summary by category and severity, then each finding with its
excerpt highlighted in the paragraph it sits in, the fix, and the full citation (instrument
title from rules/sources.yaml, section, verbatim quote, link). Waived findings are listed with
their reasons so that a reviewer sees what was accepted and by whom. Every piece of tender text
is HTML-escaped.
"""
from __future__ import annotations

import re
from html import escape

from ..model import FileResult, Finding
from . import (ReportContext, category_rows, counts, instrument, plural, rule_url,
               statistics_rows, verdict_word, where)
from .text import verdict_line

CONTEXT_MAX = 900

CSS = """
:root { --err: #b3261e; --warn: #8a5a00; --info: #1f5f99; --ok: #1e6b34; --line: #d0d4da; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; margin: 0 auto;
       max-width: 60rem; padding: 1.5rem 2rem 3rem; background: #fff; }
h1, h2, h3, h4, th, .badge, .meta, .summary { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.summary { color: #444; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f1f3f5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { border-left: 6px solid #777; background: #f6f7f8; padding: .6rem 1rem; margin: .8rem 0; }
.verdict.applies { border-color: var(--err); }
.verdict.does-not-apply { border-color: var(--ok); }
.verdict.unknown { border-color: var(--warn); }
.verdict p { margin: .2rem 0 .4rem; }
.verdict ul { margin: .2rem 0; padding-left: 1.2rem; font-size: .92rem; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px;
           padding: .7rem 1rem; margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; }
.finding.error { border-left-color: var(--err); }
.finding.warning { border-left-color: var(--warn); }
.finding h4 { margin: 0 0 .3rem; font-size: 1rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: bold; text-transform: uppercase;
         padding: .05rem .45rem; border-radius: 3px; color: #fff; background: var(--info);
         vertical-align: middle; }
.badge.error { background: var(--err); } .badge.warning { background: var(--warn); }
.badge.waived { background: #555; }
.finding.waived { border-left-color: #555; background: #fafafa; }
.meta { color: #555; font-size: .85rem; margin-bottom: .4rem; }
.context { background: #fbfbf7; border: 1px dashed var(--line); padding: .5rem .8rem;
           margin: .4rem 0; white-space: pre-wrap; }
mark { background: #ffe58a; padding: 0 .1rem; }
.fix { margin: .5rem 0; } .fix strong, .cites strong { font-family: Helvetica, Arial, sans-serif; }
.cites { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .93rem; }
.cites li { margin: .3rem 0; }
blockquote { margin: .2rem 0 .2rem .2rem; padding-left: .7rem; border-left: 3px solid #bbb;
             font-style: italic; }
a { color: #0b4f8a; word-break: break-all; }
.file-error { color: var(--err); font-weight: bold; }
footer { margin-top: 3rem; color: #666; font-size: .8rem; border-top: 1px solid var(--line);
         padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { page-break-before: auto; page-break-after: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; word-break: break-all; }
  @page { size: A4; margin: 18mm 16mm; }
}
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "file"


def context_html(f: Finding) -> str:
    """The block around the excerpt, the excerpt marked; the excerpt alone when not found."""
    if not f.context:
        return f'<div class="context">{e(f.excerpt)}</div>'
    block = " ".join(f.context.split())
    needle = f.excerpt.strip("…").strip()
    at = block.find(needle) if needle else -1
    if at < 0:
        return f'<div class="context"><mark>{e(f.excerpt)}</mark></div>'
    before, after = block[:at], block[at + len(needle):]
    room = max(0, CONTEXT_MAX - len(needle)) // 2
    if len(before) > room:
        before = "…" + before[len(before) - room:]
    if len(after) > room:
        after = after[:room] + "…"
    return f'<div class="context">{e(before)}<mark>{e(needle)}</mark>{e(after)}</div>'


def citations_html(ctx: ReportContext, f: Finding) -> str:
    if not f.citations:
        return ""
    items = []
    for c in f.citations:
        title, _short, url = instrument(ctx, c)
        head = f"<strong>{e(title)}</strong>, {e(c.section)}"
        if c.quote:
            quote = f"<blockquote>“{e(c.quote)}”</blockquote>"
        else:
            quote = f'<p class="paraphrase">{e(c.words())}</p>' if c.summary else ""
        link = f'<a href="{e(url)}">{e(url)}</a>' if url else ""
        items.append(f"<li>{head}{quote}{link}</li>")
    return '<ul class="cites">' + "".join(items) + "</ul>"


def finding_html(ctx: ReportContext, n: int, f: Finding, waiver=None) -> str:
    sev = "waived" if waiver else f.severity.value
    badge = f'<span class="badge {f.severity.value}">{e(f.severity.value)}</span>'
    if waiver:
        badge += f' <span class="badge waived">waived ({e(waiver.kind)})</span>'
    meta = [e(where(f)), e(f.category.value)]
    if f.section:
        meta.append("section: " + e(" › ".join(f.section)))
    if f.downgraded_from:
        meta.append(f"downgraded from {e(f.downgraded_from.value)}")
    waived = ""
    if waiver:
        who = ", ".join(e(x) for x in (waiver.reviewer, waiver.date, waiver.expires and
                                          f"expires {waiver.expires}") if x)
        waived = (f'<p class="fix"><strong>Waived:</strong> {e(waiver.reason or "no reason")}'
                  + (f" ({who})" if who else "") + "</p>")
    return (f'<section class="finding {sev}" id="f-{e(f.fingerprint)}">'
            f'<h4>{n}. {badge} <a href="{e(rule_url(ctx, f.rule))}">{e(f.rule)}</a> {e(f.name)}</h4>'
            f'<div class="meta">{" · ".join(meta)}</div>'
            f'{context_html(f)}<p>{e(f.message)}</p>{waived}'
            f'<p class="fix"><strong>Fix.</strong> {e(f.fix)}</p>'
            f'{citations_html(ctx, f)}</section>')


def verdict_html(ctx: ReportContext, r: FileResult) -> str:
    a = r.applicability
    if a is None:
        return ""
    reasons = "".join(f"<li>{e(x)}</li>" for x in a.reasons)
    warnings = "".join(f"<li><strong>warning:</strong> {e(x)}</li>" for x in a.warnings)
    missing = (f"<p>Missing metadata: {e(', '.join(a.missing))}</p>" if a.missing else "")
    cites = "".join(f"<li>{e(instrument(ctx, c)[0])}, {e(c.section)}</li>" for c in a.citations)
    return (f'<div class="verdict {slug(verdict_word(r))}"><p><strong>Verdict.</strong> '
            f'{e(verdict_line(a))}</p><ul>{reasons}{warnings}</ul>{missing}'
            + (f'<p class="meta">Authorities for the verdict:</p><ul class="meta">{cites}</ul>'
               if cites else "") + "</div>")


def summary_table(results: list[FileResult]) -> str:
    rows = category_rows(results)
    if not rows:
        return ""
    body = "".join(f'<tr><td>{e(cat)}</td><td class="n">{er}</td><td class="n">{w}</td>'
                   f'<td class="n">{i}</td></tr>' for cat, er, w, i in rows)
    return ('<table><thead><tr><th>category</th><th>errors</th><th>warnings</th><th>info</th>'
            f'</tr></thead><tbody>{body}</tbody></table>')


def file_html(ctx: ReportContext, r: FileResult) -> str:
    out = [f'<h2 id="{slug(r.path)}">{e(r.path)}</h2>']
    out += [f'<p class="file-error">Could not be checked ({e(x.kind)}): {e(x.message)}</p>'
            for x in r.errors]
    out.append(verdict_html(ctx, r))
    out += [f"<p><strong>Warning:</strong> {e(w)}</p>" for w in r.warnings]
    if r.findings:
        out.append(f"<h3>Summary</h3>{summary_table([r])}")
        out.append(f"<h3>Findings ({len(r.findings)})</h3>")
        out += [finding_html(ctx, n, f) for n, f in enumerate(r.findings, 1)]
    elif not r.errors:
        out.append("<p>No findings.</p>")
    if r.waived:
        out.append(f"<h3>Waived ({len(r.waived)})</h3>")
        out += [finding_html(ctx, n, w.finding, w.waiver) for n, w in enumerate(r.waived, 1)]
    return "\n".join(x for x in out if x)


def render(results: list[FileResult], ctx: ReportContext) -> str:
    c = counts(results)
    overview = "".join(
        f'<tr><td><a href="#{slug(r.path)}">{e(r.path)}</a></td><td>{e(verdict_word(r))}</td>'
        + "".join(f'<td class="n">{sum(f.severity.value == s for f in r.findings)}</td>'
                  for s in ("error", "warning", "info"))
        + f'<td class="n">{len(r.waived)}</td></tr>' for r in results)
    stats = ""
    if ctx.statistics:
        stats = ("<h2>Statistics</h2><table><thead><tr><th>count</th><th>rule</th>"
                 "<th>category</th><th>severity</th></tr></thead><tbody>"
                 + "".join(f'<tr><td class="n">{n}</td><td>{e(rule)}</td><td>{e(cat)}</td>'
                           f"<td>{e(sev)}</td></tr>" for n, rule, cat, sev in statistics_rows(results))
                 + "</tbody></table>")
    body = "\n".join(file_html(ctx, r) for r in results)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="svrules {e(ctx.version)}">
<title>svrules report: social value review</title>
<style>{CSS}</style>
</head>
<body>
<h1>Social value review</h1>
<p class="summary">{plural(c['files'], 'file')} checked: <strong>{plural(c['findings'], 'finding')}</strong>
({c['error']} error, {c['warning']} warning, {c['info']} info), {c['waived']} waived,
{c['baselined']} in the baseline, {plural(c['file_errors'], 'file error')}.</p>
<table><thead><tr><th>file</th><th>Social Value Act</th><th>errors</th><th>warnings</th><th>info</th>
<th>waived</th></tr></thead><tbody>{overview}</tbody></table>
<h3>By category and severity</h3>
{summary_table(results) or "<p>No findings.</p>"}
{body}
{stats}
<footer>Generated by svrules {e(ctx.version)}. Findings are an aid to review, not legal advice:
each cites the provision or guidance it rests on so that it can be checked.</footer>
</body>
</html>
"""
