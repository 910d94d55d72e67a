"""SARIF that code scanning takes as it is: the SARIF multitool's SARIF, GitHub and ADO rule sets
report no error and no warning, and the OASIS schema accepts the same files.

The multitool comes from the npm registry (.ci/node/package.json; `make test` installs it when
npm is there). Where it is absent or cannot run, these tests skip with the reason; the schema
checks in test_sarif.py run everywhere.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from ..helpers import DATA, TESTS, run
from .test_sarif import validate

ROOT = TESTS.parent
BUNDLED = ROOT / ".ci/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
ENV = {"SVRULES_TODAY": "2026-01-01"}
ADO_ENV = {"TF_BUILD": "True", "SYSTEM_COLLECTIONURI": "https://dev.azure.com/northfield/",
           "SYSTEM_TEAMPROJECT": "Tenders", "BUILD_DEFINITIONID": "12",
           "BUILD_DEFINITIONNAME": "svrules", "SYSTEM_PHASEID": str(uuid.UUID(int=7)),
           "SYSTEM_PHASENAME": "Job", "BUILD_SOURCEBRANCH": "refs/heads/main",
           "BUILD_BUILDID": "345"}


def _multitool() -> str:
    given = os.environ.get("SVRULES_SARIF_MULTITOOL")
    candidates = [given] if given else [str(BUNDLED), shutil.which("sarif-multitool")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            try:
                probe = subprocess.run([candidate, "--version"], capture_output=True, text=True,
                                       timeout=120)
            except (OSError, subprocess.TimeoutExpired) as exc:
                pytest.skip(f"the SARIF multitool at {candidate} cannot run here: {exc}")
            if probe.returncode != 0:
                pytest.skip(f"the SARIF multitool at {candidate} cannot run here: "
                            f"{(probe.stderr or probe.stdout).strip()[:200]}")
            return candidate
    pytest.skip("the SARIF multitool is not installed (npm package @microsoft/sarif-multitool; "
                "`make test` installs it from .ci/node/package.json when npm is there)")


@pytest.fixture(scope="module")
def multitool() -> str:
    return _multitool()


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> Path:
    """The test tenders, a broken file and a Word document with a footer and a table."""
    import docx
    folder = tmp_path_factory.mktemp("sarif")
    shutil.copytree(DATA / "tenders", folder / "tenders")
    shutil.copytree(DATA / "broken", folder / "broken")
    document = docx.Document()
    document.add_heading("4. Requirements", 1)
    document.add_paragraph("4.2 The Contractor must be a local business based within 20 miles "
                           "of the Council offices.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Criterion", "Weight"
    table.cell(1, 0).text = "Preference will be given to suppliers with a head office in the borough"
    table.cell(1, 1).text = "10%"
    document.sections[0].footer.paragraphs[0].text = "Suppliers must be based in the borough."
    document.save(folder / "tenders" / "spec.docx")
    return folder


def sarif_of(folder: Path, config: str, env: dict) -> Path:
    (folder / "svrules.toml").write_text('engine = "python"\n' + config)
    result = run(["check", "--format", "sarif", "tenders", "broken"], folder, {**ENV, **env})
    assert result.exit_code == 2, result.stderr          # broken/ holds a file error
    validate(json.loads(result.stdout))                  # the OASIS schema first
    path = folder / "svrules.sarif"
    path.write_text(result.stdout, "utf-8")
    return path


def complaints(multitool: str, sarif: Path, kinds: str) -> list[tuple[str, str, str]]:
    """(rule, level, message) of every error and warning the multitool reports."""
    out = sarif.with_suffix(".validation.sarif")
    proc = subprocess.run([multitool, "validate", "--rule-kind", kinds, "--level",
                           "Error;Warning", "--log", "ForceOverwrite", "-o", str(out),
                           str(sarif)], capture_output=True, text=True, timeout=600)
    assert out.is_file(), proc.stdout + proc.stderr
    log = json.loads(out.read_text("utf-8"))
    found = []
    for run_ in log["runs"]:
        for r in run_.get("results", []):
            msg = r["message"].get("text") or " ".join(r["message"].get("arguments", []))
            found.append((r["ruleId"], r.get("level", "warning"), msg))
        for inv in run_.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []) + \
                    inv.get("toolConfigurationNotifications", []):
                if n.get("level", "warning") in ("error", "warning"):
                    found.append(("notification", n.get("level", "warning"),
                                  n["message"].get("text", "")))
    return found


def test_clean_under_the_sarif_and_github_rule_sets(multitool, checked):
    sarif = sarif_of(checked, 'docs-url = "https://intranet.example/svrules/rules.html"\n', {})
    assert complaints(multitool, sarif, "Sarif;Gh") == []


def test_without_a_docs_address_only_the_missing_information_uri_is_mentioned(multitool, checked):
    """No placeholder address: a warning that the tool gives none, and nothing else."""
    sarif = sarif_of(checked, "", {})
    assert {rule for rule, _, _ in complaints(multitool, sarif, "Sarif;Gh")} == {"SARIF2005"}


def test_clean_under_the_ado_rule_set_in_an_azure_pipeline(multitool, checked):
    sarif = sarif_of(checked, 'docs-url = "https://intranet.example/svrules/rules.html"\n',
                     ADO_ENV)
    details = json.loads(sarif.read_text())["runs"][0]["automationDetails"]
    assert details["id"].startswith("azuredevops/pipeline/build/northfield/Tenders/12/")
    assert complaints(multitool, sarif, "Sarif;Gh;Ado") == []
