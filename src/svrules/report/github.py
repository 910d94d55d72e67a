"""GitHub Actions workflow commands: annotations on the pull request, grouped per file.

`::error file=F,line=L,col=C,title=RULE::message`. The runner reads `%`, CR and LF as escapes in
the message, and additionally `:` and `,` in property values (they separate properties), so
they are escaped as `%25`, `%0D`, `%0A`, `%3A`, `%2C`; a path or a message can never end an
annotation early or forge another command. info findings become `::notice`.
"""
from __future__ import annotations

from ..model import FileResult, Finding
from . import ReportContext, instrument, plural, counts

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, props: dict[str, object], message: str) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + body if body else ''}::{escape_data(message)}"


def annotation(ctx: ReportContext, path: str, f: Finding) -> str:
    lines = [f.message, "", f"Fix: {f.fix.strip()}"]
    for c in f.citations:
        _title, short, url = instrument(ctx, c)
        quote = f" {c.words()}" if c.words() else ""
        lines.append(f"See: {short} {c.section}:{quote}" + (f" <{url}>" if url else ""))
    props = {"file": path, "line": f.line, "col": f.column, "title": f.rule}
    return command(COMMAND[f.severity.value], props, "\n".join(lines))


def render(results: list[FileResult], ctx: ReportContext) -> str:
    out: list[str] = []
    for r in results:
        out.append(f"::group::{escape_data(r.path)}")
        for e in r.errors:
            out.append(command("error", {"file": r.path, "line": e.line,
                                         "title": f"svrules {e.kind}"}, e.message))
        for w in r.warnings:
            out.append(command("warning", {"file": r.path, "title": "svrules"}, w))
        for f in r.findings:
            out.append(annotation(ctx, r.path, f))
        for w in r.waived:
            out.append(f"waived {w.finding.rule} line {w.finding.line}: "
                       f"{escape_data(w.waiver.reason or '')}")
        out.append("::endgroup::")
    c = counts(results)
    out.append(f"svrules: {plural(c['files'], 'file')} checked, {plural(c['findings'], 'finding')}"
               f" ({c['error']} error, {c['warning']} warning, {c['info']} info), "
               f"{c['waived']} waived, {c['baselined']} baselined, "
               f"{plural(c['file_errors'], 'file error')}.")
    return "\n".join(out) + "\n"
