"""Relevance and evaluation readings of phrasings first met in blind batches, kind by kind.

Sub-weightings named before the parent they make up, a parent's weight followed by a lead-in
and a colon list, a scoring method kept for a later stage, a negation that governs another verb
beside "defence and security", and list items whose lead-in excludes them.
"""
from __future__ import annotations

import pytest

from svrules.check import Checker
from svrules.config import Config
from svrules.extract.notice_kind import notice_kind_hits
from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text
from svrules.rulepack import load_pack


def weightings(text: str, heading: str = "Award criteria"):
    doc = document_from_text(f"## {heading}\n\n" + text + "\n", {}, path="t.md")
    return extract_weightings(doc.blocks)


@pytest.mark.parametrize("text", [
    "Fighting Climate Change 5% and Wellbeing 5% (together the 10% Social Value criterion); Quality 50%; Price 40%.",
    "Tackling Economic Inequality 6% and Fighting Climate Change 4% (together forming the 10% Social Value weighting), Quality 55%, Price 35%.",
    "Net Zero 5% and Social Value 5%, together the 10% Net Zero and Social Value criterion; Quality 50%; Price 40%.",
])
def test_sub_weights_before_their_parent_add_up(text):
    (w,) = weightings(text)
    assert w.total_ok and w.sub_total_ok is not False and w.sv_weight == 10.0


def test_sub_weights_named_as_a_share_of_a_parent_in_a_relative_clause():
    (w,) = weightings("Innovation 5% and Mobilisation 5% (together 10% of the Quality criterion, which is "
                      "60% overall); Price 30%; Social Value 10%.")
    assert w.total == 100.0 and w.sub_total_ok is True and w.sv_weight == 10.0


def test_sub_weights_before_their_parent_that_do_not_add_up():
    (w,) = weightings("Method 30% and Staffing 20% (together the 60% Quality score); Price 30%; Social Value 10%.")
    assert w.total_ok and w.sub_total_ok is False


@pytest.mark.parametrize("text, ok", [
    ("Community Benefits (10%) will be scored as follows: targeted recruitment and training 5%, "
     "supply chain opportunities 3%, education and schools engagement 3%.", False),
    ("Community Benefits (10%) will be split between the following: targeted recruitment 4%, "
     "supply chain 3%, education 3%.", True),
    ("Social Value (10%) will be scored as follows: employment 50%, environment 30%, community 20%.", True),
])
def test_parent_then_lead_in_then_colon_list(text, ok):
    (w,) = weightings(text)
    assert w.sub_total_ok is ok


def test_method_kept_for_a_later_stage():
    (w,) = weightings("Social value responses will be evaluated using a scoring methodology that will be "
                      "issued to shortlisted bidders at the invitation to negotiate stage.", "Invitation to tender")
    assert w.method_deferred and not w.method_stated


def test_method_issued_with_the_itt_is_not_deferred():
    found = weightings("Social value responses will be scored 0-5 against the descriptors in Appendix C, "
                       "which is issued with this invitation to tender.", "Invitation to tender")
    assert not any(w.method_deferred for w in found)


def test_negation_of_another_verb_keeps_defence():
    text = "Social value is not evaluated in this defence and security procurement."
    assert any(h.name == "defence_security" for h in notice_kind_hits(text))
    assert not any(h.name == "defence_security"
                   for h in notice_kind_hits("This is not a defence and security contract."))


def _rules(text: str, meta: dict) -> set[str]:
    pack = load_pack()
    checker = Checker(pack, Config())
    doc = document_from_text(text, meta, path="t.md")
    return {f.rule for f in checker.match(checker.analyse(doc))}


CENTRAL = {"authority_kind": "central_government", "procurement_start": "2025-11-24",
           "value": 6500000, "vat": "exclusive", "nature": "services"}


def test_defence_procurement_named_in_award_text_is_outside_ppn_002():
    assert "EVAL004" not in _rules("## Award criteria\n\nTechnical 65%, Commercial 35%. Social value is "
                                   "not evaluated in this defence and security procurement.\n", CENTRAL)
    assert "EVAL004" in _rules("## Award criteria\n\nTechnical 65%, Commercial 35%. This is not a defence "
                               "and security contract; social value is not evaluated.\n", CENTRAL)


SERVICES = {"title": "Office cleaning services", "nature": "services", "value": 1000000,
            "vat": "exclusive", "procurement_start": "2026-03-02", "authority_kind": "sub_central"}


def test_list_items_under_an_ask_lead_in_are_giveaways():
    assert "REL004" in _rules("## Contract notice\n\nThe expected community benefits are as follows:\n\n"
                              "- charity contributions;\n- the purchase of strips for a youth football team.\n",
                              SERVICES)


def test_list_items_under_an_exclusion_lead_in_stay_quiet():
    assert "REL004" not in _rules("## Award criteria\n\nThe following will not count as social value:\n\n"
                                  "- donations to charities;\n- sponsorship of events.\n", SERVICES)


@pytest.mark.parametrize("section, kind", [
    ("Invitation to tender", "award"), ("ITT Part 3", "award"), ("Invitation to Negotiate", "award"),
    ("Award criteria", "award"), ("Specification", "specification"),
    # "itt" inside another word is not the abbreviation
    ("Written submissions", "specification"), ("Committee report", "specification"),
])
def test_section_kind_reads_the_invitation_to_tender(section, kind):
    from svrules.extract.clauses import _kind
    assert _kind("The Supplier will create two apprenticeships for residents.", section, False) == kind
