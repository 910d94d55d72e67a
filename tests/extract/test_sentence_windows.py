"""A sentence window written `[^.]{0,N}` lets a full stop inside a number or an "e.g." through
("0.5%", "£1.5m", "Section 4.2"), and still stops at the end of a sentence."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.extract._rx import rx, within_sentence
from svrules.extract.matcher import compile_pattern

WINDOW = r"pay[^.]{0,60}fund"


def test_decimal_inside_a_window_is_not_a_sentence_end():
    text = "The Contractor shall pay 0.5% of the annual value into the Community Fund."
    assert compile_pattern(WINDOW).search(text)
    assert rx(WINDOW).search(text)


def test_abbreviation_and_money_inside_a_window():
    assert rx(r"local[^.;]{0,40}miles").search("a local firm (e.g. within 10 miles)")
    assert rx(r"pay[^.]{0,40}fund").search("pay £1.5m into the fund")


def test_a_real_sentence_end_still_stops_the_window():
    text = "The Contractor shall pay the invoice. The fund is the Council's."
    assert not compile_pattern(WINDOW).search(text)
    assert not rx(WINDOW).search(text)
    assert not rx(WINDOW).search("Pay within 30 days of invoice no. 4.5. The fund is closed.")


def test_classes_that_exclude_digits_or_word_characters_are_left_alone():
    for pattern in (r"[^\d.;]", r"[^\w.£]", r"[^0-9.]+", r"[abc]", r"\[^.]", r"x[^,;]y"):
        assert within_sentence(pattern) == pattern


def test_rewritten_classes_keep_their_quantifier():
    assert within_sentence(r"a[^.;|]{0,5}b") == r"a(?:[^.;|]|\.(?:\d|[gGeE]\.)){0,5}b"
    assert within_sentence(r"[^]. ]x") == r"(?:[^]. ]|\.(?:\d|[gGeE]\.))x"


PATTERNS = st.sampled_from([r"a[^.]{0,8}b", r"a[^.;]*b", r"(?:x|[^.,;]{1,3})y", r"[^.]+\.", r"q[^.|]?r"])
TEXTS = st.text(alphabet="ab xyqr.,;|0123456789", max_size=40)


@settings(max_examples=300, deadline=None)
@given(PATTERNS, TEXTS)
def test_widening_only_adds_matches(pattern, text):
    """Whatever the text, a pattern that matched before still matches, and the rewritten
    pattern is valid RE2."""
    before = re.search(pattern, text)
    after = rx(pattern).search(text)
    if before:
        assert after


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_stop_before_a_space_or_the_end_is_never_crossed(text):
    """Outside "e.g." and "i.e." a window never spans '. ' (a stop before a space or the end)."""
    m = rx(r"a[^.]{0,30}b").search(text + " ")
    if m:
        span = text[m.start():m.end()]
        assert ". " not in span and not span.endswith(".")
