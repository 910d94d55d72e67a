"""The block builder makes a heading path once per heading (`BlockBuilder._section_path`,
kept until the path changes): every block must get the path the uncached reading gives."""
from __future__ import annotations

import random
from pathlib import Path

from svrules.load import blocks as blocks_module
from svrules.load.blocks import BlockBuilder, split_markdown

ROOT = Path(__file__).resolve().parents[1]


def _uncached(monkeypatch, text: str):
    monkeypatch.setattr(BlockBuilder, "_section_path",
                        lambda self: tuple(title for _, title in self.section))
    try:
        return split_markdown(text)
    finally:
        monkeypatch.undo()


def _document(seed: int) -> str:
    rng = random.Random(seed)
    out = []
    for n in range(120):
        kind = rng.random()
        if kind < 0.3:
            out.append("#" * rng.randint(1, 4) + f" {n}. Heading {rng.randint(1, 9)}")
        elif kind < 0.4:
            out.append(f"Setext {n}\n" + rng.choice("=-") * 5)
        elif kind < 0.6:
            out.append(f"| KPI {n} | {rng.randint(1, 99)}% | quarterly |")
        elif kind < 0.75:
            out.append(f"- item {n}\n- item {n + 1}")
        else:
            out.append(f"The Supplier shall deliver {n} apprenticeships.")
    return "\n\n".join(out)


def test_every_block_gets_the_uncached_path(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
    texts += [_document(seed) for seed in range(20)]
    changed = 0
    for text in texts:
        cached = split_markdown(text)
        plain = _uncached(monkeypatch, text)
        assert [(b.kind, b.text, b.section) for b in cached] == \
            [(b.kind, b.text, b.section) for b in plain]
        changed += len({b.section for b in cached})
    assert changed > 100            # the paths do change along the documents


def test_the_cache_is_used():
    builder = BlockBuilder()
    builder.add(blocks_module.BlockKind.heading, [(1, 1, "One")], level=1)
    builder.add(blocks_module.BlockKind.paragraph, [(2, 1, "a")])
    builder.add(blocks_module.BlockKind.paragraph, [(3, 1, "b")])
    builder.add(blocks_module.BlockKind.heading, [(4, 1, "Two")], level=2)
    builder.add(blocks_module.BlockKind.paragraph, [(5, 1, "c")])
    builder.add(blocks_module.BlockKind.heading, [(6, 1, "Three")], level=1)
    builder.add(blocks_module.BlockKind.paragraph, [(7, 1, "d")])
    sections = [b.section for b in builder.blocks]
    assert sections == [(), ("One",), ("One",), ("One",), ("One", "Two"), (), ("Three",)]
    assert builder._section_path() is builder._section_path()     # made once, then kept
