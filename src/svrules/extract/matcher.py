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
from ._rx import within_sentence

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
        return fast(re2.compile(within_sentence(pattern), _OPTIONS))
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

    __slots__ = ("block", "text", "spans", "starts", "section_text", "index", "position",
                 "_lead")

    def __init__(self, block: Block, index: "DocumentIndex | None" = None,
                 position: int = -1) -> None:
        self.block = block
        # the document index, when this block is one of its blocks: it tells which patterns
        # cannot match here, so they are not run (most of a rule's patterns, in most blocks)
        self.index = index
        self.position = position
        self.text = block.text
        if block.kind in (BlockKind.table_row, BlockKind.table_cell, BlockKind.heading):
            self.spans = [(0, len(block.text))]
        else:
            self.spans = sentence_spans(block.text)
        self.starts = [s for s, _ in self.spans]
        self.section_text = " / ".join(block.section)
        self._lead: tuple[int, str] | None | bool = False      # not looked for yet

    @property
    def lead(self) -> tuple[int, str] | None:
        """(position, text) of the paragraph that introduces this list item's list: the block
        before the run of list items it belongs to, when that is a paragraph of the same
        section ending in a colon ("Tenderers must:"). None for other blocks."""
        if self._lead is False:
            self._lead = None
            index, at = self.index, self.position
            if self.block.kind is BlockKind.list_item and index is not None and at > 0:
                blocks = index.blocks
                j = at - 1
                while j >= 0 and at - j <= LEAD_IN_ITEMS and blocks[j].kind is BlockKind.list_item:
                    j -= 1
                if (j >= 0 and blocks[j].kind is BlockKind.paragraph
                        and blocks[j].section == self.block.section
                        and blocks[j].text.rstrip().endswith(":")):
                    self._lead = (j, blocks[j].text)
        return self._lead

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _gated(patterns: Sequence[str], index: "DocumentIndex | None") -> tuple:
    """`patterns` compiled, each with its position in the index's gates (None: not a gate)."""
    position = index.gates.position if index is not None else {}
    out = []
    for p in patterns:
        compiled = compile_pattern(p)
        out.append((compiled, position.get(id(compiled))))
    return tuple(out)


def _spans(gated: tuple, text: str, found) -> list[tuple[int, int]]:
    """The matches of every pattern of `gated` in `text`; a pattern the index says does not
    occur in this block (`found`: the gates that do, None when unknown) is not run."""
    if found is None:
        return [m for compiled, _ in gated for m in compiled.spans(text)]
    return [m for compiled, gate in gated if gate is None or gate in found
            for m in compiled.spans(text)]


#: how many list items back a list item's lead-in is looked for (`BlockText.lead`)
LEAD_IN_ITEMS = 40
#: the longest block text whose scan result is remembered (`scan`'s `memo`)
MEMO_TEXT_MAX = 4000
#: entries per memo before it is emptied (so memory stays flat over a long run)
MEMO_MAX = 8192


def scan(texts: Sequence[BlockText], rule_id: str, spec: "TextPattern",
         memo: dict | None = None) -> list[Hit]:
    """All sentences where `spec` matches, at most one hit per sentence.

    `memo`, when given, is this spec's own dict from (text, kind, section when the spec names
    sections) to the places found there: what a block gives depends only on those (the index's
    gates are a function of the text, and exact), so a paragraph a specification repeats (per lot, per site, in every
    tender of a library) is read once. Only short texts are kept, and not too many."""
    hits: list[Hit] = []
    kinds = set(spec.kinds)
    sections = [compile_pattern(p) for p in spec.in_sections]
    prepared: dict[int, tuple] = {}     # per index (None for blocks without one)
    for bt in texts:
        kind = bt.block.kind
        if kind is BlockKind.comment or (kinds and kind.value not in kinds):
            continue
        key = None
        if memo is not None and len(bt.text) <= MEMO_TEXT_MAX:
            key = (bt.text, kind, bt.section_text if sections else None,
                   bt.lead if spec.lead_in else None)
            places = memo.get(key)
            if places is not None:
                index = bt.block.index
                hits.extend(Hit(rule_id, index, *place) for place in places)
                continue
        places = _places(bt, spec, sections, prepared)
        if key is not None:
            if len(memo) >= MEMO_MAX:
                memo.clear()
            memo[key] = places
        if places:
            index = bt.block.index
            hits.extend(Hit(rule_id, index, *place) for place in places)
    return hits


