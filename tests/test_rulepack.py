"""Rule packs are untrusted data: every bad file is reported with its file and offending key."""
from __future__ import annotations

import shutil
import textwrap

import pytest

from svrules.rulepack import RulePackError, default_rules_dir, load_pack

GOOD = textwrap.dedent("""\
    id: TEST001
    name: test-rule
    depends_on: {law: procurement, provision: PA 2023 s.12(2)}
    category: local
    severity: error
    summary: A test rule that finds the word zebra.
    rationale: Tests need a rule whose behaviour they control.
    when:
      text:
        any: ['\\bzebra\\b']
    message: "Zebra: {excerpt}"
    fix: Remove the zebra from the text.
    citations:
      - source: pa2023
        section: "s.12(2)"
        quote: "must treat suppliers the same"
    examples:
      bad: ["A zebra."]
      good: ["A horse."]
    """)


def pack_with(tmp_path, text, name="extra.yaml"):
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_bundled_pack_loads_and_is_content_addressed():
    pack = load_pack()
    assert {"SCOPE001", "LOCAL001", "PROC001"} <= set(pack.by_id)
    assert pack.digest == load_pack().digest and len(pack.digest) == 16


def test_extra_pack_is_added(tmp_path):
    pack = load_pack([pack_with(tmp_path, GOOD)])
    assert "TEST001" in pack.by_id


@pytest.mark.parametrize("change, words", [
    (("severity: error", "severity: fatal"), "key 'severity'"),
    (("category: local", "category: locality"), "key 'category'"),
    (("fix: Remove", "fixx: Remove"), "key 'fix': Field required"),
    (("category: local", "category: local\ncolour: red"), "key 'colour': unknown key"),
    (("any: ['\\bzebra\\b']", "any: ['(?<=a)zebra']"), "look-around is not supported"),
    (("any: ['\\bzebra\\b']", "any: ['(zebra']"), "not valid RE2"),
    (("source: pa2023", "source: nowhere"), "unknown source 'nowhere'"),
    (("id: TEST001", "id: test1"), "key 'id'"),
    (("depends_on: {law: procurement, provision: PA 2023 s.12(2)}\n", ""),
     "key 'depends_on': Field required"),
    (("{law: procurement,", "{law: procurment,"), "key 'depends_on.law'"),
    (("{law: procurement,", "{laws: procurement,"), "key 'depends_on.law"),
    (("{law: procurement, provision: PA 2023 s.12(2)}", "{law: procurement}"),
     "needs `provision`"),
    (("{law: procurement, provision: PA 2023 s.12(2)}", "{law: act, provision: s.1}"),
     "no `provision`"),
    (("category: local", "category: local\nout_of_scope: keep"), "key 'out_of_scope': unknown key"),
    (("category: local", "category: local\nexcept_if: {value_gbp: {lt: 5}}"), "only eq, ne, in"),
    (('message: "Zebra: {excerpt}"', 'message: "{__class__}"'), "unknown placeholder"),
    (('  bad: ["A zebra."]\n', ""), "key 'examples.bad'"),
    (('citations:\n  - source: pa2023\n    section: "s.12(2)"\n    quote: "must treat suppliers the same"\n',
      "citations: []\n"), "key 'citations'"),
])
def test_bad_rule_files_name_the_key(tmp_path, change, words):
    old, new = change
    assert old in GOOD
    folder = pack_with(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(RulePackError) as err:
        load_pack([folder])
    assert words in str(err.value) and "extra.yaml" in str(err.value)


def test_python_tags_are_refused(tmp_path):
    folder = pack_with(tmp_path, "!!python/object/apply:os.system ['true']\n")
    with pytest.raises(RulePackError, match="tags that build objects"):
        load_pack([folder])


def test_duplicate_ids_are_refused(tmp_path):
    folder = pack_with(tmp_path, GOOD)
    (folder / "again.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RulePackError, match="defined twice"):
        load_pack([folder])


def test_bad_condition_operator(tmp_path):
    text = GOOD.replace("when:", "applies_if: {act_applies: {like: true}}\nwhen:")
    with pytest.raises(RulePackError, match="unknown operator 'like'"):
        load_pack([pack_with(tmp_path, text)])


def test_the_bundled_folder_is_found():
    assert (default_rules_dir() / "sources.yaml").is_file()
    assert shutil.which("svrules") or True
