"""A thin, faster front for google-re2's `search`/`match`/`fullmatch`/`finditer` on `str`.

The `re2` package's Python wrapper re-encodes the whole text to UTF-8 and converts `pos` from
characters to bytes by scanning from the start on *every* call. The extractors run some forty
patterns over each block, so that overhead, not RE2 itself, was most of the extract stage, and
`search(text, pos)` in a loop over a long block was quadratic. Here:

* the UTF-8 encoding of the last text seen is kept and shared by every pattern (the patterns run
  over one block after another, so it is almost always a hit);
* for ASCII text (most tender prose) byte offsets are character offsets: no conversion at all;
* otherwise offsets are converted from the nearest known (byte, char) checkpoint, so a forward
  walk over the text costs its length once, not once per match.

`PatternSet` (an RE2 `Set`: which of many patterns match a text, in one pass) is what
`extract.index` puts each block through, so that a reader skips the blocks it cannot use.

Matches are the `re2` package's own match objects, so callers see the same API. Anything else
(`sub`, `split`, attributes) is delegated to the wrapped pattern.
"""
from __future__ import annotations

import bisect

import re2
from re2 import _re2

_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START
_ANCHOR_BOTH = re2._Anchor.ANCHOR_BOTH
_NULL = (-1, -1)
_Match = re2._Match


class PatternSet:
    """An RE2 `Set` over fixed patterns: one DFA pass over a text says exactly which of them
    match somewhere in it. Exact, not a heuristic: a pattern the set refuses counts as matching
    every text, and so does every pattern when the set's DFA gives up (RE2 then returns no
    matches at all; a sentinel pattern that matches every text tells that case apart)."""

    def __init__(self, patterns) -> None:
        options = re2.Options()
        options.max_mem = 256 << 20
        options.never_capture = True
        options.log_errors = False
        built = re2.Set.SearchSet(options)
        outside = []
        for position, compiled in enumerate(patterns):
            # A pattern's position in the set is its position in `patterns`; one the set
            # cannot take is held by a placeholder that never matches, and counts as matching.
            compiled = getattr(compiled, "_re", compiled)          # a FastRegex's pattern
            source = _set_source(compiled)
            try:
                if source is None:
                    raise ValueError(compiled.pattern)
                built.Add(source)
            except Exception:                 # refused (too large ...)
                outside.append(position)
                built.Add(_NEVER)
        self.size = len(patterns)
        self.sentinel = built.Add(r"\z")
        built.Compile()
        self.set, self.outside = built, frozenset(outside)

    def matching(self, data: bytes) -> frozenset[int] | None:
        """Positions of the patterns that match the UTF-8 `data` somewhere; None when unknown.
        (The sentinel's position, `size`, may be in the answer: it is no pattern's.)"""
        matched = frozenset(self.set.Match(data) or ())      # the wrapper gives None for none
        if self.sentinel not in matched:      # the DFA gave up: no answer
            return None
        return matched | self.outside if self.outside else matched


def _set_source(compiled) -> str | None:
    """The pattern as a `Set` member, its case option written inline; None when the pattern
    uses another option that a set-wide `Options` cannot carry per pattern."""
    options = compiled.options
    if any(getattr(options, name) != getattr(_DEFAULT_OPTIONS, name) for name in _SET_WIDE):
        return None
    source = compiled.pattern
    return source if options.case_sensitive else "(?i)" + source


_NEVER = r"[^\x00-\x{10FFFF}]"         # matches nothing
_DEFAULT_OPTIONS = re2.Options()
_SET_WIDE = ("encoding", "posix_syntax", "longest_match", "literal", "never_nl", "dot_nl",
             "one_line", "perl_classes", "word_boundary")


class _Encoded:
    """A text's UTF-8 bytes and, for non-ASCII text, checkpoints mapping bytes to characters."""

    __slots__ = ("text", "data", "ascii", "bytes_at", "chars_at")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        if not self.ascii:             # (ASCII text needs no conversion: left unset)
            self.bytes_at = [0]        # sorted byte offsets with a known character offset
            self.chars_at = [0]        # the character offset of each

    def to_chars(self, b: int) -> int:
        if self.ascii or b <= 0:
            return b
        i = bisect.bisect_right(self.bytes_at, b) - 1
        b0, c0 = self.bytes_at[i], self.chars_at[i]
        if b0 == b:
            return c0
        c = c0 + _re2.BytesToCharLen(self.data, b0, b)
        self.bytes_at.insert(i + 1, b)
        self.chars_at.insert(i + 1, c)
        return c

    def to_bytes(self, c: int) -> int:
        if self.ascii or c <= 0:
            return c
        i = bisect.bisect_right(self.chars_at, c) - 1
        b0, c0 = self.bytes_at[i], self.chars_at[i]
        if c0 == c:
            return b0
        b = b0 + _re2.CharLenToBytes(self.data, b0, c - c0)
        self.bytes_at.insert(i + 1, b)
        self.chars_at.insert(i + 1, c)
        return b


_last: _Encoded | None = None
_recent: dict[int, _Encoded] = {}       # id(text) -> encoding, for texts asked about twice
_probation: dict[int, _Encoded] = {}    # texts asked about once (clause slices, mostly)
_RECENT_MAX = 65536                     # blocks of a very long document; then start afresh
_PROBATION_MAX = 256


def _encoded(text: str) -> _Encoded:
    """The encoding of `text`, shared by every pattern run over it. A block is read by the
    extractors and later by every rule, so the encodings of texts asked about more than once
    are kept until `forget()` (the end of the document); one-off slices are not."""
    global _last
    key = id(text)
    enc = _recent.get(key)
    if enc is None or enc.text is not text:
        enc = _probation.get(key)
        if enc is not None and enc.text is text:          # asked about again: keep it
            if len(_recent) >= _RECENT_MAX:
                _recent.clear()
            _recent[key] = enc
        else:
            if len(_probation) >= _PROBATION_MAX:
                _probation.clear()
            enc = _probation[key] = _Encoded(text)
    _last = enc
    return enc


