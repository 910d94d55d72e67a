"""PDF: the text layer of each page, split into located paragraphs, read with pypdf.

Locations: `line` is a running line number over the whole extracted text (page 1's lines
first, then page 2's ...), so a SARIF `startLine` is meaningful and unique; `page` is the
1-based page number. Lines are those of pypdf's layout extraction, which keeps vertical gaps
as blank lines: a blank line ends a paragraph, as does a page break, a bulleted line, or a
line that matches an entry of the PDF's outline (bookmarks) on that page, which becomes a
heading at the outline's depth. Runs of spaces inside a line are collapsed to one.

Every pypdf decoding cap is set from `Limits.max_pdf_stream_bytes` for the duration of a
parse, so a stream that inflates without end stops at the cap with kind "hostile". A PDF
that is encrypted with a non-empty password is kind "encrypted"; one with pages but no text
on any of them is kind "no-text" ("no text layer; OCR it first"), not an empty pass.
"""
from __future__ import annotations

import io
import logging
import re
import warnings

import pypdf
from pypdf.errors import (DependencyError, EmptyFileError, FileNotDecryptedError,
                          LimitReachedError)

from ..model import BlockKind
from .blocks import BULLET, BlockBuilder, list_number
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits
from .parsed import Parsed

# pypdf reports what it repaired through logging; a linter's stderr is not the place for it.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

NO_TEXT = "no text layer; OCR it first"
SPACES = re.compile(r"[ \t\u00a0]{2,}")
MESSAGE_MAX = 200


