"""An OCDS planning release (a prior information or market engagement notice) is early market
engagement: no call for competition yet (SVA 2012 s.1(2)). Other releases say nothing of it."""
import json

import pytest

from svrules.load.ocds import ocds_metadata


def release(tags, status):
    tender = {"title": "Community beds", "value": {"amount": 100000, "currency": "GBP"}}
    if status is not None:
        tender["status"] = status
    return json.dumps({"ocid": "ocds-x-1", "date": "2025-03-11T00:00:00Z", "tag": tags,
                       "buyer": {"name": "Borough of Northfield Council"},
                       "tender": tender}).encode()


@pytest.mark.parametrize("tags,status", [(["planning"], "planning"), (["planning"], None),
                                         (["planning"], "planned")])
def test_a_planning_release_is_market_engagement(tags, status):
    meta, _ = ocds_metadata(release(tags, status), "x.ocds.json")
    assert meta["notice_kind"] == "market_engagement"


@pytest.mark.parametrize("tags,status", [(["tender"], "active"), (["award"], "complete"),
                                         (["planning", "tender"], "active"),
                                         (["planning"], "active")])
def test_other_releases_say_nothing_of_the_kind(tags, status):
    meta, _ = ocds_metadata(release(tags, status), "x.ocds.json")
    assert "notice_kind" not in meta
