"""durable-rules behind the `Engine` interface: the only module that imports `durable`.

The shape follows shared/guides/durable-rules.md: one `Host` per process with its timer threads
switched off (actions run on the calling thread), each compiled pack registered once under its
content hash, facts asserted one at a time with unique ids, `eof` last, swallowed action
exceptions raised again, and the document's facts retracted afterwards so memory stays flat
(`delete_state` crashes on sessions holding unmatched facts: see `_clear`).
"""
from __future__ import annotations

import threading
import warnings

from . import EngineError, Match
from .compile import ACTION_PREFIX, CompiledPack, within_range

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


# Every document runs in the same durable session, emptied by retraction after each run: a new
# session per document costs about 1 MB that is never returned without `delete_state`.
SESSION = "svrules"
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

    def _clear(self, sid: str, facts: list[dict]) -> None:
        """Free the document's facts by retracting each one. Not `delete_state`: in 2.0.28 it
        crashes the process (free(): invalid pointer) once a fact that no rule's conditions
        matched has been asserted in the session, which extracted facts routinely are."""
        for fact in reversed(facts):
            try:
                self.host.retract_fact(self.compiled.name, {**fact, "sid": sid})
            except Exception:               # never stored (no rule observed it)
                pass

    def run(self, sid: str, facts: list[dict]) -> list[Match]:
        facts = [within_range(f) for f in facts]       # numbers durable-rules can read
        with _LOCK:
            self.host.collected = []
            try:
                for fact in facts:
                    self._assert({**fact, "sid": SESSION})
                found = self.host.collected
            except EngineError:
                raise
            except Exception as exc:        # the C core or an action raised: surface it
                raise EngineError(f"durable-rules failed: {exc}") from exc
            finally:
                self.host.collected = None
                self._clear(SESSION, facts)
        # An `$or` whose branches both match fires once per branch in durable-rules: a finding
        # is one (rule, anchor) pair, so duplicates are dropped here.
        return sorted(set(found), key=lambda m: (m.rule, -1 if m.ref is None else m.ref))
