"""Relevance readings of asks put as questions, of standing menus answered in full, of a goods
supply's stated links and of sectors named by their workplaces (PA 2023 s.23(2)(a); seed 004's
equipment supply). Sentences are assembled from parts so the word order and forms vary; the
readings under test are the TextPattern field `block_unless`, the family chosen by the contract's
nature, a family's own `links_stated`, and the workplace sectors of rules/data/relevance.yaml."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.extract.relevance import family_for, load_families
from svrules.load import document_from_text
from svrules.rulepack import TextPattern, load_pack

_CHECKER = Checker(load_pack(), Config(), engine="python")


def _rules(subject: str, text: str, nature: str = "services",
           heading: str = "Award criteria") -> set[str]:
    meta = {"nature": nature, "value": 900000, "vat": "exclusive", "title": subject,
            "procurement_start": "2026-03-02", "authority_kind": "sub_central"}
    doc = document_from_text(f"## {heading}\n\n{text}\n", meta, path="t.md")
    return {f.rule for f in _CHECKER.match(_CHECKER.analyse(doc))
            if f.category.value == "relevance" and f.severity.value in ("error", "warning")}


STATUS = st.sampled_from(["Is your organisation a certified B Corporation?",
                          "Does your company hold Investors in People accreditation?",
                          "Are you an accredited Living Wage Employer?",
                          "Is your business a Disability Confident Leader?",
                          "Has your organisation been certified as a Carbon Literate Organisation?"])
SCORED = st.sampled_from(["(Yes = 10 points / No = 0 points)", "Yes: 4 points. No: 0 points.",
                          "A 'Yes' answer scores 5 points.", "(Pass/Fail)",
                          "Certified bidders receive an additional 5% of the social value marks."])
UNSCORED = st.sampled_from(["This question is for information only and will not be scored.",
                            "(For information purposes only.)",
                            "The answer does not form part of the evaluation."])


@settings(max_examples=30, deadline=None)
@given(STATUS, SCORED)
def test_a_status_question_scored_in_its_block_is_an_accreditation_of_every_supplier(q, marks):
    assert "REL005" in _rules("Office cleaning services", f"{q} {marks}")


@settings(max_examples=20, deadline=None)
@given(STATUS, UNSCORED)
def test_a_status_question_asked_for_information_only_is_not(q, note):
    assert not _rules("Office cleaning services", f"{q} {note}", heading="Selection")


def test_block_unless_is_a_declared_text_pattern_field():
    spec = TextPattern(any=[r"\bb corp\b"], all=[r"\bhold\b"], block_unless=[r"\bnot scored\b"])
    assert spec.block_unless == [r"\bnot scored\b"]


GIVING = st.sampled_from([
    "What was the total value of donations your organisation made to registered charities {p}?",
    "How much did your company donate to charitable causes {p}?",
    "Please state your organisation's total CSR spend {p}.",
    "What was your company's charitable giving {p}, as a percentage of turnover?"])
PERIOD = st.sampled_from(["in your last financial year", "in the previous financial year",
                          "for the most recent financial year", "in 2024/25",
                          "over the past twelve months"])


@settings(max_examples=30, deadline=None)
@given(GIVING, PERIOD)
def test_past_corporate_giving_asked_as_a_question(ask, period):
    text = ask.format(p=period)
    assert "REL003" in _rules("Internal audit services", text), text


@pytest.mark.parametrize("text, finding", [
    ("Our Community Investment Menu applies to every contract we let. Contractors are required "
     "to make a commitment under each of the twelve headings of the Menu.", True),
    ("Tenderers must offer a commitment against every one of its ten headings.", True),
    ("Suppliers are to respond to every heading of the Trust's Social Value Framework.", True),
    ("Contractors select the headings of the Menu that relate to the lift works and explain the link.", False),
    ("Bidders should choose two headings from the Council's community benefits menu and make a "
     "commitment under each heading chosen.", False),
    ("Tenderers must answer each of the questions in Section 4 of the Invitation to Tender.", False),
    ("Providers must deliver all outcomes in the Framework specification.", False),
])
def test_a_standing_menu_answered_under_every_heading(text, finding):
    assert ("REL003" in _rules("Lift maintenance and repair", text, heading="Invitation to tender")) is finding


def test_a_goods_contract_whose_title_names_no_family_is_a_supply_of_goods():
    goods = next(f for f in load_families() if f.id == "goods")
    assert family_for("Loose office furniture (chairs, desks, storage)", (), "goods") is goods
    assert family_for("Loose office furniture (chairs, desks, storage)").id == "default"
    assert family_for("Supply and delivery of loose office furniture").id == "goods"


@pytest.mark.parametrize("subject, text, finding", [
    ("Supply and delivery of loose office furniture", "State the number of apprenticeship starts "
     "you will create over the term of this framework for the delivery of the furniture.", True),
    ("Supply of printer paper", "The Supplier shall create two apprenticeships as a result of "
     "winning this contract.", True),
    ("Supply of library books", "Tenderers should state the number of jobs for unemployed "
     "residents they will create under this contract.", True),
    ("Loose office furniture", "The Supplier will offer apprenticeships for the delivery drivers "
     "and warehouse staff who bring the furniture to council sites.", False),
    ("Supply of office desks", "The Supplier will offer one apprenticeship in furniture fitting, "
     "because the desks are assembled and fitted on site by its own team.", False),
    ("Supply of school stationery", "The Supplier will reduce delivery emissions by consolidating "
     "deliveries to schools into one weekly drop.", False),
    # a generic community benefits term names no ask the supply lacks a link to
    ("Supply of door panels", "Tenderers must agree that community benefits will become part of "
     "the Contract for the delivery of the door panels.", False),
])
def test_a_goods_supply_needs_a_delivery_activity_or_a_reason_for_a_link(subject, text, finding):
    assert ("REL001" in _rules(subject, text, nature="goods")) is finding


@pytest.mark.parametrize("subject, text, finding", [
    ("Pest control and treatment services", "Bidders should set out how they will offer work "
     "placements in early years nurseries and after-school clubs for residents.", True),
    ("Translation services", "Provide work placements on building sites for young people.", True),
    ("IT support services", "Offer apprenticeships on local farms for care leavers.", True),
    ("Legal services", "Support residents into jobs in hotels and restaurants in the city.", True),
    ("Translation services", "Offer work placements in garages and vehicle workshops for young people.", True),
    ("Children's centres and early years services", "Offer work placements in early years "
     "nurseries for residents entering the childcare profession.", False),
    ("Grounds maintenance services", "Provide placements at a tree nursery for residents.", False),
    ("Pest control and treatment services", "Deliver careers talks in local schools about "
     "working in pest control.", False),
    ("Office cleaning services", "The Council's nurseries and after-school clubs will be cleaned daily.", False),
    ("Offshore wind farm maintenance", "Create apprenticeships on the wind farm for local young people.", False),
    ("Fleet maintenance services", "Offer placements in the garages where the fleet is maintained.", False),
])
def test_a_sector_named_by_its_workplaces(subject, text, finding):
    assert bool(_rules(subject, text)) is finding
