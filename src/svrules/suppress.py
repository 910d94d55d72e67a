"""Suppress stage: inline suppressions, reviewed waivers and the baseline.

Runs after findings are built and before reporting. A suppressed finding is never dropped: it
moves to `FileResult.waived` (inline suppressions and waivers, with their reason) or
`FileResult.baselined`, so reports count it apart and exit codes ignore it.

Inline, in Markdown or text (the loader keeps HTML comments as `comment` blocks)::

    <!-- svrules: disable=LOCAL001 reason="operational: 2-hour emergency call-out" -->
    <!-- svrules: disable-file=PROC001,local reason="considered in the business case" -->

`disable` covers the next block, `disable-file` the whole file. Rules are ids, categories or
globs. The reason is required. Decision: a suppression that is malformed, names an unknown rule
or has no reason is *not applied* and is reported as an `SUPP001` warning finding, so the
finding it meant to hide stays visible until someone writes down why; a valid suppression that
hid nothing is reported as `SUPP002` (sqlfluff's unused noqa), so stale ones get cleaned up.
Both are ordinary findings (select/ignore them like any rule), never suppressible themselves.

Waivers live in a reviewed YAML file (`svrules-waivers.yaml`) keyed by fingerprint and rule
(optionally path); an expired waiver no longer applies and the run says so. The baseline is a
JSON list of fingerprint + rule + path written by `--write-baseline`, so a repository that
adopts svrules fails only on new findings. Both key on the fingerprint (rule + normalised
sentence + occurrence), never on file + rule alone: moving a paragraph or editing others keeps
the key, editing the sentence itself makes a new finding.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import fnmatch
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .config import Config
from .io_safe import atomic_write
from .findings import context_of, fingerprint, normalise_text
from .model import (Block, BlockKind, Category, Document, FileResult, Finding, Location,
                    Severity, WaivedFinding, Waiver)
from .builtin_rules import META_RULES, RuleInfo  # noqa: F401  (public names)
from .rulepack import RulePack

WAIVERS_FILE = "svrules-waivers.yaml"
TODAY_ENV = "SVRULES_TODAY"

_DIRECTIVE = re.compile(r"^<!--\s*svrules\s*:(?P<body>.*?)-->\s*$", re.S)
_PAIR = re.compile(r"""\s*(?P<key>[A-Za-z_-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")
_RULE_ID = re.compile(r"^[A-Za-z]{2,10}[0-9]{3}$")
_CATEGORIES = {c.value for c in Category}


class SuppressError(Exception):
    """A waivers or baseline file that cannot be used (exit 2): the message names the file."""


def today() -> dt.date:
    """Today, or `SVRULES_TODAY` (YYYY-MM-DD) so that tests and audits can fix the date."""
    value = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(value) if value else dt.date.today()


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


# --------------------------------------------------------------------------- waivers

class WaiverEntry(BaseModel):
    """One reviewed decision in svrules-waivers.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: str = Field(pattern=r"^[0-9a-f]{8,64}$")
    rule: str = Field(pattern=r"^[A-Z]{2,10}[0-9]{3}$")
    path: Optional[str] = Field(None, description="file (or glob) relative to the waivers file")
    reason: str = Field(min_length=3)
    reviewer: str = Field(min_length=1)
    date: dt.date
    expires: Optional[dt.date] = None

    @field_validator("reason", "reviewer")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return " ".join(value.split())


@dataclass
class WaiverSet:
    path: Path
    entries: list[WaiverEntry]
    lines: list[int]

    @property
    def base(self) -> Path:
        return self.path.resolve().parent


def find_waivers(config: Config, first_path: str) -> Optional[Path]:
    """Beside the configuration file; else the nearest one upward from the checked path."""
    if config.waivers:
        base = Path(config.source).parent if config.source else Path(".")
        return base / config.waivers
    if config.source:
        candidate = Path(config.source).parent / WAIVERS_FILE
        return candidate if candidate.is_file() else None
    here = Path(first_path).resolve()
    for folder in ((here.parent if here.is_file() else here), *here.parents):
        if (folder / WAIVERS_FILE).is_file():
            return folder / WAIVERS_FILE
    return None


def load_waivers(path: Path) -> WaiverSet:
    from .untrusted import UntrustedInput, parse_yaml, read_text
    try:
        text = read_text(path)
        data = parse_yaml(text)
    except UntrustedInput as exc:
        if str(exc) == "not found":
            raise SuppressError(f"{path}: waivers file not found") from None
        raise SuppressError(f"{path}: {exc}") from None
    # parsed above, so well-formed and at most MAX_DEPTH deep: composing it again is safe
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if data is None:
        return WaiverSet(path, [], [])
    if not isinstance(data, dict) or set(data) - {"waivers"} or \
            not isinstance(data.get("waivers") or [], list):
        raise SuppressError(f"{path}: expected a mapping with one key 'waivers' holding a list")
    items = data.get("waivers") or []
    lines = [1] * len(items)
    if node is not None and isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "waivers" and isinstance(value, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value.value]
    entries = []
    for i, item in enumerate(items):
        try:
            entries.append(WaiverEntry.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"]) or "(entry)"
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            raise SuppressError(f"{path}:{lines[i]}: waiver {i + 1}: key '{key}': {msg}") from None
    return WaiverSet(path, entries, lines)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock for the read-modify-write of PATH: POSIX flock on its folder, which the
    atomic rename of PATH leaves in place, so no lock file is left beside the user's files."""
    import fcntl
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


WAIVERS_HEADER = """\
# svrules waivers: findings accepted after review. Each entry names the finding by its
# fingerprint (stable when the text moves; editing the sentence itself makes a new finding),
# the reason, who reviewed it and when, and optionally when the decision must be looked at again.
# Add entries with `svrules waive FINGERPRINT --rule RULE --reason "..." --by "Name"`.
waivers:
"""


def entry_yaml(entry: WaiverEntry) -> str:
    data = {k: v for k, v in entry.model_dump(mode="json").items() if v is not None}
    text = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=1000)
    return "".join("  " + line + "\n" for line in text.splitlines())


def append_waiver(path: Path, entry: WaiverEntry) -> None:
    """Append one waiver under a lock, keeping the file's comments; never a half-written file."""
    from .untrusted import UntrustedInput, read_text
    with _locked(path):
        try:
            current = read_text(path) if os.path.lexists(path) else ""
        except UntrustedInput as exc:
            raise SuppressError(f"{path}: {exc}") from None
        existing = load_waivers(path).entries if current.strip() else []
        if not current.strip():
            current = WAIVERS_HEADER
        if not current.endswith("\n"):
            current += "\n"
        new = current + entry_yaml(entry)
        try:
            parsed = yaml.safe_load(new)
            ok = isinstance(parsed, dict) and len(parsed.get("waivers") or []) == len(existing) + 1
        except yaml.YAMLError:
            ok = False
        if not ok:   # a file whose list is not last or is written inline: re-dump it whole
            data = {"waivers": [e.model_dump(mode="json", exclude_none=True)
                                for e in [*existing, entry]]}
            new = WAIVERS_HEADER.rsplit("waivers:", 1)[0] + yaml.safe_dump(
                data, sort_keys=False, allow_unicode=True, width=1000)
        atomic_write(path, new)


# --------------------------------------------------------------------------- baseline

def _rel(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.realpath(path), base)).as_posix()