def _places(bt: BlockText, spec: "TextPattern", sections: list,
            prepared: dict[int, tuple]) -> tuple[tuple[int, int, int, int], ...]:
    """(sentence start, end, match start, end) of each sentence of `bt` where `spec` matches,
    in order, at most one per sentence."""
    if sections and not any(p.search(bt.section_text) for p in sections):
        return ()
    index = bt.index
    lists = prepared.get(id(index))
    if lists is None:
        lists = prepared[id(index)] = tuple(_gated(ps, index) for ps in (
            spec.any, spec.unless, spec.all, spec.unless_sentence, spec.block_all,
            spec.block_asks, spec.block_unless))
    any_, unless_, all_, unless_sentence, block_all, block_asks, block_unless = lists
    found_gates = index.found_at(bt.position) if index is not None else None
    text = bt.text
    found: dict[int, tuple[int, int]] = {}
    candidates = _spans(any_, text, found_gates)
    if not candidates:
        return ()
    candidates.sort()
    unless = _spans(unless_, text, found_gates)
    for start, end in candidates:
        if unless and any(u_start < end and start < u_end for u_start, u_end in unless):
            continue
        found.setdefault(bt.sentence_of(start), (start, end))
    if not found:
        return ()
    if block_unless and _spans(block_unless, text, found_gates):
        return ()           # the block says the question is not scored or required
    lead = bt.lead if spec.lead_in else None
    led = False         # the lead-in met `all` for the item
    met: set[int] = set()   # sentences of a scored item (its marks meet `all` for them)
    if block_all and all_ and _block_meets(bt, block_all, unless_sentence, found_gates):
        met = set(found) if not block_asks else {
            bt.sentence_of(s) for s, _ in _spans(block_asks, text, found_gates)} & set(found)
    for one in all_:
        have = {bt.sentence_of(s) for s, _ in _spans((one,), text, found_gates)} | met
        if lead is not None and len(have) < len(found) and _spans(
                (one,), lead[1], index.found_at(lead[0]) if index is not None else None):
            led = True
            continue        # the list's lead-in meets it for every sentence of the item
        found = {i: m for i, m in found.items() if i in have}
    for one in unless_sentence:
        drop = {bt.sentence_of(s) for s, _ in _spans((one,), text, found_gates)}
        found = {i: m for i, m in found.items() if i not in drop}
    if led and found and _spans(unless_sentence, lead[1],
                                index.found_at(lead[0]) if index is not None else None):
        return ()           # a lead-in the item relies on is itself excluded ("will not count:")
    return tuple((*bt.spans[i], *found[i]) for i in sorted(found))


def _block_meets(bt: BlockText, block_all: tuple, unless_sentence: tuple, found_gates) -> bool:
    """Whether a `block_all` pattern is found in a sentence of `bt` that `unless_sentence`
    does not drop ("This question will not be scored" does not make the block a scored one)."""
    have = {bt.sentence_of(s) for s, _ in _spans(block_all, bt.text, found_gates)}
    if have and unless_sentence:
        have -= {bt.sentence_of(s) for s, _ in _spans(unless_sentence, bt.text, found_gates)}
    return bool(have)


def candidates(index: "DocumentIndex", spec: "TextPattern",
               texts: dict[int, BlockText]) -> list[BlockText]:
    """The blocks where one of the rule's `any` patterns matches (from the document's pattern
    index), as `BlockText`s kept in `texts` for the next rule: only these can give a hit."""
    out = []
    for i in index.positions_with(*(compile_pattern(p) for p in spec.any)):
        bt = texts.get(i)
        if bt is None:
            bt = texts[i] = BlockText(index.blocks[i], index, i)
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
