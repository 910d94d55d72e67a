"""Text matching for rule patterns, in linear time.

Rule packs are untrusted, so their regular expressions run on RE2 (no backtracking: the cost
is linear in the text whatever the pattern). Each pattern is run once over a whole block and
its matches are assigned to sentences, rather than once per sentence, to keep the per-call
overhead down on long documents.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

import re2

from ..model import Block, BlockKind
from ._fastre2 import fast

if TYPE_CHECKING:
    from ..rulepack import TextPattern
    from .index import DocumentIndex

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.case_sensitive = False

# A sentence ends at . ! ? or ; followed by space and a capital, digit, bracket or quote.
SENTENCE_END = re.compile(r"[.!?;:][\"'\u2019\u201d)]?\s+(?=[A-Z0-9(\"'\u2018\u201c\u2022\u2013-])|\n\s*\n")


class PatternError(ValueError):
    pass


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str):
    """Compile a rule pattern with RE2 (case-insensitive); explain what RE2 refuses."""
    if not isinstance(pattern, str) or not pattern:
        raise PatternError("a pattern must be a non-empty string")
    try:
        return fast(re2.compile(pattern, _OPTIONS))
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "(?<" in pattern or "(?=" in pattern or "(?!" in pattern:
            hint = " (look-around is not supported: use `unless` instead)"
        elif re.search(r"\\[1-9]", pattern):
            hint = " (back-references are not supported)"
        raise PatternError(f"pattern {pattern!r} is not valid RE2: {detail}{hint}") from None


@lru_cache(maxsize=1024)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in a block's text. Cached: the rule scan and the clause
    reader both split the same blocks."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.start() + 1
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans) or ((0, len(text)),)


@dataclass(frozen=True)
class Hit:
    """A sentence of a block where a rule's text pattern matched."""

    pattern: str          # the rule id (or `ID.absent`) whose pattern matched
    block: int
    start: int            # the sentence, as offsets into the block's text
    end: int
    match_start: int
    match_end: int


class BlockText:
    """A block's text with its sentences, computed once and shared by every pattern."""

    __slots__ = ("block", "text", "spans", "starts", "section_text")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.text = block.text
        if block.kind in (BlockKind.table_row, BlockKind.table_cell, BlockKind.heading):
            self.spans = [(0, len(block.text))]
        else:
            self.spans = sentence_spans(block.text)
        self.starts = [s for s, _ in self.spans]
        self.section_text = " / ".join(block.section)

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _matches(pattern: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in compile_pattern(pattern).finditer(text)]


def scan(texts: Sequence[BlockText], rule_id: str, spec: "TextPattern") -> list[Hit]:
    """All sentences where `spec` matches, at most one hit per sentence."""
    hits: list[Hit] = []
    kinds = set(spec.kinds)
    for bt in texts:
        if bt.block.kind is BlockKind.comment or (kinds and bt.block.kind.value not in kinds):
            continue
        if spec.in_sections and not any(compile_pattern(p).search(bt.section_text)
                                        for p in spec.in_sections):
            continue
        found: dict[int, tuple[int, int]] = {}
        candidates = [m for p in spec.any for m in _matches(p, bt.text)]
        if not candidates:
            continue
        candidates.sort()
        unless = [m for p in spec.unless for m in _matches(p, bt.text)]
        for start, end in candidates:
            if any(u_start < end and start < u_end for u_start, u_end in unless):
                continue
            found.setdefault(bt.sentence_of(start), (start, end))
        if not found:
            continue
        for pattern in spec.all:
            have = {bt.sentence_of(s) for s, _ in _matches(pattern, bt.text)}
            found = {i: m for i, m in found.items() if i in have}
        for pattern in spec.unless_sentence:
            drop = {bt.sentence_of(s) for s, _ in _matches(pattern, bt.text)}
            found = {i: m for i, m in found.items() if i not in drop}
        for i in sorted(found):
            s_start, s_end = bt.spans[i]
            m_start, m_end = found[i]
            hits.append(Hit(rule_id, bt.block.index, s_start, s_end, m_start, m_end))
    return hits


def candidates(index: "DocumentIndex", spec: "TextPattern",
               texts: dict[int, BlockText]) -> list[BlockText]:
    """The blocks where one of the rule's `any` patterns matches (from the document's pattern
    index), as `BlockText`s kept in `texts` for the next rule: only these can give a hit."""
    out = []
    for i in index.positions_with(*(compile_pattern(p) for p in spec.any)):
        bt = texts.get(i)
        if bt is None:
            bt = texts[i] = BlockText(index.blocks[i])
        out.append(bt)
    return out


def non_ascii_blocks(blocks, texts: dict[int, BlockText]) -> list[BlockText]:
    """The original blocks holding a non-ASCII character, for patterns matched on the text as
    written (`view: original`): only those can mix scripts or hide characters."""
    out = []
    for i, block in enumerate(blocks):
        if block.text.isascii():
            continue
        bt = texts.get(i)
        if bt is None:
            bt = texts[i] = BlockText(block)
        out.append(bt)
    return out
