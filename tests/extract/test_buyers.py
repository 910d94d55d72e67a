"""Kinds of buyer and their territory (extract.buyers, rules/data/authorities.yaml), on names
and phrasings written for these tests."""
import json

import pytest
from hypothesis import given, strategies as st

from facts_helpers import summary_of
from svrules.extract.buyers import classify, ocds_territory, text_territory
from svrules.extract.parties import NOT_A_NAME
from svrules.extract.release import READERS
from svrules.load.ocds import ocds_metadata

NAMES = [
    # councils of every tier and name form
    ("Borsetshire County Council", "sub_central"),
    ("Felpersham City Council", "sub_central"),
    ("Ambridge Parish Council", "sub_central"),
    ("Loxley Town Council", "sub_central"),
    ("Royal Borough of Westhaven", "sub_central"),
    ("North Wessex Combined Authority", "sub_central"),
    ("Borsetshire Fire and Rescue Service", "sub_central"),
    ("Upper Dale National Park Authority", "sub_central"),
    ("Cwmderi CBC", "sub_central"),               # a CBC whose name does not place it
    ("Merthyr Tydfil County Borough Council", "devolved_welsh"),
    ("Rhondda Cynon Taf CBC", "devolved_welsh"),
    ("Cyngor Gwynedd", "devolved_welsh"),
    ("City & County of Swansea", "devolved_welsh"),
    ("Torfaen MBC", "devolved_welsh"),
    ("Argyll and Bute Council", "scottish"),
    ("The Highland Council", "scottish"),
    # police and crime commissioners: policing is not devolved in Wales
    ("Police and Crime Commissioner for Gwent", "sub_central"),
    ("Police & Crime Commissioner for South Wales", "sub_central"),
    ("Mayor's Office for Policing and Crime", "sub_central"),
    ("Police Scotland", "scottish"),
    # NHS: listed (central government) and not listed
    ("Borchester General Hospital NHS Foundation Trust", "nhs_central"),
    ("Ambridge Community Healthcare NHS Trust", "nhs_central"),
    ("NHS Business Services Authority", "nhs_central"),
    ("NHS Borsetshire Integrated Care Board", "nhs_other"),
    ("Hywel Dda University Health Board", "devolved_welsh"),
    ("NHS Grampian", "scottish"),
    # government
    ("Department for Rural Affairs", "central_government"),
    ("Ministry of Justice", "central_government"),
    ("Maritime and Coastguard Agency", "central_government"),
    ("Welsh Government", "devolved_welsh"),
    ("Llywodraeth Cymru / Welsh Government", "devolved_welsh"),
    ("Scottish Government", "scottish"),
    # universities, colleges, schools, housing, companies
    ("University of Felpersham", "sub_central"),
    ("University of Stirling", "scottish"),
    ("Borchester College", "sub_central"),
    ("Ambridge Primary School", "sub_central"),
    ("Borsetshire Academies Trust Ltd", "sub_central"),
    ("Westhaven Housing Association", "other"),
    ("Lanarkshire Housing Association Ltd", "scottish"),
    ("Borchester Regeneration Services Limited", "other"),
    ("Borsetshire Water plc", "not_contracting_authority"),
    # no contracting authority
    ("Borchester Airport Operations Limited", "not_contracting_authority"),
    ("States of Jersey Development Company", "not_contracting_authority"),
    ("Balfour Beatty Civil Engineering Ltd", "not_contracting_authority"),
]


@pytest.mark.parametrize("name,kind", NAMES, ids=[n for n, _ in NAMES])
def test_kind_from_the_name(name, kind):
    assert classify(name).kind == kind


def test_the_name_says_which_words_decided_it():
    reading = classify("Rhondda Cynon Taf CBC")
    assert "CBC" in reading.detail and "Wales" in reading.detail


def test_arguable_status_is_said():
    assert "arguable" in classify("Westhaven Housing Association").detail
    assert "arguable" in classify("University of Felpersham").detail
    assert "arguable" not in classify("Felpersham City Council").detail


def test_an_unknown_name_reads_as_nothing():
    assert classify("Blue Horizon") is None


