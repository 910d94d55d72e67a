"""The benchmark's dense corpus (every paragraph social value text) and the fast paths it
exercises: a seeded, deterministic generator; the checker finds the same with and without the
document index there (rule patterns skipped where the index says they are absent); `spans`
gives what `finditer` gives."""
from __future__ import annotations

import random
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from tests.test_document_index import _analyses_match

ROOT = Path(__file__).resolve().parents[1]


def _generate():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate


def test_the_dense_corpus_is_seeded_and_deterministic(tmp_path):
    generate = _generate()
    a = generate.generate_dense(tmp_path / "a", seed=4, count=3, kb=12)
    b = generate.generate_dense(tmp_path / "b", seed=4, count=3, kb=12)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    c = generate.generate_dense(tmp_path / "c", seed=5, count=3, kb=12)
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]
    for path in a:
        assert 9_000 < path.stat().st_size < 16_000


def test_dense_paragraphs_carry_findings(tmp_path):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.rulepack import load_pack
    generate = _generate()
    [path] = generate.generate_dense(tmp_path, seed=6, count=1, kb=20)
    result = Checker(load_pack(), Config()).check_path(path)
    # a repeated sentence is one finding listing its other places (also_at)
    lines = {f.line for f in result.findings} | {a.line for f in result.findings
                                                 for a in f.also_at}
    content = [n for n, line in enumerate(path.read_text().split("\n"), 1)
               if line.strip() and not line.startswith(("#", "---", "|---", "| KPI |"))
               and ":" not in line[:20]]                  # front matter
    # Requirements with a number and their reporting are verifiable (no finding of their own);
    # the location and "endeavour" paragraphs are findings wherever they fall.
    assert sum(n in lines for n in content) > len(content) / 4
    text = path.read_text().split("\n")
    flagged_kinds = [n for n in content if "endeavour" in text[n - 1]
                     or "miles" in text[n - 1]]
    assert flagged_kinds and all(n in lines for n in flagged_kinds)


def test_the_checker_finds_the_same_on_dense_tenders(tmp_path):
    from svrules.load import load_document
    generate = _generate()
    rng = random.Random(9)
    docs = []
    for i, size in enumerate((4_000, 12_000, 30_000)):
        path = tmp_path / f"dense-{i}.md"
        path.write_text(generate.to_markdown(generate.make_dense_tender(rng, i, size)),
                        encoding="utf-8")
        docs.append(load_document(path, path.name))
    assert _analyses_match(docs) == 3


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([r"\bx*", r"local", r"\d+ miles?", r"(?:a|é)+", r"\b", r"m[iï]les"]),
       st.text(alphabet="ab xé1 2miles ïlocal\n", max_size=60))
def test_spans_are_finditer_spans(pattern, text):
    from svrules.extract._fastre2 import forget
    from svrules.extract.matcher import compile_pattern
    compiled = compile_pattern(pattern)
    assert compiled.spans(text) == [m.span() for m in compiled.finditer(text)]
    forget()
