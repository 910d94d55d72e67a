"""Extra Gherkin steps for the rule features (import them into tests/conftest.py)."""
from __future__ import annotations

from pytest_bdd import parsers, then


@then(parsers.parse('the message of the "{rule}" finding says "{words}"'))
def then_message(tender, rule, words):
    messages = [f["message"] for f in tender["file"]["findings"] if f["rule"] == rule]
    assert messages and all(words in m for m in messages), messages


@then(parsers.parse('the fix of the "{rule}" finding says "{words}"'))
def then_fix(tender, rule, words):
    fixes = [f["fix"] for f in tender["file"]["findings"] if f["rule"] == rule]
    assert fixes and all(words in m for m in fixes), fixes


@then(parsers.parse('there is {count:d} "{rule}" finding'))
@then(parsers.parse('there are {count:d} "{rule}" findings'))
def then_count(tender, count, rule):
    found = [f for f in tender["file"]["findings"] if f["rule"] == rule]
    assert len(found) == count, tender["file"]["findings"]


@then(parsers.parse('the "{rule}" finding is also at {count:d} other place'))
@then(parsers.parse('the "{rule}" finding is also at {count:d} other places'))
def then_also_at(tender, rule, count):
    found = [f for f in tender["file"]["findings"] if f["rule"] == rule]
    assert len(found) == 1 and len(found[0]["also_at"]) == count, found


@then(parsers.parse('the "{rule}" finding was downgraded from "{severity}"'))
def then_downgraded(tender, rule, severity):
    found = [f["downgraded_from"] for f in tender["file"]["findings"] if f["rule"] == rule]
    assert found and set(found) == {severity}, tender["file"]["findings"]


@then(parsers.parse('the {fmt} report names "{words}"'))
def then_report_names(tender, fmt, words):
    from tests.conftest import run_cli
    result = run_cli("check", "--format", fmt, str(tender["checked"]))
    assert words in result.output, result.output
