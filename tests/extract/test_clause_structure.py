"""A requirement read by its structure: who commits, how firmly, and a quantity bound to what it counts.

The reader's closed word classes are data (rules/data/clauses.yaml): hedges, the verbs of a
supplier's soft commitment, the ways a buyer asks without a modal, bounds, shares, the events
and months of deadlines, and units that count no deliverable. These tests write each kind of
phrasing in several forms, so that a class is tested, not a sentence. Weightings: a figure
before or after its criterion, social value folded into another criterion, weights left open.
"""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from svrules.extract import clauses as C
from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text
from svrules.rulepack import default_rules_dir


def clauses(text: str, heading: str = "Specification"):
    doc = document_from_text(f"## {heading}\n\n{text}\n", {}, path="t.md")
    return C.extract_clauses(doc.blocks)


def weightings(text: str):
    doc = document_from_text("## Award criteria\n\n" + text + "\n", {}, path="t.md")
    return extract_weightings(doc.blocks)


def test_vocabulary_is_declared_data():
    data = yaml.safe_load((default_rules_dir() / "data" / "clauses.yaml").read_text())
    for key in ("hedges", "commitment_verbs", "asks", "shares", "bounds", "deadline_events",
                "months", "not_counted", "duty", "passive_duty", "pay_manners", "pay_standards"):
        assert data[key], key
    # the duty words are one class, read by the requirement reader and the strong-duty test
    for word in data["duty"]:
        assert C.REQUIREMENT.search(f"The Contractor {word} deliver"), word
        assert C.STRONG_DUTY.search(f"Ten jobs {word} be created"), word
    # every hedge of the list is one the reader knows
    for hedge in ("seek to", "aspires", "where practicable", "commit to explore",
                  "as far as reasonably possible", "make every effort"):
        assert C.SOFT.search(hedge), hedge


@pytest.mark.parametrize("text", [
    "The Supplier aspires to reduce the carbon footprint of its operations.",
    "The Contractor commits to exploring apprenticeship opportunities on the contract.",
    "The Provider seeks to recruit people from under-represented groups.",
    "The Operator intends to work with community groups in the area.",
    "We would welcome proposals that promote equality, diversity and inclusion in the workforce.",
    "The Council would like the supplier to champion environmental sustainability.",
    "Bidders are invited to propose initiatives that benefit the local economy.",
    "The Contractor will make every effort to employ people facing barriers to work.",
    "The Provider is to use its reasonable endeavours to increase opportunities for disabled people.",
    "As far as reasonably possible, the Contractor will support community projects.",
    "The Contractor commits to treating and paying its staff fairly.",
    "To reduce loneliness, staff will give volunteering time to befriending schemes.",
])
def test_soft_commitments_in_many_forms_are_unverifiable_asks(text):
    (c,) = clauses(text)
    assert "target" in c.unverifiable


@pytest.mark.parametrize("text, target", [
    ("The Supplier will reduce fleet emissions by a quarter against the 2025 baseline.", "by a quarter"),
    ("The Supplier will halve single-use plastics in the cafés.", "halve"),
    ("The fleet used on the contract shall be zero-emission by 1 April 2028.", "by 1 April 2028"),
    ("The Contractor shall move its depots to renewable electricity to cut emissions by March 2029.",
     "by March 2029"),
    ("The Contractor will spend a minimum of 30 per cent of the contract value with SMEs.",
     "a minimum of 30 per cent"),
    ("The Contractor will send no more than 5% of construction waste to landfill.", "no more than 5%"),
    ("The caterer will divert no less than 95% of food waste from landfill.", "no less than 95%"),
    ("The Contractor will plant trees on council land within two years of the commencement date.",
     "within two years of the commencement date"),
])
def test_a_target_however_it_is_written(text, target):
    (c,) = clauses(text)
    assert c.elements["target"] == target
    assert c.unverifiable == ()


@pytest.mark.parametrize("text", [
    "The Supplier will offer up to 10 work placements to care leavers.",
    "The Contractor will provide a maximum of 6 apprenticeships.",
    "KPI 4 | Apprenticeship starts | Target: TBC | Reported annually | Evidence: ILR data",
    "KPI 5 | Community engagement | Target: Good | Frequency: quarterly | Evidence: case studies",
    "KPI 6 | Reduce emissions | Target: ongoing | Frequency: quarterly | Evidence: fuel data",
])
def test_a_ceiling_on_a_deliverable_or_a_placeholder_target_is_no_level(text):
    (c,) = clauses(text, "Social value KPIs")
    assert "target" in c.unverifiable


def test_a_year_alone_is_not_a_target():
    (c,) = clauses("The Contractor shall support the Council's 2030 net zero commitment.")
    assert "target" in c.unverifiable


def test_bidder_told_to_state_the_number_supplies_the_target():
    (c,) = clauses("Bidders must state in Schedule 4 the number of apprenticeships they will "
                   "create and how each start will be evidenced.", "Award criteria")
    assert c.unverifiable == ()


