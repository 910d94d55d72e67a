"""Relevance and evaluation readings of phrasings first met in blind batches, kind by kind.

A weight range left to the responses worded without "weight", a figure before its criterion
joined by a verb, stated totals of marks in other orders, a parent weight as a lead-in with its
sub-weights as list items, a notice that states no award criteria; and the relevance kinds:
past-period activity of the organisation, pledges to a charity appeal, the authority's whole
list answered line by line, organisation-wide awards and rankings.
"""
from __future__ import annotations

import pytest

from svrules.check import Checker
from svrules.config import Config
from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text
from svrules.rulepack import load_pack


def weightings(text: str, heading: str = "Award criteria"):
    doc = document_from_text(f"## {heading}\n\n" + text + "\n", {}, path="t.md")
    return extract_weightings(doc.blocks)


def _rules(text: str, meta: dict) -> set[str]:
    pack = load_pack()
    checker = Checker(pack, Config())
    doc = document_from_text(text, meta, path="t.md")
    return {f.rule for f in checker.match(checker.analyse(doc))}


@pytest.mark.parametrize("text, weight", [
    ("A minimum 5% weighting will be applied to net zero and social value, in line with Trust policy.", 5.0),
    ("Only 4% of the total evaluation score is allocated to social value.", 4.0),
    ("A weighting of 6% will be applied to net zero and social value in the evaluation.", 6.0),
])
def test_figure_before_its_criterion_joined_by_a_verb(text, weight):
    (w,) = weightings(text)
    assert w.sv_weight == weight


def test_a_discount_before_a_criterion_is_not_a_weight():
    assert not any(w.sv_weight for w in weightings("A 5% discount will be applied to price for early payment."))


@pytest.mark.parametrize("text, ok", [
    ("Quality: 60 marks. Social value: 10 marks. Price: 40 marks. Total marks available: 100.", False),
    ("Quality: 50 marks. Social value: 10 marks. Price: 40 marks. Total marks available: 100.", True),
    ("Quality 55 points, Price 40 points, Social Value 10 points (100 points available).", False),
    ("Quality 60 points, Price 30 points, Social Value 10 points; maximum score 100 points.", True),
])
def test_stated_total_of_marks_in_other_orders(text, ok):
    (w,) = weightings(text)
    assert w.total_ok is ok


def test_a_question_scale_is_not_the_stated_total():
    (w,) = weightings("Quality 60 points, Price 30 points, Social Value 10 points; each answer has a maximum score of 5.")
    assert w.total_ok is None


@pytest.mark.parametrize("items, ok", [
    (["D1 Employment and skills: 4%", "D2 Environment and net zero: 4%", "D3 Community wellbeing: 3%"], False),
    (["D1 Employment and skills: 4%", "D2 Environment and net zero: 3%", "D3 Community wellbeing: 3%"], True),
])
def test_parent_lead_in_read_with_its_list_items(items, ok):
    text = "Section D Social Value (10% overall):\n\n" + "\n".join(f"- {i}" for i in items)
    ws = weightings(text)
    assert [w.sub_total_ok for w in ws] == [ok]


def test_range_left_to_the_responses_without_the_word_weight():
    (w,) = weightings("Social value will account for between 10% and 20% of the total score, depending on "
                      "the quality of the responses received.")
    assert w.unweighted and w.weight_range


def test_fixed_weight_scored_on_the_responses_is_not_variable():
    (w,) = weightings("Social value will account for 10% of the total score; responses received will be scored 0-5.")
    assert not w.unweighted


COUNCIL = {"authority_kind": "sub_central", "procurement_start": "2025-06-16", "value": 1000000,
           "vat": "exclusive", "nature": "services"}


def test_notice_without_award_criteria_does_not_leave_social_value_out():
    text = "## Invitation to tender\n\nQuality 60%, Social Value 10%, Price 30%, scored 0-5.\n\n## Contract notice\n\n"
    assert "EVAL008" not in _rules(text + "This is a defence and security contract (PA 2023 s.7).\n", COUNCIL)
    assert "EVAL008" in _rules(text + "Award criteria: Quality 60%, Price 40%.\n", COUNCIL)


@pytest.mark.parametrize("title, text, rule", [
    ("Insurance broking services", "Describe the total hours your staff volunteered across the UK last year.", "REL003"),
    ("Pest control services", "Complete every line of the Council's Social Value Measures Matrix; any measure left "
                              "blank scores zero.", "REL003"),
    ("Pathology courier service", "Pledges towards the Trust Charity's appeal will be evaluated as social value.", "REL004"),
    ("Recruitment advertising", "Up to 3 marks are available to organisations that hold a King's Award for Enterprise.",
     "REL005"),
    ("Records scanning", "Bidders must hold Planet Mark certification at the tender return date.", "REL005"),
])
def test_relevance_kinds_first_met_blind(title, text, rule):
    meta = {**COUNCIL, "title": title}
    assert rule in _rules(f"## Award criteria\n\n{text}\n", meta)


@pytest.mark.parametrize("text", [
    "Set out the volunteering hours staff delivering this contract will give to community groups each year.",
    "Select the measures in the Council's Social Value Matrix that are relevant to pest control and explain the link.",
    "Pledges made by bidders to charities will not be counted as social value.",
    "The Contractor must hold ISO 14001 certification for the depot used to deliver the service.",
])
def test_relevance_near_misses_stay_quiet(text):
    meta = {**COUNCIL, "title": "Pest control services"}
    assert not {"REL003", "REL004", "REL005"} & _rules(f"## Award criteria\n\n{text}\n", meta)
