"""Word (.docx): blocks with the paragraph number a person can find, read straight from the XML.

The zip is opened through `zipsafe` and every XML part through `xmlsafe`, so bombs and entity
tricks fail before any text is taken. python-docx is not used for reading: it hides text
boxes and content controls, and parsing the parts ourselves keeps the defences in one path.

Locations: `line` and `paragraph` are the paragraph number, ¶N, counting every `w:p` of the
body in document order from 1 (empty paragraphs and paragraphs inside table cells included,
text-box paragraphs not: they take the number of the paragraph they are anchored to). Header
and footer paragraphs are counted the same way within their own part, with `part` set to
"header" or "footer". Table cells are `table_cell` blocks with `table` (1-based over the
document), `row` (0-based, as the Markdown reader counts: row 0 is the header row) and `cell`
(1-based position in the row; a merged cell counts once); every cell block carries its whole
row in `cells`, so a rule can read the row, and find the header as row 0 of the same table.
"""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..model import BlockKind
from .blocks import BlockBuilder, add_table_row, paragraph_lines
from .docprops import META_SOURCE, properties_to_meta, typed_value
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits, TextBudget
from .numbering import WordNumbering
from .parsed import Parsed
from .xmlsafe import child as xml_child, attr as xml_attr, local_name, parse_xml
from .zipsafe import SafeZip

WHAT = "Word document"
REL_OFFICE_DOCUMENT = "/officeDocument"
REL_CUSTOM_PROPERTIES = "/custom-properties"
WORD_NAMESPACES = frozenset({
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",   # transitional
    "http://purl.oclc.org/ooxml/wordprocessingml/main",              # strict
})
# Elements whose text is not part of what the reader sees: deleted revisions, field codes,
# and formatting (which has no text of its own).
SKIPPED = frozenset({"pPr", "rPr", "del", "delText", "moveFrom", "instrText", "fldData",
                     "delInstrText"})
CONTAINERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"})
HEADING_NAME = re.compile(r"heading\s*([1-9])")


