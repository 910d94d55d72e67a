"""The engine stage: compiled dicts, durable-rules and the Python evaluator agree."""
from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.engine import Match, make_engine
from svrules.engine.compile import CompiledPack, compile_pack, compile_rule, conditions, normalise
from svrules.rulepack import load_pack


def test_conditions_compile_to_durable_operators():
    got = conditions({"act_applies": True, "nature": ["goods", "works"],
                      "value_gbp": {"gte": 10, "lt": 20}, "regime": {"ne": None},
                      "lots": {"exists": False}, "kind": {"not_in": ["a", "b"]}})
    assert got == [
        {"act_applies": "yes"},
        {"$and": [{"$neq": {"kind": "a"}}, {"$neq": {"kind": "b"}}]},
        {"$nex": {"lots": 1}},
        {"$or": [{"nature": "goods"}, {"nature": "works"}]},
        {"$neq": {"regime": "unknown"}},
        {"$gte": {"value_gbp": 10}}, {"$lt": {"value_gbp": 20}},
    ]


def test_text_absence_is_a_positive_fact_decided_in_python():
    rule = load_pack().by_id["PROC001"]
    compiled, patterns = compile_rule(rule)
    aliases = [next(iter(t)) for t in compiled["all"]]
    assert aliases == ["d", "x"] and patterns[0][0] == "PROC001.absent"
    assert compiled["all"][1]["x"] == {"$and": [{"kind": "absent"}, {"pattern": "PROC001.absent"}]}


def test_compiled_definition_is_a_fresh_copy():
    compiled = compile_pack(load_pack())
    first = compiled.definition()
    first[compiled.name]["LOCAL001"].pop("run")
    assert "run" in compiled.definition()[compiled.name]["LOCAL001"]


def _pack(rules: dict) -> CompiledPack:
    return CompiledPack(name="t_" + str(abs(hash(repr(rules)))), ruleset=rules, patterns=(), rules={})


FIELDS = ["a", "b", "n"]
# Numbers a rule may hold (rulepack: 0 or 0.001 to 1e15 in size); facts' numbers may be any,
# including ones Python writes with an exponent (1e-05, 1e+16), which the engines bring in range.
RULE_NUMBERS = st.one_of(st.integers(-3, 3), st.floats(0.001, 3), st.floats(-3, -0.001),
                         st.just(0.0))
RULE_VALUES = st.one_of(st.sampled_from(["yes", "no", "unknown", "x"]), RULE_NUMBERS)
VALUES = st.one_of(st.sampled_from(["yes", "no", "unknown", "x"]), st.integers(-3, 3),
                   st.floats(-3, 3, allow_nan=False), st.sampled_from([1e-05, -2e-07, 3e16, 10**18]))
OPS = st.sampled_from(["eq", "$neq", "$lt", "$lte", "$gt", "$gte", "$ex", "$nex"])


@st.composite
def equality(draw):
    return {draw(st.sampled_from(FIELDS)): draw(RULE_VALUES)}


@st.composite
def expression(draw):
    op, field, value = draw(OPS), draw(st.sampled_from(FIELDS)), draw(RULE_VALUES)
    if op == "eq":
        return {field: value}
    if op in ("$ex", "$nex"):
        return {op: {field: 1}}
    if op != "$neq":   # rule validation allows only numbers with ordering operators
        value = draw(RULE_NUMBERS)
    return {op: {field: value}}


@st.composite
def doc_facts(draw):
    fact = {"kind": "doc"}
    for field in FIELDS:
        if draw(st.booleans()):
            fact[field] = draw(VALUES)
    return fact


@settings(max_examples=60, deadline=None)
@given(st.lists(expression(), min_size=1, max_size=3), st.lists(equality(), max_size=3),
       doc_facts(), st.lists(st.sampled_from(["P1", "P2"]), max_size=3))
