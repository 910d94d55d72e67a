"""What is and is not a social value requirement, and what makes one verifiable (issue 20).

Verifiable: a target and what is counted (for an award criterion, how it is scored). Not
clauses: the subject matter itself, background and objectives, declarations, portal
boilerplate, the buyer's own funds. A reference to a schedule or annex supplies the elements.
"""
from __future__ import annotations

import pytest

from svrules.extract.clauses import extract_clauses
from svrules.load import document_from_text


def clauses(text: str, heading: str = "Social value", title: str = ""):
    doc = document_from_text(f"## {heading}\n\n{text}\n", {}, path="t.md")
    return extract_clauses(doc.blocks, subject=title)


@pytest.mark.parametrize("text", [
    "The Contractor must hold ISO 14001 certification or an equivalent environmental management system.",
    "All new homes must achieve an EPC rating of B or above.",
    "The vehicles supplied must meet the Euro 6 emissions standard.",
    "The Council is committed to maximising community benefits from its procurement activities.",
    "Bidders will be required to confirm their compliance with the community benefit clauses.",
    "Community benefits are included in this requirement.",
    "Under the terms of this contract the successful supplier will be required to deliver community "
    "benefits in support of the authority's economic and social objectives.",
    "The objectives of this contract are to reduce carbon emissions from the estate.",
    "Through this framework, public bodies will have access to suppliers who can deliver low-carbon heating.",
    "Projects must meet criteria set by partners to ensure the Fund is used to support local communities.",
    "The Consultant must demonstrate previous experience of delivering net zero feasibility studies.",
])
def test_not_a_social_value_clause(text):
    assert clauses(text) == []


@pytest.mark.parametrize("text", [
    "The Contractor shall deliver two employability workshops for pupils each term, with attendance "
    "recorded in the quarterly return.",
    "The Contractor will create 4 apprenticeship starts during the first two years of the contract.",
    "The Supplier shall ensure that at least 30% of its sub-contract spend on this contract is with SMEs.",
])
def test_verifiable_without_its_own_monitoring(text):
    (c,) = clauses(text)
    assert c.unverifiable == () and c.unmonitored


@pytest.mark.parametrize("text, missing", [
    ("The Contractor shall engage with local schools to raise pupils' aspirations.", ("target",)),
    ("The Contractor will provide apprenticeships during the works.", ("target",)),
    ("It is a condition of the contract that the Supplier delivers community benefits.", ("target", "measure")),
])
def test_unverifiable(text, missing):
    (c,) = clauses(text)
    assert c.unverifiable == missing


@pytest.mark.parametrize("text", [
    "The Contractor shall deliver the community benefits set out in the Community Benefits Schedule.",
    "The Contractor shall meet the social value commitments; see Annex C for the targets and measures.",
    "The successful supplier must provide community benefits from the menu contained within Appendix 1.",
])
def test_reference_supplies_every_element(text):
    (c,) = clauses(text)
    assert c.missing == ()


def test_award_question_scored_by_a_stated_method_is_verifiable():
    (c,) = clauses("Question SV2 (5%): describe how you will create training opportunities for NEET "
                   "young people. Answers are scored 0-5 against the published descriptors.",
                   heading="Award criteria")
    assert c.kind == "award" and c.unverifiable == ()


def test_description_of_what_is_bought_is_not_a_clause():
    """Outside a social value section, with no supplier and no duty on anyone, a sentence that
    says what the deliverable "will" do describes the subject matter."""
    assert clauses("Data for a peatland biodiversity metric. The evidence obtained will contribute "
                   "to understanding habitat recovery.", heading="Lot 3: vegetation surveys") == []
    (c,) = clauses("Four apprenticeships will be created on the contract.")     # a social value
    assert c.unverifiable == ()                                                  # section


def test_theme_that_is_the_contract_subject_is_flagged():
    (c,) = clauses("The Consultant shall deliver a skills mapping analysis of the workforce.",
                   heading="Description", title="North West Skills Mapping Plan")
    assert "subject_matter" in c.flags


def test_document_wide_statement_covers_monitoring():
    text = ("The Contractor will create 4 apprenticeship starts during the contract.\n\n"
            "All social value commitments are reported quarterly in the Social Value Report, with "
            "payroll extracts as evidence, and any shortfall triggers a remedial action plan.")
    (c,) = clauses(text)
    assert c.missing == ()


@pytest.mark.parametrize("text", [
    "The Provider shall submit an annual social value report.",
    "Providers must upload evidence of progress against their social value commitments each quarter.",
    "Social value delivery will be monitored through regular contract meetings.",
])
def test_reporting_duty_is_the_monitoring_side(text):
    (c,) = clauses(text, heading="Contract")
    assert "reporting_duty" in c.flags


def test_lead_in_list_items_read_with_the_lead_in():
    """A lead-in that ends at a colon holds the duty; each item is one requirement with its
    own level (and the lead-in's elements), and the lead-in is not judged on its own."""
    found = clauses("The Contractor shall deliver the following community benefits, as set out "
                    "in Schedule 4:\n\n- apprenticeships;\n- work placements for pupils.")
    assert [c.text for c in found] == ["apprenticeships;", "work placements for pupils."]
    assert all(c.has("target") for c in found)          # by reference, from the lead-in
    bare = clauses("The Contractor shall deliver the following:\n\n- apprenticeships;\n"
                   "- 10 work placements for pupils each year.")
    assert [c.unverifiable for c in bare] == [("target",), ()]


@pytest.mark.parametrize("text, target", [
    ("The Provider shall support the Council in achieving its target of net zero by 2030.", False),
    ("The Contractor shall help the Council deliver its aim of creating 500 jobs by 2028.", False),
    ("The Contractor shall support the Council's net zero target of 2030 by cutting its fleet "
     "emissions by 40% by 2028.", True),
    ("The contract will run for three years and the Contractor shall create apprenticeships.", False),
    ("The Contractor shall provide the number of apprenticeships stated in its tender response.", True),
    ("The Caterer shall reduce single-use plastic cups used in the service to zero.", True),
])
def test_whose_number_is_the_target(text, target):
    found = clauses(text)
    assert found and found[0].has("target") is target
