"""Shared plumbing for the extractors: safe regex compilation, hits and clause boundaries.

Why re2: tender text is untrusted input and some patterns here need bounded repetition of word
groups (authority names, "N+1+1 years"). RE2 guarantees linear-time matching whatever the pattern,
so no pattern in this package can backtrack catastrophically. RE2 has no look-around, so patterns
are written without it and the little context checking that needs it is done in Python.
Offsets returned by the `re2` binding are character offsets into the `str`, as with `re`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import re2

from ._fastre2 import fast

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 64 << 20


@lru_cache(maxsize=None)
def rx(pattern: str, ignore_case: bool = True):
    """Compile `pattern` with RE2 (linear time). Case-insensitive unless told otherwise.
    Cached, so a pattern written inline in a loop is compiled once."""
    return fast(re2.compile(("(?i)" if ignore_case else "") + within_sentence(pattern), _OPTIONS))


# Inside a sentence a full stop before a digit, or in "e.g." and "i.e.", ends nothing: "0.5%",
# "£1.5m", "Section 4.2". RE2 has no look-behind, so a window written `[^.]{0,40}` ("no sentence
# end in between") is widened to let such a stop through.
_DOT_INSIDE = r"\.(?:\d|[gGeE]\.)"


@lru_cache(maxsize=None)
def within_sentence(pattern: str) -> str:
    """`pattern` with each negated character class that excludes '.' (and not digits or word
    characters) also accepting a full stop inside a number or an "e.g.". Other text is
    unchanged."""
    if "[^" not in pattern:
        return pattern
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch != "[":
            out.append(ch)
            i += 1
            continue
        end = _class_end(pattern, i)
        body = pattern[i:end]
        if body.startswith("[^") and _excludes_dot_only(body[2:-1]):
            out.append(f"(?:{body}|{_DOT_INSIDE})")
        else:
            out.append(body)
        i = end
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """The offset just after the character class opening at `start` (a ']' first in the class
    is a literal; escapes are skipped)."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[" and pattern.startswith("[:", i):
            close = pattern.find(":]", i + 2)
            i = close + 2 if close != -1 else i + 1
            continue
        if pattern[i] == "]":
            return i + 1
        i += 1
    return len(pattern)


def _excludes_dot_only(members: str) -> bool:
    """True when a negated class's members include a bare '.' but nothing a full stop inside a
    word could be followed by (digits, word characters, letters)."""
    plain = re.sub(r"\\.", "", members)
    if "." not in plain:
        return False
    return not re.search(r"\\[dwDWpP]|0-9|a-z|A-Z|\[:", members)


@dataclass(frozen=True)
class Hit:
    """A fact found at [start, end) of one block's text, before it is given a line."""

    start: int
    end: int
    name: str
    value: object
    detail: str = ""
    vat: str | None = None
    rank: int = 1


# Words whose trailing full stop does not end a sentence ("exc. VAT", "approx. £5m", "p.a. for").
_ABBREVIATIONS = frozenset({
    "exc", "excl", "inc", "incl", "approx", "est", "c", "ca", "e.g", "i.e", "eg", "ie", "no", "nos",
    "ref", "p.a", "pa", "vs", "etc", "st", "dr", "mr", "mrs", "ms", "co", "ltd", "plc", "reg",
    "regs", "s", "ss", "para", "sch", "art", "cl", "min", "max", "yr", "yrs", "mth", "mths", "tel",
    "dept", "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "hr", "hrs", "wk", "wks", "v",
})


# Candidate clause ends, found in C rather than by a Python loop over every character: a
# terminator followed by a space, tab, newline or the end, or the first newline of a blank line.
_CLAUSE_END = re.compile(r"[.!?;](?=[ \t\n]|\Z)|\n(?=\n)")


@lru_cache(maxsize=8)
def clause_bounds(text: str) -> tuple[int, ...]:
    """Offsets where a clause ends: after '.', '!', '?' or ';' followed by a space, and at blank
    lines. Full stops after common abbreviations and inside numbers ("£1.5m") are not ends.
    Returns a sorted tuple that always ends with len(text). Linear in the text; cached for the
    few extractors that ask for the same block in turn."""
    ends: list[int] = []
    n = len(text)
    for m in _CLAUSE_END.finditer(text):
        i = m.start()
        if text[i] == ".":
            j = i
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:i].lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            k = i + 1
            while k < n and text[k] in " \t\n":
                k += 1
            if k < n and text[k].islower():      # "approx. value", "per annum. the" ...
                continue
        ends.append(i + 1)
    ends.append(n)
    return tuple(ends)


def clause_of(bounds: list[int], offset: int) -> tuple[int, int]:
    """(start, end) of the clause containing `offset`, given `clause_bounds` (binary search)."""
    if not bounds:
        return 0, 0
    i = bisect.bisect_right(bounds, offset)
    if i >= len(bounds):
        return (bounds[-2] if len(bounds) > 1 else 0), bounds[-1]
    return (bounds[i - 1] if i else 0), bounds[i]


class Spans:
    """Non-overlapping [start, end) spans already claimed, kept sorted so that each question is a
    binary search: keeps the extractors linear-ish on text with thousands of matches."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)       # spans starting before `end`
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def last_end_in(self, low: int, high: int) -> int:
        """The greatest end of a span ending within [low, high], or `low`."""
        i = bisect.bisect_right(self.starts, high)
        if i and low <= self.ends[i - 1] <= high:
            return self.ends[i - 1]
        return low


WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty-six": 36, "forty-eight": 48, "sixty": 60,
}
NUM = r"(?:\d{1,3}(?:\.\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" \
      r"|eighteen|twenty-four|thirty-six|forty-eight|twenty|sixty)"


def number(word: str) -> float:
    word = word.strip().lower()
    if word in WORD_NUMBERS:
        return float(WORD_NUMBERS[word])
    return float(word)
