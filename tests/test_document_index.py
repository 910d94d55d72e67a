"""The document index (extract.index) changes how much is read, never what is found: every
reader and every rule gives exactly what it gives when it reads every block."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.extract._fastre2 import PatternSet
from svrules.extract._rx import rx
from svrules.extract.clauses import extract_clauses
from svrules.check import reader_gates
from svrules.extract.index import DocumentIndex, Gates
from svrules.extract.matcher import BlockText, candidates, compile_pattern, scan
from svrules.extract.tender_facts import extract_tender_facts
from svrules.extract.weightings import extract_weightings
from svrules.load.blocks import split_markdown
from svrules.rulepack import TextPattern, load_pack
from tests.test_engines_corpus import GROUPS, _documents, least

ROOT = Path(__file__).resolve().parents[1]

SPECS = [
    TextPattern(any=[r"\blocal\b", r"within \d+ miles"], all=[r"\bmust\b"], unless=[r"local authority"]),
    TextPattern(any=[r"a[^.]{0,40}b", r"(?s)x.*y"]),          # can span sentences
    TextPattern(any=[r"\bzebra\b"], unless_sentence=[r"horse"]),
]
WORDS = st.sampled_from(["local", "must", "within 20 miles", "authority", "a", "b", "x", "y",
                         "zebra", "horse", ".", "\n", "\n\n", "- ", "# ", "| c |"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_rule_candidates_find_every_hit(words):
    blocks = split_markdown(" ".join(words))
    gates = Gates(compile_pattern(p) for spec in SPECS for p in spec.any)
    index = DocumentIndex(blocks, gates)
    every = [BlockText(b) for b in blocks]
    for n, spec in enumerate(SPECS):
        assert scan(candidates(index, spec, {}), f"R{n}", spec) == scan(every, f"R{n}", spec)


def test_a_document_with_no_match_has_no_candidates():
    blocks = split_markdown("# Title\n\nNothing here.\n\n- or here\n")
    gates = Gates(compile_pattern(p) for p in SPECS[2].any)
    assert candidates(DocumentIndex(blocks, gates), SPECS[2], {}) == []


def test_a_pattern_that_is_not_a_gate_may_match_anywhere():
    blocks = split_markdown("one\n\ntwo\n\nthree\n")
    index = DocumentIndex(blocks, Gates([rx(r"\bone\b")]))
    assert list(index.positions_with(rx(r"\bone\b"))) == [0]
    assert list(index.positions_with(rx(r"\btwo\b"))) == [0, 1, 2]
    assert list(DocumentIndex(blocks, prefilter=False).positions_with(rx(r"\bone\b"))) == [0, 1, 2]


# ----------------------------------------------------------------------- the pattern set

SET_PATTERNS = [r"\bservices?\b", r"(£)\s*(\d+(?:\.\d+)?)(m)?", r"ß|ss", r"(?i)k\w*", r"",
                r"\.\s*$", r"^(a)|(b)", r"é+", r"\d+\b", r"(?i)straße", r"\bKELVIN\b"]
ALPHABET = st.sampled_from(list("ab. \n;!?eEgiIpP£é’ßſKK0123456789xs"))


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.booleans())
def test_pattern_set_says_exactly_which_patterns_match(text, ignore_case):
    options = re2.Options()
    options.case_sensitive = not ignore_case
    compiled = [re2.compile(p, options) for p in SET_PATTERNS]
    found = PatternSet(compiled).matching(text.encode("utf-8"))
    assert found is not None
    expected = {i for i, c in enumerate(compiled) if c.search(text)}
    assert {i for i in found if i < len(compiled)} == expected


def test_a_pattern_the_set_cannot_hold_counts_as_matching():
    options = re2.Options()
    options.longest_match = True          # a per-pattern option a set cannot carry
    odd = re2.compile(r"zzz", options)
    plain = re2.compile(r"abc")
    found = PatternSet([plain, odd]).matching(b"abc")
    assert 0 in found and 1 in found


def test_when_the_set_gives_no_answer_every_block_is_read():
    gates = Gates([rx(r"\bone\b")])

    class GaveUp:                          # RE2 returns no matches when its DFA gives up
        def Match(self, data):
            return []

    gates.set.set = GaveUp()
    blocks = split_markdown("one\n\ntwo\n")
    assert gates.set.matching(b"one") is None
    assert list(DocumentIndex(blocks, gates).positions_with(rx(r"\bone\b"))) == [0, 1]


# ----------------------------------------------------------------------- the readers

READER_WORDS = st.sampled_from([
    "The total contract value is £1,200,000 excluding VAT", "£250k per annum", "for 3 years",
    "3+1+1 years", "The contract term is", "Provision of home care services", "CPV 85310000-5",
    "supply of goods", "construction works", "Kent County Council", "NHS Kent and Medway ICB",
    "Department for Education", "establish a framework", "call-off under the RM6100 framework",
    "extreme urgency", "laws of England and Wales", "contract start date 1 April 2026",
    "published on 3 March 2026", "All values are exclusive of VAT", "The Contractor shall",
    "create 10 apprenticeships", "reduce carbon emissions", "reported quarterly",
    "with evidence", "subject to service credits", "Quality 60%, Price 30%, Social Value 10%",
    "social value will be taken into account", "All social value KPIs are reported monthly",
    "scored 0-5", "subcontract", "defence and security contract", ".", ";", "\n", "\n\n",
    "# Social value\n\n", "## Contract notice\n\n", "| KPI | Target | Frequency |\n|---|---|---|\n",
    "| Apprentices | 5 | quarterly |\n", "- ", "local", "é", "the", "and"])


def _same_reading(blocks):
    fast, slow = DocumentIndex(blocks), DocumentIndex(blocks, prefilter=False)
    assert extract_tender_facts(blocks, fast) == extract_tender_facts(blocks, slow)
    assert extract_clauses(blocks, None, fast) == extract_clauses(blocks, None, slow)
    assert extract_weightings(blocks, fast) == extract_weightings(blocks, slow)


@settings(max_examples=250, deadline=None)
@given(st.lists(READER_WORDS, max_size=50))
def test_readers_find_the_same_with_and_without_the_index(words):
    _same_reading(split_markdown(" ".join(words)))


def test_every_reader_gate_is_in_the_set():
    gates = reader_gates()
    assert gates.set is not None and gates.set.outside == frozenset()
    assert len(gates.patterns) >= 30


def _analyses_match(documents) -> int:
    pack = load_pack()
    quick = Checker(pack, Config(), engine="python")
    reference = Checker(pack, Config(), engine="python", prefilter=False)
    compared = 0
    for doc in documents:
        a, b = quick.analyse(doc), reference.analyse(doc)
        assert a.text_facts == b.text_facts, doc.path
        assert a.hits == b.hits, doc.path
        assert a.anchors == b.anchors, doc.path
        assert a.extracted.clauses == b.extracted.clauses, doc.path
        assert a.extracted.weightings == b.extracted.weightings, doc.path
        assert a.extracted.doc == b.extracted.doc, doc.path
        assert quick.match(a) == reference.match(b), doc.path
        compared += 1
    return compared


@pytest.mark.parametrize("group", GROUPS)
def test_the_checker_finds_the_same_on_corpus_and_examples(group):
    assert _analyses_match(_documents(group)) >= least(group)


def test_the_checker_finds_the_same_on_generated_tenders(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from svrules.load import load_document
    rng = random.Random(7)
    docs = []
    for i, pages in enumerate((3, 8, 15)):
        path = tmp_path / f"generated-{i}.md"
        path.write_text(generate.to_markdown(generate.make_tender(rng, i, pages)), encoding="utf-8")
        docs.append(load_document(path, path.name))
    assert _analyses_match(docs) == 3
