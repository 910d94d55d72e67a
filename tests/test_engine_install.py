"""durable-rules installs and runs on every supported Python, and its absence is never silent.

durable-rules 2.0.28 (its last release) calls PyEval_CallObject, which Python 3.13 removed; the
Makefile builds it with that call mapped to PyObject_CallObject. These tests run that build step,
import the result and run a rule through it, and check what svrules says when the engine is
missing.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = ROOT / "requirements" / "durable-rules.txt"

# A rule that fires on one fact, run through durable's own engine module (not svrules'), so
# that the test says whether the compiled C module works, whatever svrules does around it.
RUN_A_RULE = textwrap.dedent("""
    import warnings
    warnings.simplefilter("ignore", DeprecationWarning)
    from durable import engine
    fired = []
    class Host(engine.Host):
        def _run(self):
            return None
        def get_action(self, name):
            return lambda c: fired.append(c.m["n"])
    host = Host()
    host.register_rulesets({"probe": {"r": {"all": [{"m": {"$gt": {"n": 1}}}], "run": "act"}}})
    try:
        host.assert_fact("probe", {"id": 1, "n": 2})
    except engine.MessageNotHandledException:
        pass
    assert fired == [2], fired
    print("rule fired")
""")


def _makefile_cppflags() -> str:
    text = (ROOT / "Makefile").read_text()
    found = re.search(r"^DURABLE_CPPFLAGS\s*:=\s*(.+)$", text, re.M)
    assert found, "the Makefile no longer sets DURABLE_CPPFLAGS"
    return found.group(1).strip()


def _other_python(version: str) -> str | None:
    """An interpreter of `version` on this machine (PATH, pyenv, /usr/bin), or None."""
    candidates = [shutil.which(f"python{version}") or ""]
    candidates += sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}*/bin/python{version}")))
    candidates += [f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"]
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


def test_the_makefile_builds_the_pinned_sdist_with_the_mapping():
    makefile = (ROOT / "Makefile").read_text()
    assert _makefile_cppflags() == "-DPyEval_CallObject(f,a)=PyObject_CallObject(f,a)"
    assert "CPPFLAGS='$(DURABLE_CPPFLAGS)'" in makefile
    assert "--require-hashes -r requirements/durable-rules.txt" in makefile
    pinned = [line for line in REQUIREMENT.read_text().splitlines()
              if line and not line.startswith("#")]
    assert pinned == ["durable-rules==2.0.28 --hash=sha256:"
                      "053b26f5e48d312d4fa27995243f954671be6eece477f150c059c364eb4d7d61"]


def test_the_installed_engine_imports_and_runs_a_rule():
    from svrules.engine import durable_problem
    assert durable_problem() is None
    done = subprocess.run([sys.executable, "-c", RUN_A_RULE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "rule fired" in done.stdout


def _build_in_fresh_venv(python: str, tmp_path: Path) -> subprocess.CompletedProcess:
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "CPPFLAGS": _makefile_cppflags()}
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-cache-dir",
           "--no-binary", "durable-rules", "--require-hashes", "-r", str(REQUIREMENT)]
    built = subprocess.run(pip, env=env, capture_output=True, text=True)
    if built.returncode != 0 and ("Could not find a version" in built.stderr
                                  or "connection" in built.stderr.lower()):
        pytest.skip(f"the package index cannot be reached: {built.stderr.strip()[-200:]}")
    assert built.returncode == 0, built.stderr[-2000:]
    return subprocess.run([str(venv / "bin" / "python"), "-c", RUN_A_RULE],
                          capture_output=True, text=True)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("version", ["this", "3.13", "3.14"])
def test_the_build_step_works_on(version, tmp_path):
    """The Makefile's build step, on this interpreter and on 3.13/3.14 where the machine has them."""
    python = sys.executable if version == "this" else _other_python(version)
    if python is None:
        pytest.skip(f"no Python {version} interpreter on this machine (PATH, pyenv, /usr/bin)")
    ran = _build_in_fresh_venv(python, tmp_path)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert "rule fired" in ran.stdout


@pytest.fixture()
def broken_engine(tmp_path):
    """An environment whose durable C module fails to load as an unmapped 3.13 build does."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "durable_rules_engine.py").write_text(
        "raise ImportError('durable_rules_engine.so: undefined symbol: PyEval_CallObject')\n")
    env = {**os.environ, "PYTHONPATH": str(shadow)}
    return env


def _svrules(env, *args):
    return subprocess.run([sys.executable, "-m", "svrules", *args], env=env, capture_output=True,
                          text=True, cwd=ROOT)


def test_version_says_the_engine_is_missing_and_exits_2(broken_engine):
    done = _svrules(broken_engine, "--version")
    assert done.returncode == 2
    assert "svrules, version" in done.stdout
    assert "durable-rules engine cannot be imported" in done.stderr
    assert "PyEval_CallObject(f,a)=PyObject_CallObject(f,a)" in done.stderr
    assert "--engine python" in done.stderr


def test_a_run_without_the_engine_exits_2_and_never_falls_back(broken_engine):
    done = _svrules(broken_engine, "check", "examples/homecare-services-problems.md")
    assert done.returncode == 2
    assert "durable-rules engine cannot be imported" in done.stderr
    assert "LOCAL001" not in done.stdout


def test_engine_python_still_runs_without_durable(broken_engine):
    done = _svrules(broken_engine, "check", "--engine", "python",
                    "examples/homecare-services-problems.md")
    assert done.returncode == 1, done.stderr
    assert "LOCAL001" in done.stdout


def test_make_engine_refuses_rather_than_substitutes(monkeypatch):
    import svrules.engine as engine
    monkeypatch.setattr(engine, "durable_problem", lambda: "the durable-rules engine cannot be imported")
    with pytest.raises(engine.EngineUnavailable):
        engine.make_engine("durable", None)