TEXT = [
    ("Contracting authority: Queens Park Housing Association Ltd\n\nThis procurement is subject "
     "to the Public Contracts (Scotland) Regulations 2015.", "scottish"),
    ("Contracting authority: University of Felpersham\n\nBidders must complete the ESPD "
     "(Scotland).", "scottish"),
    ("Contracting authority: Westhaven Homes Ltd\n\nRegister on the Sell2Wales web site.",
     "devolved_welsh"),
    ("Contracting authority: Police and Crime Commissioner for North Wales\n\nSee "
     "www.sell2wales.gov.wales.", "sub_central"),
    ("Contracting authority: Westhaven Homes Ltd\n\nA framework for repairs.", "other"),
]


@pytest.mark.parametrize("text,kind", TEXT, ids=[k + str(i) for i, (_, k) in enumerate(TEXT)])
def test_territory_from_the_legislation_and_portals_the_text_names(text, kind):
    found = summary_of(text)
    assert found["authority_kind"]["value"] == kind


def test_the_buyer_line_is_read_whatever_the_name():
    found = summary_of("# Roof repairs\n\nContracting authority: Blue Horizon Trust\n\nWords.")
    assert found["authority"]["value"] == "Blue Horizon Trust"
    assert found["authority"]["fact"].rank == 4


def test_the_name_places_the_body_before_the_text_does():
    text = ("Contracting authority: Cardiff Council\n\nPublished on Public Contracts Scotland.")
    assert summary_of(text)["authority_kind"]["value"] == "devolved_welsh"


def test_text_territory_needs_a_majority():
    assert text_territory(["wales", "wales", "scotland"]) == "wales"
    assert text_territory(["wales", "scotland"]) is None
    assert text_territory([]) is None


@pytest.mark.parametrize("ocid,address,territory", [
    ("ocds-b5fd17-1", {"postalCode": "CF10 4UW"}, "wales"),
    ("ocds-b5fd17-1", {"postalCode": "EH1 1YZ"}, "scotland"),
    ("ocds-b5fd17-1", {"region": "UKL21"}, "wales"),
    ("ocds-r6ebe6-1", {"countryName": "England", "postalCode": "TS10 4RF"}, "england"),
    ("ocds-r6ebe6-1", {}, "scotland"),
    ("ocds-kuma6s-1", {}, "wales"),
    ("ocds-b5fd17-1", {}, None),
])
def test_ocds_territory_from_address_then_portal(ocid, address, territory):
    found = ocds_territory(ocid, [address] if address else [])
    assert (found[0] if found else None) == territory


def test_ocds_sidecar_places_a_housing_association_by_its_portal():
    release = {"ocid": "ocds-r6ebe6-0000001", "tag": ["tender"], "date": "2019-04-01",
               "buyer": {"id": "b", "name": "Queens Park Housing Association Ltd"},
               "parties": [{"id": "b", "roles": ["buyer"], "address": {"locality": "Glasgow"}}],
               "tender": {}}
    meta, _ = ocds_metadata(json.dumps(release).encode(), "x.ocds.json", READERS)
    assert meta["authority_kind"] == "scottish"


# (not "County Borough Council": county boroughs are Welsh councils only, see
# test_buyers_wales.py)
@given(st.sampled_from(["County Council", "City Council", "Borough Council", "District Council",
                        "Metropolitan Borough Council", "CBC", "MBC"]),
       st.sampled_from(["Ambridge", "Borchester", "Felpersham", "Loxley Barrett"]))
def test_any_english_council_name_form_is_sub_central(form, place):
    assert classify(f"{place} {form}").kind == "sub_central"


@given(st.sampled_from(["Caerphilly", "Wrexham", "Powys", "Conwy", "Bridgend", "Flintshire"]),
       st.sampled_from(["County Borough Council", "County Council", "CBC", "Council"]))
def test_any_welsh_council_is_devolved(place, form):
    assert classify(f"{place} {form}").kind == "devolved_welsh"


@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ &'-"),
               min_size=3, max_size=60).filter(lambda s: len(s.strip(" .;,*_|")) >= 3
                                               and s.strip(" .;,*_|").lower() not in NOT_A_NAME),
       st.sampled_from(["Contracting authority: ", "**Contracting authority:** ", "Buyer: ",
                        "- Purchaser | "]))
def test_whatever_the_buyer_line_names_is_read_as_the_authority(name, label):
    """(A lone word such as "Local" or "Relevant" after the label is not a name: NOT_A_NAME.)"""
    found = summary_of(f"# A tender\n\n{label}{name}\n\nThe rest of the notice.")
    expected = " ".join(name.split()).strip(" .;,*_|")
    assert found["authority"]["value"] == expected
