"""Properties that hold for any input: no exceptions, excerpts are real text, lines are real."""
import time

from hypothesis import given, settings, strategies as st

from svrules.extract import extract_tender_facts, summarise
from svrules.extract.dates import find_dates
from svrules.extract.money import find_money
from svrules.load.blocks import split_markdown

WORDS = st.sampled_from([
    "£", "£1.2m", "£200,000", "£400k", "to", "-", "per annum", "per hour", "for", "3", "years",
    "(+1+1)", "excluding VAT", "inc. VAT", "estimated value", "contract value", "budget", "of",
    "insurance", "social value", "turnover", "CPV", "85310000-5", "45000000", "supply of",
    "provision of services", "construction works", "framework agreement", "call-off", "under the",
    "Kent County Council", "NHS", "Trust", "Cardiff Council", "urgency", "3 March 2026",
    "03/03/2026", "2026-03-03", "contract notice", "published on", "start date", ".", ";", ",",
    "\n", "\n\n", "|", "# ", "- ", "x 12 months", "+", "months", "up to", "over the term",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join))


def _check(text):
    blocks = split_markdown(text)
    facts = extract_tender_facts(blocks)
    summarise(facts)
    by_index = {b.index: b for b in blocks}
    last_line = text.count("\n") + 1
    for fact in facts:
        block = by_index[fact.block]
        assert fact.excerpt in block.text
        assert len(fact.excerpt) <= 200
        assert 1 <= fact.line <= last_line
    keys = [(f.block,) for f in facts]
    assert keys == sorted(keys)
    return facts


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_never_raises_and_locations_are_real(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parsers_never_raise(text):
    for money in find_money(text):
        assert money.value >= 0 and 0 <= money.start < money.end <= len(text)
    for start, end, _ in find_dates(text):
        assert 0 <= start < end <= len(text)


def test_deterministic():
    text = "The estimated value is £1m. CPV 45000000-7. Kent County Council. 3 March 2026."
    assert _check(text) == _check(text)


def test_adversarial_input_is_fast():
    # Inputs that make backtracking engines explode stay linear with RE2.
    nasty = [
        "£" + "1," * 20000 + "x",
        "value " * 20000 + "£1",
        "a" * 100000,
        "3+" * 20000 + "years",
        "Kent " * 20000 + "Council",
        ("estimated value of the contract " + "(" * 50) * 500 + " £5m",
        ". " * 50000,
    ]
    for text in nasty:
        started = time.perf_counter()
        extract_tender_facts(split_markdown(text))
        assert time.perf_counter() - started < 10, text[:40]
