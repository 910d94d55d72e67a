"""The command line behaves as ruff and yamllint users expect: strict selectors with prefixes and
comma lists, standard input, `--output-format`, colour, fingerprints to waive by, the effective
settings, an unambiguous JSON summary, `--statistics` counts only, JUnit that fails exactly at
`--fail-on`. Each through the real CLI (click's runner)."""
from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path

import junitparser
import pytest

from svrules.options import use_color

from .helpers import TESTS, run

ENV = {"SVRULES_TODAY": "2026-01-01"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
META = textwrap.dedent("""\
    ---
    authority_kind: sub_central
    procurement_start: 2025-04-01
    nature: services
    value: 900000
    vat: exclusive
    ---
    """)
LOCAL = "The Contractor must be a local business based within 20 miles of the Council offices."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    (tmp_path / "t.md").write_text(META + "# Spec\n\n## 4. Requirements\n\n" + LOCAL + "\n",
                                   "utf-8")
    return tmp_path


def rules_found(folder: Path, *args: str) -> tuple[int, list[str], str]:
    res = run(["check", "--format", "json", *args, "t.md"], folder, ENV)
    if not res.stdout.startswith("{"):
        return res.exit_code, [], res.stderr
    doc = json.loads(res.stdout)
    return res.exit_code, sorted({f["rule"] for r in doc["files"] for f in r["findings"]}), \
        res.stderr


# --------------------------------------------------------------------------- selectors

def test_a_prefix_selects_its_group_and_an_unknown_code_is_a_usage_error(folder):
    _, everything, _ = rules_found(folder)
    assert "LOCAL001" in everything and any(r.startswith("PROC") for r in everything)
    code, found, _ = rules_found(folder, "--select", "PROC")
    assert found and all(r.startswith("PROC") for r in found)
    assert rules_found(folder, "--select", "proc")[1] == found          # ids ignore case
    code, found, err = rules_found(folder, "--select", "NOPE999")
    assert code == 2 and found == [] and "--select: no rule, prefix or category 'NOPE999'" in err
    code, _, err = rules_found(folder, "--ignore", "LOCAL001,NOPE")
    assert code == 2 and "'NOPE'" in err
    assert rules_found(folder, "--select", "local")[1] == ["LOCAL001"]   # a category


def test_comma_lists_and_repeated_options_both_work(folder):
    _, everything, _ = rules_found(folder)
    _, comma, _ = rules_found(folder, "--ignore", "PROC001,LOCAL001")
    _, repeated, _ = rules_found(folder, "--ignore", "PROC001", "--ignore", "LOCAL001")
    assert comma == repeated == sorted(set(everything) - {"PROC001", "LOCAL001"})
    _, selected, _ = rules_found(folder, "--select", "LOCAL001, PROC001")
    assert selected == sorted({"LOCAL001", "PROC001"} & set(everything))


def test_unknown_selectors_in_the_configuration_are_errors_too(folder):
    (folder / "svrules.toml").write_text('engine = "python"\nignore = ["LOCL001"]\n')
    code, _, err = rules_found(folder)
    assert code == 2 and "svrules.toml" in err and "'LOCL001'" in err
    (folder / "svrules.toml").write_text('engine = "python"\nselect = "LOCAL,PROC"\n')
    code, found, _ = rules_found(folder)
    assert found and all(r.startswith(("LOCAL", "PROC")) for r in found)


# --------------------------------------------------------------------------- standard input

def test_check_dash_reads_standard_input_under_the_stdin_filename(folder):
    text = (folder / "t.md").read_text()
    res = CliRunnerInput(folder, ["check", "--format", "json", "-", "--stdin-filename",
                                  "drafts/spec.md"], text)
    doc = json.loads(res.stdout)
    assert res.exit_code == 1 and doc["files"][0]["path"] == "drafts/spec.md"
    assert "LOCAL001" in {f["rule"] for f in doc["files"][0]["findings"]}
    res = CliRunnerInput(folder, ["check", "--format", "concise", "-"], LOCAL + "\n")
    assert re.search(r"^-:\d+:\d+.*LOCAL001", res.stdout, re.M), res.stdout
    # the suffix picks the reader: an HTML document read as HTML
    html = f"<html><body><h1>Spec</h1><p>{LOCAL}</p></body></html>"
    res = CliRunnerInput(folder, ["check", "--format", "concise", "-", "--stdin-filename",
                                  "spec.html"], html)
    assert "spec.html:" in res.stdout and "LOCAL001" in res.stdout and "<p>" not in res.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["svrules.toml", "t.md"]


def test_stdin_usage_errors(folder):
    res = run(["check", "-", "t.md"], folder, ENV)
    assert res.exit_code == 2 and "cannot be mixed" in res.stderr
    res = run(["check", "--stdin-filename", "x.md", "t.md"], folder, ENV)
    assert res.exit_code == 2 and "needs `-`" in res.stderr


def test_stdin_filename_picks_the_per_file_ignores_and_the_sidecar(folder):
    (folder / "svrules.toml").write_text('engine = "python"\n[per-file-ignores]\n'
                                         '"drafts/*" = ["LOCAL001"]\n')
    (folder / "drafts").mkdir()
    (folder / "drafts" / "spec.svrules.yaml").write_text(
        "procurement_start: 2025-04-01\nnature: goods\n")
    res = CliRunnerInput(folder, ["check", "--format", "json", "-", "--stdin-filename",
                                  "drafts/spec.md"], "# Spec\n\n" + LOCAL + "\n")
    doc = json.loads(res.stdout)
    assert "LOCAL001" not in {f["rule"] for f in doc["files"][0]["findings"]}
    assert doc["files"][0]["applicability"]["act_applies"] is False      # goods, from the sidecar


def CliRunnerInput(cwd: Path, args: list[str], text: str):
    import os
    from click.testing import CliRunner
    from svrules.cli import main
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=text, env=ENV, catch_exceptions=False)
    finally:
        os.chdir(old)


