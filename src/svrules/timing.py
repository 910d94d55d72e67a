"""Optional per-stage timing of the pipeline, for the benchmark (`bench/run.py`).

`TimedChecker` is a `Checker` that adds `time.perf_counter` sums per stage into a `stats` dict.
It is used only when timing is asked for, so the ordinary `Checker` pays nothing for it.

Stages: `load` (read, decode, split into blocks, metadata), `extract` (tender facts, verdict,
text patterns), `engine` (the rule engine's run), `findings` (facts for the engine and the
findings built from its matches). `discover` and `report` are timed by the caller.
"""
from __future__ import annotations

from time import perf_counter

from .check import Checker

STAGES = ("discover", "load", "extract", "engine", "findings", "report")


def new_stats() -> dict[str, float]:
    return {stage: 0.0 for stage in STAGES} | {"documents": 0, "text_bytes": 0}


class _TimedEngine:
    def __init__(self, engine, stats: dict) -> None:
        self._engine = engine
        self._stats = stats
        self.name = engine.name

    def run(self, sid, facts):
        t0 = perf_counter()
        try:
            return self._engine.run(sid, facts)
        finally:
            self._stats["engine"] += perf_counter() - t0


class TimedChecker(Checker):
    def __init__(self, *args, stats: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stats = stats if stats is not None else new_stats()
        self.engine = _TimedEngine(self.engine, self.stats)

    def analyse(self, doc):
        t0 = perf_counter()
        try:
            return super().analyse(doc)
        finally:
            self.stats["extract"] += perf_counter() - t0

    def match(self, analysis):
        t0 = perf_counter()
        engine_before = self.stats["engine"]
        try:
            return super().match(analysis)
        finally:
            spent = perf_counter() - t0
            self.stats["findings"] += spent - (self.stats["engine"] - engine_before)

    def check_target(self, target):
        t0 = perf_counter()
        before = {k: self.stats[k] for k in ("extract", "engine", "findings")}
        try:
            return super().check_target(target)
        finally:
            spent = perf_counter() - t0
            self.stats["load"] += spent - sum(self.stats[k] - v for k, v in before.items())
            self.stats["documents"] += 1
