"""`svrules waive`: which finding a waiver is for, named by fingerprint or by FILE:LINE:RULE.

A waiver that matches nothing would look like a decision while deciding nothing, so the finding
is looked up in a real check of the files first; an unknown rule, no such finding, or a name
that fits more than one finding is a usage error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .model import FileResult, Finding

_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}$")
_RULE = re.compile(r"^[A-Z]{2,10}[0-9]{3}$")


class WaiveError(Exception):
    """The finding to waive cannot be identified (exit 2)."""


@dataclass(frozen=True)
class Wanted:
    fingerprint: Optional[str] = None     # a fingerprint or a prefix of one (8+ hex digits)
    file: Optional[str] = None
    line: Optional[int] = None
    rule: Optional[str] = None


def parse_target(target: str, rule: Optional[str] = None) -> Wanted:
    """FINGERPRINT, or FILE:LINE:RULE (FILE:LINE with --rule), as `path:line:col: RULE` output
    shows them (a `:COL` is allowed and ignored); FILE:RULE for a finding about the whole
    document."""
    text = target.strip()
    given_rule = rule.strip().upper() if rule else None
    if given_rule is not None and not _RULE.match(given_rule):
        raise WaiveError(f"--rule {rule!r}: expected a rule id such as LOCAL001")
    if _FINGERPRINT.match(text.lower()):
        return Wanted(fingerprint=text.lower(), rule=given_rule)
    parts = text.rsplit(":", 3)
    found_rule = parts[-1].strip().upper() if parts and _RULE.match(parts[-1].strip().upper()) \
        else None
    if found_rule is not None:
        parts = parts[:-1]
    numbers = []
    while len(parts) > 1 and parts[-1].strip().lstrip("¶").isdigit():
        numbers.insert(0, int(parts.pop().strip().lstrip("¶")))
    if not numbers and found_rule and len(parts) == 1 and parts[0]:
        return Wanted(file=parts[0], line=None, rule=found_rule)
    if not numbers or len(numbers) > 2 or not parts[0]:
        raise WaiveError(f"{target!r}: expected a fingerprint (8 or more hex digits) or "
                         "FILE:LINE:RULE, e.g. tenders/spec.md:27:LOCAL001")
    file = ":".join(parts)
    if found_rule and given_rule and found_rule != given_rule:
        raise WaiveError(f"{target!r} names {found_rule} but --rule says {given_rule}")
    chosen = found_rule or given_rule
    if chosen is None:
        raise WaiveError(f"{target!r}: say which rule, as FILE:LINE:RULE or with --rule")
    return Wanted(file=file, line=numbers[0], rule=chosen)


def find_finding(results: Iterable[FileResult], wanted: Wanted) -> tuple[str, Finding]:
    """The one finding WANTED names, with the path it was reported under."""
    candidates: list[tuple[str, Finding]] = []
    waived: list[tuple[str, Finding]] = []
    problems: list[str] = []
    for r in results:
        problems += [f"{r.path}: [{e.kind}] {e.message}" for e in r.errors]
        pool = list(r.findings) + [b.finding for b in r.baselined]
        for f in pool:
            if _fits(f, wanted):
                candidates.append((r.path, f))
        waived += [(r.path, w.finding) for w in r.waived if _fits(w.finding, wanted)]
    if len(candidates) == 1:
        return candidates[0]
    name = _name(wanted)
    if len(candidates) > 1:
        listed = "; ".join(f"{p}:{f.line} {f.rule} {f.fingerprint}" for p, f in candidates[:5])
        raise WaiveError(f"{name} fits {len(candidates)} findings ({listed}): name one by its "
                         "fingerprint")
    if waived:
        raise WaiveError(f"{name} is already waived or suppressed")
    hint = f" ({'; '.join(problems[:3])})" if problems else ""
    raise WaiveError(f"no finding {name} in the checked files{hint}; `svrules check` shows "
                     "each finding's fingerprint")


def _fits(f: Finding, wanted: Wanted) -> bool:
    if wanted.rule is not None and f.rule != wanted.rule:
        return False
    if wanted.fingerprint is not None:
        return f.fingerprint.startswith(wanted.fingerprint)
    loc = f.location
    if wanted.line is None:                       # FILE:RULE: the whole-document finding
        return loc is not None and loc.part == "document"
    lines = {f.line}
    if loc is not None and loc.paragraph is not None:
        lines.add(loc.paragraph)
    return wanted.line in lines


def _name(wanted: Wanted) -> str:
    if wanted.fingerprint is not None:
        return f"{wanted.rule + ' ' if wanted.rule else ''}{wanted.fingerprint}"
    if wanted.line is None:
        return f"{wanted.rule} about the whole of {wanted.file}"
    return f"{wanted.rule} at {wanted.file}:{wanted.line}"
