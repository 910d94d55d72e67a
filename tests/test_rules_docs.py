"""docs/rules.md is generated from rules/ (`make docs`): it fails here when it is stale, and
`svrules facts` shows the social value clauses it read."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from svrules.cli import main
from svrules.docs import rules_markdown
from svrules.rulepack import load_pack

ROOT = Path(__file__).resolve().parents[1]


def test_rules_md_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(load_pack(), builtin=True), \
        "docs/rules.md is stale: run `make docs`"


def test_every_rule_is_documented():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in load_pack().rules:
        assert f"## {rule.id}" in text


def test_facts_shows_clauses():
    result = CliRunner().invoke(main, ["facts", str(ROOT / "examples" / "homecare-tender-problems.md")])
    assert result.exit_code == 0, result.output
    assert "Social value clauses:" in result.output
    assert "missing frequency, evidence, remedy" in result.output
