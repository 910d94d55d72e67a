"""The notice's kind: early market engagement, a contract modification, a defence and security
contract, each read from general phrasings (and the near misses that are none of them)."""
import pytest
from hypothesis import given, settings, strategies as st

from facts_helpers import facts_of, summary_of
from svrules.extract.notice_kind import notice_kind_hits

MARKET_ENGAGEMENT = [
    "The Trust is therefore undertaking a market engagement exercise via a request for "
    "information questionnaire.",
    "The Council is conducting a soft market testing exercise to understand supplier capacity.",
    "This notice is an early market engagement notice for a planned re-procurement.",
    "This exercise is to gather views from the market; it is not the beginning of a tender "
    "exercise.",
    "This is not a call for competition.",
    "This request for information does not constitute a formal tender or invitation to tender.",
    "The purpose of this notice is to seek the views of potential providers.",
    "This early market engagement notice was published on 11 March 2025.",
    "Responding to this RFI does not form part of any procurement process.",
    "This preliminary market engagement notice invites suppliers to a briefing event.",
]
MODIFICATION = [
    "This modification is made under Regulation 72(1)(b) of the Public Contracts Regulations 2015.",
    "The contract is being extended by a further six months.",
    "This is an award notice for the extension of the existing support contract.",
    "Modification of the contract: the scope has been varied to add two sites.",
    "Contract change notice under section 75 of the Procurement Act 2023.",
    "Extension award: consultancy services for the bus network review.",
    "The existing contract has been varied to include additional training.",
]
DEFENCE = [
    "This procurement is governed by the Defence and Security Public Contracts Regulations 2011.",
    "The requirement will be procured under the DSPCR.",
    "The contract is a defence and security contract.",
    "Supply and support of military equipment for the armed forces.",
    # military equipment by what it is, for a defence buyer (PA 2023 s.7(1)(a), (c))
    "The Ministry of Defence has awarded a contract for the in-service support of the aircraft "
    "infra-red countermeasure suite, including repair and spares.",
    "DE&S seeks a supplier for the maintenance of the Royal Navy's torpedo handling equipment.",
    "Supply of 155mm ammunition to the British Army.",
    "The MOD requires repair and overhaul of the armoured fighting vehicle fleet.",
]
NONE_OF_THEM = [
    "The Council invites tenders for a community transport service.",
    "The specification was developed with input from preliminary market engagement.",
    "Any person who makes a request for information held by the Council is entitled to it.",
    "THIS IS AN AWARD NOTICE, NOT A CALL FOR COMPETITION.",
    "The contract runs for three years with the option of two further 12 month extensions.",
    "Two additional one year extensions are available at the Council's discretion.",
    "Any future modifications will be managed in line with PCR 2015.",
    "The Ministry of Defence invites tenders for catering services.",
    "This is not a defence and security contract.",
    "Requests for clarification must be submitted through the portal.",
    # contract terms in tender documents, not notices of a modification
    "The Authority may modify the Contract in accordance with Regulation 72 of the Public "
    "Contracts Regulations 2015.",
    "No variation to this Contract shall be effective unless it is in writing.",
    "The Authority shall issue a Contract Change Notice for each change.",
    "The contract will be extended if the Council's budget allows.",
    "The Supplier shall deliver sensitive equipment to the laboratory.",
    # military kit without a defence buyer, or a defence buyer without military kit
    "The Council's fraud team will introduce new countermeasures against phishing.",
    "Museum conservation of a historic submarine for the Council's heritage service.",
    "The MOD invites tenders for grounds maintenance and cleaning at its offices.",
    "The Ministry of Defence requires no weapons systems under this catering contract.",
    "A mod con kitchen refit with combat aircraft posters for the youth club.",
]


def kinds(text):
    return {(f.name, f.value) for f in facts_of(text) if f.name in ("notice_kind",
                                                                    "defence_security")}


@pytest.mark.parametrize("text", MARKET_ENGAGEMENT, ids=[t[:50] for t in MARKET_ENGAGEMENT])
def test_market_engagement(text):
    assert kinds(text) == {("notice_kind", "market_engagement")}
    assert summary_of(text)["notice_kind"]["value"] == "market_engagement"


@pytest.mark.parametrize("text", MODIFICATION, ids=[t[:50] for t in MODIFICATION])
def test_modification(text):
    assert kinds(text) == {("notice_kind", "modification")}


@pytest.mark.parametrize("text", DEFENCE, ids=[t[:50] for t in DEFENCE])
def test_defence(text):
    assert kinds(text) == {("defence_security", True)}


@pytest.mark.parametrize("text", NONE_OF_THEM, ids=[t[:50] for t in NONE_OF_THEM])
def test_none_of_them(text):
    assert kinds(text) == set()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc RFI72.;()notice modification of the contract "
                                             "extension market engagement\n")), max_size=300))
def test_hits_are_spans_of_the_text(text):
    """Whatever the text, every hit is a non-empty span of it naming one of the three kinds."""
    for hit in notice_kind_hits(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert (hit.name, hit.value) in {("notice_kind", "market_engagement"),
                                         ("notice_kind", "modification"),
                                         ("defence_security", True)}
