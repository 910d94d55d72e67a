"""The reviewed Word copy: each finding a comment on the words it is about.

A .docx tender is copied through python-docx (which keeps every part it does not touch:
styles, numbering, headers, footers, tracked changes, existing comments) and only two things
change: runs are split where a finding's excerpt starts and ends, and comment ranges with their
comments are added. Other formats (.md, .odt, .html, .pdf, .txt) get a .docx rendition of their
blocks carrying the same comments.

Paragraphs are found the way the Word reader numbers them (load/docx.py): every body `w:p` in
document order, table-cell paragraphs included, text-box paragraphs not; a paragraph's text is
built from the same elements the reader reads, so a finding's excerpt is searched for in
exactly the text it was found in. Word has no comments in headers and footers: findings there
are put on the document's first heading, saying where the words are.
"""
from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from ..model import Block, BlockKind, Document, FileResult, Finding, WaivedFinding
from . import counts, plural, where
from .text import verdict_line

AUTHOR = "svrules"
INITIALS = "SV"
SKIPPED = frozenset({"pPr", "rPr", "del", "delText", "moveFrom", "instrText", "fldData",
                     "delInstrText", "txbxContent"})
CONTAINERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"})
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SOFT_WRAPS = frozenset({"markdown", "text", "pdf"})
PROPERTY_HINT = ("set it as a Word custom property (File > Info > Properties > Advanced "
                 "properties > Custom) or add it to the front matter")


class ReviewError(Exception):
    """The reviewed copy cannot be written (the message says why, for the user)."""


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------- paragraphs and runs

@dataclass
class _Segment:
    run: object        # the w:r element
    start: int
    end: int


@dataclass
class _Paragraph:
    element: object
    segments: list[_Segment] = field(default_factory=list)
    text: str = ""


def _pieces(element, run, out: list[tuple[object, str]]) -> None:
    """(run, text) in reading order, as load/docx.py reads a paragraph's visible text."""
    name = _local(element.tag)
    if name in SKIPPED:
        return
    if name == "r":
        run = element
    if name == "t":
        out.append((run, element.text or ""))
    elif name == "tab":
        out.append((run, "\t"))
    elif name in ("br", "cr"):
        out.append((run, "\n"))
    elif name == "noBreakHyphen":
        out.append((run, "-"))
    elif name == "AlternateContent":
        chosen = next((c for c in element if _local(c.tag) == "Choice"), None)
        if chosen is None:
            chosen = next((c for c in element if _local(c.tag) == "Fallback"), None)
        for child in (chosen if chosen is not None else ()):
            _pieces(child, run, out)
    else:
        for child in element:
            _pieces(child, run, out)


def _read_paragraph(p) -> _Paragraph:
    pieces: list[tuple[object, str]] = []
    for child in p:
        _pieces(child, None, pieces)
    para = _Paragraph(p)
    at = 0
    for run, text in pieces:
        if run is not None and para.segments and para.segments[-1].run is run:
            para.segments[-1].end += len(text)
        elif run is not None and text:
            para.segments.append(_Segment(run, at, at + len(text)))
        at += len(text)
    para.text = "".join(t for _, t in pieces)
    return para


def body_paragraphs(body) -> list:
    """Body `w:p` elements numbered as the Word reader numbers them (¶1 is index 0)."""
    out: list = []

    def walk(container) -> None:
        for child in container:
            name = _local(child.tag)
            if name == "p":
                out.append(child)
            elif name == "tbl":
                table(child)
            elif name in CONTAINERS:
                walk(child)

    def named(element, tag):
        for child in element:
            name = _local(child.tag)
            if name == tag:
                yield child
            elif name in CONTAINERS:
                yield from named(child, tag)

    def table(element) -> None:
        for row in named(element, "tr"):
            for c in named(row, "tc"):
                walk(c)

    walk(body)
    return out


def _run_length(child) -> int:
    name = _local(child.tag)
    if name == "t":
        return len(child.text or "")
    return 1 if name in ("tab", "br", "cr", "noBreakHyphen") else 0


def _split_run(run, at: int) -> None:
    """Split a w:r at character `at` of its text into two runs with the same properties."""
    twin = copy.deepcopy(run)
    mine, theirs = list(run), list(twin)
    pos = 0
    for child, other in zip(mine, theirs):
        if _local(child.tag) == "rPr":
            continue
        length = _run_length(child)
        start, end = pos, pos + length
        pos = end
        if end <= at and (length or start < at):
            twin.remove(other)
        elif start >= at:
            run.remove(child)
        else:                                   # a w:t across the split
            text = child.text or ""
            child.text, other.text = text[:at - start], text[at - start:]
            for node in (child, other):
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(twin)