def test_authority_ambition_is_a_social_value_ask_when_the_supplier_must_support_it():
    (c,) = clauses("The Contractor will be required to support the Council's ambition to become "
                   "a fairer borough.")
    assert c.unverifiable == ("target", "measure")


def test_commitments_recorded_in_a_plan_at_a_schedule_are_by_reference():
    (c,) = clauses("The outcomes the Contractor commits to in its tender will be recorded in the "
                   "Social Value Plan at Schedule 7 and monitored at the quarterly review.")
    assert c.unverifiable == ()


BOUNDS = st.sampled_from(["at least", "no fewer than", "a minimum of", "no less than", "over"])
COUNTED = st.sampled_from(["apprenticeships", "work placements", "careers talks",
                           "volunteering days", "new jobs"])


@settings(max_examples=40, deadline=None)
@given(bound=BOUNDS, n=st.integers(min_value=2, max_value=500), counted=COUNTED)
def test_a_bound_number_and_a_counted_noun_make_a_verifiable_requirement(bound, n, counted):
    (c,) = clauses(f"The Contractor shall provide {bound} {n} {counted} for residents of the "
                   f"borough during the contract.", "Social value")
    assert c.unverifiable == ()
    assert c.elements["target"].startswith(bound.split()[0]) or str(n) in c.elements["target"]


# --------------------------------------------------------------------------- weightings

@pytest.mark.parametrize("text, sv", [
    ("Tenders will be evaluated on 65% quality, 30% price and 5% social value.", 5.0),
    ("60% quality, 30% price and 10% social value.", 10.0),
    ("Quality 60%, Price 30%, Social\nValue 10%.", 10.0),
])
def test_figure_before_or_after_its_criterion(text, sv):
    (w,) = weightings(text)
    assert w.total == 100.0 and w.sv_weight == sv


@pytest.mark.parametrize("text", [
    "Social value will be assessed as part of the technical evaluation.",
    "Quality 70%, Price 30%; social value proposals will form part of the quality score.",
    "Quality 70% (including social value), Price 30%.",
    "Weightings will be published in the ITT and may be changed following clarification.",
    "Quality 65%, Price 25%, Social Value 10%, which may be revised after bids are opened.",
    "Social value: 10% or such other weighting as the Authority may determine.",
])
def test_social_value_with_no_weight_of_its_own(text):
    (w,) = weightings(text)
    assert w.unweighted


def test_sub_criteria_names_with_numbers():
    (w,) = weightings("Quality 50%, Price 40%, Social Value 10% (Theme 1 5%, Theme 2 3%).")
    assert w.sub_total_ok is False


@pytest.mark.parametrize("text, heading, sv", [
    ("Net zero and social value will carry 5% of the total score.", "Award criteria", 5.0),
    ("Social Value 8% (of which Net Zero 4%).", "Award criteria", 8.0),
    ("Social value accounts for 10% of the marks.", "Invitation to tender", 10.0),
])
def test_a_social_value_weight_stated_alone(text, heading, sv):
    doc = document_from_text(f"## {heading}\n\n{text}\n", {}, path="t.md")
    (w,) = extract_weightings(doc.blocks)
    assert w.sv_weight == sv and w.total is None


@pytest.mark.parametrize("text", [
    "The Supplier will deliver social value worth 10% of the contract value.",
    "Social value of 5% of the contract value will be reported annually.",
])
def test_a_share_of_the_contract_value_is_not_a_weight(text):
    doc = document_from_text(f"## Award criteria\n\n{text}\n", {}, path="t.md")
    assert extract_weightings(doc.blocks) == []


def test_sub_weights_under_any_parent():
    (w,) = weightings("Quality (60%) is made up of: Methodology 30%, Staffing 20%, Mobilisation 15%.")
    assert w.sub_total_ok is False
    (w,) = weightings("Quality (60%) is made up of: Methodology 30%, Staffing 20%, Mobilisation 10%.")
    assert w.sub_total_ok is True


def test_a_range_whose_final_figure_comes_later_is_no_stated_weight():
    (w,) = weightings("Social value will be weighted at between 5% and 15%; the final figure will "
                      "be confirmed in the ITT.")
    assert w.unweighted and w.weight_range


def test_responses_evaluated_with_no_method_is_an_assessment_described():
    (w,) = weightings("Social value accounts for 10% of the marks; bidders' responses will be evaluated.")
    assert w.assessment_described and not w.method_stated


def test_notice_award_criteria_fields_one_a_paragraph():
    (w,) = weightings("Quality criterion - Name: Technical / Weighting: 65\n\n"
                      "Quality criterion - Name: Social Value / Weighting: 5\n\n"
                      "Price - Weighting: 30")
    assert w.total == 100.0 and w.sv_weight == 5.0


