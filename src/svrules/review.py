"""One tender through the whole pipeline, keeping what a reviewer needs beside the result.

`svrules check` only needs each file's `FileResult`; the reviewed Word copy and the web page
also show the facts that were read (and where) and the document's own blocks, and the web page
lets a person give the facts the text does not. Both call `review_document` so that they find
exactly what `check` finds, waivers and inline suppressions included.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError

from .check import Analysis, Checker
from .engine import EngineError
from .load import LoadError
from .model import Document, FileError, FileResult, TenderMeta
from .suppress import WaiverSet, review

#: The facts a person is asked for when the text does not give them (the verdict's inputs).
FORM_FACTS = ("authority", "authority_kind", "procurement_start", "nature", "value", "vat",
              "framework")
FORM_SOURCE = "the web form"


@dataclass
class Reviewed:
    """A checked document: the loaded text, what was read from it, and the findings."""

    document: Optional[Document]
    analysis: Optional[Analysis]
    result: FileResult


def with_facts(doc: Document, given: dict[str, Any]) -> Document:
    """The document with facts a person gave (the web form) over its own metadata.

    Raises ValueError with a readable message when the facts are not valid tender metadata.
    """
    given = {k: v for k, v in given.items() if v not in (None, "", {})}
    if not given:
        return doc
    base = doc.meta.model_dump(exclude_none=True, exclude_defaults=True) if doc.meta else {}
    try:
        meta = TenderMeta.model_validate({**base, **given})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ValueError(f"{where + ': ' if where else ''}{err['msg']}") from None
    source = FORM_SOURCE if doc.meta_source is None else f"{doc.meta_source} or {FORM_SOURCE}"
    return doc.model_copy(update={"meta": meta, "meta_source": source})


def review_document(checker: Checker, doc: Document, waivers: Optional[WaiverSet] = None,
                    on: Optional[dt.date] = None) -> Reviewed:
    """Analyse and match `doc` as `Checker.check_document` does, then apply the waivers."""
    from .suppress import apply_inline
    analysis = checker.analyse(doc)
    try:
        findings = tuple(checker.match(analysis))
    except EngineError as exc:
        return Reviewed(doc, analysis, FileResult(path=doc.path, errors=(
            FileError(kind="engine", message=str(exc)),)))
    result = FileResult(path=doc.path, applicability=analysis.verdict, findings=findings,
                        warnings=doc.warnings)
    result = apply_inline(result, doc, checker.pack, checker.config)
    if waivers is not None:
        result = review([result], waivers, None, on)[0]
    return Reviewed(doc, analysis, result)


def review_path(checker: Checker, path: Path, display: str,
                waivers: Optional[WaiverSet] = None, on: Optional[dt.date] = None,
                facts: Optional[dict[str, Any]] = None) -> Reviewed:
    """Load and review one file; a file that cannot be read gives a result with its error."""
    try:
        doc = checker.load(path, display)
    except LoadError as exc:
        return Reviewed(None, None, FileResult(path=display, errors=(
            FileError(kind=exc.kind, message=exc.message, line=exc.line),)))
    if facts:
        try:
            doc = with_facts(doc, facts)
        except ValueError as exc:
            return Reviewed(doc, None, FileResult(path=display, errors=(
                FileError(kind="metadata", message=f"the facts given: {exc}"),)))
    return review_document(checker, doc, waivers, on)


def write_reviewed(path: Path, output: Optional[Path], config, pack, lawbook,
                   waivers_path: Optional[str], today, show_waived: bool,
                   version: str) -> tuple[str, Optional[FileResult]]:
    """`svrules review`: (message, the file's result), or (the problem, None)."""
    from .report import ReportContext
    from .report.docx_review import ReviewError, default_output, reviewed_docx
    from .io_safe import atomic_write
    from .suppress import SuppressError, find_waivers, load_waivers
    target = output or default_output(path)
    if not path.is_file():
        return f"{path}: no such file", None
    if target.resolve() == path.resolve():
        return f"{target}: the reviewed copy would overwrite the tender; choose another --output", None
    try:
        wpath = Path(waivers_path) if waivers_path else find_waivers(config, str(path))
        waivers = load_waivers(wpath) if wpath is not None else None
    except SuppressError as exc:
        return str(exc), None
    checker = Checker(pack, config, engine=config.engine, lawbook=lawbook)
    reviewed = review_path(checker, path, str(path), waivers, today.date() if today else None)
    if reviewed.result.errors:
        e = reviewed.result.errors[0]
        return f"{path}: [{e.kind}] {e.message}", None
    ctx = ReportContext(pack=pack, version=version)
    try:
        data = reviewed_docx(path, reviewed, ctx, show_waived)
        atomic_write(target, data)
    except ReviewError as exc:
        return f"{path}: {exc}", None
    except OSError as exc:
        return f"cannot write {target}: {exc.strerror or exc}", None
    r = reviewed.result
    shown = len(r.findings) + (len(r.waived) + len(r.baselined) if show_waived else 0)
    from .report import verdict_word
    return (f"wrote {target}: {shown} finding comment{'s' if shown != 1 else ''} and a summary "
            f"(verdict: {verdict_word(r)})", r)