def _runs_for(p, start: int, end: int) -> list:
    """The w:r elements covering exactly [start, end) of the paragraph's text (split as needed)."""
    for cut in (start, end):
        para = _read_paragraph(p)
        for seg in para.segments:
            if seg.start < cut < seg.end:
                _split_run(seg.run, cut - seg.start)
                break
    para = _read_paragraph(p)
    return [s.run for s in para.segments if s.start >= start and s.end <= end and s.end > s.start]


def excerpt_pattern(excerpt: str) -> Optional[re.Pattern]:
    words = excerpt.strip().strip("…").split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


# --------------------------------------------------------------------------- comment text

def _citation_line(ctx, c) -> str:
    from . import instrument
    _title, short, url = instrument(ctx, c)
    said = f"“{c.quote}”" if c.quote else "(paraphrase: no verbatim quote)"
    return f"See: {short} {c.section}: {said}" + (f" <{url}>" if url else "")


def finding_comment(f: Finding, ctx, waived: Optional[WaivedFinding] = None,
                    note: str = "") -> str:
    """A comment's paragraphs: severity first, then rule, message, fix and citations."""
    head = f.severity.value.upper()
    if waived is not None:
        reason = waived.waiver.reason or "no reason given"
        head = f"WAIVED: {reason} (was {head}; {waived.waiver.kind})"
    lines = [f"{head} · {f.rule} {f.name} ({f.category.value})", f.message]
    if note:
        lines.append(note)
    place = where(f) + (f" · {' › '.join(f.section)}" if f.section else "")
    lines.append(f"Where: {place}")
    if f.downgraded_from is not None:
        lines.append(f"(downgraded from {f.downgraded_from.value})")
    lines.append(f"Fix: {f.fix}")
    lines += [_citation_line(ctx, c) for c in f.citations]
    lines.append(f"svrules explain {f.rule} · fingerprint {f.fingerprint}")
    return "\n".join(" ".join(line.split()) for line in lines)


def facts_read(analysis) -> list[tuple[str, Any, str, str]]:
    """(name, value, source, where) of each input the verdict had, in a stable order."""
    out = []
    for name, known in sorted(analysis.inputs.known.items()):
        value = getattr(known.value, "value", known.value)
        if hasattr(value, "model_dump"):
            value = ", ".join(f"{k}: {v}" for k, v in
                              value.model_dump(exclude_none=True).items()) or "stated"
        if name == "value" and known.vat:
            value = f"£{value:,.0f} ({known.vat} of VAT)" if isinstance(value, (int, float)) \
                else value
        out.append((name, value, known.source, known.where or ""))
    return out


def summary_comment(result: FileResult, facts: Iterable[tuple], version: str) -> str:
    """The first comment: verdict and reasons, counts, and the facts read or missing."""
    a = result.applicability
    c = counts([result])
    lines = [f"SVRULES SUMMARY (added by svrules {version}; the rest of the document is "
             "unchanged apart from these comments)"]
    if a is not None:
        lines.append("Verdict: " + verdict_line(a))
        lines += a.reasons
        lines += [f"Warning: {w}" for w in a.warnings]
    parts = ", ".join(plural(c[s], s).replace("infos", "info") for s in ("error", "warning", "info")
                      if c[s])
    lines.append(f"Findings: {plural(c['findings'], 'finding')}"
                 + (f" ({parts})" if parts else "")
                 + (f"; {c['waived']} waived" if c["waived"] else "")
                 + (f"; {c['baselined']} in the baseline" if c["baselined"] else "") + ".")
    read = [f"{name}: {value} ({source}{', ' + where if where else ''})"
            for name, value, source, where in facts]
    lines.append("Facts read: " + ("; ".join(read) if read else "none") + ".")
    if a is not None and a.missing:
        lines.append(f"Facts missing: {', '.join(a.missing)}: {PROPERTY_HINT}.")
    lines += [f"Warning: {w}" for w in result.warnings]
    return "\n".join(" ".join(line.split()) for line in lines)


# --------------------------------------------------------------------------- placing comments

