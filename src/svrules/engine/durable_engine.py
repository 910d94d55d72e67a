"""durable-rules behind the `Engine` interface: the only module that imports `durable`.

The shape follows shared/guides/durable-rules.md: one `Host` per process with its timer threads
switched off (actions run on the calling thread), each compiled pack registered once under its
content hash, facts asserted one at a time with unique ids, `eof` last, swallowed action
exceptions raised again, and the document's facts retracted afterwards so memory stays flat
(`delete_state` crashes on sessions holding unmatched facts: see `_clear`).

Facts go to the C core by the same calls `Host.assert_fact` and `Host.retract_fact` make
(`_Session`), without the wrapper's per-call work (a ruleset lookup, two closures, and a new
JSON encoder for every `json.dumps(..., ensure_ascii=False)`): a dense tender asserts and
retracts a thousand facts or more, and that wrapper was most of the engine's time. Each fact is
encoded once, for its assertion and its retraction, and only the facts a rule observed are
retracted (the others were never stored). Actions still run through durable-rules' own
`do_actions`, exactly as the wrapper runs them.

Facts that differ only in their `id` and `ref` are the same fact to every rule (no condition
names either: `_grouping_fields` checks the compiled pack), so one of them is asserted for all
(`_grouped`) and a match on it stands for each of them (`_expanded`): a dense tender has
hundreds of hits of the same pattern and clauses read alike, and the engine's cost is per fact
asserted. The matches are the same as asserting every fact (the plain-Python evaluator, which
asserts every one, is compared with this engine by the tests).
"""
from __future__ import annotations

import json
import threading
import warnings

from .base import EngineError, Match
from .compile import ACTION_PREFIX, CompiledPack, within_range

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from durable import engine as _durable
    import durable_rules_engine as _core

#: what `json.dumps(fact, ensure_ascii=False)` does inside durable-rules, without building an
#: encoder per call: the same text
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode   # flat dicts
#: durable_rules_engine's result codes (durable/engine.py, Ruleset._handle_result)
_NOT_HANDLED, _OBSERVED, _NO_STATE = 1, 2, 3


class _Session:
    """One registered ruleset, driven as `Host.assert_fact` / `Host.retract_fact` drive it."""

    def __init__(self, host: "_Host", name: str) -> None:
        self.rules = host.get_ruleset(name)
        self.handle = self.rules._handle
        self.error = None
        self.state = None

    def _done(self, error, state) -> None:
        self.error, self.state = error, state

    def _act(self, result) -> dict | None:
        """Run the actions a call queued, as `Host._handle_function` does; the state."""
        self.error = self.state = None
        self.rules.do_actions(0 if result[0] == _NO_STATE else result[1], self._done)
        if self.error:
            raise self.error
        return self.state

    def assert_fact(self, encoded: str, fact: dict):
        """Assert one fact (its JSON); False when no rule observes it (MessageNotHandled)."""
        result = _core.assert_fact(self.handle, encoded)
        if result[0] == _NOT_HANDLED:
            return False
        if result[0] == _OBSERVED:
            raise EngineError(f"fact {fact.get('id')!r} was asserted twice")
        return self._act(result)

    def retract_fact(self, encoded: str) -> None:
        result = _core.retract_fact(self.handle, encoded)
        if result[0] not in (_NOT_HANDLED, _OBSERVED):
            self._act(result)


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


#: rules per durable ruleset. The C core gives each ruleset a fixed table of join ("beta")
#: nodes: about 250 rules exhaust it ("Could not create ruleset, error code: 108", that is
#: ERR_RULE_BETA_LIMIT_EXCEEDED), so a pack is registered as several rulesets of at most this
#: many rules, and a chunk that still does not fit is halved until it does.
RULES_PER_RULESET = 100
BETA_LIMIT_EXCEEDED = "error code: 108"


def _named_fields(expr, out: set) -> set:
    """Every field name a compiled condition tests (operators' operands included)."""
    if isinstance(expr, dict):
        for key, value in expr.items():
            if key in ("$and", "$or"):
                for item in value:
                    _named_fields(item, out)
            elif key.startswith("$"):
                _named_fields(value, out)
            else:
                out.add(key)
    return out


def _grouping_fields(compiled: CompiledPack) -> frozenset:
    """The fields that tell apart facts no rule can tell apart: `id` and `ref`, unless a
    condition names one of them (then facts are not grouped on it)."""
    named: set = set()
    for rule in compiled.ruleset.values():
        for term in rule["all"]:
            for expr in term.values():
                _named_fields(expr, named)
    return frozenset({"id", "ref"} - named)


