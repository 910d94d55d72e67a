"""The fact vocabulary (svrules.vocabulary): rules may test only the fields facts have, and the
facts built have only declared fields."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from svrules.check import Checker
from svrules.config import Config
from svrules.facts import doc_fact, eof_fact, hit_facts
from svrules.load import load_document
from svrules.rulepack import RulePackError, default_rules_dir, load_pack
from svrules.vocabulary import FACTS

ROOT = Path(__file__).resolve().parents[1]


def _a_rule(fact: str) -> dict:
    """A copy of a built-in rule on `fact`, under an extra pack's id."""
    for path in sorted(default_rules_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in (data.get("rules", []) if isinstance(data, dict) else data or []):
            if isinstance(rule, dict) and (rule["when"].get("fact") or {}).get("fact") == fact:
                return {**rule, "id": "XTRA001", "name": "extra-rule"}
    raise AssertionError(f"no built-in rule on {fact}")


def _pack_with(tmp_path: Path, rule: dict) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "mine.yaml").write_text(yaml.safe_dump({"rules": [rule]}), encoding="utf-8")
    return folder


def test_an_extra_pack_loads_with_declared_fields(tmp_path):
    pack = load_pack([_pack_with(tmp_path, _a_rule("clause"))])
    assert "XTRA001" in pack.by_id


def test_a_misspelt_where_field_is_an_error_naming_file_rule_field_and_nearest(tmp_path):
    rule = _a_rule("clause")
    rule["when"] = {**rule["when"], "fact": {"fact": "clause",
                                             "where": {"missing_cout": {"gte": 2}}}}
    with pytest.raises(RulePackError) as err:
        load_pack([_pack_with(tmp_path, rule)])
    message = str(err.value)
    assert "mine.yaml" in message and "XTRA001" in message
    assert "'missing_cout'" in message and "did you mean 'missing_count'" in message


def test_a_misspelt_document_field_is_an_error(tmp_path):
    rule = {**_a_rule("clause"), "applies_if": {"act_aplies": True}}
    with pytest.raises(RulePackError, match=r"XTRA001.*'act_aplies'.*did you mean 'act_applies'"):
        load_pack([_pack_with(tmp_path, rule)])


def test_an_unknown_fact_kind_is_an_error(tmp_path):
    rule = _a_rule("weighting")
    rule["when"] = {**rule["when"], "fact": {"fact": "weightings", "where": {}}}
    with pytest.raises(RulePackError, match=r"'weightings'.*did you mean 'weighting'"):
        load_pack([_pack_with(tmp_path, rule)])


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("*.md")))
def test_the_facts_built_have_only_declared_fields(name):
    checker = Checker(load_pack(), Config(), engine="python")
    doc = load_document(ROOT / "examples" / name, name)
    analysis = checker.analyse(doc)
    extracted = analysis.extracted
    facts = [doc_fact("s", analysis.verdict, analysis.inputs, extracted),
             *hit_facts("s", analysis.hits, checker.absent_ids),
             *extracted.facts("s"), eof_fact("s")]
    for fact in facts:
        undeclared = set(fact) - set(FACTS[fact["kind"]].names)
        assert not undeclared, f"{fact['kind']} fact has undeclared fields {sorted(undeclared)}"