class _Annotator:
    """Adds comments to a python-docx document whose paragraphs are mapped to blocks."""

    def __init__(self, document, paragraphs_of: dict[int, list], first) -> None:
        self.document = document
        self.paragraphs_of = paragraphs_of      # block index -> w:p elements
        self.first = first                      # w:p for document-level comments
        self.used: set[tuple[int, int, int]] = set()

    def _add(self, runs: list, text: str) -> None:
        from docx.text.run import Run
        comment = self.document.add_comment([Run(runs[0], None), Run(runs[-1], None)],
                                            text=text, author=AUTHOR, initials=INITIALS)
        date = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date"
        comment._comment_elm.attrib.pop(date, None)      # deterministic output

    def whole(self, p, text: str) -> None:
        runs = [s.run for s in _read_paragraph(p).segments]
        if not runs:
            from docx.text.paragraph import Paragraph
            runs = [Paragraph(p, None).add_run()._r]
        self._add(runs, text)

    def on_excerpt(self, block: Optional[Block], excerpt: str, text: str) -> bool:
        """Comment on the excerpt's exact runs in the block's paragraphs; False if not found."""
        pattern = excerpt_pattern(excerpt)
        paragraphs = self.paragraphs_of.get(block.index, []) if block is not None else []
        if pattern is None or not paragraphs:
            return False
        for p in paragraphs:
            para = _read_paragraph(p)
            for m in pattern.finditer(para.text):
                key = (id(p), m.start(), hash(text))
                if key in self.used:
                    continue
                runs = _runs_for(p, m.start(), m.end())
                if runs:
                    self.used.add(key)
                    self._add(runs, text)
                    return True
        return False

    def place(self, f: Finding, block: Optional[Block], ctx,
              waived: Optional[WaivedFinding] = None) -> None:
        part = block.location.part if block is not None else None
        if part in ("header", "footer"):
            note = f"In the {part}: “{f.excerpt}”"
            self.whole(self.first, finding_comment(f, ctx, waived, note))
            return
        text = finding_comment(f, ctx, waived)
        if block is not None and self.on_excerpt(block, f.excerpt, text):
            return
        paragraphs = self.paragraphs_of.get(block.index, []) if block is not None else []
        self.whole(paragraphs[0] if paragraphs else self.first, text)


def blocks_by_text(doc: Document) -> dict[str, list[Block]]:
    """The document's blocks by their text: a finding's `context` is its block's text."""
    out: dict[str, list[Block]] = {}
    for b in doc.blocks:
        out.setdefault(b.text, []).append(b)
    return out


def block_of(by_text: dict[str, list[Block]], f: Finding) -> Optional[Block]:
    """The block a finding's excerpt comes from (None for a document-level finding)."""
    if f.context is None:
        return None
    same = by_text.get(f.context, [])
    loc = f.location
    if loc is not None:
        for b in same:
            if (b.location.paragraph == loc.paragraph and b.location.part == loc.part
                    and b.location.cell == loc.cell and b.location.line <= f.line):
                return b
    return same[0] if same else None


def _first_anchor(doc: Document, paragraphs_of: dict[int, list], fallback):
    for kind in (BlockKind.heading, BlockKind.paragraph, BlockKind.list_item):
        for b in doc.blocks:
            if b.kind is kind and b.location.part in (None, "body") and paragraphs_of.get(b.index):
                return paragraphs_of[b.index][0]
    return fallback


def _comment_all(annotator: _Annotator, doc: Document, reviewed, ctx, show_waived: bool,
                 notice: str = "") -> None:
    result = reviewed.result
    facts = []
    if reviewed.analysis is not None:
        facts = facts_read(reviewed.analysis)
    summary = summary_comment(result, facts, ctx.version)
    if notice:
        head, _, rest = summary.partition("\n")
        summary = f"{head}\n{notice}\n{rest}"
    annotator.whole(annotator.first, summary)
    by_text = blocks_by_text(doc)
    for f in result.findings:
        annotator.place(f, block_of(by_text, f), ctx)
    if show_waived:
        for w in (*result.waived, *result.baselined):
            annotator.place(w.finding, block_of(by_text, w.finding), ctx, w)


# --------------------------------------------------------------------------- the two routes

def _word_copy(source: Path, doc: Document):
    import docx
    try:
        document = docx.Document(str(source))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for odd packages
        raise ReviewError(f"python-docx cannot open it for the reviewed copy: {exc}") from None
    paragraphs = body_paragraphs(document.element.body)
    paragraphs_of: dict[int, list] = {}
    for b in doc.blocks:
        if b.location.part not in (None, "body", "textbox") or b.location.paragraph is None:
            continue
        # a text box's words are not in its anchor paragraph's runs: the comment falls back
        # to that paragraph as a whole
        numbers = ([b.location.paragraph] if b.location.part == "textbox" else
                   sorted({line for line, _ in b.line_starts} or {b.location.paragraph}))
        paragraphs_of[b.index] = [paragraphs[n - 1] for n in numbers if 0 < n <= len(paragraphs)]
    if not paragraphs:
        raise ReviewError("the Word document has no body paragraph to put comments on")
    return document, paragraphs_of, _first_anchor(doc, paragraphs_of, paragraphs[0])


