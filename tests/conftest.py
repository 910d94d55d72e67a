"""Shared test helpers and the Gherkin step definitions (features/*.feature).

The steps run the real CLI (click's runner on `svrules.cli.main`) and compare its JSON output,
on both engines: every scenario also checks that durable-rules and the plain-Python evaluator
agree.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pytest_bdd import given, parsers, then, when

from svrules.cli import main

ROOT = Path(__file__).resolve().parents[1]

# Steps that only the rule features use live beside the shared ones.
pytest_plugins = ["tests.steps.finding_steps"]
SHARED = ROOT.parent / "shared"


def run_cli(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args), catch_exceptions=False)


def front_matter(meta: dict | None) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" if meta else ""


def write_tender(folder: Path, text: str, meta: dict | None = None, name: str = "tender.md") -> Path:
    body = text if text.endswith("\n") else text + "\n"
    path = folder / name
    path.write_text(front_matter(meta) + body, encoding="utf-8")
    return path


@pytest.fixture
def tender(tmp_path):
    return {"folder": tmp_path, "meta": None, "text": "# Tender\n", "config": None, "path": None}


# ------------------------------------------------------------------------------- Given

@given("the tender metadata:")
def given_meta(tender, docstring):
    tender["meta"] = yaml.safe_load(docstring) or {}


@given("the tender text:")
def given_text(tender, docstring):
    tender["text"] = docstring


@given(parsers.parse('the example tender "{name}"'))
def given_example(tender, name):
    tender["path"] = ROOT / name


@given("the tender is a Word document")
def given_word(tender):
    """The tender text as a .docx ("#" lines become headings), without metadata: a Word user's
    document has only what its text and custom properties say."""
    import docx
    document = docx.Document()
    for chunk in tender["text"].strip().split("\n\n"):
        line = " ".join(chunk.split())
        if line.startswith("#"):
            hashes, _, title = line.partition(" ")
            document.add_heading(title, len(hashes))
        else:
            document.add_paragraph(line)
    path = tender["folder"] / "tender.docx"
    document.save(str(path))
    tender["path"] = path


@given("the configuration:")
def given_config(tender, docstring):
    tender["config"] = docstring


# ------------------------------------------------------------------------------- When

def _check(tender, engine: str):
    args = ["check", "--format", "json", "--engine", engine]
    if tender["config"] is not None:
        cfg = tender["folder"] / "svrules.toml"
        cfg.write_text(tender["config"], encoding="utf-8")
        args += ["--config", str(cfg)]
    path = tender["path"] or write_tender(tender["folder"], tender["text"], tender["meta"])
    tender["checked"] = path
    result = run_cli(*args, str(path))
    return result.exit_code, json.loads(result.output)


@when("it is checked")
def when_checked(tender):
    code, data = _check(tender, "durable")
    code_py, data_py = _check(tender, "python")
    assert (code, data) == (code_py, data_py), "durable-rules and the Python evaluator disagree"
    tender["exit"], tender["json"] = code, data
    tender["file"] = data["files"][0]


# ------------------------------------------------------------------------------- Then

def _verdict(tender):
    return tender["file"]["applicability"]


@then(parsers.parse('the Act applies is "{value}"'))
def then_applies(tender, value):
    expected = {"true": True, "false": False, "null": None}[value]
    verdict = _verdict(tender)
    assert verdict["act_applies"] is expected, verdict["reasons"]


@then(parsers.parse('the regime is "{regime}"'))
def then_regime(tender, regime):
    assert _verdict(tender)["regime"] == (None if regime == "null" else regime)


@then(parsers.parse("the threshold is {amount}"))
def then_threshold(tender, amount):
    got = _verdict(tender)["threshold_gbp"]
    assert got == (None if amount == "null" else float(amount)), _verdict(tender)["reasons"]


@then(parsers.parse('a reason says "{words}"'))
def then_reason(tender, words):
    reasons = " ".join(_verdict(tender)["reasons"])
    assert words in reasons, reasons


@then(parsers.parse('a citation is "{section}"'))
def then_citation(tender, section):
    sections = [c["section"] for c in _verdict(tender)["citations"]]
    assert any(section in s for s in sections), sections


@then(parsers.parse('the missing facts are "{names}"'))
def then_missing(tender, names):
    want = [] if names == "none" else [n.strip() for n in names.split(",") if n.strip()]
    assert _verdict(tender)["missing"] == want, _verdict(tender)["reasons"]


@then(parsers.parse('a warning says "{words}"'))
def then_warning(tender, words):
    warnings = " ".join(_verdict(tender)["warnings"])
    assert words in warnings, warnings


@then(parsers.parse('social value findings are good practice only is "{value}"'))
def then_good_practice(tender, value):
    assert _verdict(tender)["good_practice_only"] is (value == "true")


@then("the findings are:")
def then_findings(tender, datatable):
    """Lines count from the first line of the tender text; findings placed on the metadata
    show as `front matter`."""
    header, *rows = datatable
    want = [dict(zip(header, row)) for row in rows]
    offset = 0 if tender["path"] else front_matter(tender["meta"]).count("\n")

    def shown(f, key):
        if key != "line" or not offset:
            return str(f[key])
        return "front matter" if f["line"] <= offset else str(f["line"] - offset)
    got = [{k: shown(f, k) for k in header} for f in tender["file"]["findings"]]
    assert got == want


@then("there are no findings")
def then_no_findings(tender):
    assert tender["file"]["findings"] == [], tender["file"]["findings"]


@then(parsers.parse('there is no "{rule}" finding'))
def then_no_rule(tender, rule):
    assert not [f for f in tender["file"]["findings"] if f["rule"] == rule]


@then(parsers.parse('there is a "{rule}" finding of severity "{severity}"'))
def then_rule_severity(tender, rule, severity):
    found = [f["severity"] for f in tender["file"]["findings"] if f["rule"] == rule]
    assert found and set(found) == {severity}, tender["file"]["findings"]


@then(parsers.parse("the exit status is {code:d}"))
def then_exit(tender, code):
    assert tender["exit"] == code



@then(parsers.parse('the verdict says {name} is "{value}"'))
def then_verdict_field(tender, name, value):
    """A procurement-law fact of the verdict: procurement_law, duty, contract_type,
    below_threshold, procurement_threshold_gbp, value_compared_gbp, value_basis ..."""
    got = _verdict(tender)[name]
    want = {"true": True, "false": False, "null": None}.get(value, value)
    if isinstance(got, float) and want not in (None, True, False):
        want = float(want)
    assert got == want, (got, _verdict(tender)["reasons"])


@then(parsers.parse('no citation is "{section}"'))
def then_no_citation(tender, section):
    sections = [c["section"] for c in _verdict(tender)["citations"]]
    assert not any(section in s for s in sections), sections
