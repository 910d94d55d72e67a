"""Split Markdown (and plain text, which is read the same way) into located blocks.

A hand-written line scanner rather than a Markdown library: tenders use a small part of
Markdown, and what matters here is that every block keeps the exact line and column it came
from and its heading path. The scanner is linear in the input: each line is looked at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, BlockKind, Location
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits
from .numbering import clause_of

ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BULLET = re.compile(r"^([ \t]*)([-*+\u2022\u2013]|\d{1,3}[.)]|\(?[a-z]\))[ \t]+(?=\S)")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
QUOTE = re.compile(r"^ {0,3}>[ ]?")


@dataclass
class _Pending:
    kind: BlockKind
    start_line: int
    lines: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, text)
    level: int | None = None
    number: str | None = None          # an ordered list item's marker ("3.", "b)")


class BlockBuilder:
    """Accumulates blocks in order, tracking the heading path."""

    def __init__(self, max_blocks: int = DEFAULT_LIMITS.max_blocks,
                 max_row_cells: int = DEFAULT_LIMITS.max_row_cells) -> None:
        self.max_blocks = max_blocks
        self.max_row_cells = max_row_cells
        self.blocks: list[Block] = []
        self.section: list[tuple[int, str]] = []
        self._path: tuple[str, ...] | None = ()     # the titles of `section`, None when stale
        self.table_index = 0
        self.table_row = 0

    def _section_path(self) -> tuple[str, ...]:
        """The heading path, made once per heading rather than once per block (every block
        under a heading shares the one tuple)."""
        path = self._path
        if path is None:
            path = self._path = tuple(title for _, title in self.section)
        return path

    def add(self, kind: BlockKind, lines: list[tuple[int, int, str]], level: int | None = None,
            cells: tuple[str, ...] = (), table: int | None = None, row: int | None = None,
            *, page: int | None = None, paragraph: int | None = None, cell: int | None = None,
            part: str | None = None, in_section: bool = True, number: str | None = None) -> None:
        """Append a block. Headings of level 0 (a document's Title) sit above level 1.

        `in_section=False` is for text outside the body's flow (headers, footers): such a
        block gets no heading path and, if a heading, does not change the path. `number` is
        what the word processor shows before the text but the text does not hold (Word's
        automatic "2.1."): the block's clause, and a numbered heading's place in the path, as
        the reader sees it.
        """
        text = "\n".join(t for _, _, t in lines).strip()
        if not text:
            return
        if len(self.blocks) >= self.max_blocks:
            raise LoadError("too-large", f"more than {self.max_blocks:,} blocks (paragraphs, "
                            "list items, cells): split the document")
        if len(cells) > self.max_row_cells:
            raise LoadError("too-large", f"a table row with {len(cells):,} cells, more than "
                            f"the limit of {self.max_row_cells:,}", line=lines[0][0])
        first_line, first_col, _ = lines[0]
        if kind is BlockKind.heading and in_section:
            depth = 1 if level is None else level
            while self.section and self.section[-1][0] >= depth:
                self.section.pop()
                self._path = None
        starts = tuple((ln, col) for ln, col, _ in lines)
        # strip() above may have removed leading spaces of the first line: keep columns true.
        lead = len(lines[0][2]) - len(lines[0][2].lstrip())
        if lead:
            starts = ((first_line, first_col + lead),) + starts[1:]
        self.blocks.append(Block(
            index=len(self.blocks), kind=kind, text=text,
            location=Location(line=first_line, column=starts[0][1], table=table, row=row,
                              page=page, paragraph=paragraph, cell=cell, part=part,
                              clause=clause_of(number)),
            section=self._section_path() if in_section else (), level=level,
            line_starts=starts, cells=cells,
        ))
        if kind is BlockKind.heading and in_section:
            self.section.append((1 if level is None else level,
                                 f"{number} {text}" if number else text))
            self._path = None


def list_number(marker: str) -> str | None:
    """The number of an ordered list item's marker ("3." -> "3.", "(b)" -> "(b)"); None for a
    bullet."""
    return marker if marker[:1].isdigit() or marker[:1] == "(" or marker[-1:] == ")" else None


def split_cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return tuple(c.strip() for c in re.split(r"(?<!\\)\|", body))


def split_markdown(text: str, first_line: int = 1, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """Blocks of a Markdown or plain-text body whose first line is `first_line`."""
    builder = BlockBuilder(limits.max_blocks, limits.max_row_cells)
    pending: _Pending | None = None
    fence: str | None = None
    in_comment: _Pending | None = None
    in_table = False

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            builder.add(pending.kind, pending.lines, pending.level, number=pending.number)
            pending = None

    lines = text.split("\n")
    joined = -1                                     # a line already read as the row before's end
    for offset, raw in enumerate(lines):
        n = first_line + offset
        line = raw.rstrip("\r")
        if offset == joined:
            continue

        if fence is not None:                       # inside a fenced code block: skipped
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_comment is not None:                  # inside a multi-line HTML comment
            in_comment.lines.append((n, 1, line))
            if "-->" in line:
                builder.add(BlockKind.comment, in_comment.lines)
                in_comment = None
            continue

        stripped = line.strip()
        if not stripped:
            flush()
            in_table = False
            continue

        if len(line) > limits.max_markdown_line_chars:
            # No tender writes a heading or table row this long; reading it as plain text keeps
            # the scanner linear and stops a 50 MB line of '|' becoming 50 million cells.
            in_table = False
            col = len(line) - len(line.lstrip()) + 1
            if pending is None:
                pending = _Pending(BlockKind.paragraph, n, [(n, col, stripped)])
            else:
                pending.lines.append((n, col, stripped))
            continue

        m = FENCE.match(line)
        if m:
            flush()
            fence = m.group(1)[:3]
            continue

        if stripped.startswith("<!--"):
            flush()
            col = line.index("<!--") + 1
            block = _Pending(BlockKind.comment, n, [(n, col, stripped)])
            if "-->" in stripped:
                builder.add(BlockKind.comment, block.lines)
            else:
                in_comment = block
            continue

        m = ATX.match(line)
        if m:
            flush()
            title = (m.group(2) or "").strip()
            col = line.index(title) + 1 if title else 1
            builder.add(BlockKind.heading, [(n, col, title)], level=len(m.group(1)))
            continue

        if pending is not None and pending.kind is BlockKind.paragraph and SETEXT.match(line) \
                and len(pending.lines) == 1:
            level = 1 if stripped.startswith("=") else 2
            builder.add(BlockKind.heading, pending.lines, level=level)
            pending = None
            continue

        if stripped.startswith("|") or (in_table and "|" in stripped):
            flush()
            if TABLE_SEP.match(line):
                continue
            if not in_table:
                builder.table_index += 1
                builder.table_row = 0
                in_table = True
            col = line.index(stripped) + 1
            nxt = lines[offset + 1].strip() if offset + 1 < len(lines) else ""
            if stripped.startswith("|") and not stripped.endswith("|") and nxt.endswith("|") \
                    and not nxt.startswith("|") and not nxt.endswith("\\|") \
                    and len(nxt) <= limits.max_markdown_line_chars:
                # a cell whose text breaks over a line ("| Social" / "Value | 10% |"): one row
                line = stripped + " " + nxt
                joined = offset + 1
            cells = split_cells(line)
            builder.add(BlockKind.table_row, [(n, col, " | ".join(cells))], cells=cells,
                        table=builder.table_index, row=builder.table_row)
            builder.table_row += 1
            continue
        in_table = False

        m = BULLET.match(line)
        if m:
            flush()
            col = m.end() + 1
            pending = _Pending(BlockKind.list_item, n, [(n, col, line[m.end():])],
                               number=list_number(m.group(2)))
            continue

        q = QUOTE.match(line)
        body_col = q.end() + 1 if q else len(line) - len(line.lstrip()) + 1
        body = line[body_col - 1:]
        if pending is None:
            pending = _Pending(BlockKind.paragraph, n, [(n, body_col, body)])
        else:
            lead = len(body) - len(body.lstrip())
            pending.lines.append((n, body_col + lead, body.strip()))

    if in_comment is not None:
        builder.add(BlockKind.comment, in_comment.lines)
    flush()
    return builder.blocks


def paragraph_lines(number: int, text: str) -> list[tuple[int, int, str]]:
    """The (line, column, text) lines of a numbered paragraph of a word-processor document:
    every line of it sits at the paragraph's number, column 1."""
    return [(number, 1, line) for line in text.strip().split("\n")]


def add_table_row(reader, cell_elements, table: int, row: int, part: str,
                  in_section: bool) -> None:
    """One table row for the docx and odt readers: each cell's paragraphs are read by the
    reader's `_cell_content` (numbering them from `reader.paragraph_no`), then every cell becomes
    a `table_cell` block carrying the texts of the whole row. An empty cell keeps its place."""
    cells: list[tuple[int, list[tuple[int, int, str]]]] = []
    for cell_no, cell in enumerate(cell_elements, start=1):
        first_paragraph = reader.paragraph_no + 1
        lines: list[tuple[int, int, str]] = []
        reader._cell_content(cell, part, in_section, lines)
        cells.append((cell_no, lines or [(first_paragraph, 1, "")]))
    row_texts = tuple("\n".join(t for _, _, t in lines).strip() for _, lines in cells)
    for cell_no, lines in cells:
        reader.builder.add(BlockKind.table_cell, lines, cells=row_texts, table=table, row=row,
                           cell=cell_no, paragraph=lines[0][0], part=part, in_section=in_section)
