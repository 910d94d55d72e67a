"""The registry of readers: every reader of a document declares itself here.

A reader is a function that reads one document's blocks and produces facts of one kind (the
tender's inputs, social value clauses, weightings, the document fact's text fields). It
declares its name, the fact kind it produces and its gate patterns: the patterns one of which
must match in a block for the reader to find anything there (`extract.index`). Registering
is all a new reader needs: `check.Checker` imports the reader modules, collects their gates
from here and gives them to `DocumentIndex`, so the index never imports its clients.

This module imports no reader, so every reader can import it without a cycle.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class Reader:
    name: str
    produces: str          # a fact kind of `svrules.vocabulary`, or "inputs" for tender facts
    gates: tuple           # compiled patterns (extract._rx.rx or matcher.compile_pattern)
    read: Callable

    def __hash__(self) -> int:
        return hash(self.name)


_READERS: dict[str, Reader] = {}


def register(name: str, *, produces: str, gates: Iterable, read: Callable) -> Reader:
    """Declare a reader (called once, at the bottom of the reader's module). Registering the
    same name again replaces it, so reloading a module in a test does not duplicate gates."""
    reader = Reader(name, produces, tuple(gates), read)
    _READERS[name] = reader
    return reader


def registered() -> tuple[Reader, ...]:
    """The readers, by name (so the gate order does not depend on the order of imports)."""
    return tuple(_READERS[name] for name in sorted(_READERS))


def gate_patterns() -> list:
    return [pattern for reader in registered() for pattern in reader.gates]
