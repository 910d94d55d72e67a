"""Relevance and proportionality asks read by kind, whatever the words around them: sentences
are assembled from parts (who asks, the verb form, the thing asked, the context) so that word
order and forms vary as they do in tenders written elsewhere. Giving and accreditations need no
comparison with the subject (PA 2023 s.23(2)(a): REL004, REL005); burdens and cadences are
judged against the contract's annual value (SVA 2012 s.1(6): PROP001, PROP002)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text
from svrules.rulepack import load_pack

_CHECKER = Checker(load_pack(), Config(), engine="python")


def _rules(text: str, value: int = 900000, heading: str = "Award criteria") -> dict:
    meta = {"nature": "services", "value": value, "vat": "exclusive", "term_years": 1,
            "procurement_start": "2026-03-02", "authority_kind": "sub_central",
            "title": "Office cleaning services"}
    doc = document_from_text(f"## {heading}\n\n{text}\n", meta, path="t.md")
    return {f.rule: f.severity.value for f in _CHECKER.match(_CHECKER.analyse(doc))}


WHO = st.sampled_from(["The Supplier shall", "The contractor is to", "Bidders should",
                       "The successful provider will be expected to", "Tenderers must"])
GIFT = st.sampled_from(["donate £2,500 a year to a charity chosen by the Council",
                        "sponsor the town's summer festival",
                        "make an annual financial contribution to the community chest",
                        "pay for the Christmas lights in the high street",
                        "fund a bursary at the local college",
                        "provide free use of its meeting rooms to voluntary groups"])
LINKED = st.sampled_from(["give surplus food from the contract kitchens to a food bank",
                          "donate end-of-life equipment supplied under this contract to schools"])


@settings(max_examples=40, deadline=None)
@given(WHO, GIFT)
def test_giving_asked_as_social_value_is_reported(who, gift):
    text = f"{who} {gift}."
    assert _rules(text).get("REL004") == "warning", text


@settings(max_examples=20, deadline=None)
@given(WHO, LINKED)
def test_giving_that_arises_from_delivery_is_not(who, gift):
    text = f"{who} {gift}."
    assert "REL004" not in _rules(text), text


AWARD = st.sampled_from(["hold Investors in People accreditation",
                         "be an accredited Living Wage employer",
                         "join the Council's business club",
                         "sign the Council's social value charter",
                         "hold the Fair Tax Mark", "be a certified B Corp"])


@settings(max_examples=40, deadline=None)
@given(WHO, AWARD)
def test_an_accreditation_of_every_supplier_is_reported(who, award):
    text = f"{who} {award}."
    assert _rules(text, heading="Selection").get("REL005") == "warning", text


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["hold ISO 14001 certification for the site used",
                        "be registered with the CQC", "hold SIA licences for all officers"]))
def test_a_standard_for_performing_the_contract_is_not(standard):
    assert "REL005" not in _rules(f"The Supplier must {standard}.", heading="Selection")


BURDEN = st.sampled_from(["an SROI analysis", "an independently verified impact report",
                          "outcomes adjusted for deadweight and displacement",
                          "a cost-benefit analysis to Green Book standard"])
DUTY = st.sampled_from(["The Provider shall produce {b} each year.",
                        "{B} is to be provided each year.",
                        "Each year the supplier must submit {b}."])


@settings(max_examples=40, deadline=None)
@given(BURDEN, DUTY, st.integers(min_value=20000, max_value=240000))
def test_a_burden_on_a_small_contract_is_reported_not_on_a_large_one(burden, duty, value):
    text = duty.format(b=burden, B=burden[:1].upper() + burden[1:])
    assert _rules(text, value=value, heading="Contract").get("PROP001") == "warning", text
    assert "PROP001" not in _rules(text, value=value * 100, heading="Contract"), text


CADENCE = st.sampled_from(["every month", "monthly", "weekly", "every fortnight", "each week"])


@settings(max_examples=40, deadline=None)
@given(CADENCE, st.sampled_from(["A social value return is to be submitted {c}.",
                                 "The Provider shall report social value KPIs {c}.",
                                 "Progress against the social value commitments will be reported {c}."]))
def test_frequent_reporting_on_a_small_contract_is_reported(cadence, shape):
    text = shape.format(c=cadence)
    assert _rules(text, value=60000, heading="Contract").get("PROP002") == "warning", text


def test_six_monthly_is_not_monthly():
    text = "Social value progress will be reported six-monthly on a one-page template."
    assert "PROP002" not in _rules(text, value=60000, heading="Contract")
