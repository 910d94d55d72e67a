"""Word tenders built in the tests: the phrasings the review and the web page are tried on."""
from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .load.load_builders import custom_properties_xml, replace_members

LOCAL_A = "The Provider must be a local business with its head office in the borough."
LOCAL_B = "Preference will be given to suppliers based within 10 miles of the Town Hall."
VAGUE = "Bidders should demonstrate a commitment to social value."
PROPERTIES = {"procurement_start": ("lpwstr", "2026-05-11"), "nature": ("lpwstr", "services"),
              "authority_kind": ("lpwstr", "sub_central"), "value": ("r8", "4800000"),
              "vat": ("lpwstr", "exclusive"), "authority": ("lpwstr", "Borough of Northfield")}


def _split_runs(paragraph, text: str, cuts: list[int]) -> None:
    """The text as several runs, alternately bold, as Word leaves it after edits."""
    at = 0
    for i, cut in enumerate([*cuts, len(text)]):
        run = paragraph.add_run(text[at:cut])
        run.bold = bool(i % 2)
        at = cut


def word_tender(path: Path, properties: bool = True) -> Path:
    """A Word tender with split runs, a tracked insertion, an existing comment, a table,
    a numbered list, a header and a footer."""
    document = docx.Document()
    document.add_heading("Home care and reablement services", 0)
    document.sections[0].header.paragraphs[0].text = "Borough of Northfield Council: OFFICIAL"
    document.sections[0].footer.paragraphs[0].text = "Page footer: specification v3"
    intro = document.add_paragraph("Specification of requirements, issued by the Council.")
    document.add_comment(intro.runs[0], text="Check the issue date", author="Reviewer A")
    document.add_heading("2. Service requirements", 1)
    document.add_paragraph("Visits shall start within 15 minutes of the agreed time.",
                           style="List Number")
    item = document.add_paragraph(style="List Number")
    _split_runs(item, LOCAL_A, [4, 17, 30, 52])
    document.add_heading("3. Social value", 1)
    p = document.add_paragraph("The Council values quality. ")
    ins = copy.deepcopy(p.runs[0]._r)
    ins.find(qn("w:t")).text = VAGUE
    tracked = p._p.makeelement(qn("w:ins"), {qn("w:id"): "900", qn("w:author"): "Editor",
                                             qn("w:date"): "2026-01-01T00:00:00Z"})
    tracked.append(ins)
    p._p.append(tracked)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Criterion", "Requirement"
    table.cell(1, 0).text = "Location"
    _split_runs(table.cell(1, 1).paragraphs[0], LOCAL_B, [11, 40])
    document.add_heading("4. Award criteria", 1)
    document.add_paragraph("Quality 60%, Price 30%, Social Value 10%.")
    document.save(path)
    if properties:
        path.write_bytes(replace_members(path.read_bytes(), {
            "docProps/custom.xml": custom_properties_xml(PROPERTIES)}))
    return path
