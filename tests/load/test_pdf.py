"""The .pdf reader: pages, running lines, outline headings, and broken or hostile PDFs."""
from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from load_builders import flate_bomb, fpdf_document, raw_pdf, text_stream
from svrules.load.errors import LoadError
from svrules.load.limits import DEFAULT_LIMITS, Limits
from svrules.load.pdf import NO_TEXT, parse_pdf
from svrules.model import BlockKind


@pytest.fixture(scope="module")
def tender_blocks():
    data = fpdf_document(
        pages=[["The authority invites bids for care services.", "",
                "Social value is weighted at ten percent.", "- Apprenticeships for local people"],
               ["Bids close at noon."]],
        outline=[(0, "Introduction", 0), (1, "Evaluation", 1)])
    return parse_pdf(data).blocks


def _by_text(blocks, text):
    return next(b for b in blocks if b.text == text)


def test_pages_and_running_line_numbers(tender_blocks):
    first = _by_text(tender_blocks, "The authority invites bids for care services.")
    later = _by_text(tender_blocks, "Bids close at noon.")
    assert first.location.page == 1 and later.location.page == 2
    assert later.location.line > first.location.line > 1


def test_blank_lines_separate_paragraphs_and_bullets_are_list_items(tender_blocks):
    assert _by_text(tender_blocks, "Social value is weighted at ten percent.").kind \
        is BlockKind.paragraph
    item = _by_text(tender_blocks, "Apprenticeships for local people")
    assert item.kind is BlockKind.list_item


def test_outline_entries_become_headings_with_their_depth(tender_blocks):
    intro = _by_text(tender_blocks, "Introduction")
    evaluation = _by_text(tender_blocks, "Evaluation")
    assert (intro.kind, intro.level) == (BlockKind.heading, 1)
    assert (evaluation.kind, evaluation.level, evaluation.section) == \
        (BlockKind.heading, 2, ("Introduction",))
    assert _by_text(tender_blocks, "Bids close at noon.").section == ("Introduction", "Evaluation")


def test_owner_password_only_pdf_is_read():
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Printing restricted, reading allowed.")
    pdf.set_encryption(owner_password="owner", encryption_method=EncryptionMethod.AES_256)
    assert [b.text for b in parse_pdf(bytes(pdf.output())).blocks] == \
        ["Printing restricted, reading allowed."]


def _error(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_pdf(data, limits)
    return info.value


def test_user_password_pdf_is_encrypted():
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="o", user_password="u",
                       encryption_method=EncryptionMethod.AES_256)
    assert _error(bytes(pdf.output())).kind == "encrypted"


def _scanned_page(pdf) -> None:
    from PIL import Image
    pdf.add_page()
    image = Image.new("RGB", (200, 100), "white")
    pdf.image(image, x=10, y=10, w=100)


def test_scanned_pdf_without_a_text_layer_says_ocr_it():
    from fpdf import FPDF
    pdf = FPDF()
    _scanned_page(pdf)
    _scanned_page(pdf)
    error = _error(bytes(pdf.output()))
    assert error.kind == "no-text" and NO_TEXT in error.message


def test_partly_scanned_pdf_warns_about_its_blank_pages():
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Typed page")
    _scanned_page(pdf)
    parsed = parse_pdf(bytes(pdf.output()))
    assert [b.text for b in parsed.blocks] == ["Typed page"]
    assert len(parsed.warnings) == 1 and "page 2 has no text" in parsed.warnings[0]


@pytest.mark.timeout(60)
def test_flate_decode_bomb_stops_at_the_stream_cap():
    bomb = flate_bomb(DEFAULT_LIMITS.max_pdf_stream_bytes + 8 * 1024 * 1024)
    error = _error(raw_pdf([text_stream("hello"), bomb], [None, "FlateDecode"]))
    assert error.kind == "hostile" and "decompression bomb" in error.message


def test_hand_written_pdf_reads(tmp_path):
    blocks = parse_pdf(raw_pdf([text_stream("Line one", "Line two")])).blocks
    assert [b.text for b in blocks] == ["Line one\nLine two"]
    assert blocks[0].line_starts == ((1, 1), (2, 1))


def test_truncated_pdf():
    data = raw_pdf([text_stream("Some words")])
    error = _error(data[: len(data) - 40])
    assert error.kind == "malformed" and "truncated" in error.message


def test_not_a_pdf():
    assert _error(b"<html>not a pdf</html>").kind == "malformed"


def test_damaged_body_is_malformed():
    assert _error(b"%PDF-1.7\n" + b"\x00garbage\x01" * 50 + b"\n%%EOF\n").kind == "malformed"


def test_empty_pdf_file():
    assert _error(b"").kind == "empty"
    assert _error(b"  \n").kind == "empty"


def test_page_cap_is_configurable():
    data = raw_pdf([text_stream("a"), text_stream("b"), text_stream("c")])
    assert _error(data, Limits(max_pdf_pages=2)).kind == "too-large"
    assert len(parse_pdf(data, Limits(max_pdf_pages=3)).blocks) == 3


# ---------------------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.booleans())
def test_arbitrary_bytes_only_ever_raise_load_error(data, frame):
    if frame:       # get past the header and trailer checks into pypdf itself
        data = b"%PDF-1.7\n" + data + b"\n%%EOF\n"
    try:
        parse_pdf(data)
    except LoadError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=32), st.integers(min_value=0))
def test_corrupted_real_pdf_only_ever_raises_load_error(garbage, where):
    data = bytearray(raw_pdf([text_stream("Social value", "matters")]))
    at = where % len(data)
    data[at:at + len(garbage)] = garbage
    try:
        parse_pdf(bytes(data))
    except LoadError:
        pass


WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789,;",
                         min_size=1, max_size=12), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=30, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6))
def test_generated_pdfs_round_trip_their_text(lines):
    blocks = parse_pdf(fpdf_document([lines])).blocks
    assert "\n".join(b.text for b in blocks).split() == " ".join(lines).split()
