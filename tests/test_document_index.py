"""The document-wide prefilter never loses a hit: scanning its candidate blocks finds exactly
what scanning every block finds, even when a pattern can run across block boundaries."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.extract.matcher import BlockText, DocumentIndex, scan
from svrules.load.blocks import split_markdown
from svrules.rulepack import TextPattern

SPECS = [
    TextPattern(any=[r"\blocal\b", r"within \d+ miles"], all=[r"\bmust\b"], unless=[r"local authority"]),
    TextPattern(any=[r"a[^.]{0,40}b", r"(?s)x.*y"]),          # can span separators
    TextPattern(any=[r"\bzebra\b"], unless_sentence=[r"horse"]),
]
WORDS = st.sampled_from(["local", "must", "within 20 miles", "authority", "a", "b", "x", "y",
                         "zebra", "horse", ".", "\n", "\n\n", "- ", "# ", "| c |"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_candidates_find_every_hit(words):
    blocks = split_markdown(" ".join(words))
    index = DocumentIndex(blocks)
    every = [BlockText(b) for b in blocks]
    for n, spec in enumerate(SPECS):
        assert scan(index.candidates(spec), f"R{n}", spec) == scan(every, f"R{n}", spec)


def test_a_document_with_no_match_has_no_candidates():
    blocks = split_markdown("# Title\n\nNothing here.\n\n- or here\n")
    assert DocumentIndex(blocks).candidates(SPECS[2]) == []
