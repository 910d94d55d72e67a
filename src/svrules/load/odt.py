"""OpenDocument text (.odt): content.xml read through `zipsafe` and `xmlsafe`.

Locations follow the Word reader: `line` and `paragraph` are the paragraph number, counting
every `text:p` and `text:h` of the body from 1 (inside lists and table cells too; frames and
text boxes take their anchor paragraph's number, with part "textbox"). Headers and footers of
the master pages in styles.xml are numbered within their own part. Tables give `table_cell`
blocks with `table` (1-based), `row` (0-based, row 0 the header as in Markdown), `cell`
(1-based) and the whole row in `cells`. User-defined fields in meta.xml are metadata, as the
custom properties of a .docx are.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import BlockKind
from .blocks import BlockBuilder, add_table_row, paragraph_lines
from .docprops import META_SOURCE, properties_to_meta, typed_value
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits, TextBudget
from .numbering import OdfNumbering
from .parsed import Parsed
from .xmlsafe import local_name, parse_xml
from .zipsafe import SafeZip

WHAT = "OpenDocument text"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_REPEATED_SPACES = 100     # text:s c="..." is attacker-controlled: never build huge runs
SKIPPED = frozenset({"note", "annotation", "tracked-changes", "bookmark-ref", "sequence-decls",
                     "variable-decls", "user-field-decls", "deletion"})
CONTAINERS = frozenset({"section", "index-body", "table-of-content", "alphabetical-index",
                        "illustration-index", "object-index", "user-index", "bibliography",
                        "change", "inserted"})
XML_WHITESPACE = re.compile(r"[ \t\r\n]+")
ROW_GROUPS = frozenset({"table-header-rows", "table-rows", "table-row-group"})


def _attr(element: ET.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return value
    return None


def _collapse(text: str | None) -> str:
    """ODF collapses XML whitespace to one space; runs of spaces are spelled text:s."""
    return XML_WHITESPACE.sub(" ", text) if text else ""


def _small_int(value: str | None, default: int) -> int:
    """An attribute's count, refusing anything but a few ASCII digits (no 10^5-digit ints)."""
    if value is None or not (0 < len(value) <= 6) or not value.isascii() or not value.isdigit():
        return default
    return int(value)


class _OdtReader:
    def __init__(self, limits: Limits, numbering: OdfNumbering | None = None) -> None:
        self.limits = limits
        self.builder = BlockBuilder(limits.max_blocks, limits.max_row_cells)
        self.numbering = numbering or OdfNumbering()
        self.lists: list[str | None] = []       # the list style of each list we are inside
        self.pending: str | None = None          # a list item's number, for its first paragraph
        self.paragraph_no = 0
        self.table_no = 0
        self.budget = TextBudget(limits, WHAT)

    def _text(self, paragraph: ET.Element) -> tuple[str, list[ET.Element]]:
        """Visible text of a text:p/text:h and the frames (text boxes) anchored in it."""
        pieces: list[str] = [_collapse(paragraph.text)]
        frames: list[ET.Element] = []

        def visit(element: ET.Element) -> None:
            name = local_name(element.tag)
            if name == "s":
                count = _small_int(_attr(element, "c"), 1)
                pieces.append(" " * min(max(count, 1), MAX_REPEATED_SPACES))
            elif name == "tab":
                pieces.append("\t")
            elif name == "line-break":
                pieces.append("\n")
            elif name == "frame":
                frames.append(element)
            elif name not in SKIPPED:
                pieces.append(_collapse(element.text))
                for child in element:
                    visit(child)
            pieces.append(_collapse(element.tail))

        for child in paragraph:
            visit(child)
        return self.budget.take("".join(pieces)), frames

    def walk(self, container: ET.Element, part: str, in_section: bool = True,
             in_list: bool = False) -> None:
        for child in container:
            name = local_name(child.tag)
            if name in ("p", "h"):
                self._paragraph(child, part, in_section, in_list)
            elif name == "list":
                style = _attr(child, "style-name") or (self.lists[-1] if self.lists else None)
                if not self.lists and _attr(child, "continue-numbering") != "true" \
                        and _attr(child, "continue-list") is None:
                    self.numbering.restart(style)
                self.lists.append(style)
                self.walk(child, part, in_section, in_list=True)
                self.lists.pop()
            elif name == "list-item":
                start = _attr(child, "start-value")
                self.pending = self.numbering.item(
                    self.lists[-1] if self.lists else None, len(self.lists) or 1,
                    _small_int(start, 1) if start is not None else None)
                self.walk(child, part, in_section, in_list=True)
                self.pending = None
            elif name == "list-header":
                self.walk(child, part, in_section, in_list=True)
            elif name == "table":
                self._table(child, part, in_section)
            elif name in CONTAINERS:
                self.walk(child, part, in_section, in_list)

    def _paragraph(self, paragraph: ET.Element, part: str, in_section: bool,
                   in_list: bool) -> None:
        self.paragraph_no += 1
        number = self.paragraph_no
        text, frames = self._text(paragraph)
        label, self.pending = self.pending, None
        if local_name(paragraph.tag) == "h":
            level = max(_small_int(_attr(paragraph, "outline-level"), 1), 1)
            kind = BlockKind.heading
            if label is None and not in_list and in_section:
                label = self.numbering.heading(min(level, 10))
        else:
            level, kind = None, BlockKind.list_item if in_list else BlockKind.paragraph
        self.builder.add(kind, paragraph_lines(number, text), level=level, paragraph=number,
                         part=part, in_section=in_section,
                         number=label if text.strip() else None)
        self._frames(frames, number, in_section)

    def _frames(self, frames: list[ET.Element], anchor: int, in_section: bool) -> None:
        for frame in frames:
            for element in frame.iter():
                if local_name(element.tag) in ("p", "h"):
                    text, _ = self._text(element)
                    self.builder.add(BlockKind.paragraph, paragraph_lines(anchor, text),
                                     paragraph=anchor, part="textbox", in_section=in_section)

    def _rows(self, element: ET.Element):
        for child in element:
            name = local_name(child.tag)
            if name == "table-row":
                yield child
            elif name in ROW_GROUPS:
                yield from self._rows(child)

    def _cell_content(self, cell: ET.Element, part: str, in_section: bool,
                      lines: list[tuple[int, int, str]]) -> None:
        for child in cell:
            name = local_name(child.tag)
            if name in ("p", "h"):
                self.paragraph_no += 1
                text, frames = self._text(child)
                if text.strip():
                    lines.extend(paragraph_lines(self.paragraph_no, text))
                self._frames(frames, self.paragraph_no, in_section)
            elif name in ("list", "list-item", "list-header", "section"):
                self._cell_content(child, part, in_section, lines)
            elif name == "table":
                self._table(child, part, in_section)

    def _table(self, table: ET.Element, part: str, in_section: bool) -> None:
        self.table_no += 1
        table_no = self.table_no
        for row_no, row in enumerate(self._rows(table)):
            cells = (c for c in row if local_name(c.tag) in ("table-cell", "covered-table-cell"))
            add_table_row(self, cells, table_no, row_no, part, in_section)


