"""One tender written out in every format svrules reads, and a folder of hostile files.

The text is `examples/homecare-tender-problems.md`: its front matter becomes .docx custom
properties, a sidecar for .pdf, and so on. The PDF is laid out by fpdf2's `multi_cell`, which
wraps long paragraphs the way a word processor's "Save as PDF" does, so a sentence can be split
across lines (and pages).
"""
from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from load_builders import (BILLION_LAUGHS, custom_properties_xml, docx_bytes, minimal_docx,
                           odt_bytes, odt_content, replace_members)
from safety_helpers import TENDER


def tender_parts(text: str = TENDER) -> tuple[dict, list[tuple[int, str]]]:
    """(metadata, [(heading level or 0 for a paragraph, text)]) of a Markdown tender whose
    paragraphs are wrapped over several source lines."""
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    parts: list[tuple[int, str]] = []
    for chunk in body.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        if lines[0].startswith("#"):
            hashes, _, title = lines[0].partition(" ")
            parts.append((len(hashes), title))
        else:
            parts.append((0, " ".join(lines)))
    return meta, parts


def _vt(value) -> tuple[str, str]:
    if isinstance(value, bool):
        return "bool", "true" if value else "false"
    if isinstance(value, (int, float)):
        return "r8", str(value)
    if isinstance(value, date):
        return "lpwstr", value.isoformat()
    return "lpwstr", str(value)


def with_custom_properties(data: bytes, meta: dict) -> bytes:
    """A .docx with `meta` as custom properties (File > Properties > Custom in Word)."""
    props = custom_properties_xml({k: _vt(v) for k, v in meta.items()})
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("_rels/.rels").decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                        'Target="docProps/custom.xml"/></Relationships>')
    return replace_members(data, {"docProps/custom.xml": props, "_rels/.rels": rels.encode()})


def tender_docx(text: str = TENDER) -> bytes:
    meta, parts = tender_parts(text)

    def build(document) -> None:
        for level, body in parts:
            if level:
                document.add_heading(body, level)
            else:
                document.add_paragraph(body)
    return with_custom_properties(docx_bytes(build), meta)


def tender_pdf(text: str = TENDER) -> bytes:
    from fpdf import FPDF
    _, parts = tender_parts(text)
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for level, body in parts:
        pdf.set_font("helvetica", "B" if level else "", 16 - 2 * level if level else 11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def tender_sidecar(text: str = TENDER) -> str:
    meta, _ = tender_parts(text)
    return yaml.safe_dump(meta, sort_keys=False)


def tender_odt(text: str = TENDER) -> bytes:
    _, parts = tender_parts(text)
    body = "".join(f'<text:h text:outline-level="{level}">{escape(t)}</text:h>' if level
                   else f"<text:p>{escape(t)}</text:p>" for level, t in parts)
    return odt_bytes(odt_content(body))


def tender_html(text: str = TENDER) -> bytes:
    _, parts = tender_parts(text)
    body = "\n".join(f"<h{level}>{escape(t)}</h{level}>" if level else f"<p>{escape(t)}</p>"
                     for level, t in parts)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>Tender</title></head>" \
           f"<body>\n{body}\n</body></html>\n".encode()


# ---------------------------------------------------------------------------- the mixed folder

def _encrypted_pdf() -> bytes:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Secret tender.")
    pdf.set_encryption(owner_password="o", user_password="u",
                       encryption_method=EncryptionMethod.AES_256)
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image
    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (200, 100), "white"), x=10, y=10, w=100)
    return bytes(pdf.output())


def _zip_bomb_docx() -> bytes:
    from svrules.load.limits import DEFAULT_LIMITS
    return minimal_docx(b"<w:p>" + b" " * (DEFAULT_LIMITS.max_zip_entry_bytes + 1024 * 1024))


def _md(meta_yaml: str) -> str:
    return "---\n" + meta_yaml + "---\n" + TENDER.split("---\n", 2)[2]


# name -> (bytes, the error kind expected, or None when the file is checked)
def hostile_files() -> dict[str, tuple[bytes, str | None]]:
    unknown = TENDER.replace("term_years: 4\n", "term_years: 4\nlayout: post\nowner: J. Smith\n")
    return {
        "bomb.docx": (_zip_bomb_docx(), "hostile"),
        "laughs.odt": (odt_bytes(BILLION_LAUGHS), "hostile"),
        "not-a-zip.docx": (b"This is a plain text file saved with the wrong name.\n", "malformed"),
        "truncated.pdf": (tender_pdf()[:1500], "malformed"),
        "encrypted.pdf": (_encrypted_pdf(), "encrypted"),
        "scanned.pdf": (_scanned_pdf(), "no-text"),
        "nul.txt": (b"The authority\x00 invites bids.\n", "encoding"),
        "cp1252.txt": (TENDER.encode("cp1252"), None),
        "empty.md": (b"", "empty"),
        "python-object.md": (_md("title: !!python/object/apply:os.system ['touch pwned']\n")
                             .encode(), "metadata"),
        "yaml-laughs.md": (_md("a: &a [lol, lol, lol]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n")
                           .encode(), "metadata"),
        "wrong-type.md": (_md("nature: services\nvalue: a great deal\n").encode(), "metadata"),
        "unknown-keys.md": (unknown.encode(), None),
    }


def good_files() -> dict[str, bytes]:
    """The tender in each format; each file's metadata from where that format keeps it."""
    sidecar = tender_sidecar().encode()
    return {"tender-md.md": TENDER.encode(), "tender-txt.txt": TENDER.encode(),
            "tender-docx.docx": tender_docx(),
            "tender-pdf.pdf": tender_pdf(), "tender-pdf.svrules.yaml": sidecar,
            "tender-odt.odt": tender_odt(), "tender-odt.svrules.yaml": sidecar,
            "tender-html.html": tender_html(), "tender-html.svrules.yaml": sidecar}


def build_mixed_folder(folder: Path) -> dict[str, str | None]:
    """Write every good and hostile file into FOLDER; returns checked name -> expected kind."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}
    for name, data in good_files().items():
        (folder / name).write_bytes(data)
        if not name.endswith(".svrules.yaml"):
            expected[name] = None
    for name, (data, kind) in hostile_files().items():
        (folder / name).write_bytes(data)
        expected[name] = kind
    return expected