def _pypdf_caps(limits: Limits) -> dict[str, int]:
    cap = limits.max_pdf_stream_bytes
    return {
        "maximum_declared_stream_length": cap,
        "array_based_stream_maximum_output_length": cap,
        "jbig2_maximum_output_length": cap,
        "lzw_maximum_output_length": cap,
        "run_length_maximum_output_length": cap,
        "zlib_maximum_output_length": cap,
        "brotli_maximum_output_length": cap,
        "image_maximum_buffer_size": cap,
        "stream_decoding_work_maximum_length": 4 * cap,
    }


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _outline_headings(reader: pypdf.PdfReader) -> dict[int, list[tuple[str, int]]]:
    """page number -> [(normalised title, level)] from the bookmarks; {} if none or broken."""
    found: dict[int, list[tuple[str, int]]] = {}

    def walk(entries, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                if level < 9:
                    walk(entry, level + 1)
                continue
            try:
                page = reader.get_destination_page_number(entry)
                title = _normalise(str(entry.title or ""))
            except Exception:       # a broken bookmark is no reason to reject the file
                continue
            if page is not None and page >= 0 and title:
                found.setdefault(page + 1, []).append((title, level))

    try:
        walk(reader.outline, 1)
    except Exception:
        return {}
    return found


def _check_page_size(page, number: int, limits: Limits) -> None:
    """pypdf extracts text at about 1 MB a second (layout mode places every glyph), so one
    page's decoded content stream is capped: a 30 MB line of text on one page ran past 120 s.
    A real page, even a dense table, is well under 1 MB."""
    contents = page.get_contents()
    size = len(contents.get_data()) if contents is not None else 0
    if size > limits.max_pdf_page_bytes:
        raise LoadError("too-large", f"page {number} of the PDF draws "
                        f"{size / (1024 * 1024):.1f} MB of content, more than the max-pdf-page-mb "
                        f"limit of {limits.max_pdf_page_bytes / (1024 * 1024):g} MB")


def _page_texts(data: bytes, limits: Limits) -> tuple[list[str], dict[int, list[tuple[str, int]]]]:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except DependencyError:
            raise LoadError("encrypted", "the PDF is encrypted with a cipher this install "
                            "cannot open: save an unprotected copy") from None
        if decrypted == pypdf.PasswordType.NOT_DECRYPTED:
            raise LoadError("encrypted", "the PDF is password-protected: save an unprotected copy")
    count = len(reader.pages)
    if count == 0:
        raise LoadError("empty", "the PDF has no pages")
    if count > limits.max_pdf_pages:
        raise LoadError("too-large", f"the PDF has {count} pages, more than the limit of "
                        f"{limits.max_pdf_pages}")
    texts, chars = [], 0
    for number, page in enumerate(reader.pages, start=1):
        _check_page_size(page, number, limits)
        try:
            text = page.extract_text(extraction_mode="layout")
        except (LimitReachedError, LoadError, MemoryError):
            raise
        except Exception:       # layout mode is the fussier one: plain mode still reads most
            text = page.extract_text()
        chars += len(text)
        if chars > limits.max_text_chars:
            raise LoadError("too-large", f"the PDF holds more than {limits.max_text_chars:,} "
                            "characters of text")
        texts.append(text)
    return texts, _outline_headings(reader)


def _read(data: bytes, limits: Limits) -> tuple[list[str], dict[int, list[tuple[str, int]]]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pypdf.apply_configuration(**_pypdf_caps(limits)):
                return _page_texts(data, limits)
    except LoadError:
        raise
    except LimitReachedError as exc:
        raise LoadError("hostile", "a stream in the PDF inflates past the "
                        f"{limits.max_pdf_stream_bytes // (1024 * 1024)} MB limit "
                        f"(a decompression bomb?): {str(exc)[:MESSAGE_MAX]}") from None
    except FileNotDecryptedError:
        raise LoadError("encrypted", "the PDF is password-protected: save an unprotected copy") \
            from None
    except EmptyFileError:
        raise LoadError("empty", "the file is empty") from None
    except MemoryError:
        raise LoadError("hostile", "the PDF needs more memory than is safe to give it") from None
    except Exception as exc:    # pypdf raises many types on damaged input; all mean "malformed"
        detail = f"{type(exc).__name__}: {exc}"[:MESSAGE_MAX]
        raise LoadError("malformed", f"the PDF is damaged and cannot be read ({detail})") \
            from None


def _blocks(texts: list[str], outline: dict[int, list[tuple[str, int]]],
            limits: Limits) -> BlockBuilder:
    builder = BlockBuilder(limits.max_blocks, limits.max_row_cells)
    line_no = 0
    for page_no, text in enumerate(texts, start=1):
        headings = list(outline.get(page_no, ()))
        pending: list[tuple[int, int, str]] = []
        pending_kind = BlockKind.paragraph
        pending_number: str | None = None

        def flush() -> None:
            nonlocal pending, pending_number
            if pending:
                builder.add(pending_kind, pending, page=page_no, number=pending_number)
            pending, pending_number = [], None

        for raw in text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            line_no += 1
            line = SPACES.sub(" ", raw.strip())
            if not line:
                flush()
                continue
            key = _normalise(line)
            match = next((h for h in headings if h[0] == key), None)
            if match is not None:
                headings.remove(match)
                flush()
                builder.add(BlockKind.heading, [(line_no, 1, line)], level=match[1], page=page_no)
                continue
            bullet = BULLET.match(line)
            if bullet:
                flush()
                pending_kind = BlockKind.list_item
                pending = [(line_no, bullet.end() + 1, line[bullet.end():])]
                pending_number = list_number(bullet.group(2))
                continue
            if not pending:
                pending_kind = BlockKind.paragraph
            pending.append((line_no, 1, line))
        flush()
    return builder


def parse_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    if not data.strip():
        raise LoadError("empty", "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise LoadError("malformed", "not a PDF: no %PDF- header at the start of the file")
    if b"%%EOF" not in data[-2048:]:
        raise LoadError("malformed", "the PDF is truncated: it does not end with %%EOF")
    texts, outline = _read(data, limits)
    blank_pages = [n for n, text in enumerate(texts, start=1) if not text.strip()]
    if len(blank_pages) == len(texts):
        raise LoadError("no-text", f"the PDF has {len(texts)} page{'s' * (len(texts) > 1)} but "
                        f"no text on any: {NO_TEXT}")
    warnings_out = []
    if blank_pages:
        shown = ", ".join(map(str, blank_pages[:20])) + (" ..." if len(blank_pages) > 20 else "")
        warnings_out.append(f"page{'s' * (len(blank_pages) > 1)} {shown} ha"
                            f"{'ve' if len(blank_pages) > 1 else 's'} no text ({NO_TEXT}); "
                            "not checked")
    return Parsed(blocks=_blocks(texts, outline, limits).blocks, warnings=warnings_out)
