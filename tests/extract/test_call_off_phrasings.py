"""Call-offs named by how the contract was awarded under someone's framework (SVA 2012
s.1(1)(a): a contract based on a framework is outside it), kept apart from a competition under a
dynamic purchasing system (a contract of its own, PCR 2015 reg 34 / PA 2023 s.34) and from a
framework tender describing its future call-offs."""
import pytest

from facts_helpers import summary_of

CALL_OFF = [
    "The contract was awarded following a further competition under Lot 2 of the ESPO 664 "
    "Vehicle Hire framework.",
    "Further competition under the YPO 1000 framework agreement.",
    "A mini-competition was held through lot 4 of the council's own facilities management "
    "framework.",
    "The requirement was procured by further competition using the 2024 regional consultancy "
    "framework.",
    "A further competition was run under the Crown Commercial Service Legal Services Panel "
    "framework.",
    "This is a call-off from the NEPO catering framework agreement.",
    "Direct award under framework RM6187.",
    "Awarded by direct award from the NHS SBS legal services framework.",
    # the verb that awarded it, with "against", a framework named with a number, or a panel
    "The contract was awarded against the Crown Commercial Service Legal Services Panel.",
    "Procured through the Digital Outcomes 6 framework.",
    "The Trust has placed an order against the NHS Shared Business Services framework.",
    "The requirement was awarded through a framework agreement.",
    "Awarded using the YPO 1001 framework following a direct award.",
]
NOT_A_CALL_OFF = [
    # a DPS, however the buyer names it: a contract of its own
    ("A further competition under the YPO road marking DPS.", None),
    ("A further competition under the YPO DPS framework.", None),
    ("A further competition exercise has been undertaken under the YPO 772 road marking DPS "
     "framework.", None),
    # a direct award under a provision of law: a contract of its own
    ("The contract is a direct award under section 41 of the Procurement Act 2023.", None),
    ("Direct award under the Provider Selection Regime, direct award process C.", None),
    ("Direct award under regulation 32 of the Public Contracts Regulations 2015.", None),
    # a framework being let, describing its call-offs
    ("Further competitions under this framework will be run by each authority.", "framework"),
    # people, not an agreement; a framework not named
    ("Feedback on each tender was sourced from the evaluation panel.", None),
    ("Suppliers appointed to the framework may be invited to further competitions from time to "
     "time under the terms of the framework agreement.", "framework"),
]


@pytest.mark.parametrize("text", CALL_OFF, ids=[t[:50] for t in CALL_OFF])
def test_call_off(text):
    entry = summary_of(text)["framework"]
    assert entry["value"] == "call_off"
    assert entry["fact"].rank == 3


@pytest.mark.parametrize("text,role", NOT_A_CALL_OFF, ids=[t[:50] for t, _ in NOT_A_CALL_OFF])
def test_not_a_call_off(text, role):
    entry = summary_of(text).get("framework")
    assert (entry["value"] if entry else None) == role


def test_a_generic_call_off_sentence_stays_weak():
    """"a further competition under the terms of the framework agreement" names no framework of
    someone else: only the weak reading remains, and the stronger wording elsewhere wins."""
    text = "Suppliers may be invited to a further competition under the terms of the framework."
    entry = summary_of(text)["framework"]
    assert entry["fact"].rank == 1
