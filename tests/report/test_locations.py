"""Every format says where the words are as a Word or PDF reader finds them: the heading path,
the clause number the document gives, the page of a PDF, "header", "footer", "table 1 row 2";
a finding about the whole document points at the document, not at a front-matter line."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from svrules.findings import clause_number
from svrules.load.blocks import split_markdown
from svrules.model import Block, BlockKind, Location

from ..helpers import run

ENV = {"SVRULES_TODAY": "2026-01-01"}
CLAUSE = "4.2 The Contractor must be a local business based within 20 miles of the Council offices."
ROW = "Preference will be given to suppliers with a head office in the borough"
FOOTER = "Suppliers must have a head office in the borough."
HEADER = "Bidders must be based in the county of Northshire."


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    import docx
    from fpdf import FPDF
    folder = tmp_path_factory.mktemp("locations")
    (folder / "svrules.toml").write_text('engine = "python"\n')
    d = docx.Document()
    d.add_heading("Grounds maintenance tender", 0)
    d.add_heading("4. Requirements", 1)
    d.add_paragraph(CLAUSE)
    d.add_heading("5. Award", 1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Criterion", "Weight"
    table.cell(1, 0).text, table.cell(1, 1).text = ROW, "10%"
    d.sections[0].header.paragraphs[0].text = HEADER
    d.sections[0].footer.paragraphs[0].text = FOOTER
    d.save(folder / "spec.docx")
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="Invitation to tender", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(text=FOOTER, new_x="LMARGIN", new_y="NEXT")
    (folder / "notice.pdf").write_bytes(bytes(pdf.output()))
    (folder / "t.md").write_text(textwrap.dedent("""\
        ---
        authority_kind: sub_central
        procurement_start: 2025-04-01
        nature: services
        value: 900000
        vat: exclusive
        ---
        # Spec

        Nothing about social value here.
        """), "utf-8")
    return folder


def out(folder: Path, fmt: str, *files: str) -> str:
    result = run(["check", "--format", fmt, *files], folder, ENV)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def local_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "LOCAL00" in line]


def test_text_and_concise_say_header_footer_table_row_clause_and_heading_path(folder):
    for fmt in ("text", "concise"):
        text = out(folder, fmt, "spec.docx")
        lines = local_lines(text)
        assert any(line.startswith("spec.docx:¶1 (footer): LOCAL001") for line in lines), lines
        assert any(line.startswith("spec.docx:¶1 (header): LOCAL00") for line in lines), lines
        assert any(line.startswith("spec.docx:¶3 (clause 4.2): LOCAL001") for line in lines)
        assert any("(table 1 row 2 cell 1, clause 5): LOCAL001" in line for line in lines)
        path = "Grounds maintenance tender > 4. Requirements"
        assert (f"    in: {path}" in text) if fmt == "text" else (f"(in: {path})" in text)


def test_json_carries_part_clause_row_and_the_heading_path(folder):
    doc = json.loads(out(folder, "json", "spec.docx"))
    found = {f["excerpt"]: f for f in doc["files"][0]["findings"] if f["rule"].startswith("LOCAL")}
    assert found[FOOTER]["location"]["part"] == "footer" and found[FOOTER]["section"] == []
    assert found[HEADER]["location"]["part"] == "header"
    clause = found[CLAUSE]
    assert clause["location"]["clause"] == "4.2"
    assert clause["section"] == ["Grounds maintenance tender", "4. Requirements"]
    row = found[ROW]
    assert (row["location"]["table"], row["location"]["row"], row["location"]["clause"]) == \
        (1, 1, "5")


def test_sarif_html_markdown_junit_and_github_say_where(folder):
    sarif = json.loads(out(folder, "sarif", "spec.docx"))
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("LOCAL")]
    by_excerpt = {r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]: r
                  for r in results}
    props = by_excerpt[CLAUSE]["locations"][0]["properties"]
    assert props["clause"] == "4.2" and props["headingPath"][-1] == "4. Requirements"
    assert by_excerpt[FOOTER]["locations"][0]["properties"]["part"] == "footer"
    assert "Where: paragraph 1, footer" in by_excerpt[FOOTER]["message"]["text"]
    assert "table 1 row 2 cell 1, clause 5" in by_excerpt[ROW]["message"]["text"]
    for fmt in ("html", "markdown", "junit", "github"):
        text = out(folder, fmt, "spec.docx")
        assert "footer" in text and "header" in text, fmt
        assert "clause 4.2" in text and "table 1 row 2" in text, fmt
        assert "4. Requirements" in text, fmt


def test_pdf_findings_give_the_page(folder):
    concise = out(folder, "concise", "notice.pdf")
    assert any("(page 2): LOCAL001" in line for line in local_lines(concise)), concise
    doc = json.loads(out(folder, "json", "notice.pdf"))
    local = next(f for f in doc["files"][0]["findings"] if f["rule"] == "LOCAL001")
    assert local["location"]["page"] == 2
    assert "page 2" in out(folder, "html", "notice.pdf")


def test_document_level_findings_point_at_the_document(folder):
    concise = out(folder, "concise", "t.md")
    proc = [line for line in concise.splitlines() if " PROC001 " in line]
    assert proc and proc[0].startswith("t.md: (the whole document): PROC001")
    doc = json.loads(out(folder, "json", "t.md"))
    f = next(f for f in doc["files"][0]["findings"] if f["rule"] == "PROC001")
    assert f["location"] == {"line": 1, "part": "document"} and f["column"] is None
    sarif = json.loads(out(folder, "sarif", "t.md"))
    r = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PROC001")
    loc = r["locations"][0]
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    assert loc["properties"]["part"] == "document"
    assert "Where: the whole document" in r["message"]["text"]
    github = out(folder, "github", "t.md")
    assert re.search(r"^::(error|warning) file=t\.md,title=PROC001::", github, re.M)


@pytest.mark.parametrize("text, section, expected", [
    ("4.2 The Contractor shall ...", (), "4.2"),
    ("Clause 12.3.1 Pricing", (), "12.3.1"),
    ("12) The supplier will ...", (), "12"),
    ("The supplier will ...", ("Spec", "7. Social value"), "7"),
    ("The supplier will ...", ("3 Scope", "3.4 Delivery"), "3.4"),
    ("The supplier will ...", ("Specification",), None),
    ("2025 was a good year for apprenticeships.", (), None),
    ("20 miles from the offices", (), None),
])
def test_clause_number(text, section, expected):
    """A paragraph as the Word reader gives it (typed numbers kept) under its headings."""
    block = Block(index=0, kind=BlockKind.paragraph, text=text, location=Location(line=1),
                  section=section)
    assert clause_number(block) == expected


def test_a_bare_number_is_a_clause_only_in_a_heading():
    (heading,) = split_markdown("## 4 Social value\n")
    assert clause_number(heading) == "4"
    (text,) = split_markdown("10 apprenticeships will be created.\n")
    assert clause_number(text) is None


def test_ordered_list_items_give_their_number_under_their_heading(tmp_path):
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    (tmp_path / "t.md").write_text(
        "# Spec\n\n## 3. Social value\n\n1. Other text.\n2. " + CLAUSE[4:] + "\n\n"
        "b) " + FOOTER + "\n\n- Bidders must be a local business in the borough.\n\n"
        "## Award\n\n4. " + ROW + ".\n", "utf-8")
    lines = local_lines(out(tmp_path, "concise", "t.md"))
    assert any(" (clause 3, item 2): LOCAL001" in x for x in lines), lines
    assert any(" (clause 3, item b): LOCAL001" in x for x in lines), lines
    assert any("Bidders" in x and " (clause 3): LOCAL001" in x for x in lines), lines
    assert any(" (clause 4): LOCAL001" in x for x in lines), lines     # no numbered heading


def test_pdf_list_items_keep_their_number(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    for line in ("Invitation to tender", "", "7.2 Social value", "",
                 "1) " + CLAUSE[4:]):
        if line:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(8)
    (tmp_path / "n.pdf").write_bytes(bytes(pdf.output()))
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    lines = local_lines(out(tmp_path, "concise", "n.pdf"))
    assert any("(clause 1, page 1): LOCAL001" in x for x in lines), lines


def test_html_ordered_lists_give_the_number_a_browser_shows(tmp_path):
    from svrules.load.html import parse_html
    html = ("<h2>3. Social value</h2><ol start='4'><li>Other text.</li><li>" + CLAUSE[4:] +
            "</li></ol><ol type='a'><li><p>" + FOOTER + "</p><p>More.</p></li></ol>"
            "<ul><li>" + HEADER + "</li></ul><table><tr><td><ol><li>" + ROW +
            "</li></ol></td></tr></table><p>After.</p>").encode()
    blocks = {b.text: b for b in parse_html(html).blocks}
    assert blocks["Other text."].location.clause == "4"
    assert blocks[CLAUSE[4:]].location.clause == "5"
    assert blocks[FOOTER].location.clause == "a" and blocks["More."].location.clause is None
    assert blocks[HEADER].location.clause is None
    assert blocks[ROW].location.clause is None and blocks["After."].location.clause is None
    (tmp_path / "t.html").write_bytes(html)
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    lines = local_lines(out(tmp_path, "concise", "t.html"))
    assert any(" (clause 3, item 5): LOCAL001" in x for x in lines), lines
