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

Matches are the `re2` package's own match objects, so callers see the same API. Anything else
(`sub`, `split`, attributes) is delegated to the wrapped pattern.
"""
from __future__ import annotations

import bisect
import os

import re2
from re2 import _re2

_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START
_ANCHOR_BOTH = re2._Anchor.ANCHOR_BOTH
_NULL = (-1, -1)
_Match = re2._Match
_UNSET = object()
_PREFILTER_AFTER = 3
_NO_MATCHES = ()


class _Prefilter:
    """RE2's FilteredRE2 over every pattern compiled here: for a text, which patterns *could*
    match (their required literal "atoms" occur in it). A pattern that cannot match is not run.
    Patterns without atoms are "unfiltered" and always run, so this never hides a match."""

    #: texts asked about before a filter that lacks newly compiled patterns is rebuilt; until
    #: then those patterns are simply run (rebuilding costs ~15 ms, so not once per pattern)
    REBUILD_AFTER = 256

    def __init__(self) -> None:
        self.patterns: list = []          # compiled re2 patterns, index = filter index
        self.filter = None                # built lazily over patterns[:built]
        self.built = 0
        self.asked = 0
        self.enabled = not os.environ.get("SVRULES_NO_PREFILTER")

    def register(self, compiled) -> int:
        self.patterns.append(compiled)
        return len(self.patterns) - 1

    def potential(self, text: str, data: bytes) -> tuple[frozenset[int] | None, int]:
        """(indices of the patterns that could match `text`, how many patterns the filter
        knows); patterns registered after the filter was built are not covered by it."""
        if not self.enabled:
            return None, 0
        self.asked += 1
        if self.filter is None or (self.built < len(self.patterns)
                                   and self.asked >= self.REBUILD_AFTER):
            filt = re2.Filter()
            for compiled in self.patterns:
                filt.Add(compiled._pattern, compiled.options)
            filt.Compile()
            self.filter, self.built, self.asked = filt, len(self.patterns), 0
        if len(data) != len(text):
            # Non-ASCII: RE2 folds case by Unicode simple folding; offer the atoms both
            # Python's lower() and casefold() of the text so that no folding is missed.
            data = (text.lower() + "\n" + text.casefold()).encode("utf-8")
        return frozenset(self.filter._filter.Match(data, True) or ()), self.built


_PREFILTER = _Prefilter()


class _Encoded:
    """A text's UTF-8 bytes and, for non-ASCII text, checkpoints mapping bytes to characters."""

    __slots__ = ("text", "data", "ascii", "bytes_at", "chars_at", "_potential", "_calls", "_known")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self.bytes_at = [0]        # sorted byte offsets with a known character offset
        self.chars_at = [0]        # the character offset of each
        self._potential = _UNSET
        self._calls = 0
        self._known = 0            # patterns registered when `_potential` was computed

    def could_match(self, index: int) -> bool:
        potential = self._potential
        if potential is _UNSET:
            # Asking the prefilter costs about one regex run: worth it only for a text that
            # many patterns are run over (a block), not for a clause looked at once or twice.
            self._calls += 1
            if self._calls < _PREFILTER_AFTER:
                return True
            potential, self._known = _PREFILTER.potential(self.text, self.data)
            self._potential = potential
        # a pattern registered since (compiled later) was not asked about: it may match
        return potential is None or index in potential or index >= self._known

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

    __slots__ = ("_re", "_c", "_index")

    def __init__(self, compiled) -> None:
        self._re = compiled
        self._c = compiled._regexp
        self._index = _PREFILTER.register(compiled)

    def __getattr__(self, name):
        return getattr(self._re, name)

    def __reduce__(self):
        return (FastRegex, (self._re,))

    def _iter(self, anchor, text, pos, endpos, once: bool, enc=None):
        if not isinstance(text, str):
            yield from self._re._match(anchor, text, pos, endpos)
            return
        n = len(text)
        pos = 0 if pos is None else max(0, min(pos, n))
        endpos = n if endpos is None else max(0, min(endpos, n))
        if pos > endpos:
            return
        if enc is None:                 # not already gated by the caller
            enc = _encoded(text)
            if not enc.could_match(self._index):
                return
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
            potential, index = enc._potential, self._index
            if potential is _UNSET:
                if not enc.could_match(index):
                    return None
            elif not (potential is None or index in potential or index >= enc._known):
                return None
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
        if type(text) is str:
            enc = _last if _last is not None and _last.text is text else _encoded(text)
            potential, index = enc._potential, self._index
            if potential is _UNSET:
                if not enc.could_match(index):
                    return _NO_MATCHES
            elif not (potential is None or index in potential or index >= enc._known):
                return _NO_MATCHES
            return self._iter(_UNANCHORED, text, pos, endpos, False, enc)
        return self._iter(_UNANCHORED, text, pos, endpos, False)

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
    pattern compiled inside a function is registered with the prefilter once, not per call)."""
    if isinstance(compiled, FastRegex):
        return compiled
    wrapped = _WRAPPED.get(compiled)
    if wrapped is None:
        wrapped = _WRAPPED[compiled] = FastRegex(compiled)
    return wrapped
