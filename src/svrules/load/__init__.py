"""Load stage: bytes of one file in, a `Document` out. Adapters never write to the input.

Each format has an adapter `parse(data: bytes) -> Parsed`, registered in `ADAPTERS` by file
suffix. Metadata is taken from the file itself (front matter, document properties) or from a
sidecar `NAME.svrules.yaml`; the sidecar wins when both exist, with a warning.
"""
from __future__ import annotations

import os
import stat
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..formats import FORMATS, REVIEWED_SUFFIX, not_regular, supported
from ..model import Document
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits
from .meta import parse_yaml, sidecar_for, validate_meta
from .ocds import OCDS_SUFFIX, PLAIN, OcdsReaders, ocds_metadata
from .parsed import Parsed
from .text import parse_text

MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes


def _on_first_use(module: str, name: str) -> Callable[[bytes, Limits], Parsed]:
    """The adapter `name` of `.module`, imported when a file of its format is first read: a
    Markdown run should not pay for pypdf (0.16 s of start-up) or the XML readers."""
    def adapter(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
        return getattr(import_module(f"{__name__}.{module}"), name)(data, limits)
    adapter.__name__ = adapter.__qualname__ = name
    return adapter


parse_docx = _on_first_use("docx", "parse_docx")
parse_pdf = _on_first_use("pdf", "parse_pdf")
parse_odt = _on_first_use("odt", "parse_odt")
parse_html = _on_first_use("html", "parse_html")

# The reader of each format; which suffix is which format is `formats.FORMATS`.
READERS: dict[str, Callable[[bytes, Limits], Parsed]] = {
    "markdown": parse_text,
    "text": parse_text,
    "docx": parse_docx,
    "pdf": parse_pdf,
    "odt": parse_odt,
    "html": parse_html,
}

ADAPTERS: dict[str, tuple[str, Callable[[bytes, Limits], Parsed]]] = {
    suffix: (fmt, READERS[fmt]) for suffix, fmt in FORMATS.items()}


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes of a regular file, or a `LoadError` saying plainly why not.

    Opened non-blocking and checked with fstat on the open descriptor: a file swapped for a
    FIFO after discovery would otherwise block the run forever on open or read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise LoadError("io", "file vanished before it could be read") from None
    except PermissionError:
        raise LoadError("io", "permission denied") from None
    except OSError as exc:
        raise LoadError("io", f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError("io", not_regular(mode))
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise LoadError("io", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise LoadError("too-large", f"larger than the {limit / (1024 * 1024):g} MB limit "
                        "(raise it with --max-file-mb)")
    return data


def _over(base: dict, data) -> dict:
    """Metadata written for svrules wins over what an OCDS release says, key by key."""
    if not base:
        return data
    if not isinstance(data, dict):
        return data
    if "svrules" in data and isinstance(data["svrules"], dict):
        return {**data, "svrules": {**base, **data["svrules"]}}
    return {**base, **data}


def ocds_sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.stem + OCDS_SUFFIX),
                      path.with_name(path.name + OCDS_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def _read_beside(path: Path, limit: int) -> bytes:
    """A metadata file beside the document; its errors name it, not the document."""
    try:
        return read_bytes(path, limit)
    except LoadError as exc:
        raise LoadError(exc.kind, f"{path.name}: {exc.message}") from None


def load_document(path: Path, display: str | None = None, max_bytes: int | None = None,
                  limits: Limits = DEFAULT_LIMITS, ocds_readers: OcdsReaders = PLAIN) -> Document:
    """Read and parse one file. Raises `LoadError` for anything the user must fix.

    `limits` (from the configuration and the command line) reaches every adapter; `max_bytes`
    is the older way to set only `limits.max_file_bytes` and wins when given.
    """
    display = display or str(path)
    fmt, adapter = ADAPTERS.get(path.suffix.lower(), (None, None))
    if adapter is None:
        raise LoadError("unsupported", f"no reader for '{path.suffix or path.name}' files")
    parsed = adapter(read_bytes(path, max_bytes or limits.max_file_bytes), limits)
    warnings = list(parsed.warnings)
    meta, meta_source, meta_lines = None, None, {}

    ocds_path = ocds_sidecar_for(path)
    ocds: dict = {}
    if ocds_path is not None:
        ocds, extra = ocds_metadata(_read_beside(ocds_path, 16 * 1024 * 1024), ocds_path.name,
                                    ocds_readers)
        warnings += extra

    sidecar = sidecar_for(path)
    if sidecar is not None:
        if parsed.meta_yaml is not None or parsed.meta_data is not None:
            warnings.append(f"metadata in {sidecar.name} used; the file's own metadata ignored")
        try:
            text = _read_beside(sidecar, 1024 * 1024).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LoadError("metadata", f"{sidecar.name} is not UTF-8") from None
        data, lines = parse_yaml(text, 1, sidecar.name)
        meta, extra = validate_meta(_over(ocds, data), lines, sidecar.name)
        warnings += extra
        meta_source = str(sidecar.name)
        meta_lines = {".".join(map(str, k)): v for k, v in lines.items()}
    elif parsed.meta_yaml is not None:
        data, lines = parse_yaml(parsed.meta_yaml, parsed.meta_first_line, "front matter")
        meta, extra = validate_meta(_over(ocds, data), lines, "front matter")
        warnings += extra
        meta_source = "front matter"
        meta_lines = {".".join(map(str, k)): v for k, v in lines.items()}
    elif parsed.meta_data is not None:
        meta, extra = validate_meta(_over(ocds, parsed.meta_data), {},
                                    parsed.meta_source or "properties")
        warnings += extra
        meta_source = parsed.meta_source
    elif ocds_path is not None:
        meta, extra = validate_meta(ocds, {}, ocds_path.name)
        warnings += extra
        meta_source = f"OCDS release {ocds_path.name}"

    return Document(path=display, format=fmt, blocks=tuple(parsed.blocks), meta=meta,
                    meta_source=meta_source, meta_lines=meta_lines, warnings=tuple(warnings),
                    ocds_source=ocds_path.name if ocds_path is not None else None,
                    ocds_keys=tuple(sorted(ocds)))


__all__ = ["ADAPTERS", "DEFAULT_LIMITS", "LoadError", "Limits", "Parsed", "REVIEWED_SUFFIX",
           "document_from_text", "load_document", "not_regular", "supported"]


def document_from_text(text: str, meta: dict | None = None, path: str = "<example>") -> Document:
    """A Markdown document from a string and a metadata mapping (rule examples, the accuracy
    bench, tests): the same splitting and validation as a file, without touching the disk."""
    from .blocks import split_markdown
    parsed_meta = None
    if meta:
        parsed_meta, _ = validate_meta(meta, {}, "example metadata")
    return Document(path=path, format="markdown", blocks=tuple(split_markdown(text)),
                    meta=parsed_meta, meta_source="example" if meta else None)
