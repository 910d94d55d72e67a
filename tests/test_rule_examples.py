"""Every rule's examples are executable: each bad example produces the rule's finding and each
good example does not, on both engines, and the two engines report identical findings."""
from __future__ import annotations

import pytest

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text
from svrules.rulepack import load_pack

PACK = load_pack()
CHECKERS = {engine: Checker(PACK, Config(), engine=engine) for engine in ("python", "durable")}
CASES = [(rule.id, kind, n, example)
         for rule in PACK.rules
         for kind in ("bad", "good")
         for n, example in enumerate(getattr(rule.examples, kind))]


def findings(engine: str, example):
    checker = CHECKERS[engine]
    config = Config.model_validate(example.config) if example.config else Config()
    if example.config:
        checker = Checker(PACK, config, engine=engine)
    doc = document_from_text(example.text, example.meta or None)
    return checker.match(checker.analyse(doc))


@pytest.mark.parametrize("rule_id,kind,n,example", CASES,
                         ids=[f"{r}-{k}-{n}" for r, k, n, _ in CASES])
def test_example(rule_id, kind, n, example):
    by_engine = {engine: findings(engine, example) for engine in CHECKERS}
    assert by_engine["python"] == by_engine["durable"], "the engines disagree"
    rules = {f.rule for f in by_engine["python"]}
    if kind == "bad":
        assert rule_id in rules, f"{rule_id} bad example {n} gives no finding"
    else:
        assert rule_id not in rules, f"{rule_id} good example {n} gives a finding"


def test_every_error_rests_on_a_verbatim_quote():
    """An error says the text is likely unlawful, so it quotes the law's words; a rule resting on
    policy alone (a policy note held only as a summary) can be no more than a warning."""
    for rule in PACK.rules:
        if rule.severity.value == "error":
            assert any(c.quote for c in rule.citations), rule.id


@pytest.mark.parametrize("rule_id,kind,n,example", [c for c in CASES if c[1] == "bad"],
                         ids=[f"{r}-{k}-{n}" for r, k, n, _ in CASES if k == "bad"])
def test_messages_carry_no_placeholder_words(rule_id, kind, n, example):
    """A message gives the figure compared with its VAT basis, never a filler such as
    "(unknown)" for a fact the verdict did not need."""
    for finding in findings("python", example):
        fillers = ("(unknown)", "of unknown", "unknown against", "threshold of unknown")
        assert not any(f in finding.message for f in fillers) and "{" not in finding.message, \
            (finding.rule, finding.message)
        if "£" in finding.message and "threshold of" in finding.message:
            assert "VAT" in finding.message, finding.message
