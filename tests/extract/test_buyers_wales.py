"""Buyers in and around Wales (extract.buyers, rules/data/authorities.yaml): a UK government
department that operates in Wales is not devolved, a Welsh Government sponsored body is, and an
English border body stays English when the document around it points to Wales. Names written
for these tests."""
import pytest
from hypothesis import given, strategies as st

from svrules.extract.buyers import classify

WELSH_TEXT = ("wales", "the text ('Sell2Wales', line 3)")


@pytest.mark.parametrize("name", [
    "Department for Work and Pensions (Wales)",
    "HM Revenue and Customs, Cardiff",
    "HM Prison and Probation Service Wales",
    "Companies House, Cardiff",
    "Ministry of Defence, Brecon Barracks",
    "Office for National Statistics, Newport",
    "Driver and Vehicle Licensing Agency",
])
def test_a_uk_department_in_wales_is_central_government(name):
    for territory in (None, WELSH_TEXT):
        reading = classify(name, territory)
        assert reading is not None and reading.kind == "central_government", (name, territory)


def test_a_uk_department_in_wales_says_why():
    reading = classify("Department for Work and Pensions (Wales)")
    assert reading.territory == "wales"
    assert "not Welsh devolved functions" in reading.detail


@pytest.mark.parametrize("name", [
    "Natural Resources Wales",
    "Transport for Wales",
    "Cadw",
    "Sport Wales",
    "Careers Wales",
    "Welsh Revenue Authority",
    "Qualifications Wales",
    "Digital Health and Care Wales",
    "Senedd Commission",
])
def test_a_welsh_government_body_is_devolved(name):
    reading = classify(name)
    assert reading is not None and reading.kind == "devolved_welsh", name


@pytest.mark.parametrize("name", [
    "Shropshire Council",
    "Cheshire West and Chester Council",
    "Herefordshire Council",
    "Gloucestershire County Council",
    "Wirral Borough Council",
])
def test_an_english_border_council_stays_english_in_a_welsh_document(name):
    reading = classify(name, WELSH_TEXT)
    assert reading.kind == "sub_central"
    assert reading.territory == "england"
    assert "England" in reading.detail


@pytest.mark.parametrize("name,kind", [
    ("Police and Crime Commissioner for Dyfed-Powys", "sub_central"),
    ("Chief Constable of Gwent Police", "sub_central"),
    ("Velindre University NHS Trust", "devolved_welsh"),
    ("Bannau Brycheiniog National Park Authority", "devolved_welsh"),
    ("Eryri National Park Authority", "devolved_welsh"),
])
def test_welsh_bodies_whose_names_place_them(name, kind):
    reading = classify(name)
    assert reading.kind == kind and reading.territory == "wales", name


def test_a_county_borough_council_is_welsh():
    """County boroughs are a Welsh form of council only (the English ones went in 1974)."""
    reading = classify("Cwmderi County Borough Council")
    assert reading.kind == "devolved_welsh" and reading.territory == "wales"
    assert classify("Cwmderi CBC").kind == "sub_central"      # the initials alone: a consortium too


WELSH_PLACES = ["Cardiff", "Swansea", "Gwynedd", "Powys", "Wrexham", "Wales"]


@given(st.sampled_from(["Department for Work and Pensions", "HM Revenue and Customs",
                        "Ministry of Justice", "HM Courts and Tribunals Service", "Home Office"]),
       st.sampled_from(WELSH_PLACES), st.sampled_from([", ", " ", " - ", " ("]))
def test_any_uk_department_with_any_welsh_place_is_central_government(dept, place, sep):
    reading = classify(f"{dept}{sep}{place}" + (")" if sep == " (" else ""))
    assert reading.kind == "central_government"


@given(st.sampled_from(["Shropshire", "Cheshire East", "Herefordshire", "Gloucestershire",
                        "Wirral", "Bristol City"]),
       st.sampled_from(["Council", "County Council", "Borough Council"]),
       st.sampled_from([None, WELSH_TEXT]))
def test_any_english_border_council_is_sub_central_whatever_the_text(place, form, territory):
    assert classify(f"{place} {form}", territory).kind == "sub_central"


@given(st.sampled_from(["Police and Crime Commissioner for", "Chief Constable of",
                        "Office of the Police and Crime Commissioner for"]),
       st.sampled_from(["Gwent", "South Wales", "North Wales", "Dyfed-Powys"]))
def test_any_welsh_police_body_is_not_devolved(office, force):
    reading = classify(f"{office} {force}")
    assert reading.kind == "sub_central" and reading.territory == "wales"
