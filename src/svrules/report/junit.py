"""JUnit XML for CI test dashboards: one testcase per file × rule.

A rule with findings in a file is a failing testcase whose text lists each finding with its
place, fix and citations; a rule whose findings there were all waived is skipped with the
reason; a rule that did not run on the file (select/ignore/per-file-ignores) is skipped; a file
that could not be read is one testcase with an error.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..model import FileResult, Finding
from . import ReportContext, instrument, rules_used, where


def _failure_text(ctx: ReportContext, path: str, f: Finding) -> str:
    lines = [f"{path}: {where(f)}: {f.severity.value}: {f.message}", f"  fix: {' '.join(f.fix.split())}"]
    for c in f.citations:
        title, _short, url = instrument(ctx, c)
        quote = f" {c.words()}" if c.words() else ""
        lines.append(f"  see: {title}, {c.section}:{quote}" + (f" <{url}>" if url else ""))
    return "\n".join(lines)


def _suite(ctx: ReportContext, r: FileResult, infos) -> tuple[list[str], dict[str, int]]:
    n = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    cases: list[str] = []
    classname = quoteattr(r.path)
    if r.errors:
        for e in r.errors:
            n["tests"] += 1
            n["errors"] += 1
            cases.append(f"    <testcase classname={classname} name={quoteattr('load')}>\n"
                         f"      <error type={quoteattr(e.kind)} message={quoteattr(e.message)}/>\n"
                         f"    </testcase>")
        return cases, n
    for info in infos:
        n["tests"] += 1
        name = quoteattr(f"{info.id} {info.name}")
        found = [f for f in r.findings if f.rule == info.id]
        waived = [w for w in r.waived if w.finding.rule == info.id]
        if found:
            n["failures"] += 1
            text = "\n\n".join(_failure_text(ctx, r.path, f) for f in found)
            message = f"{len(found)} finding{'s' if len(found) != 1 else ''}: {found[0].message}"
            cases.append(f"    <testcase classname={classname} name={name}>\n"
                         f"      <failure type={quoteattr(info.id)} message={quoteattr(message)}>"
                         f"{escape(text)}</failure>\n    </testcase>")
        elif waived:
            n["skipped"] += 1
            reason = "; ".join(f"waived ({w.waiver.kind}): {w.waiver.reason}" for w in waived)
            cases.append(f"    <testcase classname={classname} name={name}>\n"
                         f"      <skipped message={quoteattr(reason)}/>\n    </testcase>")
        elif ctx.enabled is not None and not ctx.enabled(r.path, info.id, info.category):
            n["skipped"] += 1
            cases.append(f"    <testcase classname={classname} name={name}>\n"
                         f"      <skipped message=\"not selected for this file\"/>\n"
                         f"    </testcase>")
        else:
            cases.append(f"    <testcase classname={classname} name={name}/>")
    return cases, n


def render(results: list[FileResult], ctx: ReportContext) -> str:
    infos = rules_used(results, ctx)
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suites = []
    for r in results:
        cases, n = _suite(ctx, r, infos)
        for k in total:
            total[k] += n[k]
        attrs = " ".join(f'{k}="{v}"' for k, v in n.items())
        suites.append(f"  <testsuite name={quoteattr(r.path)} {attrs}>\n" + "\n".join(cases)
                      + "\n  </testsuite>")
    attrs = " ".join(f'{k}="{v}"' for k, v in total.items() if k != "skipped")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="svrules" {attrs}>\n' + "\n".join(suites) + "\n</testsuites>\n")
