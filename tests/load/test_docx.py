"""The .docx reader: structure and locations, metadata, and every hostile package."""
from __future__ import annotations

import functools
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from load_builders import (BILLION_LAUGHS, EXTERNAL_ENTITY, custom_properties_xml, docx_bytes,
                           minimal_docx, replace_members, word_document_xml)
from svrules.load import load_document
from svrules.load.docx import parse_docx
from svrules.load.errors import LoadError
from svrules.load.limits import DEFAULT_LIMITS, Limits
from svrules.model import BlockKind


def _tender(document) -> None:
    document.add_heading("Care Services Tender", 0)
    document.add_heading("Introduction", 1)
    document.add_paragraph("The authority invites bids.")
    document.add_paragraph("")
    document.add_paragraph("Apprenticeships for local people", style="List Bullet")
    document.add_paragraph("Carbon reduction plan", style="List Number")
    document.add_heading("Evaluation", 2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Criterion", "Weight"
    table.cell(1, 0).text, table.cell(1, 1).text = "Social value", "10%"
    document.add_paragraph("Bids close at noon.")
    document.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    document.sections[0].footer.paragraphs[0].text = "Issued by the authority"


@functools.lru_cache(maxsize=1)
def tender_docx() -> bytes:
    return docx_bytes(_tender)


@pytest.fixture(scope="module")
def tender() -> list:
    return parse_docx(docx_bytes(_tender)).blocks


def _by_text(blocks, text):
    return next(b for b in blocks if b.text == text)


def test_headings_have_levels_and_title_is_the_root_of_the_path(tender):
    title = _by_text(tender, "Care Services Tender")
    assert (title.kind, title.level, title.section) == (BlockKind.heading, 0, ())
    evaluation = _by_text(tender, "Evaluation")
    assert evaluation.level == 2
    assert evaluation.section == ("Care Services Tender", "Introduction")


def test_paragraph_numbers_count_every_body_paragraph_including_empty_ones(tender):
    # Title ¶1, Introduction ¶2, text ¶3, empty ¶4, two list items ¶5-6, Evaluation ¶7,
    # four cells ¶8-11, closing paragraph ¶12.
    bids = _by_text(tender, "The authority invites bids.")
    assert (bids.location.line, bids.location.paragraph, bids.location.part) == (3, 3, "body")
    assert _by_text(tender, "Apprenticeships for local people").location.line == 5
    assert _by_text(tender, "Bids close at noon.").location.line == 12


def test_list_styles_become_list_items(tender):
    assert _by_text(tender, "Apprenticeships for local people").kind is BlockKind.list_item
    assert _by_text(tender, "Carbon reduction plan").kind is BlockKind.list_item
    assert _by_text(tender, "The authority invites bids.").kind is BlockKind.paragraph


def test_table_cells_carry_table_row_cell_and_their_whole_row(tender):
    cell = _by_text(tender, "10%")
    assert cell.kind is BlockKind.table_cell
    loc = cell.location
    assert (loc.table, loc.row, loc.cell, loc.line) == (1, 1, 2, 11)
    assert cell.cells == ("Social value", "10%")
    header = [b for b in tender if b.location.table == 1 and b.location.row == 0]
    assert [b.text for b in header] == ["Criterion", "Weight"]
    assert cell.section == ("Care Services Tender", "Introduction", "Evaluation")


def test_headers_and_footers_are_their_own_parts_outside_the_heading_path(tender):
    header = _by_text(tender, "OFFICIAL-SENSITIVE")
    footer = _by_text(tender, "Issued by the authority")
    assert (header.location.part, header.location.line, header.section) == ("header", 1, ())
    assert footer.location.part == "footer"


def test_text_box_text_is_read_once_at_its_anchor_paragraph():
    box = ("<w:txbxContent><w:p><w:r><w:t>Boxed social value note</w:t></w:r></w:p>"
           "</w:txbxContent>")
    body = ("<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>"
            f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r></w:p>")
    blocks = parse_docx(minimal_docx(word_document_xml(body))).blocks
    boxed = [b for b in blocks if b.text == "Boxed social value note"]
    assert len(boxed) == 1
    assert (boxed[0].location.part, boxed[0].location.line) == ("textbox", 2)
    assert _by_text(blocks, "Anchor").text == "Anchor"


def test_deleted_revisions_and_field_codes_are_not_text_but_insertions_are():
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">Kept </w:t></w:r>"
            "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>added</w:t></w:r></w:ins>"
            "<w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r></w:p>")
    blocks = parse_docx(minimal_docx(word_document_xml(body))).blocks
    assert [b.text for b in blocks] == ["Kept added"]


def test_custom_properties_naming_tender_fields_become_metadata(tmp_path):
    data = docx_bytes(_tender)
    props = custom_properties_xml({
        "value": ("r8", "1250000"), "vat": ("lpwstr", "exclusive"),
        "social_value.considered": ("bool", "true"), "cpv": ("lpwstr", "85000000, 85300000"),
        "ContentTypeId": ("lpwstr", "0x0101"),
    })
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("_rels/.rels").decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                        'Target="docProps/custom.xml"/></Relationships>')
    data = replace_members(data, {"docProps/custom.xml": props, "_rels/.rels": rels.encode()})
    path = tmp_path / "spec.docx"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.meta_source == "document properties"
    assert doc.meta.value == 1250000 and doc.meta.vat.value == "exclusive"
    assert doc.meta.social_value.considered is True
    assert doc.meta.cpv == ("85000000", "85300000")
    assert doc.format == "docx"


