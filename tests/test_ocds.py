"""OCDS 1.1 releases and release packages as a metadata source (issue 3)."""
from __future__ import annotations

import json
import shutil

import pytest

from svrules.load import LoadError, load_document
from svrules.extract.release import READERS
from svrules.load.ocds import PLAIN, ocds_metadata
from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "data" / "ocds" / "cleaning.ocds.json"


def test_the_latest_release_of_a_package_is_read():
    meta, warnings = ocds_metadata(FIXTURE.read_bytes(), FIXTURE.name, READERS)
    assert meta == {
        "title": "Cleaning of council buildings", "authority": "Borough of Northfield Council",
        "authority_kind": "sub_central", "cpv": ["90919200"], "nature": "services",
        "value": 768000.0, "vat": "inclusive", "procurement_start": "2026-03-02", "lots": True,
    }
    assert warnings == []


def test_a_single_release_with_net_value_and_cpv_only():
    release = {"ocid": "ocds-x-1", "date": "2025-06-01T00:00:00Z", "tag": ["tender"],
               "buyer": {"name": "Department for Rural Affairs"},
               "tender": {"value": {"amount": 100000, "currency": "GBP"},
                          "items": [{"id": "1", "classification": {"scheme": "CPV", "id": "45233140"}}]}}
    meta, warnings = ocds_metadata(json.dumps(release).encode(), "x.ocds.json", READERS)
    assert meta["nature"] == "works" and meta["vat"] == "exclusive"
    assert meta["authority_kind"] == "central_government"
    assert "net of VAT" in warnings[0]


def test_without_the_extract_readers_only_plain_fields_are_read():
    """Loading never imports the extract stage: the buyer's kind and the CPV codes' nature
    are read only with the readers the pipeline passes in."""
    release = {"ocid": "ocds-x-1", "date": "2025-06-01T00:00:00Z", "tag": ["tender"],
               "buyer": {"name": "Department for Rural Affairs"},
               "tender": {"value": {"amount": 100000, "currency": "GBP"},
                          "items": [{"id": "1", "classification": {"scheme": "CPV", "id": "45233140"}}]}}
    meta, _ = ocds_metadata(json.dumps(release).encode(), "x.ocds.json", PLAIN)
    assert meta["authority"] == "Department for Rural Affairs" and meta["cpv"] == ["45233140"]
    assert "authority_kind" not in meta and "nature" not in meta
    release["tender"]["mainProcurementCategory"] = "works"
    meta, _ = ocds_metadata(json.dumps(release).encode(), "x.ocds.json")
    assert meta["nature"] == "works"


def test_the_checker_loads_a_sidecar_with_the_extract_readers(tmp_path):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.rulepack import load_pack
    shutil.copy(FIXTURE, tmp_path / "t.ocds.json")
    (tmp_path / "t.md").write_text("# Cleaning\n\nThe contract is for cleaning.\n")
    doc = Checker(load_pack(), Config(), engine="python").load(tmp_path / "t.md", "t.md")
    assert doc.meta.authority_kind.value == "sub_central"
    assert load_document(tmp_path / "t.md", "t.md").meta.authority_kind is None


@pytest.mark.parametrize("raw, words", [
    (b"{not json", "invalid JSON"),
    (b'{"releases": []}', "no releases"),
    (b'{"hello": 1}', "not an OCDS release"),
])
def test_bad_ocds_is_a_metadata_error(raw, words):
    with pytest.raises(LoadError, match=words):
        ocds_metadata(raw, "x.ocds.json")


def test_foreign_currency_is_not_used():
    release = {"ocid": "o", "tender": {"value": {"amount": 5, "currency": "EUR"}}}
    meta, warnings = ocds_metadata(json.dumps(release).encode(), "x.ocds.json")
    assert "value" not in meta and "EUR" in warnings[0]


def test_sidecar_release_feeds_the_verdict_and_front_matter_wins(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "cleaning.ocds.json")
    doc = tmp_path / "cleaning.md"
    doc.write_text("---\nvalue: 100000\nvat: exclusive\n---\n# Cleaning of council buildings\n")
    loaded = load_document(doc)
    assert loaded.meta.value == 100000 and loaded.meta.nature.value == "services"
    assert loaded.meta.authority == "Borough of Northfield Council"
    data = json.loads(run_cli("facts", str(doc), "--format", "json").output)
    assert data["inputs"]["nature"]["where"] == "OCDS release cleaning.ocds.json"
    assert data["inputs"]["value"]["where"] == "front matter line 2"
    assert data["applicability"]["act_applies"] is False       # £120,000 gross < £207,720
