"""The .html reader: blocks, source positions, and input that html.parser must survive."""
from __future__ import annotations

from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.load.errors import LoadError
from svrules.load.html import parse_html
from svrules.model import BlockKind

PAGE = b"""<!doctype html><html><head><title>Ignored title</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head>
<body><h1>Tender</h1>
<p>The authority
   invites <b>bids</b>.<br>Second line</p>
<!-- svrules: ignore SV001 -->
<ul><li>One<li>Two<ul><li>Inner</ul> after inner</li></ul>
<h2>Evaluation</h2>
<table><tr><th>Criterion<th>Weight<tr><td><p>Social</p><p>value</p><td>10%</table>
<div>Loose text</div>
</body></html>"""


@pytest.fixture(scope="module")
def blocks():
    return parse_html(PAGE).blocks


def _by_text(blocks, text):
    return next(b for b in blocks if b.text == text)


def test_headings_paragraphs_and_positions(blocks):
    tender = _by_text(blocks, "Tender")
    assert (tender.kind, tender.level, tender.location.line, tender.location.column) == \
        (BlockKind.heading, 1, 3, 11)
    para = _by_text(blocks, "The authority invites bids.\nSecond line")
    assert para.line_starts == ((4, 4), (5, 28))
    assert para.position(para.text.index("Second")) == (5, 28)
    assert _by_text(blocks, "Loose text").section == ("Tender", "Evaluation")


def test_script_style_and_title_are_not_text(blocks):
    text = " ".join(b.text for b in blocks)
    assert "not text" not in text and "color" not in text and "Ignored title" not in text


def test_comments_are_comment_blocks_as_in_markdown(blocks):
    assert _by_text(blocks, "<!-- svrules: ignore SV001 -->").kind is BlockKind.comment


def test_list_items_including_unclosed_and_nested(blocks):
    items = [b.text for b in blocks if b.kind is BlockKind.list_item]
    assert items == ["One", "Two", "Inner", "after inner"]


def test_table_cells_with_rows_and_implicit_closes(blocks):
    cell = _by_text(blocks, "Social\nvalue")
    assert (cell.location.table, cell.location.row, cell.location.cell) == (1, 1, 1)
    assert cell.cells == ("Social\nvalue", "10%")
    header = [b.text for b in blocks if b.location.table == 1 and b.location.row == 0]
    assert header == ["Criterion", "Weight"]


def test_empty_and_binary_html():
    with pytest.raises(LoadError) as info:
        parse_html(b"")
    assert info.value.kind == "empty"
    with pytest.raises(LoadError) as info:
        parse_html(b"<html><body><script>x()</script></body></html>")
    assert info.value.kind == "empty"
    with pytest.raises(LoadError) as info:
        parse_html(b"<p>a\x00b</p>")
    assert info.value.kind == "encoding"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("hostile", [
    b"<div>" * 200_000,
    b"<!--" + b"a" * 5_000_000,
    b"<p>" + b"x" * 20_000_000,
    b"<" + b"a" * 5_000_000,
    b"<table>" + b"<td>x" * 100_000,
])
def test_hostile_markup_finishes(hostile):
    try:
        parse_html(hostile)
    except LoadError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_only_ever_raise_load_error(data):
    try:
        parse_html(data)
    except LoadError:
        pass


@pytest.mark.parametrize("page", [b"<![\x01", b"<p>text</p><![ x"])
def test_declarations_the_parser_asserts_on_are_malformed_pages(page):
    with pytest.raises(LoadError) as raised:
        parse_html(page)
    assert raised.value.kind in ("malformed", "empty")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-=\"' abptdrhli1&;#x\n")), max_size=300))
def test_markup_soup_only_ever_raises_load_error(text):
    try:
        parse_html(text.encode())
    except LoadError:
        pass


WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S")),
                min_size=1, max_size=30)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8))
def test_generated_pages_round_trip_their_text(paragraphs):
    page = "<html><body>" + "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs) + "</body></html>"
    blocks = parse_html(page.encode())
    assert [b.text for b in blocks.blocks] == paragraphs
    assert [b.location.line for b in blocks.blocks] == list(range(1, len(paragraphs) + 1))
