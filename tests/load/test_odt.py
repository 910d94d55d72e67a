"""The .odt reader: structure, user-defined metadata, and hostile packages."""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from load_builders import BILLION_LAUGHS, ODT_NS, odt_bytes, odt_content
from svrules.load import load_document
from svrules.load.errors import LoadError
from svrules.load.limits import DEFAULT_LIMITS
from svrules.load.odt import parse_odt
from svrules.model import BlockKind

BODY = """
<text:h text:outline-level="1">Introduction</text:h>
<text:p>The authority<text:s text:c="2"/>invites <text:span>bids</text:span>.<text:note>
<text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote</text:p>
</text:note-body></text:note></text:p>
<text:list><text:list-item><text:p>Apprenticeships for local people</text:p></text:list-item></text:list>
<text:h text:outline-level="2">Evaluation</text:h>
<table:table><table:table-header-rows><table:table-row>
<table:table-cell><text:p>Criterion</text:p></table:table-cell>
<table:table-cell><text:p>Weight</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Social value</text:p></table:table-cell>
<table:table-cell><text:p>10%</text:p></table:table-cell></table:table-row></table:table>
<text:p>Line one<text:line-break/>line two<draw:frame><draw:text-box><text:p>Boxed</text:p>
</draw:text-box></draw:frame></text:p>
"""
STYLES = (f'<?xml version="1.0"?><office:document-styles {ODT_NS}><office:master-styles>'
          '<style:master-page style:name="Standard"><style:header><text:p>OFFICIAL</text:p>'
          '</style:header><style:footer><text:p>Footer text</text:p></style:footer>'
          '</style:master-page></office:master-styles></office:document-styles>').encode()
META = (f'<?xml version="1.0"?><office:document-meta {ODT_NS}><office:meta>'
        '<meta:user-defined meta:name="value" meta:value-type="float">1200000</meta:user-defined>'
        '<meta:user-defined meta:name="vat">exclusive</meta:user-defined>'
        '<meta:user-defined meta:name="Generator">ignored</meta:user-defined>'
        '</office:meta></office:document-meta>').encode()


@pytest.fixture(scope="module")
def parsed():
    return parse_odt(odt_bytes(odt_content(BODY), STYLES, META))


def _by_text(blocks, text):
    return next(b for b in blocks if b.text == text)


def test_headings_paragraphs_and_lists(parsed):
    blocks = parsed.blocks
    intro = _by_text(blocks, "Introduction")
    assert (intro.kind, intro.level, intro.location.line) == (BlockKind.heading, 1, 1)
    para = _by_text(blocks, "The authority  invites bids.")
    assert para.section == ("Introduction",) and para.location.paragraph == 2
    assert _by_text(blocks, "Apprenticeships for local people").kind is BlockKind.list_item
    assert not any("footnote" in b.text for b in blocks)


def test_table_cells(parsed):
    cell = _by_text(parsed.blocks, "10%")
    loc = cell.location
    assert (cell.kind, loc.table, loc.row, loc.cell) == (BlockKind.table_cell, 1, 1, 2)
    assert cell.cells == ("Social value", "10%")
    assert cell.section == ("Introduction", "Evaluation")


def test_line_breaks_text_boxes_headers_and_footers(parsed):
    blocks = parsed.blocks
    two_lines = _by_text(blocks, "Line one\nline two")
    boxed = _by_text(blocks, "Boxed")
    assert (boxed.location.part, boxed.location.line) == ("textbox", two_lines.location.line)
    assert _by_text(blocks, "OFFICIAL").location.part == "header"
    assert _by_text(blocks, "Footer text").location.part == "footer"


def test_user_defined_fields_are_metadata(tmp_path, parsed):
    assert parsed.meta_data == {"value": 1200000.0, "vat": "exclusive"}
    path = tmp_path / "spec.odt"
    path.write_bytes(odt_bytes(odt_content(BODY), STYLES, META))
    doc = load_document(path)
    assert doc.meta.value == 1200000 and doc.meta_source == "document properties"


def _error(data: bytes) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_odt(data)
    return info.value


@pytest.mark.timeout(60)
def test_zip_bomb_content_xml():
    bomb = b" " * (DEFAULT_LIMITS.max_zip_entry_bytes + 1024 * 1024)
    assert _error(odt_bytes(bomb)).kind == "hostile"


def test_billion_laughs_content_xml():
    assert _error(odt_bytes(BILLION_LAUGHS)).kind == "hostile"


@pytest.mark.timeout(30)
def test_space_run_count_is_bounded():
    body = '<text:p>a<text:s text:c="999999999999"/>b</text:p>'
    block = parse_odt(odt_bytes(odt_content(body))).blocks[0]
    assert block.text.startswith("a ") and block.text.endswith("b") and len(block.text) < 200


def test_other_opendocument_types_are_unsupported():
    data = odt_bytes(odt_content("<text:p>x</text:p>"),
                     mimetype=b"application/vnd.oasis.opendocument.spreadsheet")
    assert _error(data).kind == "unsupported"


def test_missing_content_not_a_zip_truncated_and_empty():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert _error(out.getvalue()).kind == "malformed"
    assert _error(b"plain text").kind == "malformed"
    good = odt_bytes(odt_content(BODY))
    assert _error(good[: len(good) // 2]).kind == "malformed"
    assert _error(b"").kind == "empty"
    assert _error(odt_bytes(odt_content("<text:p/>"))).kind == "empty"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_content_xml_only_ever_raises_load_error(content):
    try:
        parse_odt(odt_bytes(content))
    except LoadError:
        pass


PARAGRAPH_TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S")),
                         min_size=1, max_size=40)


@settings(max_examples=100, deadline=None)
@given(st.lists(PARAGRAPH_TEXT, min_size=1, max_size=8))
def test_generated_documents_round_trip_their_text(paragraphs):
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    blocks = parse_odt(odt_bytes(odt_content(body))).blocks
    assert [b.text for b in blocks] == paragraphs