@dataclass
class _Style:
    name: str
    outline: int | None
    based_on: str | None
    numbered: bool
    num_id: str | None = None       # the list a numbered style (a numbered heading) is in
    ilvl: int | None = None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _relationships(zf: SafeZip, part: str, limits: Limits) -> list[tuple[str, str]]:
    """(type, resolved target) of a part's internal relationships, in file order."""
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    data = zf.read(rels_name)
    if data is None:
        return []
    out = []
    for rel in parse_xml(data, rels_name, limits):
        if local_name(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        kind, target = rel.get("Type", ""), rel.get("Target")
        if target:
            out.append((kind, _resolve(part, target)))
    return out


def _natural_key(name: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


class _WordReader:
    """Walks the parts of one document, numbering paragraphs and tables as it goes."""

    def __init__(self, limits: Limits, styles: dict[str, _Style],
                 numbering: WordNumbering | None = None) -> None:
        self.limits = limits
        self.styles = styles
        self.numbering = numbering or WordNumbering()
        self.builder = BlockBuilder(limits.max_blocks, limits.max_row_cells)
        self.paragraph_no = 0
        self.table_no = 0
        self.budget = TextBudget(limits, WHAT)

    # ------------------------------------------------------------------ styles
    def _style_chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and len(seen) < 32:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def _heading_level(self, style_id: str | None, outline: int | None) -> int | None:
        if outline is not None:
            return outline + 1 if 0 <= outline < 9 else None
        for style in self._style_chain(style_id):
            if style.name == "title":
                return 0
            match = HEADING_NAME.fullmatch(style.name)
            if match:
                return int(match.group(1))
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline < 9 else None
        if style_id and style_id not in self.styles:      # no styles.xml: trust the id
            if style_id.lower() == "title":
                return 0
            match = HEADING_NAME.fullmatch(style_id.lower())
            if match:
                return int(match.group(1))
        return None

    def _is_list(self, style_id: str | None, numbered: bool) -> bool:
        if numbered:
            return True
        for style in self._style_chain(style_id):
            if style.numbered or style.name.startswith("list"):
                return True
        return bool(style_id and style_id not in self.styles and style_id.lower().startswith("list"))

    def _classify(self, paragraph: ET.Element) -> tuple[BlockKind, int | None]:
        properties = xml_child(paragraph, "pPr")
        style_id = xml_attr(xml_child(properties, "pStyle"), "val")
        outline = _int(xml_attr(xml_child(properties, "outlineLvl"), "val"))
        level = self._heading_level(style_id, outline)
        if level is not None:
            return BlockKind.heading, level
        num = xml_child(properties, "numPr")
        numbered = num is not None and xml_attr(xml_child(num, "numId"), "val") not in (None, "0")
        if self._is_list(style_id, numbered):
            return BlockKind.list_item, None
        return BlockKind.paragraph, None

    def _number(self, paragraph: ET.Element) -> str | None:
        """The automatic number Word shows before the paragraph ("4.2"), if it has one: from
        its own numPr, or its style's (numbered headings)."""
        properties = xml_child(paragraph, "pPr")
        num = xml_child(properties, "numPr")
        num_id = xml_attr(xml_child(num, "numId"), "val")
        ilvl = _int(xml_attr(xml_child(num, "ilvl"), "val"))
        if num_id is None or ilvl is None:
            for style in self._style_chain(xml_attr(xml_child(properties, "pStyle"), "val")):
                if style.num_id is not None or style.ilvl is not None:
                    num_id = num_id if num_id is not None else style.num_id
                    ilvl = ilvl if ilvl is not None else style.ilvl
                    break
        if num_id is None:
            return None
        return self.numbering.next(num_id, ilvl or 0)

    # ------------------------------------------------------------------ text
    def _paragraph_text(self, paragraph: ET.Element) -> tuple[str, list[ET.Element]]:
        """The paragraph's visible text and the text boxes anchored in it."""
        pieces: list[str] = []
        boxes: list[ET.Element] = []

        def visit(element: ET.Element) -> None:
            name = local_name(element.tag)
            if name in SKIPPED:
                return
            if name == "t":
                pieces.append(element.text or "")
            elif name == "tab":
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif name == "txbxContent":
                boxes.append(element)
            elif name == "AlternateContent":     # Word writes text boxes twice: take one copy
                chosen = xml_child(element, "Choice")
                if chosen is None:
                    chosen = xml_child(element, "Fallback")
                if chosen is not None:
                    for child in chosen:
                        visit(child)
            else:
                for child in element:
                    visit(child)

        for child in paragraph:
            visit(child)
        return self.budget.take("".join(pieces)), boxes

    # ------------------------------------------------------------------ structure
    def walk(self, container: ET.Element, part: str, in_section: bool = True) -> None:
        for child in container:
            name = local_name(child.tag)
            if name == "p":
                self._paragraph(child, part, in_section)
            elif name == "tbl":
                self._table(child, part, in_section)
            elif name in CONTAINERS:
                self.walk(child, part, in_section)

    def _paragraph(self, paragraph: ET.Element, part: str, in_section: bool) -> None:
        self.paragraph_no += 1
        number = self.paragraph_no
        kind, level = self._classify(paragraph)
        text, boxes = self._paragraph_text(paragraph)
        label = self._number(paragraph) if text.strip() else None
        self.builder.add(kind, paragraph_lines(number, text), level=level, paragraph=number,
                         part=part, in_section=in_section, number=label)
        self._text_boxes(boxes, number, in_section)

    def _text_boxes(self, boxes: list[ET.Element], anchor: int, in_section: bool) -> None:
        """Text-box paragraphs, located at their anchor paragraph; never headings."""
        for box in boxes:
            for paragraph in box.iter():
                if local_name(paragraph.tag) != "p":
                    continue
                kind, _ = self._classify(paragraph)
                text, _ = self._paragraph_text(paragraph)
                if kind is BlockKind.heading:
                    kind = BlockKind.paragraph
                self.builder.add(kind, paragraph_lines(anchor, text), paragraph=anchor,
                                 part="textbox", in_section=in_section)

    def _named(self, element: ET.Element, tag: str):
        """Children called `tag` (rows `tr`, cells `tc`), looking inside wrapper elements
        (content controls, custom XML) that Word may put around them."""
        for child in element:
            name = local_name(child.tag)
            if name == tag:
                yield child
            elif name in CONTAINERS:
                yield from self._named(child, tag)

    def _cell_content(self, cell: ET.Element, part: str, in_section: bool,
                      lines: list[tuple[int, int, str]]) -> None:
        for child in cell:
            name = local_name(child.tag)
            if name == "p":
                self.paragraph_no += 1
                text, boxes = self._paragraph_text(child)
                if text.strip():
                    lines.extend(paragraph_lines(self.paragraph_no, text))
                self._text_boxes(boxes, self.paragraph_no, in_section)
            elif name == "tbl":                  # a nested table: blocks of its own
                self._table(child, part, in_section)
            elif name in CONTAINERS:
                self._cell_content(child, part, in_section, lines)

    def _table(self, table: ET.Element, part: str, in_section: bool) -> None:
        self.table_no += 1
        table_no = self.table_no
        for row_no, row in enumerate(self._named(table, "tr")):
            add_table_row(self, self._named(row, "tc"), table_no, row_no, part, in_section)


def _read_styles(zf: SafeZip, part: str | None, limits: Limits) -> dict[str, _Style]:
    data = zf.read(part) if part else None
    if data is None:
        return {}
    styles = {}
    for style in parse_xml(data, part, limits):
        if local_name(style.tag) != "style" or xml_attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = xml_attr(style, "styleId")
        if not style_id:
            continue
        properties = xml_child(style, "pPr")
        styles[style_id] = _Style(
            name=(xml_attr(xml_child(style, "name"), "val") or style_id).strip().lower(),
            outline=_int(xml_attr(xml_child(properties, "outlineLvl"), "val")),
            based_on=xml_attr(xml_child(style, "basedOn"), "val"),
            numbered=xml_child(properties, "numPr") is not None,
            num_id=xml_attr(xml_child(xml_child(properties, "numPr"), "numId"), "val"),
            ilvl=_int(xml_attr(xml_child(xml_child(properties, "numPr"), "ilvl"), "val")),
        )
    return styles


def _read_custom_properties(zf: SafeZip, part: str, limits: Limits) -> dict | None:
    data = zf.read(part)
    if data is None:
        return None
    pairs = []
    for prop in parse_xml(data, part, limits):
        name = prop.get("name")
        value = next(iter(prop), None)
        if name and value is not None:
            pairs.append((name, typed_value(local_name(value.tag), value.text or "")))
    return properties_to_meta(pairs)


def parse_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    if not data:
        raise LoadError("empty", "the file is empty (0 bytes)")
    zf = SafeZip(data, WHAT, limits)

    package_rels = _relationships(zf, "", limits)
    main = next((t for k, t in package_rels if k.endswith(REL_OFFICE_DOCUMENT)),
                "word/document.xml")
    xml = zf.read(main)
    if xml is None:
        raise LoadError("malformed", f"not a {WHAT}: the archive has no {main}")
    root = parse_xml(xml, main, limits)
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    body = xml_child(root, "body")
    if namespace not in WORD_NAMESPACES or local_name(root.tag) != "document" or body is None:
        raise LoadError("malformed", f"not a {WHAT}: {main} is not a WordprocessingML body")

    rels = _relationships(zf, main, limits)
    styles_part = next((t for k, t in rels if k.endswith("/styles")), None)
    styles = _read_styles(zf, styles_part, limits)
    numbering_part = next((t for k, t in rels if k.endswith("/numbering")), None)
    numbering_xml = zf.read(numbering_part) if numbering_part else None
    numbering = WordNumbering.from_xml(
        parse_xml(numbering_xml, numbering_part, limits) if numbering_xml else None)
    reader = _WordReader(limits, styles, numbering)
    reader.walk(body, "body")

    for kind in ("header", "footer"):
        for part in sorted((t for k, t in rels if k.endswith("/" + kind)), key=_natural_key):
            xml = zf.read(part)
            if xml is None:
                continue
            reader.paragraph_no = 0
            reader.walk(parse_xml(xml, part, limits), kind, in_section=False)

    custom = next((t for k, t in package_rels if k.endswith(REL_CUSTOM_PROPERTIES)),
                  "docProps/custom.xml")
    meta = _read_custom_properties(zf, custom, limits)
    if not reader.builder.blocks:
        raise LoadError("empty", f"the {WHAT} has no text")
    return Parsed(blocks=reader.builder.blocks, meta_data=meta,
                  meta_source=META_SOURCE if meta is not None else None)
