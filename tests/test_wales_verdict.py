"""SVA 2012 s.1(11)-(12) for a buyer whose kind is tagged sub-central (or NHS, or other) but who
is in Wales: the verdict reads what the body is, since s.1(11)(e) turns on whether its functions
are "wholly or mainly Welsh devolved functions", not on its threshold column. Names and tags are
written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from svrules.law import applicability
from svrules.law.data import load_lawbook
from svrules.law.inputs import Inputs, Known

BOOK = load_lawbook()


def verdict(kind=None, jurisdiction=None, authority=None, start=dt.date(2026, 4, 13),
            value=900000):
    known = {"nature": Known("services", "metadata", "front matter line 3"),
             "procurement_start": Known(start, "metadata", "front matter line 4"),
             "value": Known(value, "metadata", "front matter line 5", vat="exclusive")}
    if kind:
        known["authority_kind"] = Known(kind, "metadata", "front matter line 1")
    if jurisdiction:
        known["jurisdiction"] = Known(jurisdiction, "metadata", "front matter line 2")
    if authority:
        known["authority"] = Known(authority, "metadata", "front matter line 6")
    return applicability.decide(Inputs(known), BOOK)


def text(v) -> str:
    return " ".join(v.reasons)


def sections(v) -> set:
    return {c.section for c in v.citations}


@pytest.mark.parametrize("kind,jurisdiction,authority", [
    ("sub_central", "wales", None),                                    # territory alone
    ("sub_central", None, "Cyngor Sir Ddinbych"),                      # Welsh name form
    ("sub_central", None, "Bro Taf County Borough Council"),           # placed by 'Taf'
    ("sub_central", None, "Cwmderi County Borough Council"),          # a Welsh form of council
    ("sub_central", "wales", "Eryri National Park Authority"),        # placed by 'Eryri'
    ("sub_central", None, "Mid and West Wales Fire and Rescue Authority"),
    ("nhs_other", None, "Swansea Bay University Health Board"),
    ("nhs_central", None, "Welsh Ambulance Services NHS Trust"),
    ("nhs", "wales", "Velindre University NHS Trust"),
    ("other", None, "Cartrefi Gwynedd Cyf"),
])
def test_a_devolved_body_tagged_by_its_threshold_column_is_outside_s1(kind, jurisdiction,
                                                                       authority):
    v = verdict(kind, jurisdiction, authority)
    assert v.act_applies is False and v.good_practice_only
    assert "s.1(11)-(12)" in sections(v)
    assert "wholly or mainly Welsh devolved functions" in text(v)
    assert v.duty == "SPPP(W)A 2023 s.24"          # in force from 25 March 2026


def test_the_reason_says_why_the_tag_does_not_decide_it():
    v = verdict("sub_central", None, "Cyngor Gwynedd")
    assert "(metadata, front matter line 1)" in text(v)
    assert "threshold column" in text(v)
    assert any(s.startswith("s.1(12)") for s in sections(v))


def test_a_body_presumed_devolved_from_its_territory_alone_is_flagged():
    v = verdict("sub_central", "wales", None)
    assert any("presumed" in w and "police" in w for w in v.warnings)


def test_an_arguable_welsh_body_says_so():
    v = verdict("other", None, "Cartrefi Gwynedd Cyf")
    assert any("arguable" in w for w in v.warnings)
    v = verdict("sub_central", None, "Cyngor Gwynedd")
    assert not any("arguable" in w for w in v.warnings)


@pytest.mark.parametrize("authority", [
    "Police and Crime Commissioner for Gwent",
    "Chief Constable of North Wales Police",
    "Dyfed-Powys Police",
])
def test_welsh_policing_is_not_devolved_so_s1_applies(authority):
    v = verdict("sub_central", "wales", authority)
    assert v.act_applies is True and v.duty == "SVA 2012 s.1"
    assert "policing is not devolved" in text(v)
    assert "s.1(11)-(12)" in sections(v)
    assert any(s.startswith("s.22(1)") for s in sections(v))   # the Welsh duty: not settled


@pytest.mark.parametrize("authority", [
    "Department for Work and Pensions (Wales)",
    "HM Revenue and Customs, Cardiff",
])
def test_a_uk_department_in_wales_stays_inside_s1(authority):
    v = verdict("central_government", "wales", authority)
    assert v.act_applies is True
    v = verdict("sub_central", "wales", authority)         # mis-tagged: still not devolved
    assert v.act_applies is True
    assert "not wholly or mainly Welsh devolved functions" in text(v)


def test_the_welsh_ministers_are_out_whatever_their_tag():
    v = verdict("central_government", None, "Llywodraeth Cymru / Welsh Government")
    assert v.act_applies is False
    assert any(s.startswith("s.1(11)(a)") for s in sections(v))


@pytest.mark.parametrize("authority", ["Shropshire Council", "Cheshire West and Chester Council"])
def test_an_english_border_council_tagged_wales_stays_inside(authority):
    v = verdict("sub_central", "wales", authority)
    assert v.act_applies is True
    assert "England" in text(v)


def test_an_english_council_is_untouched():
    v = verdict("sub_central", None, "Borsetshire County Council")
    assert v.act_applies is True
    assert "s.1(11)-(12)" not in sections(v)


def test_s1_11_is_unchanged_in_the_procurement_act_era():
    for start in (dt.date(2024, 6, 3), dt.date(2025, 6, 2)):
        v = verdict("sub_central", "wales", "Cyngor Gwynedd", start=start)
        assert v.act_applies is False
        assert v.duty is None                         # the Welsh duty is not yet in force
    v = verdict("sub_central", "wales", "Cyngor Gwynedd", start=dt.date(2025, 6, 2))
    assert "SI 2025/163" in text(v)
    assert any("reg 7" in s for s in sections(v))


def test_the_welsh_duty_names_the_act_s_own_list_of_authorities():
    v = verdict("devolved_welsh", None, None)
    assert any(s.startswith("s.22(1)") for s in sections(v))


@pytest.mark.parametrize("kind,authority,devolved", [
    ("devolved_welsh", None, True),
    ("sub_central", "Cyngor Gwynedd", True),
    ("sub_central", "Police and Crime Commissioner for Gwent", False),
    ("sub_central", "Borsetshire County Council", False),
    ("central_government", "Welsh Government", True),
    (None, None, None),
])
def test_the_verdict_says_how_it_read_the_buyer(kind, authority, devolved):
    assert verdict(kind, None, authority).devolved_welsh is devolved
