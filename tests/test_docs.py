"""docs/rules.md is generated from the rules (`make docs`); a stale copy fails here."""
from __future__ import annotations

from pathlib import Path

from svrules.docs import rules_markdown
from svrules.rulepack import load_pack

from .helpers import run

ROOT = Path(__file__).resolve().parents[1]


def test_rules_md_is_current():
    expected = rules_markdown(load_pack(), builtin=True)
    actual = (ROOT / "docs/rules.md").read_text("utf-8")
    assert actual == expected, "docs/rules.md is stale: run `make docs`"


def test_every_rule_has_the_anchor_that_sarif_links_to():
    text = (ROOT / "docs/rules.md").read_text("utf-8")
    for rule in [*load_pack().rules]:
        assert f"\n## {rule.id}\n" in text
    assert "\n## SUPP001\n" in text and "\n## SUPP002\n" in text


def test_explain_builtin_rule():
    res = run(["explain", "SUPP001"], ROOT)
    assert res.exit_code == 0 and res.stdout.startswith("SUPP001 invalid-suppression")