def forget() -> None:
    """Drop the kept encodings: called when a document is done, so memory stays flat."""
    global _last
    _last = None
    _recent.clear()
    _probation.clear()


class FastRegex:
    """Wraps a compiled `re2` pattern; same results, less per-call overhead."""

    __slots__ = ("_re", "_c")

    def __init__(self, compiled) -> None:
        self._re = compiled
        self._c = compiled._regexp

    def __getattr__(self, name):
        return getattr(self._re, name)

    def __reduce__(self):
        return (FastRegex, (self._re,))

    def _iter(self, anchor, text, pos, endpos, once: bool):
        if not isinstance(text, str):
            yield from self._re._match(anchor, text, pos, endpos)
            return
        n = len(text)
        pos = 0 if pos is None else max(0, min(pos, n))
        endpos = n if endpos is None else max(0, min(endpos, n))
        if pos > endpos:
            return
        enc = _last if _last is not None and _last.text is text else _encoded(text)
        data, match, to_chars = enc.data, self._c.Match, enc.to_chars
        bpos = enc.to_bytes(pos)
        bend = len(data) if endpos == n else enc.to_bytes(endpos)
        while True:
            spans = match(anchor, data, bpos, bend)
            if spans[0] == _NULL:
                return
            if not enc.ascii:
                spans = [s if s == _NULL else (to_chars(s[0]), to_chars(s[1])) for s in spans]
            yield _Match(self._re, text, pos, endpos, spans)
            if once:
                return
            b_end = match_end = spans[0][1]
            if not enc.ascii:
                b_end = enc.to_bytes(match_end)
            if bpos == bend:
                return
            if bpos == b_end:           # an empty match: step one character forward
                bpos = enc.to_bytes(enc.to_chars(bpos) + 1)
            else:
                bpos = b_end

    def search(self, text, pos=None, endpos=None):
        if pos is None and endpos is None and type(text) is str:     # the common case, inline
            enc = _last if _last is not None and _last.text is text else _encoded(text)
            spans = self._c.Match(_UNANCHORED, enc.data, 0, len(enc.data))
            if spans[0] == _NULL:
                return None
            if not enc.ascii:
                to_chars = enc.to_chars
                spans = [s if s == _NULL else (to_chars(s[0]), to_chars(s[1])) for s in spans]
            return _Match(self._re, text, 0, len(text), spans)
        return next(self._iter(_UNANCHORED, text, pos, endpos, True), None)

    def match(self, text, pos=None, endpos=None):
        return next(self._iter(_ANCHOR_START, text, pos, endpos, True), None)

    def fullmatch(self, text, pos=None, endpos=None):
        return next(self._iter(_ANCHOR_BOTH, text, pos, endpos, True), None)

    def finditer(self, text, pos=None, endpos=None):
        return self._iter(_UNANCHORED, text, pos, endpos, False)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in `text`, as `finditer` would give them, without
        building a match object for each (the rule scan wants only the places)."""
        enc = _last if _last is not None and _last.text is text else _encoded(text)
        if not enc.ascii:
            return [m.span() for m in self._iter(_UNANCHORED, text, None, None, False)]
        data, match = enc.data, self._c.Match
        bpos, bend, out = 0, len(data), []
        while True:
            span = match(_UNANCHORED, data, bpos, bend)[0]
            if span == _NULL:
                return out
            out.append(span)
            if bpos == bend:
                return out
            bpos = span[1] if span[1] != bpos else bpos + 1

    def findall(self, text, pos=None, endpos=None):
        empty = type(text)()
        groups = self._re.groups
        out = []
        for m in self.finditer(text, pos, endpos):
            if not groups:
                out.append(m.group())
            elif groups == 1:
                out.append(m.groups(default=empty)[0])
            else:
                out.append(m.groups(default=empty))
        return out


_WRAPPED: dict[object, FastRegex] = {}


def fast(compiled) -> FastRegex:
    """The one `FastRegex` for a compiled pattern (`re2.compile` caches its patterns too, so a
    pattern compiled inside a function is wrapped once, not per call)."""
    if isinstance(compiled, FastRegex):
        return compiled
    wrapped = _WRAPPED.get(compiled)
    if wrapped is None:
        wrapped = _WRAPPED[compiled] = FastRegex(compiled)
    return wrapped


_ANY_SETS: dict[tuple, tuple] = {}      # ids of the patterns -> (patterns, set or None, outside)
_ANY_SETS_MAX = 256


def any_search(patterns, text: str) -> bool:
    """`any(p.search(text) for p in patterns)`, from one pass of an RE2 set over the patterns
    (built once per tuple of patterns and kept): the same answer, since a pattern the set cannot
    take, and every pattern when the set gives no answer, is searched for as before."""
    key = tuple(map(id, patterns))
    known = _ANY_SETS.get(key)
    if known is None:
        patterns = tuple(patterns)
        try:
            built = PatternSet(patterns)
        except Exception:                 # a pattern that is not RE2: search them all
            built = None
        if len(_ANY_SETS) >= _ANY_SETS_MAX:
            _ANY_SETS.clear()
        known = _ANY_SETS[key] = (patterns, built)     # the patterns kept: their ids stay theirs
    patterns, built = known
    found = built.matching(text.encode("utf-8")) if built is not None else None
    if found is None:
        return any(p.search(text) for p in patterns)
    if built.outside:
        return any(i < len(patterns) and (i not in built.outside or patterns[i].search(text))
                   for i in found)
    return any(i < len(patterns) for i in found)
