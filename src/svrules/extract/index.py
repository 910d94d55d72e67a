"""Which gate patterns occur in which blocks of one document, so that each extractor and each
rule looks only at the blocks where its patterns occur: most blocks of a long tender could not
give any reader a finding, and skipping them is most of a check's speed.

A reader whose every finding needs one of a few patterns to match (a sum of money for the
contract value, a CPV code or "provision of ... services" for the nature, a rule's `any`
patterns for a text rule) declares them as its gate. `Gates` puts every gate pattern in one
RE2 set; `DocumentIndex` runs that set once over each block (one DFA pass: it says exactly
which gate patterns match somewhere in the block) and `positions_with(patterns)` answers from
that. A reader then reads only those blocks: the same findings as reading every block, without
the per-block Python work on the great majority of blocks that could not give one.

The answers are exact, never approximate, and err only towards "may match": a pattern that is
not a gate, or a block the set could not answer for, counts as matching everywhere.
`DocumentIndex(blocks, prefilter=False)` answers "every block" to every question: the reference
the tests compare the filtered readers with.
"""
from __future__ import annotations

import os
from typing import Iterable, Sequence

from ..model import Block
from ._fastre2 import PatternSet


#: block texts up to this long have the set's answer remembered (`Gates.seen`), this many
SEEN_TEXT_MAX = 4000
SEEN_MAX = 16384


class Gates:
    """The gate patterns (compiled by `extract._rx.rx` or `matcher.compile_pattern`) in one set."""

    def __init__(self, patterns: Iterable) -> None:
        self.patterns = list(dict.fromkeys(patterns))        # unique, in order
        self.position = {id(p): i for i, p in enumerate(self.patterns)}
        self.set = PatternSet(self.patterns) if not os.environ.get("SVRULES_NO_PREFILTER") \
            else None
        # the set's answer for each short block text seen, across documents: a specification
        # repeats its paragraphs, and the answer is a function of the text alone
        self.seen: dict[str, frozenset[int] | None] = {}

    def plus(self, patterns: Iterable) -> "Gates":
        return Gates([*self.patterns, *patterns])


def reader_gates() -> Gates:
    """The gates of the readers registered so far (`extract.readers`; `check.Checker` imports
    every reader first). A reader not yet registered has no gate, so its patterns count as
    matching everywhere: slower, never a different answer."""
    from .readers import gate_patterns
    patterns = tuple(gate_patterns())
    cached = _GATES_CACHE.get(patterns)
    if cached is None:
        _GATES_CACHE.clear()
        cached = _GATES_CACHE[patterns] = Gates(patterns)
    return cached


_GATES_CACHE: dict[tuple, Gates] = {}


class DocumentIndex:
    def __init__(self, blocks: Sequence[Block], gates: Gates | None = None,
                 prefilter: bool = True) -> None:
        self.blocks = blocks
        self.gates = gates if gates is not None else reader_gates()
        self._everywhere = tuple(range(len(blocks)))
        self._postings: dict[int, list[int]] | None = None   # gate position -> block positions
        self._unknown: list[int] = []      # blocks the set could not answer for
        self._found: list[frozenset[int] | None] | None = None   # per block: gates matching
        if prefilter and self.gates.set is not None:
            self._build(self.gates.set)

    def _build(self, pattern_set: PatternSet) -> None:
        postings: dict[int, list[int]] = {}
        self._found = per_block = []
        seen = self.gates.seen
        for position, block in enumerate(self.blocks):
            text = block.text
            if len(text) > SEEN_TEXT_MAX:
                found = pattern_set.matching(text.encode("utf-8"))
            elif text in seen:
                found = seen[text]
            else:
                if len(seen) >= SEEN_MAX:
                    seen.clear()
                found = seen[text] = pattern_set.matching(text.encode("utf-8"))
            per_block.append(found)
            if found is None:
                self._unknown.append(position)
                continue
            for gate in found:
                if gate in postings:
                    postings[gate].append(position)
                else:
                    postings[gate] = [position]
        self._postings = postings

    def positions_with(self, *patterns) -> Sequence[int]:
        """Positions (in `blocks`, ascending) of the blocks where any of `patterns` may match;
        no other block has a match of any of them."""
        if self._postings is None:
            return self._everywhere
        found: set[int] = set(self._unknown)
        for pattern in patterns:
            gate = self.gates.position.get(id(pattern))
            if gate is None:                   # not a gate: it may match anywhere
                return self._everywhere
            found.update(self._postings.get(gate, ()))
        return sorted(found)

    def found_at(self, position: int) -> frozenset[int] | None:
        """The gate positions matching in the block at `position`; None when unknown."""
        return None if self._found is None else self._found[position]

    def blocks_with(self, *patterns) -> list[Block]:
        return [self.blocks[i] for i in self.positions_with(*patterns)]

    def any_block(self, pattern, positions: Iterable[int] | None = None) -> bool:
        """Does `pattern` match in any block (of `positions`, when given)?"""
        candidates = self.positions_with(pattern)
        if positions is not None:
            wanted = set(positions)
            candidates = [i for i in candidates if i in wanted]
        return any(pattern.search(self.blocks[i].text) for i in candidates)
