"""Inline suppressions: `<!-- svrules: disable=RULE reason="..." -->` comments in the text,
applied to one document's findings as it is checked (see `svrules.suppress`)."""
from __future__ import annotations

import bisect
import fnmatch
import itertools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..builtin_rules import META_RULES
from ..config import Config
from ..findings import context_of, fingerprint, normalise_text
from ..model import (Block, BlockKind, Category, Document, FileResult, Finding, Location,
                     Severity, WaivedFinding, Waiver)
from ..rulepack import RulePack

_DIRECTIVE = re.compile(r"^<!--\s*svrules\s*:(?P<body>.*?)-->\s*$", re.S)
_PAIR = re.compile(r"""\s*(?P<key>[A-Za-z_-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")
_RULE_ID = re.compile(r"^[A-Za-z]{2,10}[0-9]{3}$")
_CATEGORIES = {c.value for c in Category}


# --------------------------------------------------------------------------- inline

@dataclass
class Directive:
    block: Block
    scope: str = ""                     # "disable" (next block) or "disable-file"
    rules: tuple[str, ...] = ()
    reason: str = ""
    problem: Optional[str] = None
    target: Optional[Block] = None
    used: int = field(default=0)

    def covers(self, f: Finding) -> bool:
        if self.problem or not any(_matches(p, f.rule, f.category.value) for p in self.rules):
            return False
        if self.scope == "disable-file":
            return True
        return self.target is not None and _block_has_line(self.target, f.line)


def _matches(pattern: str, rule: str, category: str) -> bool:
    return pattern == category or fnmatch.fnmatchcase(rule, pattern)


def _block_lines(block: Block) -> tuple[int, int]:
    if block.line_starts:
        return block.line_starts[0][0], block.line_starts[-1][0]
    return block.location.line, block.location.line


def _block_has_line(block: Block, line: int) -> bool:
    first, last = _block_lines(block)
    return first <= line <= last


def parse_directive(block: Block, pack: RulePack) -> Optional[Directive]:
    """The directive in a comment block, None when the comment is not for svrules."""
    m = _DIRECTIVE.match(block.text.strip())
    if m is None:
        return None
    d = Directive(block)
    body, pos, seen = m.group("body"), 0, {}
    for pair in _PAIR.finditer(body):
        if body[pos:pair.start()].strip():
            break
        value = next(v for v in (pair.group("dq"), pair.group("sq"), pair.group("bare"), "")
                     if v is not None)
        seen[pair.group("key").lower()] = value
        pos = pair.end()
    if body[pos:].strip():
        d.problem = f"cannot read {body[pos:].strip()[:40]!r}: write key=value pairs"
        return d
    scopes = [k for k in seen if k in ("disable", "disable-file")]
    unknown = sorted(set(seen) - {"disable", "disable-file", "reason"})
    if unknown:
        d.problem = f"unknown key {unknown[0]!r} (use disable=, disable-file= and reason=)"
    elif len(scopes) != 1:
        d.problem = "give exactly one of disable= or disable-file="
    else:
        d.scope = scopes[0]
        items = [x.strip() for x in seen[d.scope].split(",") if x.strip()]
        rules = []
        for item in items:
            if item in _CATEGORIES or any(ch in item for ch in "*?["):
                rules.append(item)
            elif _RULE_ID.match(item) and item.upper() in pack.by_id:
                rules.append(item.upper())
            else:
                d.problem = f"unknown rule {item!r}"
                break
        d.rules = tuple(rules)
        d.reason = " ".join(seen.get("reason", "").split())
        if d.problem is None and not d.rules:
            d.problem = f"{d.scope}= names no rule"
        elif d.problem is None and not d.reason:
            d.problem = 'the reason is required: add reason="..."'
    return d


class _Covering:
    """Which directive covers a finding, without trying every directive on every finding:
    file-wide ones are few; `disable=` ones are looked up by the line of the block they
    precede (blocks do not overlap), so 50,000 suppressions cost no more than 50,000 lines."""

    def __init__(self, directives: list[Directive]) -> None:
        self.order = {id(d): n for n, d in enumerate(directives)}
        self.file_wide = [d for d in directives if d.scope == "disable-file" and not d.problem]
        spans: dict[int, tuple[int, int, list[Directive]]] = {}
        for d in directives:
            if d.scope == "disable" and not d.problem and d.target is not None:
                first, last = _block_lines(d.target)
                spans.setdefault(id(d.target), (first, last, []))[2].append(d)
        self.spans = sorted(spans.values(), key=lambda span: (span[0], span[1]))
        self.firsts = [span[0] for span in self.spans]
        self.reach = list(itertools.accumulate((span[1] for span in self.spans), max))

    def first(self, f: Finding) -> Optional[Directive]:
        found = [d for d in self.file_wide if d.covers(f)][:1]
        j = bisect.bisect_right(self.firsts, f.line) - 1
        while j >= 0 and self.reach[j] >= f.line:     # spans starting at or before the line
            first, last, group = self.spans[j]
            if last >= f.line:
                found += [d for d in group if d.covers(f)][:1]
            j -= 1
        return min(found, key=lambda d: self.order[id(d)], default=None)


def _meta_finding(rule_id: str, block: Block, message: str, occurrence: int) -> Finding:
    info = META_RULES[rule_id]
    text = " ".join(block.text.split())
    return Finding(
        rule=rule_id, name=info.name, category=Category(info.category),
        severity=Severity(info.severity), line=block.location.line, column=block.location.column,
        location=Location(line=block.location.line, column=block.location.column),
        message=message, excerpt=text[:240], fix=info.fix,
        fingerprint=fingerprint(rule_id, text, occurrence), citations=(),
        section=block.section, context=context_of(block.text, 0, min(len(block.text), 240)))


def _rule_enabled(config: Config, path: str, pack: RulePack, pattern: str) -> bool:
    return any(_matches(pattern, r.id, r.category.value)
               and config.rule_enabled(path, r.id, r.category.value) for r in pack.rules)


def apply_inline(result: FileResult, doc: Document, pack: RulePack, config: Config) -> FileResult:
    """Move findings covered by valid inline suppressions to `waived`; report bad and unused ones."""
    directives: list[Directive] = []
    blocks = doc.blocks
    waiting: list[Directive] = []           # `disable=` directives before the next block
    for block in blocks:
        if block.kind is not BlockKind.comment:
            for d in waiting:
                d.target = block
            waiting = []
            continue
        d = parse_directive(block, pack)
        if d is None:
            continue
        if d.scope == "disable" and d.problem is None:
            waiting.append(d)
        directives.append(d)
    for d in waiting:
        d.problem = "disable= applies to the next block, and there is none"
    if not directives:
        return result
    covering = _Covering(directives)
    keep, waived = [], list(result.waived)
    for f in result.findings:
        d = covering.first(f)
        if d is None:
            keep.append(f)
            continue
        d.used += 1
        waived.append(WaivedFinding(finding=f, waiver=Waiver(
            kind="inline", reason=d.reason, where=f"{result.path}:{d.block.location.line}")))
    seen: dict[tuple[str, str], int] = {}
    for d in directives:
        if d.problem:
            rule, message = "SUPP001", f"Suppression not applied: {d.problem}."
        elif not d.used and any(_rule_enabled(config, result.path, pack, p) for p in d.rules):
            rule, message = "SUPP002", f"Unused suppression: no {', '.join(d.rules)} finding " + (
                "in this file." if d.scope == "disable-file" else "in the next block.")
        else:
            continue
        if not config.rule_enabled(result.path, rule, "input"):
            continue
        key = (rule, normalise_text(d.block.text))
        keep.append(_meta_finding(rule, d.block, message, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    keep.sort(key=lambda f: (f.line, f.column or 0, f.rule, f.fingerprint))
    return result.model_copy(update={"findings": tuple(keep), "waived": tuple(waived)})
