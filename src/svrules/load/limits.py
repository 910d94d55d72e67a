"""Every size cap the loaders enforce, in one place.

A tender repository can hold anything: zip bombs dressed as .docx, PDFs whose streams inflate
to gigabytes, XML that nests a million deep. Each cap below is far above what a real tender
needs and far below what would hurt the machine, so a hostile file fails fast with a
`LoadError` instead of eating memory or time. Callers that need other values build their own
`Limits(...)` and pass it to the adapter; `docs/robustness.md` lists the defaults.
"""
from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # files as read from disk
    max_file_bytes: int = 64 * MiB

    # zip containers (.docx, .odt)
    max_zip_entries: int = 10_000
    max_zip_entry_bytes: int = 32 * MiB      # one decompressed member (document.xml ...)
    max_zip_total_bytes: int = 96 * MiB      # all members we read, together

    # XML parts
    max_xml_depth: int = 256                 # element nesting

    # PDF
    max_pdf_pages: int = 5_000
    max_pdf_stream_bytes: int = 32 * MiB     # one decoded stream (pypdf's own caps set to this)

    # extracted text, any format
    max_text_chars: int = 64 * MiB
    max_blocks: int = 100_000                # a 500-page tender has ~20,000
    max_row_cells: int = 1_000               # each cell block carries its whole row
    max_markdown_line_chars: int = 100_000   # longer lines are plain text, no syntax looked for


DEFAULT_LIMITS = Limits()
