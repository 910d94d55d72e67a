"""durable-rules behind the `Engine` interface: the only module that imports `durable`.

The shape follows shared/guides/durable-rules.md: one `Host` per process with its timer threads
switched off (actions run on the calling thread), each compiled pack registered once under its
content hash, facts asserted one at a time with unique ids, `eof` last, swallowed action
exceptions raised again, and the document's state deleted afterwards so memory stays flat.
"""
from __future__ import annotations

import threading
import warnings

from . import EngineError, Match
from .compile import ACTION_PREFIX, CompiledPack

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from durable import engine as _durable


class _Host(_durable.Host):
    """A host without background timers whose actions record matches."""

    def __init__(self) -> None:
        self.collected: list[Match] | None = None
        super().__init__()

    def _run(self) -> None:          # no timer threads: everything runs on the caller's thread
        return None

    def get_action(self, action_name: str):
        if not action_name.startswith(ACTION_PREFIX):
            raise EngineError(f"unknown action {action_name!r}")
        rule_id = action_name[len(ACTION_PREFIX):]

        def record(c) -> None:
            anchor = c._m.get("a") if isinstance(c._m, dict) else None
            ref = anchor.get("ref") if isinstance(anchor, dict) else None
            if self.collected is None:
                raise EngineError("an action ran outside a document run")
            self.collected.append(Match(rule_id, ref))
        return record


_HOST: _Host | None = None
_REGISTERED: set[str] = set()
_LOCK = threading.Lock()


def _host() -> _Host:
    global _HOST
    if _HOST is None:
        _HOST = _Host()
    return _HOST


class DurableEngine:
    name = "durable"

    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled
        with _LOCK:
            host = _host()
            if compiled.name not in _REGISTERED:
                host.register_rulesets(compiled.definition())
                _REGISTERED.add(compiled.name)
        self.host = host

    def _assert(self, fact: dict) -> bool:
        """Assert one fact; True when a rule observed it (so the document has a state)."""
        try:
            state = self.host.assert_fact(self.compiled.name, fact)
        except _durable.MessageNotHandledException:
            return False
        except _durable.MessageObservedException:
            raise EngineError(f"fact {fact.get('id')!r} was asserted twice") from None
        if isinstance(state, dict) and state.get("exception"):
            raise EngineError(f"a rule action failed: {state['exception']}")
        return True

    def run(self, sid: str, facts: list[dict]) -> list[Match]:
        with _LOCK:
            self.host.collected = []
            stored = False
            try:
                for fact in facts:
                    stored = self._assert({**fact, "sid": sid}) or stored
                found = self.host.collected
            except EngineError:
                raise
            except Exception as exc:        # the C core or an action raised: surface it
                raise EngineError(f"durable-rules failed: {exc}") from exc
            finally:
                self.host.collected = None
                # delete_state on a sid that never got a state crashes the C core (segfault):
                # only delete what exists.
                if stored:
                    self.host.delete_state(self.compiled.name, sid)
        # An `$or` whose branches both match fires once per branch in durable-rules: a finding
        # is one (rule, anchor) pair, so duplicates are dropped here.
        return sorted(set(found), key=lambda m: (m.rule, -1 if m.ref is None else m.ref))
