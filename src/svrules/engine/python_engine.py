"""A plain-Python evaluator of the compiled durable-rules dicts.

It interprets exactly the dict that durable-rules runs (`all` terms of alias -> expression,
`$and $or $neq $lt $lte $gt $gte $ex $nex`, `alias$not`), with durable-rules' semantics for the
corner cases (a missing field fails every comparison but `$nex`; comparing a string with a
number is false, except `$neq`, which is true). It is the oracle the tests compare durable-rules
with, and a way to run without the C core.
"""
from __future__ import annotations

from itertools import product
from typing import Any

from .base import Match
from .compile import ACTION_PREFIX, CompiledPack, within_range

_MISSING = object()


def _same_type(a: Any, b: Any) -> bool:
    numeric = (int, float)
    return (isinstance(a, numeric) and isinstance(b, numeric)
            and not isinstance(a, bool) and not isinstance(b, bool)) or type(a) is type(b)


def _compare(op: str, fact: dict, operand: dict) -> bool:
    (field, want), = operand.items()
    have = fact.get(field, _MISSING)
    if op == "$ex":
        return have is not _MISSING
    if op == "$nex":
        return have is _MISSING
    if have is _MISSING:
        return False
    if op == "$neq":
        return not _same_type(have, want) or have != want
    if not _same_type(have, want):
        if isinstance(have, bool) or isinstance(want, bool):
            return False
        # durable-rules orders a number against a string by comparing them as strings
        have, want = str(have), str(want)
    return {"$lt": have < want, "$lte": have <= want,
            "$gt": have > want, "$gte": have >= want}[op]


def evaluate(expr: dict, fact: dict) -> bool:
    for key, value in expr.items():
        if key == "$and":
            ok = all(evaluate(e, fact) for e in value)
        elif key == "$or":
            ok = any(evaluate(e, fact) for e in value)
        elif key.startswith("$"):
            ok = _compare(key, fact, value)
        else:
            have = fact.get(key, _MISSING)
            ok = have is not _MISSING and _same_type(have, value) and have == value
        if not ok:
            return False
    return True


class PythonEngine:
    name = "python"

    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled
        self.rules = []
        for rule_name, rule in compiled.ruleset.items():
            positive, negative = [], []
            for term in rule["all"]:
                (alias, expr), = term.items()
                (negative if alias.endswith("$not") else positive).append((alias, expr))
            self.rules.append((rule["run"][len(ACTION_PREFIX):], positive, negative))

    def run(self, sid: str, facts: list[dict]) -> list[Match]:
        facts = [within_range(f) for f in facts]        # the numbers durable-rules sees
        found: list[Match] = []
        for rule_id, positive, negative in self.rules:
            if any(evaluate(expr, f) for _, expr in negative for f in facts):
                continue
            candidates = [[f for f in facts if evaluate(expr, f)] for _, expr in positive]
            for combo in product(*candidates):
                bound = dict(zip((a for a, _ in positive), combo))
                anchor = bound.get("a")
                found.append(Match(rule_id, anchor.get("ref") if anchor else None))
        return sorted(set(found), key=lambda m: (m.rule, -1 if m.ref is None else m.ref))
