"""Compile a rule pack into a durable-rules ruleset (plain dicts) plus the text patterns.

Pure function, no engine needed: the same compiled dict is what durable-rules runs and what the
plain-Python evaluator interprets, so the two can be compared on every fixture.

Facts are flat dicts with a `kind`:
  doc   one per document: the applicability verdict and metadata (see `facts.doc_fact`)
  hit   a sentence where a rule's text pattern matched: {pattern: RULE_ID}
  absent  a rule's `absent` text pattern matched nowhere in the document: {pattern: RULE_ID.absent}
  <name> an extracted fact, e.g. `clause`
  eof   asserted last, so that absence-of-fact rules do not fire before the facts have arrived
Tri-state values are the strings yes / no / unknown; YAML true/false/null compile to them.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..rulepack import RulePack, RuleSpec, TextPattern
from ..vocabulary import ABSENT  # noqa: F401 - the kind of an absent pattern's fact (compile_rule)

ACTION_PREFIX = "rule:"


def normalise(value: Any) -> Any:
    """The one place where Python values become fact values (shared by both engines)."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return "unknown"
    if hasattr(value, "value") and not isinstance(value, (int, float, str)):   # enums
        return value.value
    if isinstance(value, (int, float)):
        return _in_range(value) if value == value else "unknown"
    if isinstance(value, str):
        return value
    return str(value)


# durable-rules cannot read a number written with an exponent (1e-05, 2e+16), and Python
# writes floats that small or large that way. So facts' numbers are kept to 0 or
# [FACT_MIN, FACT_MAX] in size; rule numbers are 0 or [0.001, 1e15) (rulepack), so no
# comparison with a rule's number changes its outcome.
FACT_MIN = 0.0001
FACT_MAX = 10 ** 15


def within_range(fact: dict) -> dict:
    """`fact` with its numbers kept where durable-rules can read them (both engines use it).
    A NaN is left out, as an unknown number is (a comparison with it is false)."""
    for v in fact.values():              # most facts' numbers are fine as they are: no copy
        if (type(v) is int or type(v) is float) and not (
                v == 0 or FACT_MIN <= abs(v) < FACT_MAX):       # out of range, or NaN
            break
    else:
        return fact
    return {k: _in_range(v) if type(v) in (int, float) else v for k, v in fact.items()
            if v == v}


def _in_range(value: int | float) -> int | float:
    size = abs(value)
    if size >= FACT_MAX:
        return FACT_MAX if value > 0 else -FACT_MAX
    if 0 < size < FACT_MIN:
        return FACT_MIN if value > 0 else -FACT_MIN
    return value


def _one(field: str, op: str, arg: Any) -> dict:
    if op == "eq":
        return {field: normalise(arg)}
    if op == "ne":
        return {"$neq": {field: normalise(arg)}}
    if op in ("lt", "lte", "gt", "gte"):
        return {f"${op}": {field: normalise(arg)}}
    if op == "in":
        return _or([{field: normalise(a)} for a in arg])
    if op == "not_in":
        return _and([{"$neq": {field: normalise(a)}} for a in arg])
    if op == "exists":
        return {"$ex" if arg else "$nex": {field: 1}}
    raise ValueError(f"unknown operator {op}")     # RuleSpec validation makes this unreachable


def _and(items: list[dict]) -> dict:
    return items[0] if len(items) == 1 else {"$and": items}


def _or(items: list[dict]) -> dict:
    return items[0] if len(items) == 1 else {"$or": items}


def conditions(where: dict[str, Any]) -> list[dict]:
    out = []
    for field, cond in sorted(where.items()):
        if isinstance(cond, dict):
            out.extend(_one(field, op, arg) for op, arg in sorted(cond.items()))
        elif isinstance(cond, list):
            out.append(_one(field, "in", cond))
        else:
            out.append(_one(field, "eq", cond))
    return out


NEGATED = {"eq": "ne", "ne": "eq", "in": "not_in", "not_in": "in"}


def exception(where: dict[str, Any]) -> list[dict]:
    """`except_if`: not all of these hold, i.e. any one of them is negated (no `$not` needed)."""
    if not where:
        return []
    negated = []
    for field, cond in sorted(where.items()):
        items = sorted(cond.items()) if isinstance(cond, dict) else \
            [("in" if isinstance(cond, list) else "eq", cond)]
        negated.extend(_one(field, NEGATED[op], arg) for op, arg in items)
    return [_or(negated)]


@dataclass(frozen=True)
class CompiledPack:
    name: str                                   # durable ruleset name: content-addressed
    ruleset: dict[str, dict]                    # rule name -> durable rule dict
    patterns: tuple[tuple[str, TextPattern], ...]   # (hit pattern id, text pattern)
    rules: dict[str, RuleSpec]

    def definition(self) -> dict[str, dict]:
        """A fresh copy for registration: durable-rules mutates what it is given."""
        return {self.name: json.loads(json.dumps(self.ruleset))}


def compile_rule(rule: RuleSpec) -> tuple[dict, list[tuple[str, TextPattern]]]:
    doc = [{"kind": "doc"}] + conditions(rule.applies_if) + exception(rule.except_if) + \
        conditions(rule.when.doc)
    terms: list[dict] = [{"d": _and(doc)}]
    patterns: list[tuple[str, TextPattern]] = []
    when = rule.when
    if when.text is not None:
        terms.append({"a": _and([{"kind": "hit"}, {"pattern": rule.id}])})
        patterns.append((rule.id, when.text))
    elif when.fact is not None:
        terms.append({"a": _and([{"kind": when.fact.fact}] + conditions(when.fact.where))})
    if when.absent is not None:
        if when.absent.text is not None:
            pid = f"{rule.id}.absent"
            # Text absence is decided in Python and asserted as a positive `absent` fact:
            # durable-rules 2.0.28 crashes in delete_state (free(): invalid size) after a
            # `$not` has blocked a join with a positive fact, so no rule negates text hits.
            terms.append({"x": _and([{"kind": ABSENT}, {"pattern": pid}])})
            patterns.append((pid, when.absent.text))
        else:
            fact = when.absent.fact
            terms.append({"e": {"kind": "eof"}})
            terms.append({"x$not": _and([{"kind": fact.fact}] + conditions(fact.where))})
    return {"all": terms, "run": ACTION_PREFIX + rule.id}, patterns


def compile_pack(pack: RulePack) -> CompiledPack:
    ruleset: dict[str, dict] = {}
    patterns: list[tuple[str, TextPattern]] = []
    for rule in pack.rules:
        if rule.status == "deprecated":
            continue
        compiled, pats = compile_rule(rule)
        ruleset[rule.id] = compiled
        patterns.extend(pats)
    digest = hashlib.sha256(json.dumps(ruleset, sort_keys=True).encode()).hexdigest()[:12]
    return CompiledPack(name=f"svrules_{pack.digest}_{digest}", ruleset=ruleset,
                        patterns=tuple(patterns), rules={r.id: r for r in pack.rules})