def _find(root: ET.Element, *path: str) -> ET.Element | None:
    element = root
    for name in path:
        element = next((c for c in element if local_name(c.tag) == name), None)
        if element is None:
            return None
    return element


def _user_fields(zf: SafeZip, limits: Limits) -> dict | None:
    data = zf.read("meta.xml")
    if data is None:
        return None
    meta = _find(parse_xml(data, "meta.xml", limits), "meta")
    if meta is None:
        return None
    pairs = [(_attr(field, "name") or "", typed_value(_attr(field, "value-type") or "string",
                                                      field.text or ""))
             for field in meta if local_name(field.tag) == "user-defined"]
    return properties_to_meta(pairs)


def parse_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    if not data:
        raise LoadError("empty", "the file is empty (0 bytes)")
    zf = SafeZip(data, WHAT, limits)
    mimetype = zf.read("mimetype")
    if mimetype is not None and mimetype.strip() != ODT_MIMETYPE:
        raise LoadError("unsupported", f"not an {WHAT}: its type is "
                        f"{mimetype.strip()[:80].decode('ascii', 'replace')}")
    content = zf.read("content.xml")
    if content is None:
        raise LoadError("malformed", f"not an {WHAT}: the archive has no content.xml")
    content_root = parse_xml(content, "content.xml", limits)
    body = _find(content_root, "body", "text")
    if body is None:
        raise LoadError("malformed", f"not an {WHAT}: content.xml has no office:text body")
    styles = zf.read("styles.xml")
    styles_root = parse_xml(styles, "styles.xml", limits) if styles is not None else None
    reader = _OdtReader(limits, OdfNumbering.from_roots(
        _find(content_root, "automatic-styles"), styles_root))
    reader.walk(body, "body")

    if styles_root is not None:
        master = _find(styles_root, "master-styles")
        for kind in ("header", "footer"):
            for page in (master if master is not None else ()):
                for region in page:
                    if local_name(region.tag) in (kind, kind + "-left", kind + "-first"):
                        reader.paragraph_no = 0
                        reader.walk(region, kind, in_section=False)

    meta = _user_fields(zf, limits)
    if not reader.builder.blocks:
        raise LoadError("empty", f"the {WHAT} has no text")
    return Parsed(blocks=reader.builder.blocks, meta_data=meta,
                  meta_source=META_SOURCE if meta is not None else None)
