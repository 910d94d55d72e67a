"""No disguise hides a finding: rules match a normalised view of the text, and findings point
at the original; a word mixing alphabets is itself a warning."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.extract.normalise import char_view, view_of
from tests.conftest import run_cli

META = ("---\nnature: services\nvalue: 5000000\nvat: exclusive\nprocurement_start: 2026-05-11\n"
        "authority_kind: sub_central\n---\n# Tender\n\n")
DISGUISES = {
    "bold": "Only **local** suppliers will be considered.",
    "italic": "Only *local* suppliers will be considered.",
    "underscores": "Only _local_ suppliers will be considered.",
    "link": "Only [local](https://example.org/local) suppliers will be considered.",
    "inline code": "Only `local` suppliers will be considered.",
    "zero-width space": "Only lo\u200bcal suppliers will be considered.",
    "zero-width joiner": "Only lo\u200dcal suppliers will be considered.",
    "soft hyphen": "Only lo\u00adcal suppliers will be considered.",
    "bidi mark": "Only lo\u200ecal suppliers will be considered.",
    "no-break space": "Only\u00a0local\u00a0suppliers will be considered.",
    "thin and em spaces": "Only\u2009local\u2003suppliers will be considered.",
    "Cyrillic o": "Only l\u043ecal suppliers will be considered.",
    "Greek omicron": "Only l\u03bfcal suppliers will be considered.",
    "fullwidth": "Only \uff4c\uff4f\uff43\uff41\uff4c suppliers will be considered.",
    "mathematical bold": "Only \U0001d425\U0001d428\U0001d41c\U0001d41a\U0001d425 suppliers will "
                         "be considered.",
    "ligature": "Only locally based suppliers are e\ufb03cient and will be considered.",
    "combining accent": "Only lo\u0301cal suppliers will be considered.",
}
FIRST_LETTER = ("l", "\uff4c", "\U0001d425")


def _findings(tmp_path, text: str, name: str = "t.md") -> list[dict]:
    (tmp_path / name).write_text(META + text + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path / name))
    return json.loads(result.output)["files"][0]["findings"]


@pytest.mark.parametrize("disguise", sorted(DISGUISES))
def test_a_disguised_requirement_is_still_found_and_located_in_the_original(tmp_path, disguise):
    text = DISGUISES[disguise]
    found = [f for f in _findings(tmp_path, text) if f["rule"] == "LOCAL001"]
    assert found, disguise
    assert found[0]["line"] == 10
    at = text[found[0]["column"] - 1:]           # the column counts in the original line
    assert at.startswith(FIRST_LETTER), (found[0]["column"], text)
    assert found[0]["excerpt"] == " ".join(text.split())       # quoted as written


def test_mixed_script_words_are_warned_about(tmp_path):
    found = [f for f in _findings(tmp_path, DISGUISES["Cyrillic o"]) if f["rule"] == "TEXT001"]
    assert len(found) == 1 and found[0]["severity"] == "warning"
    assert "l\u043ecal" in found[0]["message"]
    assert not [f for f in _findings(tmp_path, "The caf\u00e9 is open; the Greek letter \u03b1 "
                                     "marks phase one.", "ok.md") if f["rule"] == "TEXT001"]


def test_a_docx_with_a_disguised_requirement_is_found(tmp_path):
    from load_builders import minimal_docx, word_document_xml
    body = word_document_xml("<w:p><w:r><w:t>Only lo\u200bcal suppliers will be considered."
                             "</w:t></w:r></w:p>")
    (tmp_path / "t.docx").write_bytes(minimal_docx(body))
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path / "t.docx"))
    rules = [f["rule"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert "LOCAL001" in rules


def test_plain_ascii_text_is_its_own_view():
    assert view_of("Only local suppliers will be considered.", markdown=True) is None
    assert view_of("x * y", markdown=False) is None


@pytest.mark.parametrize("ch,expected", [("\u200b", ""), ("\u00ad", ""), ("\u00a0", " "),
                                         ("\u043e", "o"), ("\ufb01", "fi"), ("\uff41", "a"),
                                         ("\u00e9", "e")])
def test_char_view(ch, expected):
    assert char_view(ch) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`[]()\n") + ["\u200b", "\u00a0", "\u043e",
                                                              "\ufb01", "\u0301", "\U0001d425"]),
               max_size=60))
def test_view_offsets_map_back_inside_the_original_in_order(text):
    view = view_of(text, markdown=True)
    if view is None:
        return
    mapped = [view.to_original(i) for i in range(len(view.text) + 1)]
    assert mapped == sorted(mapped) and all(0 <= m <= len(text) for m in mapped)
    assert view.text.count("\n") == text.count("\n")
    for i, ch in enumerate(view.text):         # a plain letter comes from the same letter
        if ch in "ab" and text[mapped[i]] in "ab":
            assert text[mapped[i]] == ch
