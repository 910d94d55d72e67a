"""Named word classes in the rules' text patterns (`{premises}`): expanded into plain RE2
patterns when the pack loads, so both engines and the RE2 index see ordinary patterns, and
every mistake is a load error that names the file, the rule and the nearest class."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.extract._fastre2 import PatternSet
from svrules.extract.matcher import compile_pattern
from svrules.load import document_from_text
from svrules.rulepack import (CLASS_REF, ClassError, RulePackError, WordClass, expand_classes,
                              load_pack)

RULE = textwrap.dedent("""\
    {classes}
    rules:
      - id: TEST101
        name: test-class-rule
        depends_on: {{law: procurement, provision: PA 2023 s.12(2)}}
        category: local
        severity: error
        summary: A test rule that finds an animal by its class.
        rationale: Tests need a rule whose behaviour they control.
        when:
          text:
            any: ['{pattern}']
        message: "Animal: {{excerpt}}"
        fix: Remove the animal from the text.
        citations:
          - source: pa2023
            section: "s.12(2)"
            quote: "must treat suppliers the same"
        examples:
          bad: ["{bad}"]
          good: ["A table."]
    """)
ANIMALS = """classes:
  animal:
    note: "animals for the tests"
    words: ['zebras?', 'horses?', '{bird}']
  bird:
    note: "birds for the tests"
    words: ['owls?', 'herons?']"""


def pack_with(tmp_path, text: str, name: str = "extra.yaml", shared: str | None = None):
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    if shared is not None:
        (folder / "data").mkdir(exist_ok=True)
        (folder / "data" / "classes.yaml").write_text(shared, encoding="utf-8")
    return folder


def classes(**words) -> dict[str, WordClass]:
    return {name: WordClass(note="a class for the tests", words=w) for name, w in words.items()}


def test_a_class_becomes_one_group_of_its_words():
    got = expand_classes(r"\b{animal}\b", classes(animal=["zebras?", "horses?"]))
    assert got == r"\b(?:zebras?|horses?)\b"


def test_classes_inside_words_are_expanded():
    got = expand_classes("{animal}", classes(animal=["zebra", "{bird}"], bird=["owl"]))
    assert got == "(?:zebra|(?:owl))"


def test_regex_counts_and_escaped_braces_are_not_classes():
    pattern = r"[^.]{0,40}\b\d{2}\b\{animal\}"
    assert expand_classes(pattern, classes(animal=["zebra"])) == pattern


def test_a_misspelt_class_names_the_nearest():
    with pytest.raises(ClassError, match=r"unknown word class \{premis\} \(did you mean 'premises'\?\)"):
        expand_classes("{premis}", classes(premises=["office"]))


def test_a_class_that_names_itself_is_an_error():
    with pytest.raises(ClassError, match="names itself"):
        expand_classes("{a}", classes(a=["x", "{b}"], b=["{a}"]))


def test_a_rule_file_may_declare_its_own_classes(tmp_path):
    pack = load_pack([pack_with(tmp_path, RULE.format(classes=ANIMALS, pattern=r"\b{animal}\b",
                                                      bad="A heron."))])
    rule = pack.by_id["TEST101"]
    assert rule.when.text.any == [r"\b(?:zebras?|horses?|(?:owls?|herons?))\b"]
    checker = Checker(pack, Config(), engine="python")
    doc = document_from_text("A heron crossed.\n", {}, path="t.md")
    assert "TEST101" in {f.rule for f in checker.match(checker.analyse(doc))}


def test_a_misspelt_class_in_a_rule_is_a_load_error_naming_file_rule_and_key(tmp_path):
    folder = pack_with(tmp_path, RULE.format(classes=ANIMALS, pattern=r"\b{animals}\b",
                                             bad="A heron."))
    with pytest.raises(RulePackError) as err:
        load_pack([folder])
    text = str(err.value)
    assert "extra.yaml" in text and "rule TEST101" in text and "when.text.any" in text
    assert "unknown word class {animals}" in text and "did you mean 'animal'" in text


def test_a_class_may_not_be_redefined(tmp_path):
    shared = 'classes:\n  premises:\n    note: "a second premises class"\n    words: [\'shed\']\n'
    with pytest.raises(RulePackError, match="redefines a class"):
        load_pack([pack_with(tmp_path, RULE.format(classes="", pattern="zebra", bad="A zebra."),
                             shared=shared)])


@pytest.mark.parametrize("body, words", [
    ("classes:\n  Animal:\n    note: \"capital letters\"\n    words: ['x']", "a class name is lower-case"),
    ("classes:\n  animal:\n    note: \"no words\"\n    words: []", "classes.animal"),
    ("classes:\n  animal:\n    note: \"named group\"\n    words: ['(?P<x>a)']", "no named groups"),
    ("classes:\n  animal:\n    notes: \"misspelt key\"\n    words: ['a']", "classes.animal: key 'note'"),
    ("classes: [a, b]", "must be a mapping"),
])
def test_bad_classes_are_load_errors(tmp_path, body, words):
    with pytest.raises(RulePackError, match=words.replace("(", r"\(")):
        load_pack([pack_with(tmp_path, RULE.format(classes=body, pattern="zebra", bad="A zebra."))])


def test_a_shared_class_that_re2_refuses_is_a_load_error(tmp_path):
    shared = 'classes:\n  broken:\n    note: "an unbalanced group"\n    words: [\'(a\']\n'
    with pytest.raises(RulePackError, match="classes.broken"):
        load_pack([pack_with(tmp_path, RULE.format(classes="", pattern="zebra", bad="A zebra."),
                             shared=shared)])


def test_bundled_patterns_name_no_class_after_loading():
    pack = load_pack()
    assert pack.classes, "rules/data/classes.yaml is loaded"
    for rule in pack.rules:
        text = rule.when.text
        if text is None:
            continue
        for pattern in (*text.any, *text.all, *text.unless, *text.unless_sentence):
            assert not CLASS_REF.search(pattern), (rule.id, pattern[:80])


def test_every_class_built_pattern_is_taken_by_the_re2_index():
    """The document index runs every rule's `any` patterns as one RE2 set: a pattern the set
    refused would be read on every block (correct but slow), so none may be refused."""
    pack = load_pack()
    for rule in pack.rules:
        if rule.when.text is None or not rule.id.startswith(("LOCAL", "REL", "PROP")):
            continue
        patterns = [compile_pattern(p) for p in rule.when.text.any]
        assert not PatternSet(patterns).outside, rule.id


def test_the_digest_changes_with_the_shared_classes(tmp_path):
    base = load_pack().digest
    shared = 'classes:\n  zoo_animal:\n    note: "a new class"\n    words: [\'okapi\']\n'
    folder = pack_with(tmp_path, RULE.format(classes="", pattern="zebra", bad="A zebra."))
    plain = load_pack([folder]).digest
    (folder / "data").mkdir()
    (folder / "data" / "classes.yaml").write_text(shared, encoding="utf-8")
    assert load_pack([folder]).digest not in (base, plain)


WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=1, max_size=5,
                 unique=True)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.sampled_from(["{c}", r"\b{c}\b", "x{c}y", "{c} and {c}"]))
def test_an_expanded_class_matches_exactly_its_words(words, shape):
    """Expansion is plain alternation: the pattern matches each word of the class and nothing
    the class does not hold."""
    import re
    pattern = expand_classes(shape.replace("{c}", "{animal}"), classes(animal=words))
    compiled = re.compile(pattern)
    for w in words:
        text = shape.replace(r"\b", "").replace("{c}", w)
        assert compiled.fullmatch(text) or compiled.search(text), (pattern, text)
    assert not compiled.fullmatch(shape.replace(r"\b", "").replace("{c}", "KLM"))


def test_the_relevance_table_names_classes_too(tmp_path):
    """rules/data/relevance.yaml may name the shared classes; a misspelt one is a load error."""
    from svrules.extract.relevance import load_table
    good = tmp_path / "good.yaml"
    good.write_text("families: [{id: default, subject: ['.'], themes: [community]}]\n"
                    "links_stated: ['\\b{people} delivering']\n", encoding="utf-8")
    assert load_table(good).links_stated[0].search("the operatives delivering the works")
    bad = tmp_path / "bad.yaml"
    bad.write_text("families: [{id: default, subject: ['.'], themes: [community]}]\n"
                   "links_stated: ['\\b{peple} delivering']\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r"unknown word class \{peple\} \(did you mean 'people'\?\)"):
        load_table(bad)
