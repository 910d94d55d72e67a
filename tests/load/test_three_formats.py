"""The same tender as .md (front matter), .docx (custom properties) and .pdf (a sidecar, text
wrapped by the layout) gives the same findings: rule, severity and message, locations aside.
And a .docx finding points at the paragraph number a person counts in Word."""
from __future__ import annotations

import json

import pytest

from safety_helpers import TENDER, cli
from tender_formats import tender_docx, tender_parts, tender_pdf, tender_sidecar


def _findings(stdout: str) -> dict[str, list[tuple]]:
    data = json.loads(stdout)
    return {f["path"]: sorted((x["rule"], x["severity"], x["message"]) for x in f["findings"])
            for f in data["files"]}


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    folder = tmp_path_factory.mktemp("three")
    (folder / "tender.md").write_text(TENDER, encoding="utf-8")
    (folder / "word.docx").write_bytes(tender_docx())
    (folder / "print.pdf").write_bytes(tender_pdf())
    (folder / "print.svrules.yaml").write_text(tender_sidecar(), encoding="utf-8")
    result = cli(["check", "--format", "json", "."], folder)
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)


def test_same_findings_in_all_three_formats(three):
    findings = _findings(json.dumps(three))
    assert len(findings["tender.md"]) >= 5
    assert findings["word.docx"] == findings["tender.md"]
    assert findings["print.pdf"] == findings["tender.md"]
    for f in three["files"]:
        assert not f["errors"] and not [w for w in f["warnings"] if "metadata" in w], f


def test_pdf_wraps_long_paragraphs_and_reads_them_back_as_one_block():
    """Guard for the test above: the PDF really wraps, so equality is not by luck, and each
    wrapped paragraph comes back as one block with the Markdown paragraph's words."""
    from svrules.load.pdf import parse_pdf
    blocks = parse_pdf(tender_pdf()).blocks
    _, parts = tender_parts()
    wrapped = [b for b in blocks if len(b.line_starts) > 1]
    assert len(wrapped) >= 3
    paragraphs = {" ".join(text.split()) for level, text in parts if not level}
    for block in wrapped:
        assert " ".join(block.text.split()) in paragraphs, block.text


def test_docx_findings_point_at_word_paragraph_numbers(three):
    """¶N counts every paragraph of the body from 1, as Word's paragraph count does; the
    builder writes one paragraph per heading or paragraph of the Markdown."""
    _, parts = tender_parts()
    docx = next(f for f in three["files"] if f["path"] == "word.docx")
    located = [f for f in docx["findings"] if "paragraph" in f["location"]]
    assert len(located) >= 5
    for finding in located:
        number = finding["location"]["paragraph"]
        assert finding["line"] == number
        excerpt = finding["excerpt"].strip("\u2026. ")[:40]
        assert excerpt in parts[number - 1][1], (number, excerpt)
