"""Markdown/text splitting: blocks keep their lines, columns and heading path."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.load.blocks import split_markdown
from svrules.model import BlockKind

DOC = """# Specification

## 1. Social value

The Contractor must be a local business.
It shall report quarterly.

- first item
  continues here
- second item

| KPI | Target | Frequency |
|-----|--------|-----------|
| Apprenticeships | 3 | Quarterly |

<!-- svrules: disable=LOCAL001 reason="x" -->

```
code is skipped
```

Setext heading
--------------

> quoted text
"""


def test_blocks_kinds_lines_and_sections():
    blocks = split_markdown(DOC)
    got = [(b.kind.value, b.location.line, b.text.split("\n")[0]) for b in blocks]
    assert got == [
        ("heading", 1, "Specification"),
        ("heading", 3, "1. Social value"),
        ("paragraph", 5, "The Contractor must be a local business."),
        ("list_item", 8, "first item"),
        ("list_item", 10, "second item"),
        ("table_row", 12, "KPI | Target | Frequency"),
        ("table_row", 14, "Apprenticeships | 3 | Quarterly"),
        ("comment", 16, '<!-- svrules: disable=LOCAL001 reason="x" -->'),
        ("heading", 22, "Setext heading"),
        ("paragraph", 25, "quoted text"),
    ]
    assert blocks[2].section == ("Specification", "1. Social value")
    assert blocks[8].section == ("Specification",)
    assert blocks[6].cells == ("Apprenticeships", "3", "Quarterly")
    assert blocks[6].location.table == 1 and blocks[6].location.row == 1


def test_position_maps_offsets_back_to_the_file():
    blocks = split_markdown(DOC)
    para = blocks[2]
    assert para.position(para.text.index("report")) == (6, 10)
    item = blocks[3]
    assert item.position(item.text.index("continues")) == (9, 3)
    assert item.location.column == 3


def test_first_line_offset_for_front_matter():
    blocks = split_markdown("Text here.\n", first_line=7)
    assert blocks[0].location.line == 7


def test_empty_and_blank_documents_have_no_blocks():
    assert split_markdown("") == []
    assert split_markdown("\n\n   \n") == []


def test_unclosed_fence_and_comment_do_not_lose_the_document():
    blocks = split_markdown("Before.\n\n<!-- open comment\nnever closed\n")
    assert [b.kind for b in blocks] == [BlockKind.paragraph, BlockKind.comment]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_splits_into_consistent_blocks(text):
    lines = text.split("\n")
    for block in split_markdown(text):
        assert 1 <= block.location.line <= len(lines)
        assert block.text.strip() == block.text and block.text
        for line, col in block.line_starts:
            assert 1 <= line <= len(lines) and col >= 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc XYZ.,;", min_size=1, max_size=30), min_size=1, max_size=8))
def test_every_paragraph_line_is_found_where_the_block_says(lines):
    text = "\n".join(lines)
    for block in split_markdown(text):
        if block.kind is not BlockKind.paragraph:
            continue
        source = text.split("\n")
        for i, (line, col) in enumerate(block.line_starts):
            piece = block.text.split("\n")[i]
            assert source[line - 1][col - 1:].startswith(piece)
