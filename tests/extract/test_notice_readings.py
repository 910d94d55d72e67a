"""Readings real notices need, on phrasings written for these tests: amounts in words,
placeholders, the whole term's total over a first-year figure, options to extend, and the
procurement's start (the first s.1(2) event, never the award)."""
import datetime as dt
import json

import pytest
from hypothesis import given, strategies as st

from facts_helpers import summary_of
from svrules.extract.money import find_money, words_to_number
from svrules.extract.release import READERS
from svrules.load.ocds import ocds_metadata, procurement_start

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """Our own speller, to check the reader against (British 'and')."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10 - 2] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        return UNITS[n // 100] + " hundred" + (" and " + spell(n % 100) if n % 100 else "")
    for size, word in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            joint = "" if not rest else (" and " if rest < 100 else " ")
            return spell(n // size) + " " + word + (joint + spell(rest) if rest else "")
    raise AssertionError(n)


@given(st.integers(min_value=1, max_value=999_999_999))
def test_amounts_in_words_read_back(n):
    assert words_to_number(spell(n)) == n


@given(st.integers(min_value=1000, max_value=9_999_999))
def test_the_words_win_over_a_mistyped_figure(n):
    text = f"The estimated value is £{n // 1000},00 ({spell(n)} pounds) excluding VAT."
    money = find_money(text)[0]
    assert money.value == n


def test_words_that_agree_change_nothing():
    money = find_money("Value: £120,000 (one hundred and twenty thousand pounds).")[0]
    assert money.value == 120_000 and money.in_words is None


def test_words_that_are_not_a_number_are_ignored():
    assert words_to_number("one hundred and bananas") is None
    assert find_money("£500 (five hundred pounds per visit)")[0].value == 500


def test_a_typo_with_words_is_read_and_said():
    entry = summary_of("The estimated contract value is £120,00 (one hundred and twenty "
                       "thousand pounds) excluding VAT.")["value"]
    assert entry["value"] == 120_000
    assert "in words" in entry["fact"].detail


@pytest.mark.parametrize("sum_", ["£0.01", "£0", "£1"])
def test_placeholders_are_not_values(sum_):
    assert "value" not in summary_of(f"The estimated value is {sum_} excluding VAT.")


def test_the_whole_term_beats_a_first_year_figure():
    text = ("In the first twelve months the total value of orders is expected to be £2,000,000. "
            "For the full 48 month term, the anticipated value is £9,000,000.")
    entry = summary_of(text)["value"]
    assert entry["value"] == 9_000_000 and "whole term" in entry["fact"].detail


def test_a_first_year_figure_alone_is_not_the_total():
    entry = summary_of("The estimated value for the first year is £300,000.")
    assert entry.get("value", {}).get("fact") is None or \
        entry["value"]["fact"].rank <= 2


def test_the_options_to_extend_count():
    text = ("The whole-life estimated value of the contract is £150,000 with an option to extend "
            "up to £250,000.")
    entry = summary_of(text)["value"]
    assert entry["value"] == 250_000 and "options" in entry["fact"].detail


def test_a_range_takes_the_upper_bound_and_says_so():
    entry = summary_of("The estimated value is between £60,000 and £80,000.")["value"]
    assert entry["value"] == 80_000 and "upper bound" in entry["fact"].detail


START = [
    ("The tender notice was published on 20 November 2024. The contract award notice was "
     "published on 11 March 2025.", dt.date(2024, 11, 20), 2),
    ("The contract award notice was published on 11 March 2025. The deadline for tenders was "
     "14 February 2025. The contract was awarded on 6 March 2025.", dt.date(2025, 2, 14), 1),
    ("The closing date for tenders is 28 May 2019.", dt.date(2019, 5, 28), 1),
    ("Quotations must be returned by 3 April 2025.", dt.date(2025, 4, 3), 1),
]


@pytest.mark.parametrize("text,day,rank", START, ids=[s[0][:40] for s in START])
def test_the_start_is_the_first_s1_2_event_never_the_award(text, day, rank):
    entry = summary_of(text)["procurement_start"]
    assert entry["value"] == day and entry["fact"].rank == rank
    if rank == 1:
        assert "inferred" in entry["fact"].detail


@pytest.mark.parametrize("text", [
    "The contract award notice was published on 11 March 2025.",
    "The contract was awarded on 6 March 2025.",
    "The tender notice was amended on 11 March 2025.",
])
def test_events_after_the_start_are_not_the_start(text):
    assert "procurement_start" not in summary_of(text)


def _release(**tender):
    return {"ocid": "ocds-b5fd17-x", "tag": ["award"], "date": "2025-03-11T10:00:00Z",
            "buyer": {"name": "Ambridge District Council"}, "tender": tender}


@pytest.mark.parametrize("details", ["Call-off from a framework agreement",
                                     "Other - Direct Award from a Framework Contract",
                                     "Other - Further Competition - Framework"])
def test_ocds_call_offs_from_procurement_method_details(details):
    meta, _ = ocds_metadata(json.dumps(_release(procurementMethodDetails=details)).encode(), "x")
    assert meta["framework"] == "call_off"


def test_ocds_dps_call_off_and_open_procedure_are_not_framework_call_offs():
    for details in ("Call-off from a dynamic purchasing system", "Open procedure"):
        meta, _ = ocds_metadata(json.dumps(_release(procurementMethodDetails=details)).encode(),
                                "x")
        assert "framework" not in meta


def test_ocds_start_is_the_tender_not_the_award_release():
    release = _release(datePublished="2024-11-20T09:00:00Z",
                       tenderPeriod={"endDate": "2024-12-20T12:00:00Z"})
    assert procurement_start(release, release["tender"]) == "2024-11-20"
    release = _release(tenderPeriod={"endDate": "2025-02-14T12:00:00Z"})
    assert procurement_start(release, release["tender"]) == "2025-02-14"
    tender_release = {**_release(), "tag": ["tender"], "date": "2019-04-17T00:00:00Z"}
    tender_release["tender"] = {"tenderPeriod": {"endDate": "2019-05-28T12:00:00Z"}}
    assert procurement_start(tender_release, tender_release["tender"]) == "2019-04-17"


def test_ocds_placeholder_value_is_not_used():
    meta, warnings = ocds_metadata(json.dumps(_release(value={"amount": 0.01,
                                                              "currency": "GBP"})).encode(), "x")
    assert "value" not in meta and "placeholder" in warnings[0]


def test_ocds_cpv_from_the_tender_classification():
    meta, _ = ocds_metadata(json.dumps(_release(classification={"scheme": "CPV",
                                                                "id": "45261000"})).encode(), "x",
                            READERS)
    assert meta["cpv"] == ["45261000"] and meta["nature"] == "works"


@pytest.mark.parametrize("text", [
    "The Council seeks a mini competition under this Dynamic Purchasing System: "
    "the supply of passenger transport services.",
    "Call offs on the DPS for October and November.",
])
def test_a_competition_under_a_dps_is_not_a_framework_call_off(text):
    assert "framework" not in summary_of(text)


def test_a_call_off_under_a_framework_is_still_read_beside_a_dps_mention():
    text = "This is a call-off under the ESPO Facilities Management framework, not the DPS."
    assert summary_of(text)["framework"]["value"] == "call_off"


@pytest.mark.parametrize("text,parts", [
    ("The works element is valued at £300,000 and the services element at £500,000.",
     {"works": 300_000, "services": 500_000}),
    ("£400,000 is for the services and £100,000 is for the goods.",
     {"services": 400_000, "goods": 100_000}),
])
def test_a_mixed_subject_with_stated_parts_is_decided_by_value(text, parts):
    found = summary_of(text)
    assert found["nature"]["value"] == "mixed"
    assert found["parts"]["value"] == parts
    assert found["value"]["value"] == sum(parts.values())
    assert "decided by value" in found["nature"]["fact"].detail


def _verdict_of(text):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.load import document_from_text
    from svrules.rulepack import load_pack
    return Checker(load_pack(), Config(), engine="python").analyse(
        document_from_text(text, None, path="x.md")).verdict


def test_the_verdict_weighs_the_stated_parts():
    """Services with goods: the greater part by value decides (SVA 2012 s.1(1))."""
    verdict = _verdict_of(
        "# Library equipment and operation\n\nContracting authority: Ambridge District "
        "Council\n\nThe tender notice was published on 2 March 2026. The goods element is "
        "valued at £300,000 and the services element at £900,000, excluding VAT.\n")
    assert verdict.act_applies is True
    assert any("greater part by value" in reason for reason in verdict.reasons)


def test_stated_services_and_works_parts_need_the_main_subject():
    """Services with works: main subject-matter, not value alone, decides (PCR 2015 reg 4)."""
    verdict = _verdict_of(
        "# Library refurbishment and operation\n\nContracting authority: Ambridge District "
        "Council\n\nThe tender notice was published on 2 March 2026. The works element is "
        "valued at £300,000 and the services element at £900,000, excluding VAT.\n")
    assert verdict.act_applies is None and "main_subject" in verdict.missing


def test_one_part_alone_is_not_a_mixed_contract():
    assert summary_of("The services element is valued at £300,000.").get(
        "nature", {}).get("value") != "mixed"
