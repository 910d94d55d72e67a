"""Readers join the pipeline by registering (svrules.extract.readers): the index gets their
gates from `check`, and a plug-in reader's fact is matched by rules like a clause."""
from __future__ import annotations

import importlib

import pytest
import yaml

from svrules.check import Checker, reader_gates
from svrules.config import Config
from svrules.extract import readers
from svrules.load import load_document
from svrules.rulepack import RulePackError, load_pack

from .test_vocabulary import _a_rule

TENDER = """# Grounds maintenance services

## Method statement

Describe your approach to social value in no more than 50 words.

Describe your mobilisation plan in no more than 500 words.
"""


@pytest.fixture
def example_reader():
    module = importlib.import_module("tests.example_reader")
    module = importlib.reload(module)          # registers it (again) for this test
    yield module
    readers.unregister("word_limit")


def test_the_built_in_readers_are_registered():
    names = {r.name for r in readers.registered()}
    assert {"tender_facts", "clauses", "weightings", "document_facts"} <= names
    gates = reader_gates()
    assert all(id(p) in gates.position for r in readers.registered() for p in r.gates)


def _extra_pack(tmp_path, where):
    rule = {**_a_rule("clause"), "id": "XMPL001", "name": "short-word-limit",
            "message": "A word limit of {detail} leaves no room for a method.",
            "when": {"fact": {"fact": "word_limit", "where": where}}}
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "mine.yaml").write_text(yaml.safe_dump({"rules": [rule]}), encoding="utf-8")
    return folder


def test_a_plug_in_reader_gives_rules_a_fact(example_reader, tmp_path):
    pack = load_pack([_extra_pack(tmp_path, {"words": {"lt": 100}})])
    path = tmp_path / "tender.md"
    path.write_text(TENDER, encoding="utf-8")
    for engine in ("python", "durable"):
        checker = Checker(pack, Config(), engine=engine)
        assert id(example_reader.WORD_LIMIT) in checker.gates.position      # gate collected
        result = checker.check_document(load_document(path, "tender.md"))
        found = [f for f in result.findings if f.rule == "XMPL001"]
        assert [(f.line, f.message) for f in found] == [
            (5, "A word limit of 50 words leaves no room for a method.")], engine


def test_a_misspelt_field_of_a_plug_in_fact_is_an_error(example_reader, tmp_path):
    with pytest.raises(RulePackError, match=r"'word' is not a field of the 'word_limit' "
                                            r"fact \(did you mean 'words'\?\)"):
        load_pack([_extra_pack(tmp_path, {"word": {"lt": 100}})])


def test_without_the_reader_its_fact_is_unknown(tmp_path):
    with pytest.raises(RulePackError, match="'word_limit' is not a fact rules can test"):
        load_pack([_extra_pack(tmp_path, {"words": {"lt": 100}})])
