"""Memory and time, bounded: every hostile input finishes fast and small, or is refused with
a limit error naming the limit."""
from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest

from load_builders import minimal_docx, word_document_xml
from svrules.load.docx import parse_docx
from svrules.load.errors import LoadError
from svrules.load.limits import Limits
from tests.conftest import run_cli

MiB = 1024 * 1024
BODY = word_document_xml("<w:p><w:r><w:t>Only local suppliers will be considered.</w:t></w:r></w:p>")


def _recompressed(method: int, pad: int = 0) -> bytes:
    src = minimal_docx(BODY)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", method) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml" and pad:
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * pad)
            zout.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_bzip2_and_lzma_members_are_read(method):
    blocks = parse_docx(_recompressed(method)).blocks
    assert [b.text for b in blocks] == ["Only local suppliers will be considered."]


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_bzip2_and_lzma_bombs_stop_at_the_cap_without_inflating_the_rest(method):
    bomb = _recompressed(method, pad=24 * MiB)
    assert len(bomb) < 20_000
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as err:
            parse_docx(bomb, Limits(max_zip_entry_bytes=1 * MiB))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.kind == "hostile" and "1 MB limit" in err.value.message
    assert peak < 12 * MiB, f"{peak / MiB:.1f} MB inflated for a 1 MB cap"


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_damaged_bzip2_and_lzma_members_are_malformed(method):
    data = bytearray(_recompressed(method))
    at = data.find(b"word/document.xml") + 60          # inside that member's compressed bytes
    data[at:at + 8] = b"\x00" * 8
    with pytest.raises(LoadError) as err:
        parse_docx(bytes(data))
    assert err.value.kind in ("malformed", "hostile")


def test_text_dense_with_findings_is_refused_at_the_max_hits_limit_quickly(tmp_path):
    meta = ("---\nnature: services\nvalue: 5000000\nvat: exclusive\nauthority_kind: sub_central\n"
            "procurement_start: 2026-05-11\n---\n")
    (tmp_path / "dense.md").write_text(meta + "# T\n\n" + "Only local suppliers will be "
                                       "considered.\n" * 50_000)        # 2 MB, one per line
    start = time.monotonic()
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path / "dense.md"))
    assert time.monotonic() - start < 30
    assert result.exit_code == 2 and "max-hits" in result.output


def test_max_hits_can_be_raised(tmp_path):
    meta = ("---\nnature: services\nvalue: 5000000\nvat: exclusive\nauthority_kind: sub_central\n"
            "procurement_start: 2026-05-11\n---\n")
    (tmp_path / "t.md").write_text(meta + "# T\n\n" + "Only local suppliers will be "
                                   "considered.\n\n" * 30)
    refused = run_cli("check", "--jobs", "1", "--limit", "max-hits=10", str(tmp_path / "t.md"))
    assert refused.exit_code == 2 and "max-hits" in refused.output
    allowed = run_cli("check", "--jobs", "1", "--limit", "max-hits=1000", str(tmp_path / "t.md"))
    assert allowed.exit_code == 1


def test_many_inline_suppressions_cost_linear_time(tmp_path):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.rulepack import load_pack
    n = 20_000
    body = "".join(f'<!-- svrules: disable=LOCAL001 reason="reviewed {i}" -->\nParagraph {i}.\n\n'
                   for i in range(n))
    (tmp_path / "t.md").write_text("---\nnature: goods\n---\n# T\n\n" + body)
    checker = Checker(load_pack(), Config(limits={"max-hits": 100_000}), engine="python")
    start = time.monotonic()
    result = checker.check_path(tmp_path / "t.md")
    elapsed = time.monotonic() - start
    assert not result.errors
    assert sum(f.rule == "SUPP002" for f in result.findings) == n       # each unused, reported
    assert elapsed < 30, f"{elapsed:.1f} s for {n} suppressions"


def _timed(fn):
    start = time.monotonic()
    tracemalloc.start()
    try:
        try:
            outcome = fn()
        except LoadError as exc:
            outcome = exc
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return outcome, time.monotonic() - start, peak


