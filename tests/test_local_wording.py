"""Supplier location however it is worded (PA 2023 s.12(2); PCR 2015 reg 18(1)), and operational
needs stated as a performance standard (LOCAL011, info). Sentences are assembled from parts so
the word order and forms vary, as they do in tenders written elsewhere."""
from __future__ import annotations

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