@pytest.mark.parametrize("text, total, sv", [
    ("Quality/Price/Social Value: 60/35/5.", 100.0, 5.0),
    ("A price/quality split of 40:60.", 100.0, 0.0),
])
def test_slashed_lists_of_criteria_and_weights(text, total, sv):
    (w,) = weightings(text)
    assert w.total == total and w.sv_weight == sv


def test_bare_numbers_under_a_percent_header():
    (w,) = weightings("| Criterion | Weighting (%) |\n|---|---|\n| Technical | 65 |\n"
                      "| Commercial | 30 |\n| Social Value | 5 |")
    assert w.total == 100.0 and w.sv_weight == 5.0


def test_bare_numbers_under_another_header_are_not_weights():
    assert weightings("| Criterion | Questions |\n|---|---|\n| Quality | 6 |\n| Price | 1 |") == []


@pytest.mark.parametrize("statement", [
    "Progress against every social value commitment will be reported each quarter with supporting "
    "evidence, and any shortfall will be subject to a remediation plan.",
    "Monitoring: each commitment is reported six-monthly with evidence; a financial remedy applies "
    "to unmet commitments.",
    "All commitments are monitored through the performance framework in Schedule 6.",
])
def test_document_wide_monitoring_in_other_words_covers_every_requirement(statement):
    found = clauses("The Contractor will create 4 apprenticeship starts during the contract.\n\n"
                    + statement, "Social value")
    (c,) = [c for c in found if "apprenticeship" in c.text]
    assert c.unmonitored == ()
    assert all(c.unverifiable == () or "reporting_duty" in c.flags for c in found)


@pytest.mark.parametrize("text, heading", [
    ("Take on and train people who have been long-term unemployed within the team delivering the "
     "Services.", "Contract"),
    ("Community initiatives will be delivered in the area, such as volunteering days.", "Specification"),
    ("Environmental sustainability (5%): bidders will be assessed on their commitment to the "
     "environment.", "Award criteria"),
    ("| KPI 4 | Apprenticeship starts | Target: TBC | Monthly |", "Social value KPIs"),
    ("| SV2 | Supporting the community | 95% | Quarterly | Supplier report |", "Social value KPIs"),
])
def test_requirements_without_a_supplier_or_a_modal(text, heading):
    (c,) = clauses(text, heading)
    assert c.unverifiable


@pytest.mark.parametrize("text", [
    "Improve the health and wellbeing of residents.",
    "Provide opportunities for young people to thrive.",
])
def test_a_list_of_aims_under_an_objectives_heading_is_not_a_requirement(text):
    assert clauses(text, "Objectives") == []


def test_proxy_goal_in_other_words():
    (c,) = clauses("Tenderers must deliver social value equal to at least fifteen per cent of the "
                   "contract value.", "Award criteria")
    assert "proxy_goal" in c.flags


def test_sub_weights_after_comprises_with_semicolons():
    (w,) = weightings("Quality (60%) comprises: Method Statement 25%; Staffing 20%; Mobilisation 10%.")
    assert w.sub_total_ok is False


def test_a_range_fixed_at_evaluation_is_no_stated_weight():
    (w,) = weightings("The social value weighting will lie between 10% and 20% and will be fixed "
                      "before evaluation begins.")
    assert w.unweighted


@pytest.mark.parametrize("text", [
    "Where relevant, the Contractor shall provide training to its staff on the new procedures.",
    "The Provider will, as far as reasonably possible, recruit staff with experience of dementia care.",
    "Bidders are invited to propose a mobilisation plan for the health visiting service.",
    "The Contractor will make every effort to keep disruption to tenants to a minimum.",
    "Deliver training to council staff on the use of the new system.",
    "Quality (60%): bidders will be assessed on their approach to training staff in safeguarding.",
])
def test_hedges_instructions_and_award_criteria_about_delivering_the_service_are_not_clauses(text):
    assert clauses(text) == []


@pytest.mark.parametrize("text", [
    "Quality 60%, Price 30%, Social Value 10%. A 10% price discount and a 5% cost saving will not "
    "score higher.",
    "Quality 55%, Price 35%, Social Value 10%. Price is 35% of the total because of budget limits.",
])
def test_changes_and_restatements_are_not_further_weights(text):
    (w,) = weightings(text)
    assert w.total == 100.0


def test_social_value_as_a_share_of_the_quality_score():
    (w,) = weightings("Quality 60%, Price 40%. Social value makes up 10% of the quality score.")
    assert w.total == 100.0 and w.sv_weight == 6.0


def test_weightings_refined_during_dialogue_are_not_fixed():
    (w,) = weightings("The award criteria and their weightings will be set out in the ITT and may be "
                      "refined during dialogue.")
    assert w.unweighted


@pytest.mark.parametrize("text", [
    "Support for local voluntary groups is desirable.",
    "The successful supplier must make a commitment to the circular economy.",
    "The contractor is to maximise opportunities for local people wherever it can.",
])
def test_wishes_and_commitments_to_principles_are_unverifiable_asks(text):
    (c,) = clauses(text)
    assert "target" in c.unverifiable