def test_a_document_without_custom_properties_has_no_metadata(tender):
    assert parse_docx(docx_bytes(_tender)).meta_data is None


# ---------------------------------------------------------------------------- hostile files

def _kind(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_docx(data, limits)
    return info.value


@pytest.mark.timeout(60)
def test_zip_bomb_member_stops_at_the_cap():
    bomb = b"<w:p>" + b" " * (DEFAULT_LIMITS.max_zip_entry_bytes + 1024 * 1024)
    error = _kind(minimal_docx(bomb))
    assert error.kind == "hostile" and "zip bomb" in error.message


@pytest.mark.timeout(60)
def test_total_inflated_size_is_capped_across_members():
    limits = Limits(max_zip_entry_bytes=1024 * 1024, max_zip_total_bytes=1536 * 1024)
    styles = b"<w:styles xmlns:w='x'>" + b" " * (1000 * 1024) + b"</w:styles>"
    body = word_document_xml("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 25_000)
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/styles" '
            b'Target="styles.xml"/></Relationships>')
    data = minimal_docx(body, {"word/styles.xml": styles, "word/_rels/document.xml.rels": rels})
    assert _kind(data, limits).kind == "hostile"


@pytest.mark.timeout(60)
def test_too_many_zip_entries():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(DEFAULT_LIMITS.max_zip_entries + 1):
            zf.writestr(f"junk/{i}", b"")
    error = _kind(out.getvalue())
    assert error.kind == "hostile" and "entries" in error.message


@pytest.mark.timeout(30)
def test_billion_laughs_is_refused():
    assert _kind(minimal_docx(BILLION_LAUGHS)).kind == "hostile"


@pytest.mark.timeout(30)
def test_external_entity_is_refused():
    error = _kind(minimal_docx(EXTERNAL_ENTITY))
    assert error.kind == "hostile"
    assert "passwd" not in error.message


@pytest.mark.timeout(30)
def test_absurdly_deep_xml_is_refused():
    depth = 100_000
    xml = word_document_xml("<w:sdt>" * depth + "</w:sdt>" * depth)
    assert _kind(minimal_docx(xml)).kind == "hostile"


def test_not_a_zip():
    error = _kind(b"This is plain text saved with a .docx name.")
    assert error.kind == "malformed" and "not a zip" in error.message


def test_truncated_docx():
    data = docx_bytes(_tender)
    error = _kind(data[: len(data) // 2])
    assert error.kind == "malformed" and "truncated" in error.message


def test_password_protected_docx_is_an_ole_container():
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")
    assert _kind(fake).kind == "encrypted"


def test_legacy_doc_is_unsupported():
    assert _kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512).kind == "unsupported"


def test_zip_needing_an_unknown_zip_version_is_malformed():
    # Found by fuzzing: zipfile raises NotImplementedError while reading the directory.
    data = bytearray(tender_docx())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6:directory + 8] = (99).to_bytes(2, "little")
    assert _kind(bytes(data)).kind == "malformed"


def test_zip_without_a_word_body():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert _kind(out.getvalue()).kind == "malformed"


def test_not_well_formed_document_xml():
    assert _kind(minimal_docx(b"<w:document><w:body>")).kind == "malformed"


def test_empty_file_and_document_without_text():
    assert _kind(b"").kind == "empty"
    assert _kind(minimal_docx(word_document_xml("<w:p/><w:p/>"))).kind == "empty"


# ---------------------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_only_ever_raise_load_error(data):
    try:
        parse_docx(data)
    except LoadError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_document_xml_only_ever_raises_load_error(document_xml):
    try:
        parse_docx(minimal_docx(document_xml))
    except LoadError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0))
def test_corrupted_real_docx_only_ever_raises_load_error(garbage, where):
    data = bytearray(tender_docx())
    at = where % len(data)
    data[at:at + len(garbage)] = garbage
    try:
        parse_docx(bytes(data))
    except LoadError:
        pass


PARAGRAPH_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                           exclude_characters="\u00a0\u2028\u2029"),
    min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=40, deadline=None)
@given(st.lists(PARAGRAPH_TEXT, min_size=1, max_size=8))
def test_generated_documents_round_trip_their_text(paragraphs):
    def build(document):
        for text in paragraphs:
            document.add_paragraph(text)
    blocks = parse_docx(docx_bytes(build)).blocks
    assert [b.text for b in blocks] == paragraphs
    assert [b.location.line for b in blocks] == list(range(1, len(paragraphs) + 1))
