"""Text and Markdown input that is broken or built to hurt: each a clean result, quickly."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.load import ADAPTERS, load_document
from svrules.load.errors import LoadError
from svrules.load.text import parse_text
from svrules.model import BlockKind

MB = 1024 * 1024


def _error(data: bytes) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_text(data)
    return info.value


def test_empty_and_whitespace_only_files_are_kind_empty():
    assert _error(b"").kind == "empty"
    assert _error(b" \n\t\r\n").kind == "empty"
    assert _error(b"\xef\xbb\xbf\n").kind == "empty"


def test_nul_byte_is_an_encoding_error_naming_the_offset():
    error = _error(b"Social value\x00 clause")
    assert error.kind == "encoding" and "byte 12" in error.message


def test_windows_1252_is_decoded_with_a_warning():
    parsed = parse_text("The authority\u2019s policy".encode("cp1252"))
    assert parsed.blocks[0].text == "The authority\u2019s policy"
    assert "Windows-1252" in parsed.warnings[0]


def test_bytes_that_are_neither_utf8_nor_1252_are_an_encoding_error():
    assert _error(b"line one\nbad \x81 byte").kind == "encoding"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("filler", [b"a", b"|", b" #", b"-", b"* "])
def test_a_50_mb_single_line_is_one_paragraph(filler):
    data = b"x" + filler * (50 * MB // len(filler)) + b"y"
    blocks = parse_text(data).blocks
    assert len(blocks) == 1 and blocks[0].kind is BlockKind.paragraph
    assert blocks[0].text.startswith("x") and blocks[0].text.endswith("y")


@pytest.mark.timeout(60)
def test_a_50_mb_line_of_spaces_does_not_backtrack():
    blocks = parse_text(b" " * (50 * MB) + b"word").blocks
    assert [b.text for b in blocks] == ["word"] and blocks[0].location.column == 50 * MB + 1


@pytest.mark.timeout(60)
def test_a_million_short_lines_are_read_with_their_line_numbers():
    blocks = parse_text(b"short line\n" * 10**6).blocks
    assert len(blocks) == 1
    assert blocks[0].position(len(blocks[0].text) - 1)[0] == 10**6


@pytest.mark.timeout(60)
def test_a_million_list_items_pass_the_block_cap_and_stop_early():
    error = _error(b"- item\n" * 10**6)
    assert error.kind == "too-large" and "blocks" in error.message


def test_every_format_is_registered():
    assert {suffix: fmt for suffix, (fmt, _) in ADAPTERS.items()} == {
        ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
        ".docx": "docx", ".pdf": "pdf", ".odt": "odt", ".html": "html", ".htm": "html"}


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".odt", ".html"])
def test_an_empty_file_of_any_format_is_kind_empty(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "empty"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_only_ever_raise_load_error(data):
    try:
        parse_text(data)
    except LoadError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghij ,.'", min_size=1, max_size=40)
                .map(str.strip).filter(bool), min_size=1, max_size=10))
def test_plain_paragraphs_round_trip(paragraphs):
    blocks = parse_text("\n\n".join(paragraphs).encode()).blocks
    assert [b.text for b in blocks] == paragraphs
