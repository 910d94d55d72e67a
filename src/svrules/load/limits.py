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
    max_pdf_page_bytes: int = 8 * MiB        # one page's decoded content (text extraction time)

    # extracted text, any format
    max_text_chars: int = 64 * MiB
    max_blocks: int = 100_000                # a 500-page tender has ~20,000
    max_row_cells: int = 1_000               # each cell block carries its whole row
    max_markdown_line_chars: int = 100_000   # longer lines are plain text, no syntax looked for

    # analysis: rule-pattern matches in one document (each becomes engine facts and a finding;
    # a real tender has tens, text written to be dense with them has one per sentence)
    max_hits: int = 20_000


DEFAULT_LIMITS = Limits()


# ---------------------------------------------------------------------------- settings
# How the limits are named in `[tool.svrules.limits]` and `--limit KEY=VALUE`: sizes in MB
# (people think in megabytes, not bytes), counts as they are. One table so that the config
# file, the command line and docs/robustness.md cannot drift apart.
SIZE_SETTINGS = {
    "max-file-mb": "max_file_bytes",
    "max-zip-entry-mb": "max_zip_entry_bytes",
    "max-zip-total-mb": "max_zip_total_bytes",
    "max-pdf-stream-mb": "max_pdf_stream_bytes",
    "max-pdf-page-mb": "max_pdf_page_bytes",
}
COUNT_SETTINGS = {
    "max-zip-entries": "max_zip_entries",
    "max-xml-depth": "max_xml_depth",
    "max-pdf-pages": "max_pdf_pages",
    "max-text-chars": "max_text_chars",
    "max-blocks": "max_blocks",
    "max-row-cells": "max_row_cells",
    "max-markdown-line-chars": "max_markdown_line_chars",
    "max-hits": "max_hits",
}
SETTINGS = (*SIZE_SETTINGS, *COUNT_SETTINGS)


def limits_from(settings: dict, base: Limits = DEFAULT_LIMITS) -> Limits:
    """`base` with the named settings applied; `ValueError` naming any unknown key or bad value,
    so a typo in a limit is never silently the default."""
    from dataclasses import replace
    changes: dict[str, int] = {}
    for key, value in settings.items():
        name = str(key).replace("_", "-")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"limit '{key}' must be a number, not {type(value).__name__}")
        if not value > 0 or value != value or value == float("inf"):
            raise ValueError(f"limit '{key}' must be a positive number")
        if name in SIZE_SETTINGS:
            changes[SIZE_SETTINGS[name]] = max(1, int(value * MiB))
        elif name in COUNT_SETTINGS:
            if int(value) != value:
                raise ValueError(f"limit '{key}' must be a whole number")
            changes[COUNT_SETTINGS[name]] = int(value)
        else:
            raise ValueError(f"unknown limit '{key}' (known: {', '.join(SETTINGS)})")
    return replace(base, **changes) if changes else base


class TextBudget:
    """Counts the text a reader extracts and stops it at `max_text_chars`, with one message
    for every format that decompresses or decodes its text (docx, odt)."""

    def __init__(self, limits: Limits, what: str) -> None:
        self.limit = limits.max_text_chars
        self.what = what
        self.used = 0

    def take(self, text: str) -> str:
        from .errors import LoadError
        self.used += len(text)
        if self.used > self.limit:
            raise LoadError("too-large", f"the {self.what} holds more than "
                            f"{self.limit:,} characters of text")
        return text