def write_baseline(path: Path, results: list[FileResult]) -> None:
    """The current active findings (fingerprint, rule, path relative to the file), sorted."""
    base = path.resolve().parent
    items = sorted({(_rel(r.path, base), f.rule, f.fingerprint)
                    for r in results for f in r.findings})
    data = {"tool": "svrules", "baseline": 1,
            "findings": [{"path": p, "rule": rule, "fingerprint": fp} for p, rule, fp in items]}
    atomic_write(path, json.dumps(data, indent=2) + "\n")


def load_baseline(path: Path) -> set[tuple[str, str, str]]:
    from .untrusted import UntrustedInput, parse_json, read_text
    try:
        data = parse_json(read_text(path))
    except UntrustedInput as exc:
        if str(exc) == "not found":
            raise SuppressError(f"{path}: baseline file not found") from None
        raise SuppressError(f"{path}: not an svrules baseline: {exc}") from None
    try:
        base = path.resolve().parent
        return {(os.path.realpath(base / x["path"]), str(x["rule"]), str(x["fingerprint"]))
                for x in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SuppressError(f"{path}: not an svrules baseline: {type(exc).__name__} "
                            f"{exc}") from None


# --------------------------------------------------------------------------- the run-level stage

def _waiver_matches(entry: WaiverEntry, base: Path, path: str, f: Finding) -> bool:
    if entry.fingerprint != f.fingerprint or entry.rule != f.rule:
        return False
    if entry.path is None:
        return True
    rel = _rel(path, base)
    return rel == Path(os.path.normpath(entry.path)).as_posix() or fnmatch.fnmatch(rel, entry.path)


def review(results: list[FileResult], waivers: Optional[WaiverSet] = None,
           baseline: Optional[set[tuple[str, str, str]]] = None,
           on: Optional[dt.date] = None) -> list[FileResult]:
    """Apply waivers, then the baseline, to every file's active findings. A `ResultStore` in
    gives a `ResultStore` out (a run's results stay compressed: store.py)."""
    if waivers is None and baseline is None:
        return results                      # nothing to apply: the results as they are
    from .store import ResultStore
    on = on or today()
    out: list[FileResult] | ResultStore = ResultStore() if isinstance(results, ResultStore) \
        else []
    for r in results:
        keep, waived, baselined = [], list(r.waived), list(r.baselined)
        warnings = list(r.warnings)
        for f in r.findings:
            match = None
            for i, entry in enumerate(waivers.entries if waivers else []):
                if _waiver_matches(entry, waivers.base, r.path, f):
                    where = f"{waivers.path}:{waivers.lines[i]}"
                    if entry.expires is not None and entry.expires < on:
                        warnings.append(f"waiver for {f.rule} at line {f.line} ({where}) expired "
                                        f"on {entry.expires.isoformat()}: the finding is active again")
                        continue
                    match = Waiver(kind="waiver", reason=entry.reason, reviewer=entry.reviewer,
                                   date=entry.date, expires=entry.expires, where=where)
                    break
            if match is not None:
                waived.append(WaivedFinding(finding=f, waiver=match))
            elif baseline is not None and (os.path.realpath(r.path), f.rule,
                                           f.fingerprint) in baseline:
                baselined.append(WaivedFinding(finding=f, waiver=Waiver(kind="baseline")))
            else:
                keep.append(f)
        out.append(r.model_copy(update={"findings": tuple(keep), "waived": tuple(waived),
                                        "baselined": tuple(baselined),
                                        "warnings": tuple(warnings)}))
    return out
