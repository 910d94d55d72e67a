"""Three shapes of weighting statement: social value named only in the list of topics another
criterion covers; social value said to be evaluated with nothing more; and a parent's
sub-weights listed with the other top-level criteria before or after the list.
"""
from __future__ import annotations

import pytest

from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text


def weightings(text: str):
    doc = document_from_text("## Award criteria\n\n" + text + "\n", {}, path="t.md")
    return extract_weightings(doc.blocks)


# ---------------------------------------------------------------- folded into a topic list

def test_a_figure_is_not_taken_across_another_criterion():
    (w,) = weightings("Quality 70% (to include sustainability, net zero and social value) and Price 30%.")
    assert w.total == 100.0 and w.sv_weight == 0.0


def test_a_criterion_named_by_two_words_keeps_its_figure():
    (w,) = weightings("Quality and Social Value 70%, Price 30%.")
    assert w.total == 100.0 and w.sv_weight == 0.0


@pytest.mark.parametrize("text", [
    "Quality 70% (to include sustainability, net zero and social value) and Price 30%.",
    "Technical 65% (covering delivery, mobilisation and social value), Commercial 35%.",
    "Quality 60% (incorporating service delivery, sustainability and social value); Price 40%.",
])
def test_social_value_last_in_quality_topics_is_unweighted(text):
    (w,) = weightings(text)
    assert w.unweighted and not w.sv_weight


@pytest.mark.parametrize("text, weight", [
    ("Quality 60% (to include delivery and social value at 10%), Price 40%.", 10.0),
    ("Quality 60% (covering method, staffing and mobilisation), Social Value 10%, Price 30%.", 10.0),
])
def test_social_value_with_a_figure_of_its_own_is_weighted(text, weight):
    (w,) = weightings(text)
    assert not w.unweighted and w.sv_weight == weight


# ---------------------------------------------------------------- said to be evaluated

@pytest.mark.parametrize("text", [
    "Social value will form part of the evaluation of tenders.",
    "Social value will be included in the evaluation of tenders.",
    "The award criteria are price, quality and social value.",
    "Tenders will be assessed against quality, price and social value criteria.",
])
def test_evaluated_with_no_weight_is_unweighted(text):
    (w,) = weightings(text)
    assert w.unweighted and w.mention_only


@pytest.mark.parametrize("text", [
    "Social value will form part of the evaluation; its weighting is set out in Section 5.",
    "Social value will form part of the evaluation of tenders, carrying 10% of the marks.",
    "Social value does not form part of the evaluation of this contract.",
    "Social value will form part of contract management reviews.",
])
def test_answered_negated_or_not_evaluation_is_not_unweighted(text):
    assert not any(w.unweighted for w in weightings(text))


def test_a_weight_elsewhere_in_the_document_answers_the_mention():
    found = weightings("Social value will form part of the evaluation of tenders.\n\n"
                       "Quality 60%, Price 30%, Social Value 10%.")
    assert not any(w.unweighted for w in found)
    assert [w.sv_weight for w in found if w.sv_weight] == [10.0]


# ---------------------------------------------------------------- a parent's list and its siblings

LIST = ("Social Value 20%, assessed through three questions:\n\n- Q1 Skills: 10%\n- Q2 Carbon: {q2}%\n"
        "- Q3 Community: 5%\n")


@pytest.mark.parametrize("after", ["\nQuality 40%; Price {price}%.", "Quality 40%; Price {price}%."])
@pytest.mark.parametrize("q2, price, total_ok, sub_ok", [(5, 40, True, True), (5, 30, False, True),
                                                        (3, 40, True, False)])
def test_siblings_after_the_list(after, q2, price, total_ok, sub_ok):
    # a paragraph of its own after the list, or a line run on to the last item
    text = LIST.format(q2=q2) + after.format(price=price)
    (w,) = weightings(text)
    assert w.total_ok is total_ok and w.sub_total_ok is sub_ok and w.sv_weight == 20.0


def test_siblings_before_the_lead_in():
    (w,) = weightings("Quality 50%, Price 30%.\n\n" + LIST.format(q2=5))
    assert w.total == 100.0 and w.total_ok and w.sub_total_ok


def test_a_complete_weighting_before_the_list_is_its_own():
    found = weightings("Quality 60%, Price 40%.\n\nQuality 60%, made up of:\n\n- Method: 30%\n"
                       "- Staffing: 30%\n")
    assert len(found) == 2