# --------------------------------------------------------------------------- output format, colour

def test_output_format_is_an_alias_of_format(folder):
    a = run(["check", "--output-format", "json", "t.md"], folder, ENV)
    b = run(["check", "--format", "json", "t.md"], folder, ENV)
    assert a.exit_code == b.exit_code == 1 and a.stdout == b.stdout and a.stdout.startswith("{")


def test_colour_always_never_and_the_environment(folder):
    def out(*args, env=None):
        return run(["check", *args, "t.md"], folder, {**ENV, **(env or {})}).stdout
    plain = out()
    assert not ANSI.search(plain)                               # not a terminal: no colour
    coloured = out("--color", "always")
    assert ANSI.search(coloured) and ANSI.sub("", coloured) == plain
    assert "\x1b[31m" in coloured                               # errors in red
    assert ANSI.search(out(env={"FORCE_COLOR": "1"}))
    assert not ANSI.search(out(env={"FORCE_COLOR": "1", "NO_COLOR": "1"}))
    assert not ANSI.search(out("--color", "never", env={"FORCE_COLOR": "1"}))
    assert ANSI.search(out("--format", "concise", "--colour", "always"))
    assert not ANSI.search(out("--format", "json", "--color", "always"))   # data stays plain


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_use_color_on_a_terminal():
    assert use_color("auto", _Tty(), {}) is True
    assert use_color("auto", _Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", _Tty(), {"TERM": "dumb"}) is False
    assert use_color("auto", io.StringIO(), {}) is False
    assert use_color("auto", io.StringIO(), {"FORCE_COLOR": "1"}) is True
    assert use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True
    assert use_color("never", _Tty(), {"FORCE_COLOR": "1"}) is False


# --------------------------------------------------------------------------- fingerprints

def test_fingerprints_shown_in_text_and_concise_and_waive_takes_them(folder):
    doc = json.loads(run(["check", "--format", "json", "t.md"], folder, ENV).stdout)
    local = next(f for f in doc["files"][0]["findings"] if f["rule"] == "LOCAL001")
    text = run(["check", "t.md"], folder, ENV).stdout
    assert f"    fingerprint: {local['fingerprint']}" in text
    concise = run(["check", "--format", "concise", "t.md"], folder, ENV).stdout
    assert local["fingerprint"] not in concise
    concise = run(["check", "--format", "concise", "--show-fingerprints", "t.md"],
                  folder, ENV).stdout
    line = next(x for x in concise.splitlines() if "LOCAL001" in x)
    assert line.endswith(f"[fingerprint {local['fingerprint']}]")
    # the place printed at the start of the line is what `svrules waive` takes
    where = line.split(": LOCAL001")[0].split(" (")[0]
    res = run(["waive", f"{where}:LOCAL001", "--reason", "agreed with legal", "--by", "Me"],
              folder, ENV)
    assert res.exit_code == 0, res.output
    assert local["fingerprint"] in (folder / "svrules-waivers.yaml").read_text()


# --------------------------------------------------------------------------- settings

def test_config_prints_the_merged_settings_and_their_files(folder):
    (folder / "svrules.toml").write_text('engine = "python"\nignore = ["PROC002"]\n'
                                         'fail-on = "warning"\n')
    res = run(["config"], folder, ENV)
    assert res.exit_code == 0, res.output
    assert f"# configuration: {folder / 'svrules.toml'}" in res.stdout
    lines = {line.split(" = ")[0]: line for line in res.stdout.splitlines() if " = " in line}
    assert lines["ignore"].startswith('ignore = ["PROC002"]') and \
        lines["ignore"].endswith(str(folder / "svrules.toml"))
    assert lines["fail-on"].startswith('fail-on = "warning"')
    assert lines["exclude"].endswith("# default")
    # --show-settings: the same with the command line merged in, nothing checked
    res = run(["check", "--show-settings", "--ignore", "LOCAL001", "--fail-on", "error",
               "t.md"], folder, ENV)
    assert res.exit_code == 0 and "LOCAL001" in res.stdout and "fix:" not in res.stdout
    lines = {line.split(" = ")[0]: line for line in res.stdout.splitlines() if " = " in line}
    assert lines["ignore"].startswith('ignore = ["PROC002", "LOCAL001"]')
    assert lines["ignore"].endswith("# --ignore") and lines["fail-on"].endswith("# --fail-on")
    data = json.loads(run(["config", "--format", "json"], folder, ENV).stdout)
    assert data["settings"]["engine"] == {"value": "python", "from": str(folder / "svrules.toml")}
    assert data["files"]["configuration"] == str(folder / "svrules.toml")
    assert data["files"]["waivers"] is None


def test_config_without_a_file_says_defaults(tmp_path):
    data = json.loads(run(["config", "--format", "json"], tmp_path, ENV).stdout)
    assert data["files"]["configuration"] is None
    assert {v["from"] for v in data["settings"].values()} == {"default"}


# --------------------------------------------------------------------------- JSON summary

def test_json_summary_tells_file_errors_from_error_findings(folder):
    (folder / "bad.md").write_text("---\nvalue: [\n---\nText.\n")
    (folder / "t2.md").write_text((folder / "t.md").read_text())     # two error findings
    res = run(["check", "--format", "json", "t.md", "t2.md", "bad.md"], folder, ENV)
    summary = json.loads(res.stdout)["summary"]
    assert summary["file_errors"] == 1 and summary["errors"] == 1        # the old name kept
    assert summary["error_findings"] == summary["by_severity"]["error"] >= 2
    docs = (ROOT_DIR / "docs" / "json-output.md").read_text()
    assert '"file_errors"' in docs and '"error_findings"' in docs


ROOT_DIR = TESTS.parent


# --------------------------------------------------------------------------- statistics

def test_statistics_prints_counts_only(folder):
    out = run(["check", "--statistics", "t.md"], folder, ENV).stdout
    rows = [line.split() for line in out.splitlines() if line.strip()]
    assert ["1", "LOCAL001", "local", "error"] in rows
    assert "fix:" not in out and "Verdict" not in out and "==" not in out
    assert rows[-1][:3] == ["1", "file", "checked,"]


# --------------------------------------------------------------------------- JUnit

def _cases(xml_text: str):
    xml = junitparser.JUnitXml.fromstring(xml_text.encode("utf-8"))
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    return xml, {case.name.split()[0]: case for suite in suites for case in suite}


def test_junit_fails_exactly_at_or_above_fail_on_with_time_attributes(folder):
    res = run(["check", "--format", "junit", "t.md"], folder, ENV)
    _, cases = _cases(res.stdout)
    json_doc = json.loads(run(["check", "--format", "json", "t.md"], folder, ENV).stdout)
    severity = {f["rule"]: f["severity"] for f in json_doc["files"][0]["findings"]}
    assert "warning" in severity.values() and "error" in severity.values()
    failed = {name for name, case in cases.items()
              if any(isinstance(r, junitparser.Failure) for r in case.result)}
    assert failed == {r for r, s in severity.items() if s == "error"}
    assert res.exit_code == 1
    warned = next(r for r, s in severity.items() if s == "warning")
    assert cases[warned].is_passed and ": warning: " in cases[warned].system_out
    res = run(["check", "--format", "junit", "--fail-on", "warning", "t.md"], folder, ENV)
    xml, cases = _cases(res.stdout)
    failed = {name for name, case in cases.items()
              if any(isinstance(r, junitparser.Failure) for r in case.result)}
    assert failed == {r for r, s in severity.items() if s in ("error", "warning")}
    assert all(case.time == 0 for case in cases.values())
    assert 'time="0"' in res.stdout.split("<testsuite ", 1)[1].split(">", 1)[0]
    assert res.stdout.split("<testsuites ", 1)[1].split(">", 1)[0].count('time="0"') == 1
