"""The pre-commit hooks and the composite GitHub Action run what svrules actually provides."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .helpers import DATA

ROOT = Path(__file__).resolve().parents[1]


def test_pre_commit_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    check = hooks["svrules"]
    assert check["entry"] == "svrules check" and check["language"] == "python"
    files, exclude = re.compile(check["files"]), re.compile(check["exclude"])
    for name in ("spec.md", "a/b/notice.pdf", "tender.docx", "x.odt", "page.html", "n.txt"):
        assert files.search(name) and not exclude.search(name), name
    assert not files.search("spec.svrules.yaml") and not files.search("code.py")
    assert exclude.search("tender.reviewed.docx")          # svrules review's output
    rules = hooks["svrules-validate-rules"]
    assert rules["entry"] == "svrules validate-rules"
    assert re.search(rules["files"], "rules/local.yaml") and re.search(rules["files"], "x/rules-org/a.yml")
    assert not re.search(rules["files"], ".github/workflows/ci.yml")


def test_action_runs_svrules_and_uploads_sarif(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    run_step = next(s for s in steps if s.get("id") == "check")
    assert "${{" not in run_step["run"], "inputs must reach the script through env, not inline"

    # run the step's script as the runner would, with svrules from this environment
    out = tmp_path / "github_output"
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(out),
           "SVRULES_PATHS": "tenders", "SVRULES_ARGS": "--statistics", "SVRULES_SARIF": "",
           "SVRULES_TODAY": "2026-01-01",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run([shutil.which("bash"), "-e", "-c", run_step["run"]], cwd=DATA, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("::group::tenders/")
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines())
    assert outputs == {"sarif-file": f"{tmp_path}/svrules.sarif", "exit-code": "1"}
    assert '"version": "2.1.0"' in (tmp_path / "svrules.sarif").read_text()
