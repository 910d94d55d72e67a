"""Location wording first met in a blind batch: a scored item whose marks, weighting or
scoring sit in a sentence of their own (TextPattern `block_all` / `block_asks`), an instruction
opening a paragraph, an address or telephone number in a place, a notice that denies a
reservation, and a PPN 005 reservation wider than one county (LOCAL013). Sentences are assembled
from parts so the word order and forms vary."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text
from svrules.rulepack import TextPattern, load_pack

_CHECKER = Checker(load_pack(), Config(), engine="python")
META = {"nature": "services", "value": 900000, "vat": "exclusive",
        "procurement_start": "2026-03-02", "authority_kind": "sub_central"}


def _rules(text: str, heading: str = "Award criteria", **meta) -> dict:
    doc = document_from_text(f"## {heading}\n\n{text}\n", {**META, **meta}, path="t.md")
    return {f.rule: f.severity.value for f in _CHECKER.match(_CHECKER.analyse(doc))}


ASK = st.sampled_from(["Describe your presence in {p}.", "Tell us about the offices you hold in {p}.",
                       "What share of your spend will go to firms based in {p}?",
                       "Please list the depots your company operates within {p}."])
PLACE = st.sampled_from(["Cornwall", "the borough", "the county", "Greater Manchester"])
MARKS = st.sampled_from(["(5 marks)", "Maximum score 10.", "Weighting: 8%.",
                         "Responses will be scored according to the share committed.",
                         "The highest commitment receives full marks."])


@settings(max_examples=40, deadline=None)
@given(ASK, PLACE, MARKS)
def test_a_scored_ask_about_location_is_reported_whatever_sentence_holds_the_marks(ask, place, marks):
    text = ask.format(p=place) + " " + marks
    assert _rules(text).get("LOCAL001") == "error", text


@pytest.mark.parametrize("text", [
    "The incumbent operates from a depot in Barnsley. The quality questions will be scored 0-5.",
    "Q9. Where is your registered office? This information identifies you and will not be scored.",
    "Q4 Describe how you will recruit residents of the borough into apprenticeships. (10 marks)",
])
def test_marks_beside_a_description_or_outcome_stay_quiet(text):
    assert "LOCAL001" not in _rules(text), text


@pytest.mark.parametrize("text", [
    "Use Norfolk-based suppliers for all catering consumables.",
    "Cleaning: source all consumables from wholesalers based in the city.",
    "Engage Bradford-registered hauliers for all waste movements.",
    "A Lincolnshire correspondence address must be provided.",
    "Suppliers should hold a contact address and landline in the county.",
])
def test_instructions_and_addresses_in_a_place_are_reported(text):
    assert _rules(text, heading="Specification").get("LOCAL001") == "error", text


@pytest.mark.parametrize("text", [
    "Use of Norfolk-based suppliers will be reported in the annual statement.",
    "Invoices must be sent to the Council's correspondence address in Lincoln.",
    "The Provider must give a correspondence address and a telephone number answered 8am to 6pm.",
])
def test_near_misses_stay_quiet(text):
    assert "LOCAL001" not in _rules(text, heading="Specification"), text


BELOW = {"value": 60000, "procurement_start": "2026-04-13"}


def test_a_notice_denying_a_reservation_does_not_state_one():
    text = ("Only firms with premises in Rutland may quote.\n\n## Contract notice\n\n"
            "Below-threshold tender notice: no reservation; suitable for SMEs.")
    assert _rules(text, heading="Invitation to tender", **BELOW).get("LOCAL003") == "warning"
    stated = ("Only firms with premises in Rutland may quote.\n\n## Contract notice\n\n"
              "Reserved to suppliers located in Rutland under article 3(3) of the 2026 Order.")
    assert "LOCAL003" not in _rules(stated, heading="Invitation to tender", **BELOW)


CENTRAL = {"value": 85000, "procurement_start": "2025-07-14", "authority_kind": "central_government",
           "location_reservation": True}


@pytest.mark.parametrize("text,finding", [
    ("Only suppliers located in Devon or in Cornwall may bid (PPN 005 reservation).", True),
    ("Reserved under PPN 005 to suppliers in Lancashire, Cumbria or Merseyside.", True),
    ("Reserved under PPN 005 to suppliers based in Kent and the counties bordering it.", True),
    ("Reserved under PPN 005 to suppliers located in the South West region.", True),
    ("Reserved under PPN 005 to suppliers located in the London Borough of Hammersmith and Fulham.", False),
    ("Reserved under PPN 005 to suppliers located in Devon, as stated in the tender notice.", False),
])
def test_ppn_005_reservation_wider_than_one_county(text, finding):
    got = _rules(text, heading="Contract notice", **CENTRAL).get("LOCAL013")
    assert (got == "warning") is finding, text


def test_block_all_is_a_declared_text_pattern_field():
    spec = TextPattern(any=[r"\bdepot\b"], all=[r"\bmust\b"], block_all=[r"\(\d+ marks\)"],
                       block_asks=[r"\byour\b"])
    assert spec.block_all and spec.block_asks
