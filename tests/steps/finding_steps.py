"""Extra Gherkin steps for the rule features (import them into tests/conftest.py)."""
from __future__ import annotations

from pytest_bdd import parsers, then


@then(parsers.parse('the message of the "{rule}" finding says "{words}"'))
def then_message(tender, rule, words):
    messages = [f["message"] for f in tender["file"]["findings"] if f["rule"] == rule]
    assert messages and all(words in m for m in messages), messages


@then(parsers.parse('the "{rule}" finding cites "{section}"'))
def then_finding_cites(tender, rule, section):
    found = [f for f in tender["file"]["findings"] if f["rule"] == rule]
    sections = [c["section"] for f in found for c in f["citations"]]
    assert found and any(section in s for s in sections), sections
