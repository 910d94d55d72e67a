"""The text rules are matched on: what a reader sees, not how it is encoded.

"Only local suppliers" must be found however it is written: with Markdown emphasis
(`**local**`), a link or inline code around a word; with a zero-width space, a soft hyphen or
a bidi mark inside it; with a no-break or thin space between words; with a fullwidth,
mathematical or ligature form (Unicode compatibility forms, folded as NFKD does); with a
combining accent; or with a Cyrillic or Greek letter that looks Latin (a confusable). Each
block gets a *view* with all of those undone, and an offset map, so that matches found in the
view are reported at their place in the original text (`to_original`).

Newlines are never removed or added, so a view block has the original's lines: `line_starts`
and line numbers stay right. A block whose text has no non-ASCII character and (for Markdown)
no markup character is its own view, at no cost.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from functools import lru_cache
from typing import Sequence

from ..model import Block, Document

# Letters that render like Latin ones in common fonts (Unicode's confusables.txt, the Latin
# look-alikes among Cyrillic, Greek and a few IPA letters).
CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ο": "o", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "ϲ": "c", "ϳ": "j",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin letters of other alphabets that read as plain ones
    "ı": "i", "ȷ": "j", "ℓ": "l",
})

# Markdown inline markup: emphasis runs, code spans' backticks, and links/images, whose text is
# kept and whose bracket, parentheses and address are dropped. Bounded repetitions keep these
# linear on hostile lines.
_LINK = re.compile(r"!?\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![0-9A-Za-z])_{1,3}|_{1,3}(?![0-9A-Za-z])|`+|~~")
_SPECIAL = re.compile(r"[^\x00-\x7f]")
_MARKUP_CHARS = re.compile(r"[*_`\[~]")


@lru_cache(maxsize=4096)
def char_view(ch: str) -> str:
    """What one non-ASCII character reads as (possibly nothing, or several letters)."""
    category = unicodedata.category(ch)
    if category == "Cf":                        # zero-width, soft hyphen, bidi marks, BOM
        return ""
    if category == "Zs":                        # no-break, thin, em ... spaces
        return " "
    if category in ("Zl", "Zp"):
        return " "
    folded = unicodedata.normalize("NFKD", ch)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(CONFUSABLES)


class View:
    """A normalised text and the map from its offsets back to the original's."""

    __slots__ = ("text", "starts", "origins", "identity", "length")

    def __init__(self, text: str, starts: list[int], origins: list[int], identity: list[bool],
                 length: int) -> None:
        self.text = text
        self.starts = starts            # view offset where each segment starts
        self.origins = origins          # original offset it came from
        self.identity = identity        # copied character for character (else one char's expansion)
        self.length = length            # of the original text

    def to_original(self, offset: int) -> int:
        if offset >= len(self.text):
            return self.length
        seg = bisect.bisect_right(self.starts, offset) - 1
        if seg < 0:
            return 0
        if self.identity[seg]:
            return self.origins[seg] + (offset - self.starts[seg])
        return self.origins[seg]


def _deletions(text: str) -> list[tuple[int, int]]:
    cut: list[tuple[int, int]] = []
    for m in _LINK.finditer(text):
        cut.append((m.start(), m.start(1)))
        cut.append((m.end(1), m.end()))
    for m in _EMPHASIS.finditer(text):
        cut.append((m.start(), m.end()))
    cut.sort()
    merged: list[tuple[int, int]] = []
    for start, end in cut:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def view_of(text: str, markdown: bool) -> View | None:
    """The view of `text`, or None when it reads as it is written."""
    if text.isascii() and not (markdown and _MARKUP_CHARS.search(text)):
        return None
    out: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    identity: list[bool] = []
    size = 0

    def copy(a: int, b: int) -> None:
        nonlocal size
        if a >= b:
            return
        if identity and identity[-1] and origins[-1] + (size - starts[-1]) == a:
            pass                                # continues the previous copied segment
        else:
            starts.append(size)
            origins.append(a)
            identity.append(True)
        out.append(text[a:b])
        size += b - a

    def expand(at: int, replacement: str) -> None:
        nonlocal size
        if not replacement:
            return
        starts.append(size)
        origins.append(at)
        identity.append(False)
        out.append(replacement)
        size += len(replacement)

    kept: list[tuple[int, int]] = []
    pos = 0
    for start, end in (_deletions(text) if markdown else ()):
        kept.append((pos, start))
        pos = end
    kept.append((pos, len(text)))
    for a, b in kept:
        at = a
        for m in _SPECIAL.finditer(text, a, b):
            i = m.start()
            replacement = char_view(text[i])
            if replacement == text[i]:
                continue
            copy(at, i)
            expand(i, replacement)
            at = i + 1
        copy(at, b)
    view = "".join(out)
    if view == text:
        return None
    return View(view, starts, origins, identity, len(text))


@dataclasses.dataclass(frozen=True)
class MatchingView:
    """A document's blocks as rules see them, and the maps back to the original blocks."""

    document: Document
    views: dict[int, View]             # block position -> its view (changed blocks only)

    def to_original(self, hits: Sequence) -> list:
        """`hits` (any dataclass with block, start, end, match_start, match_end offsets into
        the view) with their offsets moved to the original text."""
        out = []
        for hit in hits:
            view = self.views.get(hit.block)
            if view is None:
                out.append(hit)
                continue
            out.append(dataclasses.replace(
                hit, start=view.to_original(hit.start), end=view.to_original(hit.end),
                match_start=view.to_original(hit.match_start),
                match_end=max(view.to_original(hit.match_end),
                              view.to_original(hit.match_start) + 1)))
        return out


def matching_view(doc: Document) -> MatchingView:
    """The document with every block's text replaced by its view (blocks that read as written
    are the same objects)."""
    markdown = doc.format in ("markdown", "text")
    views: dict[int, View] = {}
    blocks: list[Block] = []
    for position, block in enumerate(doc.blocks):
        view = view_of(block.text, markdown)
        if view is None:
            blocks.append(block)
            continue
        views[position] = view
        blocks.append(block.model_copy(update={"text": view.text}))
    if not views:
        return MatchingView(doc, {})
    return MatchingView(doc.model_copy(update={"blocks": tuple(blocks)}), views)
