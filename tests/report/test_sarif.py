"""SARIF: schema validity (OASIS 2.1.0 schema kept in tests/data), rules, levels, URIs, fingerprints."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from svrules import __version__
from svrules.model import Category, Citation, FileResult, Finding, Location, Severity, Waiver, \
    WaivedFinding
from svrules.report import ReportContext
from svrules.report.sarif import artifact_location, document
from svrules.rulepack import load_pack

from ..helpers import DATA, run

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
ENV = {"SVRULES_TODAY": "2026-01-01"}


def validate(doc: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)


@pytest.fixture(scope="module")
def sarif():
    result = run(["check", "--format", "sarif", "tenders", "broken"], DATA, ENV)
    return json.loads(result.stdout)


def test_valid_against_official_schema(sarif):
    validate(sarif)


def test_schema_rejects_a_broken_document(sarif):
    """The validation can fail: a level outside the enum is caught."""
    broken = json.loads(json.dumps(sarif))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_rules_carry_descriptions_levels_and_their_documentation(sarif):
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    local = rules["LOCAL001"]
    assert local["shortDescription"]["text"].startswith("A requirement or award criterion")
    assert "treated equally" in local["fullDescription"]["text"]
    assert local["name"] == "SupplierLocationRequirement"
    # no address that does not resolve: the rule's documentation itself is the help
    assert "helpUri" not in local and "informationUri" not in sarif["runs"][0]["tool"]["driver"]
    help_md = local["help"]["markdown"]
    assert "**Why.**" in help_md and "**Fix.**" in help_md and "s.12(2)" in help_md
    assert local["defaultConfiguration"]["level"] == "error"
    assert rules["SCOPE001"]["defaultConfiguration"]["level"] == "note"
    assert rules["SUPP002"]["defaultConfiguration"]["level"] == "warning"


def test_results_levels_uris_and_fingerprints(sarif):
    run0 = sarif["runs"][0]
    results = run0["results"]
    rules = run0["tool"]["driver"]["rules"]
    by_uri = {}
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert len(r["partialFingerprints"]["svrulesFingerprint/v1"]) == 20
        by_uri.setdefault(loc["artifactLocation"]["uri"], []).append(r)
    furniture = by_uri["tenders/office-furniture.md"]
    # goods only, £80,000 net: below the goods threshold, so procurement law's covered-
    # procurement rules (VER001, PA 2023 s.23) are notes too; a council's location restriction
    # is a matter for LGA 1988 s.17 (LOCAL004) and a notifiable below-threshold contract needs
    # its below-threshold tender notice (PA 2023 s.87, BT002): both keep their level
    kept = {"LOCAL004": "error", "BT002": "warning"}
    assert {r["ruleId"]: r["level"] for r in furniture if r["ruleId"] in kept} == kept
    assert {r["level"] for r in furniture if r["ruleId"] not in kept} == {"note"}
    # its requirement states a target and a measure (verifiable): only the once-per-document
    # monitoring note (VER007, good practice) is left for it
    assert any(r["ruleId"] == "VER007" for r in furniture)
    assert not any(r["ruleId"] == "VER001" for r in furniture)
    local = [r for r in by_uri["tenders/grounds-maintenance.md"] if r["ruleId"] == "LOCAL001"]
    assert local[0]["level"] == "error"
    assert local[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 17, "startColumn": 26, "snippet": {"text": "The Contractor must be a local "
                                                          "business based within 20 miles of the "
                                                          "Council offices."}}
    cite = local[0]["properties"]["citations"][0]
    assert cite["instrument"] == "Procurement Act 2023 (c. 54)" and cite["section"] == "s.12(2)"


def test_waived_findings_are_accepted_suppressions(sarif):
    suppressed = [r for r in sarif["runs"][0]["results"] if "suppressions" in r]
    assert len(suppressed) == 1
    s = suppressed[0]["suppressions"][0]
    assert s["kind"] == "inSource" and s["status"] == "accepted"
    assert s["justification"].startswith("Operational: a 60-minute emergency response")


def test_file_errors_are_tool_notifications(sarif):
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    errors = [n for n in inv["toolExecutionNotifications"] if n["level"] == "error"]
    assert any("invalid YAML" in n["message"]["text"] for n in errors)


def test_verdict_in_run_properties_and_as_a_notification(sarif):
    run_ = sarif["runs"][0]
    verdicts = {v["path"]: v for v in run_["properties"]["verdicts"]}
    furniture = verdicts["tenders/office-furniture.md"]
    assert furniture["actApplies"] is False and furniture["goodPracticeOnly"] is True
    assert furniture["reasons"]
    notes = [n for n in run_["invocations"][0]["toolExecutionNotifications"]
             if n["descriptor"]["id"] == "verdict"]
    assert len(notes) == len(verdicts)
    note = next(n for n in notes if n["message"]["text"].startswith("tenders/office-furniture.md"))
    assert note["level"] == "note" and "does not apply" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "tenders/office-furniture.md"


def test_help_uri_where_the_configuration_says_docs_are_published(tmp_path):
    (tmp_path / "t.md").write_text("The Contractor must be a local business.\n", "utf-8")
    (tmp_path / "svrules.toml").write_text(
        'engine = "python"\ndocs-url = "https://intranet.example/svrules/rules.html"\n')
    doc = json.loads(run(["check", "--format", "sarif", "t.md"], tmp_path, ENV).stdout)
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://intranet.example/svrules/rules.html"
    local = next(r for r in driver["rules"] if r["id"] == "LOCAL001")
    assert local["helpUri"] == "https://intranet.example/svrules/rules.html#local001"
    validate(doc)


def test_fingerprint_is_stable_when_the_paragraph_moves(tmp_path):
    meta = DATA.joinpath("tenders/grounds-maintenance.md").read_text("utf-8")
    moved = meta.replace("## 3. Specification\n", "## 3. Specification\n\nA new paragraph first.\n\n")
    (tmp_path / "a.md").write_text(meta, "utf-8")
    (tmp_path / "b.md").write_text(moved, "utf-8")
    out = json.loads(run(["check", "--engine", "python", "--format", "sarif", "a.md", "b.md"],
                         tmp_path, ENV).stdout)
    fps = {}
    for r in out["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        fps.setdefault(uri, []).append((r["partialFingerprints"]["svrulesFingerprint/v1"],
                                        r["locations"][0]["physicalLocation"]["region"]["startLine"]))
    assert [f for f, _ in fps["a.md"]] == [f for f, _ in fps["b.md"]]
    assert [line for _, line in fps["a.md"]] != [line for _, line in fps["b.md"]]


def _finding(**kw) -> Finding:
    base = dict(rule="LOCAL001", name="supplier-location-requirement", category=Category.local,
                severity=Severity.warning, line=12, message="m", excerpt="e", fix="f",
                fingerprint="0123456789abcdef0123",
                citations=(Citation(source="pa2023", section="s.12(2)", quote="q" * 10),))
    base.update(kw)
    return Finding(**base)


def test_docx_and_pdf_locations_go_in_properties():
    pack = load_pack()
    docx = _finding(location=Location(line=12, paragraph=12, table=2, row=3, cell=1, part="body"))
    pdf = _finding(line=40, column=3, location=Location(line=40, column=3, page=5),
                   fingerprint="abcdefabcdefabcdef00")
    results = [FileResult(path="spec.docx", findings=(docx,)),
               FileResult(path="notice.pdf", findings=(pdf,),
                          baselined=(WaivedFinding(finding=pdf, waiver=Waiver(kind="baseline")),))]
    doc = document(results, ReportContext(pack=pack, version=__version__, root=Path.cwd(),
                                          baseline_used=True))
    validate(doc)
    res = doc["runs"][0]["results"]
    assert res[0]["locations"][0]["properties"] == {"paragraph": 12, "table": 2, "row": 3,
                                                    "cell": 1, "part": "body"}
    assert res[1]["locations"][0]["properties"] == {"page": 5}
    assert res[0]["baselineState"] == "new" and res[2]["baselineState"] == "unchanged"


def test_the_other_places_of_a_repeated_sentence_are_related_locations():
    pack = load_pack()
    repeated = _finding(also_at=(Location(line=20, column=5), Location(line=31)))
    doc = document([FileResult(path="lots.md", findings=(repeated,))],
                   ReportContext(pack=pack, version=__version__, root=Path.cwd()))
    validate(doc)
    related = doc["runs"][0]["results"][0]["relatedLocations"]
    assert [r["physicalLocation"]["region"] for r in related] == [
        {"startLine": 20, "startColumn": 5}, {"startLine": 31}]
    assert [r["id"] for r in related] == [1, 2]


def test_artifact_location_outside_root_is_absolute(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    assert artifact_location("docs/a b.md", root) == {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(str(root / "x.md"), root) == {"uri": "x.md", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location(str(tmp_path / "other.md"), root)
    assert outside["uri"].startswith("file:///") and "uriBaseId" not in outside
