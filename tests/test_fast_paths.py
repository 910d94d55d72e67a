"""The fast paths give exactly what the straightforward code gave."""
from __future__ import annotations

import re2
from hypothesis import given, settings, strategies as st

from svrules.extract import _rx
from svrules.extract._fastre2 import FastRegex, fast
from svrules.model import Block, BlockKind, Location

ALPHABET = st.sampled_from(list("ab. \n;!?eEgiIpP£é’ßſK0123456789x"))
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


def clause_bounds_reference(text: str) -> list[int]:
    """The original character-by-character scanner."""
    ends: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in ".!?;" and (i + 1 == n or text[i + 1] in " \t\n"):
            if ch == ".":
                j = i
                while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                    j -= 1
                word = text[j:i].lower()
                if word in _rx._ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
                k = i + 1
                while k < n and text[k] in " \t\n":
                    k += 1
                if k < n and text[k].islower():
                    continue
            ends.append(i + 1)
        elif ch == "\n" and i + 1 < n and text[i + 1] == "\n":
            ends.append(i + 1)
    ends.append(n)
    return ends


def clause_of_reference(bounds, offset):
    start = 0
    for end in bounds:
        if offset < end:
            return start, end
        start = end
    return start, bounds[-1] if bounds else 0


@settings(max_examples=400, deadline=None)
@given(TEXTS | st.sampled_from(["approx. value", "e.g. this. The", "£1.5m. Next", "x.\n\ny"]))
def test_clause_bounds_and_clause_of_match_the_reference(text):
    bounds = _rx.clause_bounds(text)
    assert list(bounds) == clause_bounds_reference(text)
    for offset in range(-1, len(text)):      # offsets into the text (past its end: see _rx)
        assert _rx.clause_of(bounds, offset) == clause_of_reference(list(bounds), offset)


def position_reference(block: Block, offset: int):
    if not block.line_starts:
        return block.location.line, block.location.column
    before = block.text.count("\n", 0, max(0, offset))
    before = min(before, len(block.line_starts) - 1)
    line, col = block.line_starts[before]
    start_of_line = block.text.rfind("\n", 0, offset) + 1 if before else 0
    return line, col + (offset - start_of_line)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 6), st.integers(1, 5))
def test_block_position_matches_the_reference(text, n_starts, col):
    starts = tuple((3 + i, col + i % 2) for i in range(n_starts))
    block = Block(index=0, kind=BlockKind.paragraph, text=text,
                  location=Location(line=3, column=col), line_starts=starts)
    for offset in range(-1, len(text) + 2):
        assert block.position(offset) == position_reference(block, offset)


PATTERNS = [r"\bservices?\b", r"(£)\s*(\d+(?:\.\d+)?)(m)?", r"ß|ss", r"(?i)k\w*", r"",
            r"\.\s*", r"(a)|(b)", r"é+", r"^\w+", r"\d+\b"]
