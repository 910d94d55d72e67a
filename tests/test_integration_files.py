"""The pre-commit hooks and the composite GitHub Action run what svrules actually provides."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import shlex

import pytest
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


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text())


def _step(action: dict, name: str) -> dict:
    return next(s for s in action["runs"]["steps"] if s.get("name") == name or s.get("id") == name)


def test_action_uploads_the_sarif_it_wrote_inside_the_workspace():
    """The upload runs when the check step says it wrote the report (a shell test), never on
    hashFiles() of a file outside the workspace, which GitHub does not see."""
    action = _action()
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    upload = next(s for s in steps
                  if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == ("always() && inputs.upload-sarif == 'true' && "
                            "steps.check.outputs.sarif-written == 'true'")
    assert "hashFiles" not in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    assert action["inputs"]["sarif-file"]["default"] == "svrules-results.sarif"
    run_step = _step(action, "check")
    assert "RUNNER_TEMP" not in run_step["run"]
    for step in steps:
        if "run" in step:
            assert "${{" not in step["run"], "inputs must reach the script through env, not inline"


def _expand(value: str, inputs: dict, outputs: dict) -> str:
    """The few `${{ }}` expressions the action's env uses."""
    def one(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr == "github.action_path":
            return str(ROOT)
        if expr.startswith("steps.check.outputs."):
            return outputs.get(expr.rsplit(".", 1)[1], "")
        raise AssertionError(f"unexpected expression {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def _condition(expr: str, inputs: dict, outputs: dict) -> bool:
    """The upload step's `if:`: `always()` and `X == 'Y'` terms joined by &&."""
    result = True
    for term in expr.split("&&"):
        term = term.strip()
        if term == "always()":
            continue
        left, right = (x.strip() for x in term.split("=="))
        value = _expand("${{ " + left + " }}", inputs, outputs)
        result = result and value == right.strip("'")
    return result


def run_action(workspace: Path, paths: str, args: str = "") -> tuple[int, dict, str]:
    """The action's shell steps in order, as the runner runs them, with svrules from this
    environment standing in for the install step (whose command is checked below)."""
    action = _action()
    workspace.mkdir(parents=True, exist_ok=True)
    inputs = {k: v.get("default", "") for k, v in action["inputs"].items()}
    inputs.update({"paths": paths, "args": args})
    out = workspace.parent / f"{workspace.name}.github_output"
    out.write_text("")
    outputs: dict[str, str] = {}
    log = []
    code = 0
    for step in action["runs"]["steps"]:
        if "run" not in step:
            if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"):
                if _condition(step["if"], inputs, outputs):
                    sarif = workspace / _expand(step["with"]["sarif_file"], inputs, outputs)
                    log.append(f"upload {sarif.relative_to(workspace)}: {sarif.is_file()}")
            continue
        env = {k: _expand(str(v), inputs, outputs) for k, v in step.get("env", {}).items()}
        if step["name"] == "Install svrules":
            assert step["run"].endswith('"${SVRULES_REQUIREMENT:-$ACTION_PATH}"')
            assert env["ACTION_PATH"] == str(ROOT) and env["SVRULES_REQUIREMENT"] == ""
            continue
        full = {**os.environ, **env, "GITHUB_OUTPUT": str(out), "GITHUB_WORKSPACE": str(workspace),
                "RUNNER_TEMP": str(workspace.parent), "SVRULES_TODAY": "2026-01-01",
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        proc = subprocess.run([shutil.which("bash"), "-e", "-c", step["run"]], cwd=workspace,
                              env=full, capture_output=True, text=True, timeout=300)
        log.append(proc.stdout)
        outputs = dict(line.split("=", 1) for line in out.read_text().splitlines() if "=" in line)
        code = proc.returncode
        if code != 0:
            break
    return code, outputs, "\n".join(log)


def test_action_steps_as_a_shell_script(tmp_path):
    workspace = tmp_path / "repo"
    shutil.copytree(DATA / "tenders", workspace / "tenders")
    code, outputs, log = run_action(workspace, "tenders", "--fail-on error")
    assert code == 1 and outputs["exit-code"] == "1"                   # the findings fail it
    assert outputs["sarif-file"] == "svrules-results.sarif" and outputs["sarif-written"] == "true"
    sarif = workspace / "svrules-results.sarif"
    assert '"version": "2.1.0"' in sarif.read_text()
    assert "upload svrules-results.sarif: True" in log                 # inside the workspace
    assert "::group::tenders/grounds-maintenance.md" in log
    # a usage error writes no SARIF: the upload is skipped, the step fails with exit 2
    (sarif).unlink()
    code, outputs, log = run_action(workspace, "tenders", "--select NOPE999")
    assert code == 2 and outputs["sarif-written"] == "false" and "upload" not in log
    # a file that cannot be read is reported in the SARIF, which is uploaded
    code, outputs, log = run_action(tmp_path / "other", "nothing-here")
    assert code == 2 and outputs["sarif-written"] == "true" and "upload svrules-results" in log


# --------------------------------------------------------------------------- docs/ci.md, run

CI_DOC = ROOT / "docs" / "ci.md"
PLACEHOLDER_URL = "https://git.example.org/procurement/svrules.git"
PLACEHOLDER_REV = "0123456789abcdef0123456789abcdef01234567"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", CI_DOC.read_text(), re.S)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> tuple[Path, str]:
    """A clone of this repository at its current commit: what `rev:` and `@COMMIT` name."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: the docs' commit-pinned examples need one")
    target = tmp_path_factory.mktemp("svrules-clone") / "svrules"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True, timeout=300)
    rev = subprocess.run(["git", "-C", str(target), "rev-parse", "HEAD"], check=True,
                         capture_output=True, text=True).stdout.strip()
    return target, rev


def _git_repo_with(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "--quiet", str(folder)], check=True)
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)


def test_docs_pre_commit_example_runs_against_a_clone_at_a_commit(clone, tmp_path):
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    source, rev = clone
    # On 3.13 or later the hook's environment needs the engine named and built (docs/ci.md).
    later = sys.version_info >= (3, 13)
    (example,) = [b for b in _blocks("yaml") if b.startswith("repos:")
                  and ("additional_dependencies" in b) == later]
    assert f"rev: {PLACEHOLDER_REV}" in example and PLACEHOLDER_URL in example
    config = example.replace(PLACEHOLDER_URL, str(source)).replace(PLACEHOLDER_REV, rev)
    assert "rev: v" not in config
    examples = ROOT / "examples"
    problems = (examples / "homecare-services-problems.md").read_text("utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SVRULES_TODAY": "2026-01-01"}
    if later:
        (build,) = [line for line in CI_DOC.read_text().splitlines()
                    if line.startswith("CPPFLAGS=") and "install-hooks" in line]
        env["CPPFLAGS"] = build.split("'")[1]
    project = tmp_path / "project"
    _git_repo_with(project, {".pre-commit-config.yaml": config, "tender.md": problems})
    proc = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "tender.md:" in proc.stdout and "LOCAL001 [error]" in proc.stdout
    # the same hooks pass a tender without errors
    clean = next(p for p in sorted(examples.glob("*.md")) if "problem" not in p.name
                 and subprocess.run([sys.executable, "-m", "svrules", "check", str(p)], env=env,
                                    capture_output=True).returncode == 0)
    project2 = tmp_path / "project2"
    _git_repo_with(project2, {".pre-commit-config.yaml": config,
                              "tender.md": clean.read_text("utf-8")})
    proc = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=project2, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_docs_install_commands_resolve(clone, tmp_path):
    """Both install lines: from a checkout's path, and from the git address at a commit."""
    source, rev = clone
    (block,) = [b for b in _blocks("sh") if "pip install" in b]
    lines = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert len(lines) == 2 and all(line.startswith("pip install ") for line in lines)
    assert PLACEHOLDER_URL in lines[1] and PLACEHOLDER_REV in lines[1]
    for n, line in enumerate(lines):
        requirement = shlex.split(line)[2]
        requirement = requirement.replace("./svrules", str(source)).replace(
            PLACEHOLDER_URL, f"file://{source}").replace(PLACEHOLDER_REV, rev)
        target = tmp_path / f"site{n}"
        proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                               "--disable-pip-version-check", "--target", str(target),
                               requirement], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        where = subprocess.run(
            [sys.executable, "-c", "import svrules, svrules.rulepack as r; "
             "print(svrules.__file__); print(len(list(r.default_rules_dir().glob('*.yaml'))))"],
            env={**os.environ, "PYTHONPATH": str(target)}, capture_output=True, text=True)
        file, rules = where.stdout.split()
        assert file.startswith(str(target)) and int(rules) > 0, where.stderr


def test_docs_workflow_shell_steps_run(tmp_path):
    """The workflow without the action: its `run:` steps after the install, as a shell script,
    and the reports where its upload steps look for them."""
    (workflow,) = [b for b in _blocks("yaml") if "steps:" in b and "hashFiles" in b]
    steps = yaml.safe_load(workflow)["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0].startswith("pip install ") and PLACEHOLDER_REV in runs[0]
    workspace = tmp_path / "repo"
    shutil.copytree(DATA / "tenders", workspace / "tenders")
    env = {**os.environ, "GITHUB_ACTIONS": "true", "SVRULES_TODAY": "2026-01-01",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run([shutil.which("bash"), "-e", "-c", "\n".join(runs[1:])], cwd=workspace,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr                  # findings: the step fails
    assert proc.stdout.startswith("::group::tenders/")         # --format auto under Actions
    for step in steps:
        if "hashFiles" in step.get("if", ""):
            (name,) = re.findall(r"hashFiles\('([^']+)'\)", step["if"])
            assert (workspace / name).is_file(), name
            assert name in (step["with"].get("sarif_file"), step["with"].get("path"))
