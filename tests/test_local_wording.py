"""Supplier location however it is worded (PA 2023 s.12(2); PCR 2015 reg 18(1)), and operational
needs stated as a performance standard (LOCAL011, info). Sentences are assembled from parts so
the word order and forms vary, as they do in tenders written elsewhere."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text
from svrules.rulepack import load_pack

_CHECKER = Checker(load_pack(), Config(), engine="python")
META = {"nature": "services", "value": 900000, "vat": "exclusive",
        "procurement_start": "2026-03-02", "authority_kind": "sub_central"}


def _rules(text: str) -> dict:
    doc = document_from_text(f"## Invitation to tender\n\n{text}\n", dict(META), path="t.md")
    return {f.rule: f.severity.value for f in _CHECKER.match(_CHECKER.analyse(doc))}


WHO = st.sampled_from(["Tenderers", "Suppliers", "Bidders", "Applicants", "Firms"])
FACILITY = st.sampled_from(["a branch", "an office", "a depot", "premises", "a yard", "a base",
                            "a showroom", "a registered office"])
PLACE = st.sampled_from(["in the borough", "in Norfolk", "within the county", "in the district",
                         "inside the city boundary"])
CONSEQUENCE = st.sampled_from(["must have {f} {p}.", "with {f} {p} will receive extra marks.",
                               "will be preferred if they have {f} {p}.",
                               "without {f} {p} will be excluded."])


@settings(max_examples=60, deadline=None)
@given(WHO, FACILITY, PLACE, CONSEQUENCE)
def test_a_supplier_attribute_by_place_is_reported(who, facility, place, consequence):
    text = f"{who} " + consequence.format(f=facility, p=place)
    assert _rules(text).get("LOCAL001") == "error", text


NEED = st.sampled_from([
    "The waste transfer facility must be within {n} miles by road of the collection site.",
    "Carers must be able to reach service users within {n} minutes' travel time.",
    "The vessel must be serviced at a yard within {n} nautical miles of the harbour.",
    "Aggregates must be delivered with a haulage distance of no more than {n} miles.",
])


@settings(max_examples=40, deadline=None)
@given(NEED, st.integers(min_value=2, max_value=90))
def test_an_operational_need_is_info_not_discrimination(need, n):
    found = _rules(need.format(n=n))
    assert "LOCAL001" not in found
    assert found.get("LOCAL011") == "info"


def test_a_response_time_is_neither():
    found = _rules("The Contractor shall attend emergency call-outs within 2 hours, 24 hours a day.")
    assert "LOCAL001" not in found and "LOCAL011" not in found


# The vocabulary classes generalised in issue 20: premises by any verb and preposition, a place
# as a proper name or an area noun, the supplier's people (directors, owners) by residence, and
# a workforce sourced from a place, each with a requirement or score word.
HOLDER = st.sampled_from(["maintains", "operates", "has", "runs", "owns"])
PREMISES = st.sampled_from(["a warehouse", "a workshop", "a depot", "premises", "a branch",
                            "an office", "a trade counter unit", "a facility"])
WHERE = st.sampled_from(["in Cumbria", "on the island", "at Stockton", "within the borough",
                         "in Greater Manchester", "inside the district"])
ASK = st.sampled_from(["It is a condition of contract that the supplier {h} {p} {w}.",
                       "Marks will be awarded where the bidder {h} {p} {w}.",
                       "The Council will only appoint a contractor that {h} {p} {w}."])


@settings(max_examples=60, deadline=None)
@given(HOLDER, PREMISES, WHERE, ASK)
def test_premises_held_at_a_place_are_reported(holder, premises, where, ask):
    text = ask.format(h=holder, p=premises, w=where)
    assert _rules(text).get("LOCAL001") == "error", text


PEOPLE = st.sampled_from(["directors", "owners", "key personnel", "staff", "employees"])
LIVE = st.sampled_from(["live in", "are resident in", "reside within", "are domiciled in"])


@settings(max_examples=40, deadline=None)
@given(PEOPLE, LIVE, PLACE)
def test_the_suppliers_people_by_residence_are_reported(people, live, place):
    text = f"Preference will be given to tenderers whose {people} {live} {place.split(' ', 1)[1]}."
    assert _rules(text).get("LOCAL001") == "error", text


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["recruit", "source", "draw", "hire"]),
       st.sampled_from(["its labour", "all of its operatives", "the workforce", "their staff"]),
       st.sampled_from(["the Medway area", "within the county", "Sefton", "the borough"]))
def test_a_workforce_sourced_from_a_place_is_reported(verb, people, place):
    text = f"The Contractor shall {verb} {people} from {place}."
    assert _rules(text).get("LOCAL001") == "error", text


def test_the_buyers_own_location_and_the_place_of_performance_are_not():
    for text in ("The Council's offices are located in the Town Hall, Bury.",
                 "Bidders should note that the Council is situated within a Smoke Control Area.",
                 "The Supply of Door Panels is to our production factory, based in Neath.",
                 "The site is located in a conservation area and works must respect its character.",
                 "Suppliers may be located anywhere in the United Kingdom."):
        assert "LOCAL001" not in _rules(text), text


# A condition of participation or a score stated in a list's lead-in covers each item of the
# list ("Tenderers must:" / "- have a depot in the district"); a lead-in that describes, or an
# item that is an outcome for residents, is not a location requirement.
LEAD = st.sampled_from(["Tenderers must:", "To pass this stage, applicants are required to show:",
                        "Additional marks will be given for:", "Conditions of participation:",
                        "Bidders will be asked to evidence:"])
ITEM = st.sampled_from(["a depot in the district", "a registered office within the county",
                        "an economic presence in the Liverpool City Region",
                        "a trading address in Kent", "a physical presence in the borough"])


@settings(max_examples=40, deadline=None)
@given(LEAD, ITEM, st.booleans())
def test_a_list_items_condition_can_sit_in_its_lead_in(lead, item, item_first):
    items = [f"- {item};", "- public liability insurance of 5 million pounds."]
    if not item_first:
        items.reverse()
    text = lead + "\n" + "\n".join(items)
    assert _rules(text).get("LOCAL001") == "error", text


def test_a_descriptive_lead_in_or_an_outcome_item_is_not():
    for text in ("The current provider's arrangements are:\n- a depot in the district;\n"
                 "- a fleet of 14 vehicles.",
                 "The Contractor must:\n- create four apprenticeships for unemployed residents "
                 "of the borough;\n- report progress quarterly."):
        assert "LOCAL001" not in _rules(text), text


# Supplier attributes in any order and form: a selection question with its consequence, an
# expectation, orders sent to the nearest firm, "-based" before or after its noun, experience
# of work in a named area, and a workforce residence quota however long the staff's description.
@pytest.mark.parametrize("text", [
    "Please confirm that your organisation has a physical presence in the North of Tyne area.",
    "It is expected that the provider will operate from premises in Halifax.",
    "The Authority expects the successful supplier to run its contact centre from premises in Sunderland.",
    "Work will be allocated to the closest available contractor.",
    "Catering supplies will be ordered from the nearest available wholesaler to each campus.",
    "Tenderers must be a Glasgow-based supported business or social enterprise.",
    "Eligible bidders are Sheffield-based, employee-owned businesses.",
    "Bidders must have delivered two contracts of a similar nature within the Tees Valley area during the last three years.",
    "Tenderers must have completed at least two projects in the last five years in Tees Valley.",
    "No fewer than 70% of the operatives engaged on the highways term contract are ordinarily resident in the county.",
    "Not less than forty per cent of the site labour force shall normally reside in the borough.",
    "Suppliers must be within 30 minutes of the depot.",
])
def test_supplier_attributes_in_other_orders_and_forms(text):
    assert _rules(text).get("LOCAL001") == "error", text


@pytest.mark.parametrize("text", [
    "Crews must be able to attend any collection point in the district within 40 minutes' drive of being called.",
    "Engineers must be able to reach each site within an hour's drive.",
])
def test_travel_to_the_place_of_performance_is_info_at_most(text):
    found = _rules(text)
    assert "LOCAL001" not in found and found.get("LOCAL011") == "info", text


@pytest.mark.parametrize("text", [
    "Please confirm that you can attend any school in the district within two hours of a call-out.",
    "Tenderers must have delivered at least two contracts of a similar value during the last three years.",
    "Bidders must have delivered at least two contracts in a rural setting within the last three years.",
    "Lot 2 is reserved for supported businesses whose main aim is the integration of disabled persons.",
    "Tenants ordinarily resident in the borough for two years are eligible for the grant.",
    "Residents will be directed to the nearest household waste recycling centre.",
    "Evidence-based peer support providers with outcomes data will score higher.",
])
def test_look_alikes_are_not_reported(text):
    assert "LOCAL001" not in _rules(text), text


# local-9: the whole workforce drawn from residents, travel time to the sites served, the
# buyer's own spend analysis, and goods required by place of origin (LOCAL012)
TEAM = st.sampled_from(["its delivery team", "the whole site team", "every post on the contract",
                        "all kitchen staff", "the helpline"])
POOL = st.sampled_from(["people living within the borough", "residents of Sandwell",
                        "people who live in the county", "people from within Calderdale"])
STAFFING = st.sampled_from(["recruit", "staff", "fill", "draw", "source"])


@settings(max_examples=40, deadline=None)
@given(STAFFING, TEAM, POOL)
def test_the_whole_workforce_drawn_from_residents_is_reported(verb, team, pool):
    joiner = "with" if verb in ("staff", "fill") else "from"
    text = f"The Supplier will {verb} {team} {joiner} {pool}."
    assert _rules(text).get("LOCAL001") == "error", text


@pytest.mark.parametrize("text", [
    "The Supplier will recruit four apprentices from unemployed people living within the borough.",
    "The Contractor will recruit twelve apprentices from residents of the borough who are care leavers.",
    "In 2024/25 the Council placed 41.3% of its third-party spend with suppliers holding a BD postcode; this analysis is published for information only.",
    "The Authority's 2023/24 spend analysis found that 52% of its spend went to businesses with a Leeds postcode.",
    "The Council expects suppliers in the region to bid.",
])
def test_counted_outcomes_spend_analysis_and_expectations_are_not(text):
    assert "LOCAL001" not in _rules(text), text


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Engineers", "Technicians", "Operatives", "Carers"]),
       st.sampled_from(["two hours'", "90 minutes'", "an hour's", "45 minutes'"]),
       st.sampled_from(["travel of any site", "drive of each school", "travel of every property",
                        "travel of the service users they visit"]))
def test_travel_time_to_the_sites_served_is_info(people, time, where):
    found = _rules(f"{people} must be within {time} {where}.")
    assert "LOCAL001" not in found and found.get("LOCAL011") == "info"


@pytest.mark.parametrize("text,expected", [
    ("All beef supplied under the contract must be British.", "error"),
    ("Marks will be awarded for the percentage of vegetables grown in England.", "error"),
    ("Bread and milk should preferably be British.", "error"),
    ("All beef must be British or of an equivalent welfare and traceability standard.", None),
    ("Suppliers must state the country of origin of every meat product.", None),
    ("Welsh language materials must be provided to all families.", None),
])
def test_goods_by_place_of_origin(text, expected):
    doc = document_from_text(f"## Specification\n\n{text}\n", {**META, "nature": "goods"}, path="t.md")
    found = {f.rule: f.severity.value for f in _CHECKER.match(_CHECKER.analyse(doc))}
    assert found.get("LOCAL012") == expected, text