def _grouped(facts: list[dict], ignored: frozenset) -> tuple[list[dict], dict[int, list[int]]]:
    """The facts to assert (the first of each group of facts equal but for `ignored`, which
    must hold `ref` and `id`), and for each asserted `ref` the refs it stands for (when more
    than its own)."""
    if "ref" not in ignored or "id" not in ignored:
        return facts, {}
    first: dict[tuple, int] = {}
    kept: list[dict] = []
    stands_for: dict[int, list[int]] = {}
    for fact in facts:
        ref = fact.get("ref")
        if ref is None:
            kept.append(fact)
            continue
        # the fact's items but `id` and `ref` (`ignored` is those two), in their order
        rest = fact.copy()
        del rest["ref"]
        rest.pop("id", None)
        key = tuple(rest.items())
        try:
            seen = first.get(key)
        except TypeError:                   # an unhashable value: asserted on its own
            kept.append(fact)
            continue
        if seen is None:
            first[key] = ref
            kept.append(fact)
        elif seen in stands_for:
            stands_for[seen].append(ref)
        else:
            stands_for[seen] = [seen, ref]
    return kept, stands_for


def _expanded(found: list[Match], stands_for: dict[int, list[int]]) -> list[Match]:
    """Each match on an asserted fact, for every fact of its group."""
    if not stands_for:
        return found
    out = []
    for m in found:
        refs = stands_for.get(m.ref) if m.ref is not None else None
        if refs is None:
            out.append(m)
        else:
            out.extend(Match(m.rule, r) for r in refs)
    return out


class DurableEngine:
    name = "durable"

    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled
        with _LOCK:
            host = _host()
            rules = sorted(compiled.ruleset.items())
            self.rulesets = [name for start in range(0, len(rules), RULES_PER_RULESET)
                             for name in self._register(
                                 host, rules[start:start + RULES_PER_RULESET], start)]
        self.host = host
        self.sessions = [_Session(host, name) for name in self.rulesets]
        self.ignored = _grouping_fields(compiled)

    def _register(self, host: _Host, rules: list, start: int) -> list[str]:
        """Register `rules` as one ruleset, or as halves if the C core's node table is full."""
        name = f"{self.compiled.name}_{start}_{len(rules)}"
        if name in _REGISTERED:
            return [name]
        try:
            host.register_rulesets({name: json.loads(json.dumps(dict(rules)))})
        except Exception as exc:            # durable_rules_engine.error
            if BETA_LIMIT_EXCEEDED not in str(exc):
                raise EngineError(f"durable-rules cannot load the rule pack: {exc}") from None
            if len(rules) == 1:
                raise EngineError(f"rule {rules[0][0]} is too complex for durable-rules "
                                  f"({exc}); run with --engine python") from None
            half = len(rules) // 2
            return (self._register(host, rules[:half], start)
                    + self._register(host, rules[half:], start + half))
        _REGISTERED.add(name)
        return [name]

    def _assert(self, session: _Session, encoded: str, fact: dict) -> bool:
        """Assert one fact; True when a rule observed it (so it is stored until retracted)."""
        state = session.assert_fact(encoded, fact)
        if state is False:
            return False
        if isinstance(state, dict) and state.get("exception"):
            raise EngineError(f"a rule action failed: {state['exception']}")
        return True

    def _clear(self, session: _Session, stored: list[str]) -> None:
        """Free the document's facts by retracting each one a rule observed, last first. Not
        `delete_state`: in 2.0.28 it crashes the process (free(): invalid pointer) once a fact
        that no rule's conditions matched has been asserted in the session, which extracted
        facts routinely are."""
        for encoded in reversed(stored):
            try:
                session.retract_fact(encoded)
            except Exception:               # as the wrapper's exceptions were: ignored
                pass

    def run(self, sid: str, facts: list[dict]) -> list[Match]:
        # numbers durable-rules can read; every fact in the one session, encoded once
        facts, stands_for = _grouped([within_range(f) for f in facts], self.ignored)
        facts = [{**f, "sid": SESSION} for f in facts]
        encoded = [_ENCODE(f) for f in facts]
        with _LOCK:
            self.host.collected = []
            try:
                for session in self.sessions:
                    stored: list[str] = []
                    try:
                        for text, fact in zip(encoded, facts):
                            if self._assert(session, text, fact):
                                stored.append(text)
                    finally:
                        self._clear(session, stored)
                found = self.host.collected
            except EngineError:
                raise
            except Exception as exc:        # the C core or an action raised: surface it
                raise EngineError(f"durable-rules failed: {exc}") from exc
            finally:
                self.host.collected = None
        # An `$or` whose branches both match fires once per branch in durable-rules: a finding
        # is one (rule, anchor) pair, so duplicates are dropped here.
        return sorted(set(_expanded(found, stands_for)),
                      key=lambda m: (m.rule, -1 if m.ref is None else m.ref))