def test_an_html_tag_with_a_million_attributes_is_refused_quickly_and_small():
    from svrules.load.html import parse_html
    page = b"<html><body><p>Only local suppliers.</p><div " + b" ".join(
        b'a%d="x"' % i for i in range(1_500_000))                       # 20 MB, never closed
    outcome, seconds, peak = _timed(lambda: parse_html(page))
    assert isinstance(outcome, LoadError) and outcome.kind == "hostile"
    assert "1,000 attributes" in outcome.message and "per-tag limit" in outcome.message
    assert seconds < 10 and peak < 200 * MiB, (seconds, peak / MiB)


def test_html_tags_with_a_few_attributes_and_a_long_data_uri_are_read():
    from svrules.load.html import parse_html
    page = (b'<html><body><img src="data:image/png;base64,' + b"A" * 200_000 + b'=="'
            b' alt="x" class="y"><p class="a" id="b">Only local suppliers.</p></body></html>')
    assert [b.text for b in parse_html(page).blocks] == ["Only local suppliers."]


@pytest.mark.parametrize("filler", ["attribute", "comment"])
def test_a_31_mb_attribute_or_comment_in_a_docx_part_is_read_in_seconds(filler):
    huge = "a" * (31 * MiB)
    extra = f'<w:p w:x="{huge}"/>' if filler == "attribute" else f"<!--{huge}-->"
    doc = word_document_xml('<w:p><w:r><w:t>Only local.</w:t></w:r></w:p>' + extra)
    data = minimal_docx(doc)
    outcome, seconds, _ = _timed(lambda: parse_docx(data, Limits(max_zip_entry_bytes=40 * MiB)))
    assert not isinstance(outcome, LoadError), outcome
    assert [b.text for b in outcome.blocks] == ["Only local."]
    assert seconds < 8, f"{seconds:.1f} s"


def test_a_30_mb_line_on_one_compressed_pdf_page_is_refused_at_the_page_limit():
    import zlib
    from load_builders import raw_pdf
    from svrules.load.pdf import parse_pdf
    stream = (b"BT /F1 12 Tf 72 720 Td (" + b"Only local suppliers will be considered. "
              * (30 * MiB // 41) + b") Tj ET")
    pdf = raw_pdf([zlib.compress(stream)], ["FlateDecode"])
    outcome, seconds, _ = _timed(lambda: parse_pdf(pdf))
    assert isinstance(outcome, LoadError) and outcome.kind == "too-large"
    assert "max-pdf-page-mb" in outcome.message and "page 1" in outcome.message
    assert seconds < 10
    small = raw_pdf([zlib.compress(b"BT /F1 12 Tf 72 720 Td (Only local suppliers.) Tj ET")],
                    ["FlateDecode"])
    assert "Only local suppliers." in parse_pdf(small).blocks[0].text


def test_findings_in_one_huge_paragraph_keep_a_bounded_context_and_report_linearly(tmp_path):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.report import ReportContext, formatter
    from svrules.rulepack import load_pack
    meta = ("---\nnature: services\nvalue: 5000000\nvat: exclusive\nauthority_kind: sub_central\n"
            "procurement_start: 2026-05-11\n---\n")
    # distinct sentences: a sentence repeated word for word is one finding with its other places
    sentence = "Only local suppliers will be considered, ref 0000. "
    text = "".join(sentence.replace("0000", f"{i:04d}") for i in range(2000))
    (tmp_path / "one.md").write_text(meta + "# T\n\n" + text)   # one 160 KB block
    pack = load_pack()
    result = Checker(pack, Config(), engine="python").check_path(tmp_path / "one.md")
    anchored = [f for f in result.findings if f.context]
    assert len(anchored) >= 2000
    assert max(len(f.context) for f in anchored) <= 2 * 600 + len(sentence)
    start = time.monotonic()
    html = formatter("html")([result], ReportContext(pack=pack, version="test"))
    assert time.monotonic() - start < 10 and "<mark>" in html