OPTIONS = re2.Options()
OPTIONS.case_sensitive = False


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(PATTERNS), st.integers(0, 10), st.integers(0, 90))
def test_fast_regex_matches_re2(text, pattern, pos, endpos):
    slow = re2.compile(pattern, OPTIONS)
    quick = FastRegex(slow)
    assert _spans(quick.finditer(text)) == _spans(slow.finditer(text))
    assert _spans(quick.finditer(text, pos, endpos)) == _spans(slow.finditer(text, pos, endpos))
    for method in ("search", "match", "fullmatch"):
        a, b = getattr(quick, method)(text), getattr(slow, method)(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
        a, b = getattr(quick, method)(text, pos), getattr(slow, method)(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert quick.findall(text) == slow.findall(text)


def test_the_reader_gate_set_answers_exactly_for_every_gate():
    # Every reader's gate pattern, on texts that mix case, non-ASCII folding and currency: the
    # set's answer is what running the pattern says.
    from svrules.check import reader_gates

    gates = reader_gates()
    texts = ["The CONTRACT VALUE is £1,200,000 excluding VAT over THREE years.",
             "Provision of domiciliary care services across the county of Kent.",
             "ſupply of goods; ſervices contract; KELVIN K; straße; Strasse.",
             "The Council considered social value before the procurement started on 3 March 2026.",
             "Kent County Council; NHS Kent and Medway ICB; call-off under RM6100; Quality 60%."]
    for text in texts:
        found = gates.set.matching(text.encode("utf-8"))
        for position, pattern in enumerate(gates.patterns):
            assert (position in found) == bool(pattern.search(text)), (pattern.pattern, text)


def test_fast_is_idempotent_and_shared():
    compiled = re2.compile("abc", OPTIONS)
    assert fast(compiled) is fast(compiled)
    assert fast(fast(compiled)) is fast(compiled)


ASCII_TEXTS = st.lists(st.sampled_from(list("ab. \n;!?eEgiIpPxXsSc0123()")), max_size=80).map("".join)


@settings(max_examples=600, deadline=None)
@given(ASCII_TEXTS | st.sampled_from(["approx. value", "e.g. this. The", "Mr. Smith. x", "a.b.c. D",
                                      "x.. y", "abc.! x", "abc;def. x", "(see above). Next",
                                      "1.5m. The", ". ", ".", "a.", "p.a. for", "i.e. the"]))
def test_ascii_clause_bounds_match_the_reference(text):
    assert list(_rx.clause_bounds.__wrapped__(text)) == clause_bounds_reference(text)


# ----------------------------------------------------------------- second pass (dense text)

def _dense_documents(tmp_path, count=3):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import generate
    from svrules.load import load_document

    generate.generate_dense(tmp_path, seed=11, count=count, kb=12)
    return [load_document(p, p.name) for p in sorted((tmp_path / "md").glob("*.md"))]


def test_rules_that_read_alike_share_a_scan_with_the_same_hits(tmp_path):
    """Sharing one scan between rules with the same text patterns gives exactly the hits each
    rule's own scan gives, in the same order, under each rule's own id."""
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.rulepack import load_pack

    checker = Checker(load_pack(), Config(), engine="python")
    keys = checker._scan_keys
    assert len(set(keys)) < len(keys)          # the bundled pack has rules that read alike
    for doc in _dense_documents(tmp_path):
        reading = checker._read(doc)
        shared = checker._scan(doc, reading)
        checker._scan_keys = [str(i) for i in range(len(keys))]        # every rule its own
        try:
            alone = checker._scan(doc, checker._read(doc))
        finally:
            checker._scan_keys = keys
        assert shared == alone and shared


def test_the_engine_calls_the_c_core_as_the_host_wrapper_does(tmp_path):
    """The durable engine's direct calls (engine.durable_engine._Session) find what asserting
    through `Host.assert_fact` one fact at a time finds, on dense tenders with many matches."""
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.engine import durable_engine as de
    from svrules.facts import doc_fact, eof_fact, hit_facts
    from svrules.rulepack import load_pack

    checker = Checker(load_pack(), Config(), engine="durable")
    engine = checker.engine

    def through_the_wrapper(facts):
        facts = [{**f, "sid": de.SESSION} for f in map(de.within_range, facts)]
        engine.host.collected = []
        for name in engine.rulesets:
            stored = []
            for fact in facts:
                try:
                    engine.host.assert_fact(name, fact)
                    stored.append(fact)
                except de._durable.MessageNotHandledException:
                    pass
            for fact in reversed(stored):
                engine.host.retract_fact(name, fact)
        found, engine.host.collected = engine.host.collected, None
        return sorted(set(found), key=lambda m: (m.rule, -1 if m.ref is None else m.ref))

    for n, doc in enumerate(_dense_documents(tmp_path)):
        a = checker.analyse(doc)
        sid = f"t{n}"
        facts = [doc_fact(sid, a.verdict, a.inputs, a.extracted),
                 *hit_facts(sid, a.hits, checker.absent_ids), *a.extracted.facts(sid),
                 eof_fact(sid)]
        fast_found = engine.run(sid, facts)
        assert fast_found and fast_found == through_the_wrapper(facts)
        assert engine.run(sid, facts) == fast_found        # the session was left empty


def test_within_range_copies_only_what_it_must():
    from svrules.engine.compile import FACT_MAX, FACT_MIN, within_range

    fine = {"kind": "clause", "ref": 3, "share": 0.5, "flag": True, "zero": 0}
    assert within_range(fine) is fine
    assert within_range({"a": 1e-9, "b": "x"}) == {"a": FACT_MIN, "b": "x"}
    assert within_range({"a": -1e20}) == {"a": -FACT_MAX}
    assert within_range({"a": float("nan"), "b": 2}) == {"b": 2}


def test_clause_readings_kept_per_text_are_copies():
    """A caller changing the elements or flags it was given does not change what the next
    clause with the same words is given."""
    from svrules.extract import clauses

    text = "The Contractor shall create 5 apprenticeships, reported quarterly with payroll evidence."
    first = clauses._elements(text)
    first["target"] = "changed"
    first["extra"] = "x"
    assert clauses._elements(text) != first and "extra" not in clauses._elements(text)
    flags = clauses._flags(text, True)
    flags.add("subject_matter")
    assert "subject_matter" not in clauses._flags(text, True)


def test_facts_alike_but_for_id_and_ref_are_asserted_once_and_match_for_each():
    """The durable engine asserts one of the facts that differ only in `id` and `ref` and
    reports a match on it for each of them; a condition naming `ref` turns that off."""
    from svrules.engine.base import Match
    from svrules.engine.durable_engine import _expanded, _grouped, _grouping_fields

    facts = [{"id": "d:doc", "kind": "doc"},
             {"id": "d:hit:0", "kind": "hit", "pattern": "A", "ref": 0},
             {"id": "d:hit:1", "kind": "hit", "pattern": "B", "ref": 1},
             {"id": "d:hit:2", "kind": "hit", "pattern": "A", "ref": 2},
             {"id": "d:clause:0", "kind": "clause", "theme": "x", "ref": 3},
             {"id": "d:clause:1", "kind": "clause", "theme": "x", "ref": 4}]
    kept, stands_for = _grouped(facts, frozenset({"id", "ref"}))
    assert [f["id"] for f in kept] == ["d:doc", "d:hit:0", "d:hit:1", "d:clause:0"]
    assert stands_for == {0: [0, 2], 3: [3, 4]}
    assert _expanded([Match("R", 0), Match("S", None), Match("T", 1)], stands_for) == [
        Match("R", 0), Match("R", 2), Match("S", None), Match("T", 1)]
    assert _grouped(facts, frozenset({"id"})) == (facts, {})

    class Pack:
        ruleset = {"R": {"all": [{"a": {"$and": [{"kind": "hit"}, {"$gt": {"ref": 3}}]}}]}}
    assert _grouping_fields(Pack) == frozenset({"id"})
    Pack.ruleset = {"R": {"all": [{"a": {"$and": [{"kind": "hit"}, {"pattern": "A"}]}}]}}
    assert _grouping_fields(Pack) == frozenset({"id", "ref"})


def test_a_rule_scan_remembers_a_repeated_block_text_and_finds_the_same():
    """`matcher.scan` with a memo reads a text it has seen (same kind, same section when the
    rule names sections) once, and reports it at each block's own index."""
    from svrules.extract import matcher
    from svrules.extract.matcher import BlockText, scan
    from svrules.model import Block, BlockKind, Location
    from svrules.rulepack import TextPattern

    spec = TextPattern(any=[r"\bendeavour\b"], unless=[r"\bwill not\b"])
    text = "The Supplier will endeavour to hire locally. It will report yearly."
    blocks = [Block(index=i, kind=BlockKind.paragraph, text=text, location=Location(line=i + 1))
              for i in range(3)]
    memo: dict = {}
    calls = []
    real = matcher._places
    matcher._places = lambda *a: calls.append(1) or real(*a)
    try:
        hits = scan([BlockText(b) for b in blocks], "R", spec, memo)
    finally:
        matcher._places = real
    assert len(calls) == 1 and [h.block for h in hits] == [0, 1, 2]
    assert hits == scan([BlockText(b) for b in blocks], "R", spec)


def test_fact_grouping_key_is_the_items_but_id_and_ref_in_order():
    """`_grouped` groups exactly the facts whose items other than `id` and `ref`, in order, are
    equal (as the key `tuple(item for item in fact.items() if item[0] not in ignored)` did):
    wherever `id` and `ref` stand among the items, and with `id` absent."""
    import random

    from svrules.engine.durable_engine import _grouped

    rng = random.Random(5)
    ignored = frozenset({"id", "ref"})
    for _ in range(200):
        facts = []
        for ref in range(rng.randint(1, 12)):
            items = [("kind", rng.choice("ab")), ("p", rng.choice([1, 2, "1"])),
                     ("q", rng.choice([None, True, 1.0]))]
            rng.shuffle(items)
            items.insert(rng.randint(0, len(items)), ("ref", ref))
            if rng.random() < 0.8:
                items.insert(rng.randint(0, len(items)), ("id", f"d:{ref}"))
            facts.append(dict(items))
        first: dict = {}
        want: dict = {}
        for fact in facts:
            key = tuple(item for item in fact.items() if item[0] not in ignored)
            seen = first.setdefault(key, fact["ref"])
            if seen != fact["ref"]:
                want.setdefault(seen, [seen]).append(fact["ref"])
        kept, stands_for = _grouped(facts, ignored)
        assert stands_for == want
        assert [f["ref"] for f in kept] == sorted(first.values())
