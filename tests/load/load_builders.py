"""Build test documents in memory, so every fixture is reproducible from the test suite."""
from __future__ import annotations

import io
import zipfile
import zlib
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
""" % W_NS.encode()

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE doc [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
""" % W_NS.encode()


def replace_members(archive: bytes, replacements: dict[str, bytes | None],
                    compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a zip with some members replaced, added, or (None) removed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            if info.filename in replacements:
                continue
            dst.writestr(info.filename, src.read(info.filename))
        for name, data in replacements.items():
            if data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def docx_bytes(build) -> bytes:
    """Run `build(document)` on a fresh python-docx document and return the saved bytes."""
    import docx
    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def word_document_xml(body_xml: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}" '
            f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            f'xmlns:v="urn:schemas-microsoft-com:vml">'
            f'<w:body>{body_xml}</w:body></w:document>').encode()


def minimal_docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """The smallest package Word-style readers accept: content types, rels and document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    'officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def custom_properties_xml(properties: dict[str, tuple[str, str]]) -> bytes:
    """docProps/custom.xml from {name: (vt type, text)}."""
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" '
        f'name="{escape(name, {chr(34): "&quot;"})}"><vt:{kind}>{escape(text)}</vt:{kind}></property>'
        for i, (name, (kind, text)) in enumerate(properties.items(), start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'docPropsVTypes">{items}</Properties>').encode()


# ---------------------------------------------------------------------------- OpenDocument

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def odt_content(body_xml: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
            f'<office:body><office:text>{body_xml}</office:text></office:body>'
            f'</office:document-content>').encode()


def odt_bytes(content_xml: bytes, styles_xml: bytes | None = None, meta_xml: bytes | None = None,
              mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content_xml, compress_type=zipfile.ZIP_DEFLATED)
        if styles_xml is not None:
            zf.writestr("styles.xml", styles_xml, compress_type=zipfile.ZIP_DEFLATED)
        if meta_xml is not None:
            zf.writestr("meta.xml", meta_xml, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------------------- PDF

def raw_pdf(page_streams: list[bytes], filters: list[str | None] | None = None) -> bytes:
    """A hand-assembled PDF whose pages draw the given content streams (with a correct xref)."""
    filters = filters or [None] * len(page_streams)
    objects: list[bytes] = []
    n_pages = len(page_streams)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    font_id = 3 + 2 * n_pages
    for i, (stream, flt) in enumerate(zip(page_streams, filters)):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       f"{4 + 2 * i} 0 R /Resources << /Font << /F1 {font_id} 0 R >> >> >>"
                       .encode())
        extra = f" /Filter /{flt}" if flt else ""
        objects.append(f"<< /Length {len(stream)}{extra} >>\nstream\n".encode() + stream
                       + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def text_stream(*lines: str) -> bytes:
    ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({safe}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def flate_bomb(size: int) -> bytes:
    """A FlateDecode stream that inflates to `size` bytes of spaces (about 1000:1)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(compressor.flush())
    return b"".join(parts)


def fpdf_document(pages: list[list[str]], outline: list[tuple[int, str, int]] = ()) -> bytes:
    """A PDF written by fpdf2: each page's lines, with optional (page index, title, level)
    bookmarks whose titles are drawn as the first line of their page."""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for index, lines in enumerate(pages):
        pdf.add_page()
        for page_index, title, level in outline:
            if page_index == index:
                pdf.start_section(title, level=level)
                pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
        for line in lines:
            if line == "":
                pdf.ln(8)
            else:
                pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
