"""Engine stage: compiled rules and a document's facts in, rule matches out.

Two engines sit behind one interface (`Engine.run(sid, facts) -> list[Match]`):
`durable` (durable-rules, the production engine; the only module that imports `durable`) and
`python` (a plain-Python evaluator of the same compiled dicts: the test oracle and a fallback).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, order=True)
class Match:
    rule: str
    ref: int | None      # the anchoring fact's `ref` (a hit or extracted fact), None for the document


class EngineError(RuntimeError):
    """A rule action failed inside the engine: never to be mistaken for "no findings"."""


class Engine(Protocol):
    name: str

    def run(self, sid: str, facts: list[dict]) -> list[Match]: ...


def make_engine(kind: str, compiled) -> Engine:
    if kind == "durable":
        from .durable_engine import DurableEngine
        return DurableEngine(compiled)
    if kind == "python":
        from .python_engine import PythonEngine
        return PythonEngine(compiled)
    raise ValueError(f"unknown engine {kind!r} (durable or python)")
