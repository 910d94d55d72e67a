"""The buyer's territory from its own name when nobody states it (law.inputs.gather): a Welsh
name places the buyer in Wales, a stated territory is never overridden, and other names leave it
open. Names written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from svrules.law.inputs import gather
from svrules.model import Document, TenderMeta


def inputs_for(**meta):
    return gather(Document(path="t.md", format="markdown", blocks=(), meta=TenderMeta(**meta),
                           meta_source="front matter", meta_lines={"authority": 2}))


@pytest.mark.parametrize("name", ["Cyngor Gwynedd", "Swansea Bay University Health Board",
                                  "Police and Crime Commissioner for Gwent"])
def test_a_welsh_name_places_the_buyer_in_wales(name):
    inputs = inputs_for(authority=name, authority_kind="sub_central")
    known = inputs.get("jurisdiction")
    assert known.value == "wales"
    assert known.source == "metadata" and known.where == "front matter line 2"
    assert "places it in Wales" in known.detail


def test_a_stated_territory_is_kept():
    inputs = inputs_for(authority="Cyngor Gwynedd", jurisdiction="england")
    assert inputs.get("jurisdiction").value == "england"


@pytest.mark.parametrize("name", ["Borsetshire County Council", "Shropshire Council",
                                  "The Highland Council"])
def test_other_names_leave_the_territory_open(name):
    assert inputs_for(authority=name).get("jurisdiction") is None


def test_no_name_no_territory():
    assert inputs_for(procurement_start=dt.date(2026, 4, 13)).get("jurisdiction") is None
