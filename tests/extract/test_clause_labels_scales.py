"""Round-2 kinds of the clause reader: numbers that label a clause or question are no level; the
top of a scoring scale is not what is counted; a criterion's weighted label carries its theme
into the question after it; named green programmes and social outcomes are themes; an output
offered for an outcome stated in any purpose phrase is an output only (seed 004 principle 2)."""
from __future__ import annotations

import pytest

from svrules.extract.clauses import extract_clauses
from svrules.load import document_from_text


def clauses(text: str, heading: str = "Social value"):
    doc = document_from_text(f"## {heading}\n\n{text}\n", {}, path="t.md")
    return extract_clauses(doc.blocks)


@pytest.mark.parametrize("text", [
    "Q7.2 (Social value) How will your organisation support the residents of Wirral?",
    "B3.2 The Provider will offer careers talks in local schools.",
    "11.6 The Contractor shall create opportunities for ex-offenders.",
    "4. The Supplier shall promote equality and diversity within its workforce.",
])
def test_label_number_is_no_target(text):
    found = clauses(text, "Contract")
    assert found and "target" not in found[0].elements


@pytest.mark.parametrize("text", [
    "7.3 The Contractor shall create 6 apprenticeship starts by the end of Year 2.",
    "The Contractor shall divert 2.5 tonnes of food waste from landfill each month.",
])
def test_numbered_clause_keeps_its_level(text):
    assert clauses(text, "Contract")[0].elements.get("target")


@pytest.mark.parametrize("text", [
    "Explain how you will improve wellbeing among carers (scored 0 to 5 using the descriptors).",
    "Describe how you will improve the wellbeing of carers. Each response receives a score of 1-5 against the published descriptors.",
])
def test_scoring_scale_is_not_the_measure(text):
    found = clauses(text, "Award criteria")
    assert found and "measure" not in found[0].elements


@pytest.mark.parametrize("text", [
    "Q4 Social Value (15%). Explain what difference your organisation will make in the borough.",
    "Social Value (5%): Bidders are encouraged to offer commitments proportionate to the contract.",
    "Q6 Social Value (10 marks). Explain what your organisation will offer the borough.",
])
def test_weighted_label_carries_the_theme(text):
    found = clauses(text, "Award criteria")
    assert found and "measure" not in found[0].elements


@pytest.mark.parametrize("text", [
    "The supplier is expected to support the aims of the Greener NHS programme.",
    "Set out how the service will help close the attainment gap in Knowsley.",
])
def test_named_programmes_and_outcomes_are_themes(text):
    assert clauses(text, "Specification")


@pytest.mark.parametrize("text, output_only", [
    ("Our staff will give 200 volunteering hours each year to help tackle food poverty.", True),
    ("The Contractor's employees will contribute 300 volunteering hours annually in support of tackling homelessness.", True),
    ("The Supplier will provide 120 staff volunteering hours each year at the food bank.", False),
])
def test_output_offered_for_an_outcome(text, output_only):
    found = clauses(text)
    assert found and ("output_only" in found[0].flags) is output_only
