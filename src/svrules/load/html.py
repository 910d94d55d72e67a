"""HTML: headings, paragraphs, list items and table cells, located by source line and column.

The standard library's tolerant `html.parser` is used, so nothing is fetched, no script runs
and unclosed tags are fine. Locations are the 1-based line and column where a block's text
starts in the source (from the parser's `getpos()`). Whitespace is collapsed as a browser
would; `<br>` starts a new line of the block. Text in <script>, <style>, <template> and
<title> is skipped; comments become comment blocks, as in Markdown. Table cells are
`table_cell` blocks with `table` (1-based), `row` (0-based, row 0 the header, as in Markdown),
`cell` (1-based) and the whole row in `cells`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..model import BlockKind
from .blocks import BlockBuilder
from .numbering import formatted
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits
from .parsed import Parsed
from .text import decode

HEADINGS = {f"h{n}": n for n in range(1, 7)}
PARAGRAPHS = frozenset({"p", "dt", "dd", "pre", "blockquote", "caption", "figcaption",
                        "address", "summary", "legend"})
BOUNDARIES = frozenset({"div", "section", "article", "main", "header", "footer", "nav", "aside",
                        "dl", "form", "figure", "hr", "body", "html", "fieldset", "details",
                        "center"})
LISTS = frozenset({"ul", "ol", "menu"})
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
             "I": "upperRoman"}
SKIPPED = frozenset({"script", "style", "template", "title"})
WHITESPACE = re.compile(r"\s+")

Line = list  # [line, column, text]: column None until the line's first visible character


@dataclass
class _Table:
    number: int
    row_no: int = -1
    row: list[list[Line]] = field(default_factory=list)   # cells of the open row
    cell: list[Line] | None = None                         # lines of the open cell


class _HtmlReader(HTMLParser):
    def __init__(self, limits: Limits) -> None:
        super().__init__(convert_charrefs=True)
        self.limits = limits
        self.builder = BlockBuilder(limits.max_blocks, limits.max_row_cells)
        self.kind = BlockKind.paragraph
        self.level: int | None = None
        self.lines: list[Line] = []
        self.skipping = 0
        self.lists: list[bool] = []          # per open list: is an <li> open in it?
        self.counters: list[list] = []        # per open list: [ordered, next value, type]
        self.number: str | None = None        # the open <li>'s number, for its first block
        self.tables: list[_Table] = []
        self.table_count = 0

    # ------------------------------------------------------------------ text buffers
    def _target(self) -> list[Line]:
        if self.tables and self.tables[-1].cell is not None:
            return self.tables[-1].cell
        return self.lines

    def _position_after(self, lead: str) -> tuple[int, int]:
        line, col = self.getpos()
        newlines = lead.count("\n")
        if newlines:
            return line + newlines, len(lead) - lead.rfind("\n")
        return line, col + len(lead) + 1

    def handle_data(self, data: str) -> None:
        if self.skipping or not data:
            return
        target = self._target()
        visible = data.strip()
        if not target or target[-1][1] is None:
            if not visible:
                return
            lead = data[:len(data) - len(data.lstrip())]
            line, col = self._position_after(lead)
            if target and target[-1][1] is None:
                target[-1][0], target[-1][1] = line, col
            else:
                target.append([line, col, ""])
            data = data.lstrip()
        target[-1][2] += WHITESPACE.sub(" ", data)

    def _break_line(self) -> None:
        target = self._target()
        if target and target[-1][1] is not None:
            target.append([0, None, ""])

    def _in_list_item(self) -> bool:
        return any(self.lists)

    def _flush(self) -> None:
        lines = [(ln, col, text.strip()) for ln, col, text in self.lines if col is not None]
        if lines:
            self.builder.add(self.kind, lines, level=self.level, number=self.number)
            self.number = None
        self.lines = []
        self.kind = BlockKind.list_item if self._in_list_item() else BlockKind.paragraph
        self.level = None

    def _start_block(self, kind: BlockKind, level: int | None = None) -> None:
        if self.tables and self.tables[-1].cell is not None:
            self._break_line()                  # block structure inside a cell: a new line
            return
        self._flush()
        self.kind, self.level = kind, level

    def _end_block(self) -> None:
        if self.tables and self.tables[-1].cell is not None:
            self._break_line()
            return
        self._flush()

    def _item_number(self, attrs: dict) -> str | None:
        """The number a browser shows before an <li> of an <ol> (start, type, value)."""
        if not self.counters or not self.counters[-1][0]:
            return None
        counter = self.counters[-1]
        value = attrs.get("value") or ""
        if value.isdigit() and len(value) < 7:
            counter[1] = int(value)
        shown = formatted(counter[1], _OL_TYPES.get(counter[2], "decimal"))
        counter[1] += 1
        return f"{shown}." if shown else None

    # ------------------------------------------------------------------ tables
    def _close_cell(self) -> None:
        table = self.tables[-1]
        if table.cell is not None:
            table.row.append(table.cell)
            table.cell = None

    def _close_row(self) -> None:
        table = self.tables[-1]
        self._close_cell()
        if not table.row:
            return
        table.row_no += 1
        cells = [[(ln, col, text.strip()) for ln, col, text in cell if col is not None]
                 for cell in table.row]
        row_texts = tuple("\n".join(t for _, _, t in lines).strip() for lines in cells)
        for cell_no, lines in enumerate(cells, start=1):
            if lines:
                self.builder.add(BlockKind.table_cell, lines, cells=row_texts,
                                 table=table.number, row=table.row_no, cell=cell_no)
        table.row = []

    # ------------------------------------------------------------------ parser callbacks
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
            return
        if tag == "br":
            self._break_line()
        elif tag in HEADINGS:
            self._start_block(BlockKind.heading, HEADINGS[tag])
        elif tag in PARAGRAPHS:
            self._start_block(BlockKind.paragraph)
        elif tag == "li":
            if self.lists:
                self.lists[-1] = True
            self._start_block(BlockKind.list_item)
            number = self._item_number(dict(attrs))
            in_cell = bool(self.tables and self.tables[-1].cell is not None)
            self.number = None if in_cell else number
        elif tag in LISTS:
            self._end_block()
            self.lists.append(False)
            given = dict(attrs)
            start = given.get("start") or ""
            self.counters.append([tag == "ol", int(start) if start.isdigit() and len(start) < 7
                                  else 1, given.get("type") or "1"])
        elif tag in BOUNDARIES:
            self._end_block()
        elif tag == "table":
            if not self.tables or self.tables[-1].cell is None:
                self._flush()
            self.table_count += 1
            self.tables.append(_Table(self.table_count))
        elif tag == "tr" and self.tables:
            self._close_row()
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
            self.tables[-1].cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in HEADINGS or tag in PARAGRAPHS or tag in BOUNDARIES:
            self._end_block()
        elif tag == "li":
            if self.lists:
                self.lists[-1] = False
            self._end_block()
            self.number = None
        elif tag in LISTS:
            self._end_block()
            if self.lists:
                self.lists.pop()
            if self.counters:
                self.counters.pop()
            self.kind = BlockKind.list_item if self._in_list_item() else BlockKind.paragraph
        elif tag == "table" and self.tables:
            self._close_row()
            self.tables.pop()
        elif tag == "tr" and self.tables:
            self._close_row()
        elif tag in ("td", "th") and self.tables:
            self._close_cell()

    def handle_comment(self, data: str) -> None:
        if self.tables and self.tables[-1].cell is not None:
            return
        self._flush()
        line, col = self.getpos()
        text = "<!--" + data + "-->"
        self.builder.add(BlockKind.comment,
                         [(line + i, col + 1 if i == 0 else 1, part)
                          for i, part in enumerate(text.split("\n"))])
        self.kind = BlockKind.list_item if self._in_list_item() else BlockKind.paragraph

    def finish(self) -> list:
        self.close()
        while self.tables:
            self._close_row()
            self.tables.pop()
        self._flush()
        return self.builder.blocks


#: attributes in one tag. html.parser builds a list of every attribute of a tag before handing
#: it on, about 200 bytes each: a 20 MB tag of `a1="x" a2="x" ...` took 4.2 GB. Real pages
#: have tens per tag.
MAX_TAG_ATTRIBUTES = 1_000
#: a tag must be at least this long to be able to hold that many attributes
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}")


def _refuse_attribute_bombs(text: str) -> None:
    """One linear pass: each long run inside a tag is looked at once (runs stop at < or >)."""
    for m in _LONG_TAG.finditer(text):
        if text.count("=", m.start(), m.end()) > MAX_TAG_ATTRIBUTES:
            line = text.count("\n", 0, m.start()) + 1
            raise LoadError("hostile", f"an HTML tag on line {line} has more than "
                            f"{MAX_TAG_ATTRIBUTES:,} attributes (the per-tag limit)", line=line)


def parse_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    text, warnings = decode(data)
    if not text.strip():
        raise LoadError("empty", "the file is empty")
    if len(text) > limits.max_text_chars:
        raise LoadError("too-large", f"the HTML holds more than {limits.max_text_chars:,} "
                        "characters")
    _refuse_attribute_bombs(text)
    reader = _HtmlReader(limits)
    try:
        reader.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
        blocks = reader.finish()
    except AssertionError as exc:
        # html.parser before Python 3.13 asserts on some malformed declarations ("<![" then
        # no name): a page it cannot read is malformed, never a traceback.
        raise LoadError("malformed", f"the HTML cannot be read: {exc}") from None
    if not blocks:
        raise LoadError("empty", "the HTML page has no text")
    return Parsed(blocks=blocks, warnings=warnings)
