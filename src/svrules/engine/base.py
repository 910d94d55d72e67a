"""What every engine returns and raises. A module of its own so that the engines import it, not
the package that chooses between them (which imports the engines): no import circle.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Match:
    rule: str
    ref: int | None      # the anchoring fact's `ref` (a hit or extracted fact), None for the document


class EngineError(RuntimeError):
    """A rule action failed inside the engine: never to be mistaken for "no findings"."""


class EngineUnavailable(EngineError):
    """durable-rules cannot be imported: a setup problem, reported as a usage error (exit 2)."""