def _rendition(doc: Document):
    """A plain .docx of the document's blocks: headings, paragraphs, lists and tables."""
    import docx
    document = docx.Document()
    document.core_properties.title = (doc.meta.title if doc.meta and doc.meta.title else
                                      Path(doc.path).name)
    paragraphs_of: dict[int, list] = {}
    rows: dict[tuple, object] = {}
    tables: dict[tuple, object] = {}
    for b in doc.blocks:
        if b.kind is BlockKind.comment:
            continue
        if b.kind is BlockKind.table_cell:
            key = (b.location.part, b.location.table)
            width = max(1, len(b.cells))
            table = tables.get(key)
            if table is None:
                table = tables[key] = document.add_table(rows=0, cols=width)
                table.style = "Table Grid"
            row = rows.get((*key, b.location.row))
            if row is None:
                row = rows[(*key, b.location.row)] = table.add_row()
            index = min((b.location.cell or 1) - 1, len(row.cells) - 1)
            cell = row.cells[index]
            lines = b.text.split("\n")
            cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(line)
            paragraphs_of[b.index] = [p._p for p in cell.paragraphs]
            continue
        if b.kind is BlockKind.heading:
            paragraph = document.add_heading(b.text.replace("\n", " "),
                                             min(max(b.level if b.level is not None else 1, 0), 9))
        else:
            style = "List Bullet" if b.kind is BlockKind.list_item else None
            paragraph = document.add_paragraph(style=style)
            # a line break in Markdown, text or PDF only wraps the paragraph; in HTML and
            # OpenDocument it is one the author put there
            lines = ([" ".join(b.text.split("\n"))] if doc.format in SOFT_WRAPS
                     else b.text.split("\n"))
            for i, line in enumerate(lines):
                run = paragraph.add_run(line)
                if i < len(lines) - 1:
                    run.add_break()
        paragraphs_of[b.index] = [paragraph._p]
    first_p = next(iter(paragraphs_of.values()), None)
    if not first_p:
        raise ReviewError("the document has no text to put comments on")
    # the rendition has no header or footer: their blocks are paragraphs like any other
    return document, paragraphs_of, _first_anchor(doc, paragraphs_of, first_p[0])


def _deterministic_zip(data: bytes, original: Optional[Path] = None) -> bytes:
    """The same package with fixed timestamps, so that the same input gives the same bytes;
    with `original`, the parts python-docx dropped (ones no relationship names, such as a
    custom.xml some tools leave unlisted) are copied back from it."""
    out = io.BytesIO()

    def put(dst, name: str, blob: bytes) -> None:
        fixed = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o600 << 16
        dst.writestr(fixed, blob)

    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = set(src.namelist())
        for info in src.infolist():
            put(dst, info.filename, src.read(info.filename))
        if original is not None:
            with zipfile.ZipFile(original) as old:
                for info in old.infolist():
                    if info.filename not in names and not info.is_dir():
                        put(dst, info.filename, old.read(info.filename))
    return out.getvalue()


def reviewed_docx(source: Path, reviewed, ctx, show_waived: bool = False) -> bytes:
    """The bytes of the reviewed .docx for one checked file (`review.Reviewed`)."""
    doc = reviewed.document
    if doc is None:
        raise ReviewError("the file could not be read, so there is nothing to comment on")
    import importlib.util
    if importlib.util.find_spec("docx") is None:
        raise ReviewError("the reviewed copy needs python-docx 1.2 or later: "
                          "pip install 'svrules[review]'")
    copied, notice = doc.format == "docx", ""
    if copied:
        try:
            document, paragraphs_of, first = _word_copy(source, doc)
        except ReviewError as exc:         # svrules read it, python-docx cannot: its text, then
            copied, notice = False, (f"This is a rendition of the document's text, not a copy: "
                                     f"{exc}.")
    if not copied:
        document, paragraphs_of, first = _rendition(doc)
    annotator = _Annotator(document, paragraphs_of, first)
    _comment_all(annotator, doc, reviewed, ctx, show_waived, notice)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue(), source if copied else None)


def default_output(path: Path) -> Path:
    """tender.docx -> tender.reviewed.docx beside it (any input format gives a .docx); a folder
    walk skips it (load.supported), so checking the folder again does not check the copy."""
    from ..load import REVIEWED_SUFFIX
    return path.with_name(path.stem + REVIEWED_SUFFIX)
