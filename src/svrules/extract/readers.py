"""The registry of readers: every reader of a document declares itself here.

A reader is a function that reads one document's blocks and produces facts of one kind (the
tender's inputs, social value clauses, weightings, the document fact's text fields). It
declares its name, the fact kind it produces and its gate patterns: the patterns one of which
must match in a block for the reader to find anything there (`extract.index`). Registering
is all a new reader needs: `check.Checker` imports the reader modules, collects their gates
from here and gives them to `DocumentIndex`, so the index never imports its clients.

The readers built in (tender facts, clauses, weightings, the document fact's text fields) are
called by name where the pipeline needs them. A reader registered with a `fact` of its own
(a `vocabulary.FactKind`) is a plug-in: `facts.extract_rule_facts` calls its `read(blocks,
index)` for every document and gives the engine one fact of that kind per `Reading` it
returns, anchored where the reading was made, so a rule can test it in `when.fact` like a
clause. Adding one is one module that calls `register(...)` (tests/example_reader.py).

This module imports no reader, so every reader can import it without a cycle.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional


@dataclass(frozen=True)
class Reader:
    name: str
    produces: str          # a fact kind of `svrules.vocabulary`, or "inputs" for tender facts
    gates: tuple           # compiled patterns (extract._rx.rx or matcher.compile_pattern)
    read: Callable
    fact: Optional[Any] = None      # a plug-in reader's own vocabulary.FactKind

    def __hash__(self) -> int:
        return hash(self.name)


_READERS: dict[str, Reader] = {}


@dataclass(frozen=True)
class Reading:
    """One fact a plug-in reader read: where (offsets into the block's text, as a `Hit`) and
    its fields (named in the reader's `FactKind`)."""

    block: int
    start: int              # the sentence
    end: int
    match_start: int        # the words that decided it
    match_end: int
    fields: dict
    detail: str = ""        # for the rule message's {detail}


def register(name: str, *, produces: str, gates: Iterable, read: Callable,
             fact: Optional[Any] = None) -> Reader:
    """Declare a reader (called once, at the bottom of the reader's module). Registering the
    same name again replaces it, so reloading a module in a test does not duplicate gates.
    A plug-in's `fact` joins the vocabulary, so rules on it are checked like any other."""
    reader = Reader(name, produces, tuple(gates), read, fact)
    if fact is not None:
        from ..vocabulary import declare
        declare(fact)
    _READERS[name] = reader
    return reader


def unregister(name: str) -> None:
    reader = _READERS.pop(name, None)
    if reader is not None and reader.fact is not None:
        from ..vocabulary import forget
        forget(reader.fact.name)


def plugins() -> tuple[Reader, ...]:
    return tuple(r for r in registered() if r.fact is not None)


def registered() -> tuple[Reader, ...]:
    """The readers, by name (so the gate order does not depend on the order of imports)."""
    return tuple(_READERS[name] for name in sorted(_READERS))


def gate_patterns() -> list:
    return [pattern for reader in registered() for pattern in reader.gates]