def test_both_engines_agree_on_random_conditions(exprs, alternatives, fact, hits):
    """The shapes the compiler produces: `$and` of comparisons, `$or` only of equalities
    (durable-rules mis-evaluates `$ex`/`$nex` inside `$or`, which the compiler never emits)."""
    terms = [{"kind": "doc"}, *exprs] + ([{"$or": alternatives}] if len(alternatives) > 1 else [])
    combined = {"$and": terms}
    rules = {
        "R1": {"all": [{"d": combined}], "run": "rule:R1"},
        "R2": {"all": [{"d": {"kind": "doc"}}, {"a": {"$and": [{"kind": "hit"}, {"pattern": "P1"}]}}],
               "run": "rule:R2"},
        "R3": {"all": [{"d": {"kind": "doc"}}, {"e": {"kind": "eof"}},
                       {"x$not": {"$and": [{"kind": "hit"}, {"pattern": "P2"}]}}], "run": "rule:R3"},
    }
    facts = [{"id": "d", **fact}] + [{"id": f"h{i}", "kind": "hit", "pattern": p, "ref": i}
                                     for i, p in enumerate(hits)] + [{"id": "eof", "kind": "eof"}]
    compiled = _pack(rules)
    durable = make_engine("durable", compiled).run("s1", copy.deepcopy(facts))
    python = make_engine("python", compiled).run("s1", copy.deepcopy(facts))
    assert durable == python


def test_state_is_deleted_between_documents():
    compiled = _pack({"R": {"all": [{"d": {"kind": "doc"}}], "run": "rule:R"}})
    engine = make_engine("durable", compiled)
    for _ in range(3):   # the same sid and ids again: only works if the state was deleted
        assert engine.run("same", [{"id": "x", "kind": "doc"}]) == [Match("R", None)]


def test_a_failing_action_is_an_error_not_silence():
    from svrules.engine import EngineError
    compiled = _pack({"R": {"all": [{"d": {"kind": "doc"}}], "run": "unknown:R"}})
    with pytest.raises(Exception) as err:
        make_engine("durable", compiled)
    assert isinstance(err.value, EngineError) or "unknown action" in str(err.value)


def test_normalise():
    assert [normalise(v) for v in (True, False, None, 3, "x")] == ["yes", "no", "unknown", 3, "x"]


def test_a_document_whose_facts_no_rule_observes_does_not_crash():
    compiled = _pack({"R": {"all": [{"d": {"$and": [{"kind": "doc"}, {"x": 1}]}}], "run": "rule:R"}})
    engine = make_engine("durable", compiled)
    assert engine.run("quiet", [{"id": "q", "kind": "other"}]) == []
    assert engine.run("quiet", [{"id": "q", "kind": "other"}]) == []


def test_rule_numbers_durable_rules_cannot_read_are_refused():
    from svrules.rulepack import RuleSpec
    import pytest
    from pydantic import ValidationError
    base = {"id": "X001", "name": "x", "category": "process", "severity": "warning",
            "summary": "s", "rationale": "r", "message": "m", "fix": "f",
            "citations": [{"source": "sva2012", "section": "s.1", "quote": "q"}]}
    for bad in (1e-05, 2e16, {"lt": 1e-07}, {"in": [1, 1e20]}):
        with pytest.raises(ValidationError, match="out of range"):
            RuleSpec.model_validate({**base, "when": {"doc": {"value_gbp": bad}}})


def test_a_fact_number_written_with_an_exponent_does_not_break_durable_rules():
    rules = {"R": {"all": [{"d": {"$and": [{"kind": "doc"}, {"$gt": {"n": 0}}]}}], "run": "rule:R"},
             "S": {"all": [{"d": {"$and": [{"kind": "doc"}, {"$gt": {"n": 1000}}]}}],
                   "run": "rule:S"}}
    compiled = _pack(rules)
    for n, expected in ((1e-05, ["R"]), (5e17, ["R", "S"]), (float("nan"), [])):
        for kind in ("durable", "python"):
            got = make_engine(kind, compiled).run("s", [{"id": "d", "kind": "doc", "n": n}])
            assert [m.rule for m in got] == expected, (kind, n)
