"""The command line's contracts: exit codes, the JSON shape, rules listing and citations."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED, run_cli, write_tender

EXAMPLES = ROOT / "examples"


def test_examples_match_the_json_contract():
    result = run_cli("check", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["tool"] == "svrules" and data["version"]
    assert set(data["summary"]) >= {"files", "findings", "errors"}
    assert data["summary"]["files"] == len(data["files"]) >= 6
    for f in data["files"]:
        assert set(f) >= {"path", "applicability", "findings", "errors"}
        assert set(f["applicability"]) >= {"act_applies", "regime", "threshold_gbp", "reasons"}
        assert f["applicability"]["act_applies"] in (True, False, None)
        assert f["applicability"]["regime"] in ("PCR2015", "PA2023", None)
        for finding in f["findings"]:
            assert set(finding) >= {"rule", "category", "severity", "line", "column", "message",
                                    "excerpt", "fix", "fingerprint", "citations"}
            assert finding["severity"] in ("error", "warning", "info")
            for c in finding["citations"]:
                assert set(c) >= {"source", "section", "quote", "summary", "url"}
                assert bool(c["quote"]) != bool(c["summary"]), c


def test_demo_shows_findings_for_problem_tenders_and_none_for_the_clean_one():
    data = json.loads(run_cli("check", str(EXAMPLES), "--format", "json").output)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_name["homecare-services-clean.md"]["findings"] == []
    problems = by_name["homecare-services-problems.md"]["findings"]
    assert {"LOCAL001", "PROC001"} <= {f["rule"] for f in problems}
    assert by_name["office-furniture-goods.md"]["applicability"]["act_applies"] is False
    assert by_name["it-support-no-metadata.md"]["applicability"]["act_applies"] is True


def test_output_is_deterministic_and_engines_agree():
    first = run_cli("check", str(EXAMPLES), "--format", "json").output
    assert first == run_cli("check", str(EXAMPLES), "--format", "json").output
    assert first == run_cli("check", str(EXAMPLES), "--format", "json", "--engine", "python").output


def test_exit_codes(tmp_path):
    clean = write_tender(tmp_path, "# Supply of desks\n", {"nature": "goods"}, "clean.md")
    assert run_cli("check", str(clean)).exit_code == 0
    assert run_cli("check", str(clean), "--fail-on", "info").exit_code == 1
    bad = tmp_path / "bad.md"
    bad.write_text("---\nnature: spaceships\n---\n# x\n")
    result = run_cli("check", str(bad), str(clean), "--format", "json")
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert files[0]["errors"][0]["kind"] == "metadata" and "nature" in files[0]["errors"][0]["message"]
    assert files[1]["errors"] == []                      # the other file is still checked
    assert run_cli("check", str(tmp_path / "missing.md")).exit_code == 2
    assert run_cli("check", str(clean), "--format", "nonsense").exit_code == 2


def test_internal_errors_are_exit_3_without_a_traceback(tmp_path, monkeypatch):
    from svrules import check as check_module

    def explode(self, doc):
        raise RuntimeError("boom")
    monkeypatch.setattr(check_module.Checker, "check_document", explode)
    clean = write_tender(tmp_path, "# x\n", {"nature": "goods"})
    from click.testing import CliRunner
    from svrules.cli import main
    result = CliRunner().invoke(main, ["check", "--jobs", "1", str(clean)] if "--jobs" in
                                run_cli("check", "--help").output else ["check", str(clean)])
    assert result.exit_code == 3
    assert "Traceback" not in (result.output + (result.stderr if result.stderr_bytes else ""))


def test_excludes_and_folders(tmp_path):
    (tmp_path / "drafts").mkdir()
    write_tender(tmp_path, "# a\n", {"nature": "goods"}, "a.md")
    write_tender(tmp_path / "drafts", "# b\n", {"nature": "goods"}, "b.md")
    data = json.loads(run_cli("check", str(tmp_path), "--format", "json",
                              "--exclude", "drafts").output)
    assert [f["path"].rsplit("/", 1)[-1] for f in data["files"]] == ["a.md"]


def test_rules_json_lists_every_rule_with_citations():
    data = json.loads(run_cli("rules", "--format", "json").output)
    ids = [r["id"] for r in data["rules"]]
    assert {"SCOPE001", "LOCAL001", "PROC001"} <= set(ids) and ids == sorted(ids)
    assert all(r["citations"] and all(bool(c.get("quote")) != bool(c.get("summary"))
                                      for c in r["citations"]) for r in data["rules"])


@pytest.mark.skipif(not (SHARED / "tools" / "verify-citations").exists(),
                    reason="../shared/tools/verify-citations is not beside the repository")
def test_every_quote_is_verbatim_in_the_policy_sources():
    """The rules' quotes and the dated law's (thresholds, regimes, provisions), each checked in
    the file its source names."""
    for command in ("rules", "law"):
        listing = run_cli(command, "--format", "json").output
        done = subprocess.run([sys.executable, str(SHARED / "tools" / "verify-citations")],
                              input=listing, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout


def test_explain_and_facts_and_schema(tmp_path):
    out = run_cli("explain", "LOCAL001").output
    assert "s.12(2)" in out and "✗" in out and "✓" in out
    assert run_cli("explain", "NOPE999").exit_code == 2
    facts = json.loads(run_cli("facts", str(EXAMPLES / "it-support-no-metadata.md"),
                               "--format", "json").output)
    assert facts["inputs"]["value"]["source"] == "text"
    assert facts["inputs"]["value"]["value"] == 1_200_000
    schema = json.loads(run_cli("schema", "meta").output)
    assert "procurement_start" in schema["properties"]


def test_python_dash_m_and_version():
    done = subprocess.run([sys.executable, "-m", "svrules", "--version"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and "svrules" in done.stdout
