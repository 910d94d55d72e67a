"""Engine stage: compiled rules and a document's facts in, rule matches out.

Two engines sit behind one interface (`Engine.run(sid, facts) -> list[Match]`):
`durable` (durable-rules, the production engine; the only module that imports `durable`) and
`python` (a plain-Python evaluator of the same compiled dicts: the test oracle, chosen only
with `--engine python`, never as a silent fallback).
"""
from __future__ import annotations

from typing import Protocol

from .base import EngineError, EngineUnavailable, Match

__all__ = ["Engine", "EngineError", "EngineUnavailable", "Match", "durable_problem",
           "make_engine"]


# durable-rules 2.0.28, its last release, calls PyEval_CallObject, which Python 3.13 removed. Its
# setup.py replaces CFLAGS, so the replacement is passed in CPPFLAGS, which the build appends.
DURABLE_BUILD_HINT = (
    "build it with: CPPFLAGS='-DPyEval_CallObject(f,a)=PyObject_CallObject(f,a)' "
    "python -m pip install --no-binary durable-rules durable-rules==2.0.28 "
    "(the Makefile does this), or run with --engine python")


def durable_problem() -> str | None:
    """Why the durable-rules engine cannot be used here, or None when it can.

    Only its C module is imported (half a millisecond), so `--version` can afford the check; a
    module built without the PyEval_CallObject mapping fails here with "undefined symbol".
    """
    try:
        import durable_rules_engine  # noqa: F401
        import importlib.util
        if importlib.util.find_spec("durable") is None:
            raise ImportError("No module named 'durable'")
    except ImportError as exc:
        return f"the durable-rules engine cannot be imported ({exc}); {DURABLE_BUILD_HINT}"
    return None


class Engine(Protocol):
    name: str

    def run(self, sid: str, facts: list[dict]) -> list[Match]: ...


def make_engine(kind: str, compiled) -> Engine:
    if kind == "durable":
        problem = durable_problem()
        if problem:
            raise EngineUnavailable(problem)
        from .durable_engine import DurableEngine
        return DurableEngine(compiled)
    if kind == "python":
        from .python_engine import PythonEngine
        return PythonEngine(compiled)
    raise ValueError(f"unknown engine {kind!r} (durable or python)")
