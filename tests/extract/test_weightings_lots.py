"""Weightings per lot and per table, and line breaks inside a criterion's name (issue 20).

Two lots each weighted to 100% are two weightings of 100%, not one of 200%; a table with one
criterion and its weight per row is a weighting statement; a PDF or Word line break inside
"Social Value 10%" keeps the figure.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text


def weightings(text: str):
    doc = document_from_text("## Award criteria\n\n" + text + "\n", {}, path="t.md")
    return extract_weightings(doc.blocks)


def test_two_lots_each_100_are_not_summed():
    (w,) = weightings("Lot 1: Quality 60%, Price 30%, Social Value 10%. Lot 2: Quality 70%, Price 30%.")
    assert w.total == 100.0 and w.total_ok


def test_the_lot_that_does_not_add_up_is_the_total_reported():
    (w,) = weightings("Lot 1: Quality 60%, Price 40%. Lot 2: Quality 70%, Price 40%.")
    assert w.total == 110.0 and w.total_ok is False


def test_price_only_lot_beside_a_weighted_lot():
    (w,) = weightings("Lot 1: Price 100%. Lot 2: Quality 60%, Price 40%.")
    assert w.total_ok


def test_table_one_criterion_per_row_with_a_total_row():
    (w,) = weightings("| Criterion | Weighting |\n|---|---|\n| Quality | 60% |\n| Price | 30% |\n"
                      "| Social Value | 10% |\n| Total | 100% |")
    assert (w.total, w.sv_weight) == (100.0, 10.0)


def test_table_with_a_column_per_lot():
    (w,) = weightings("| Criterion | Lot 1 | Lot 2 |\n|---|---|---|\n| Quality | 60% | 50% |\n"
                      "| Price | 30% | 45% |\n| Social Value | 10% | 10% |")
    assert w.total == 105.0 and w.sv_weight == 10.0


def test_line_break_inside_social_value():
    (w,) = weightings("Quality 60%, Price 30% and Social\nValue 10%.")
    assert (w.total, w.sv_weight) == (100.0, 10.0)


_split = st.integers(min_value=1, max_value=98)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_split, st.integers(min_value=0, max_value=20)), min_size=1, max_size=4),
       st.sampled_from([" ", "\n", " / "]))
def test_lots_each_totalling_100_are_always_ok(lots, gap):
    """Whatever the number of lots and their weights, each lot adding up to 100% is read as a
    weighting that adds up, and the social value weight seen is the lowest lot's."""
    parts = []
    for n, (quality, social) in enumerate(lots, 1):
        quality = min(quality, 100 - social - 1)
        price = 100 - quality - social
        sv = f", Social{gap}Value {social}%" if social else ""
        parts.append(f"Lot {n}: Quality {quality}%, Price {price}%{sv}.")
    (w,) = weightings(" ".join(parts))
    assert w.total_ok, parts
    assert w.sv_weight == min(s for _, s in lots), parts
