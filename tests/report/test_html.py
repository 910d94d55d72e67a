"""The HTML report: self-contained, escaped, and rendered by headless Chromium."""
from __future__ import annotations

import re
import struct
import subprocess
import zlib

from ..helpers import DATA, run
from .conftest import chromium_args

ENV = {"SVRULES_TODAY": "2026-01-01"}


def html_report(tmp_path) -> str:
    out = tmp_path / "report.html"
    result = run(["check", "--format", "concise", "--output", f"html:{out}", "tenders"], DATA, ENV)
    assert result.exit_code == 1
    return out.read_text("utf-8")


def test_self_contained_no_network(tmp_path):
    page = html_report(tmp_path)
    assert "<style>" in page and "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(css|js|woff2?|png|svg)', page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    assert "@media print" in page


def test_tender_text_is_escaped(tmp_path):
    (tmp_path / "t.md").write_text(
        "# Spec <script>alert(1)</script>\n\nThe Contractor must be a local business <b>based</b> "
        "within 20 miles of the Council offices.\n", "utf-8")
    res = run(["check", "--engine", "python", "--format", "html", "t.md"], tmp_path, ENV)
    assert "<script>" not in res.stdout and "&lt;script&gt;" in res.stdout
    assert "&lt;b&gt;based&lt;/b&gt;" in res.stdout


def _png_is_not_blank(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct colours in the first rows) of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour = ihdr[0], ihdr[1], ihdr[2], ihdr[3]
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    colours, prev = set(), bytearray(stride)
    for y in range(min(height, 400)):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, channels * 7))
    return width, height, len(colours)


def test_renders_in_headless_chromium(chromium, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html_report(tmp_path), "utf-8")
    shot = tmp_path / "report.png"
    args = chromium_args(chromium, tmp_path / "profile")
    subprocess.run([*args, f"--screenshot={shot}", "--window-size=1200,1800",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    width, height, colours = _png_is_not_blank(shot.read_bytes())
    assert (width, height) == (1200, 1800)
    assert colours > 20, "the screenshot is blank"
    dom = subprocess.run([*args, "--dump-dom", page.as_uri()], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    assert "Social value review" in dom
    expected = html_report(tmp_path).count('class="finding ')    # active + waived, in tenders/
    assert expected > 5 and dom.count('class="finding ') == expected
    assert "supplier-location-requirement" in dom
    assert "Procurement Act 2023 (c. 54)</strong>, s.12(2)" in dom
    assert "must treat suppliers the same unless a difference between the suppliers" in dom
    assert "<mark>The Contractor must be a local business based within 20 miles" in dom
    assert "Operational: a 60-minute emergency response" in dom
    assert 'href="https://www.legislation.gov.uk/ukpga/2023/54/section/12"' in dom
