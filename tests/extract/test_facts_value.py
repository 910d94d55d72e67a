"""Contract value phrasings: what must be read, and what must never be read as the value."""
import pytest

from facts_helpers import facts_of, summary_of

M = 1_000_000

# (text, expected total GBP, expected VAT basis)
READ = [
    ("The estimated value of the contract is £1.2m excluding VAT.", 1.2 * M, "exclusive"),
    ("The total contract value is £850,000 inclusive of VAT.", 850_000, "inclusive"),
    ("The contract is valued at £2,500,000 (exc. VAT).", 2.5 * M, "exclusive"),
    ("Estimated value: £500k inc. VAT", 500_000, "inclusive"),
    ("The value of the contract is £3 million net of VAT.", 3 * M, "exclusive"),
    ("The total estimated value is £1.5bn including VAT.", 1.5e9, "inclusive"),
    ("The maximum value of the framework is £40m.", 40 * M, None),
    ("The aggregate value of all call-offs is estimated at £12 million excl. VAT.", 12 * M,
     "exclusive"),
    ("Estimated contract value: £250 thousand + VAT", 250_000, "exclusive"),
    ("The contract value is £1,000,000 plus VAT.", 1 * M, "exclusive"),
    ("The whole life value of the contract is GBP 4,200,000.", 4.2 * M, None),
    ("The framework value is 2 million pounds.", 2 * M, None),
    ("The indicative value is £600,000 (net).", 600_000, "exclusive"),
    ("Total contract value | £750,000 excluding VAT", 750_000, "exclusive"),
    ("Value (excl. VAT) | £750,000", 750_000, "exclusive"),
    ("The contract value will not exceed £499,999.", 499_999, None),
    ("The contract is worth up to £3m over the term.", 3 * M, None),
    ("Up to £2.5m over the life of the framework.", 2.5 * M, None),
    ("The total budget for this contract is £320,000 including VAT.", 320_000, "inclusive"),
    ("The estimated value is between £400,000 and £500,000 excluding VAT.", 500_000, "exclusive"),
    ("Estimated value: £400,000 to £500,000 (exc. VAT)", 500_000, "exclusive"),
    ("The contract value is £4-5m.", 5 * M, None),
    ("The estimated value is £400k–£450k inclusive of VAT.", 450_000, "inclusive"),
    ("The contract value is £200,000 per annum for 3 years (+1+1).", 1 * M, None),
    ("The estimated value is £150,000 p.a. for an initial period of 2 years with an option to "
     "extend for a further 2 years.", 600_000, None),
    ("The annual contract value is £100,000 excluding VAT over a 3+1+1 year term.", 500_000,
     "exclusive"),
    ("The contract value is £10,000 per month for 24 months.", 240_000, None),
    ("The estimated total value is £500,000 excluding VAT (£600,000 including VAT).", 500_000,
     "exclusive"),
    ("The contract has a value of £95,000.", 95_000, None),
    ("The estimated spend under the contract is £1.1m.", 1.1 * M, None),
    ("The total value of the contract, including all extension options and subject to Cabinet "
     "approval, is £6.3m excluding VAT.", 6.3 * M, "exclusive"),
    ("The anticipated contract value is approximately £275,000.", 275_000, None),
]


@pytest.mark.parametrize("text,expected,vat", READ, ids=[r[0][:50] for r in READ])
def test_value_is_read(text, expected, vat):
    result = summary_of(text)["value"]
    assert result["value"] == pytest.approx(expected)
    assert result["fact"].vat == vat


# None of these is the contract value.
NOT_READ = [
    "All staff must be paid at least the London Living Wage of £13.85 per hour.",
    "The Supplier shall hold public liability insurance of £5 million.",
    "Employer's liability insurance cover of not less than £10m is required.",
    "Professional indemnity insurance: £2,000,000 per claim.",
    "Bidders must have a minimum annual turnover of £1m.",
    "Suppliers must deliver social value of at least £50,000 over the contract.",
    "The social value commitment is £75,000.",
    "Bidders should offer £1 for every £10 spent on local community projects.",
    "A service credit of £500 applies for each missed KPI.",
    "Liquidated damages of £2,000 per day of delay will apply.",
    "The threshold for services under the Procurement Act 2023 is £214,904.",
    "Contracts with a value above £213,477 must be advertised.",
    "The tender response is limited to 20 pages and 2026 words.",
    "The contract starts in 2026 and runs to 2029.",
    "A penalty of £10,000 may be imposed for late delivery.",
    "The Contractor's liability is capped at £1m.",
    "The hourly rate must not exceed £25 per hour.",
    "Apprentices will be paid a salary of £22,000 per annum.",
    "A performance bond of £250,000 is required.",
    "Suppliers must commit to £20,000 of community benefits.",
    "Where the contract value exceeds £5m a parent company guarantee is required.",
    "The management fee is £1,500.",
    "Price per unit: £12.50",
]


@pytest.mark.parametrize("text", NOT_READ, ids=[t[:50] for t in NOT_READ])
def test_amount_is_not_the_value(text):
    names = {f.name for f in facts_of(text)}
    assert "value" not in names and "annual_value" not in names


def test_value_next_to_other_sums_picks_the_value():
    text = ("The total contract value is £1m and bidders need a minimum annual turnover of £2m "
            "and public liability insurance of £5m.")
    values = [f for f in facts_of(text) if f.name == "value"]
    assert [f.value for f in values] == [1 * M]


def test_heading_labels_the_sum_below_it():
    text = "## Estimated contract value\n\n£1.2m excluding VAT\n"
    result = summary_of(text)["value"]
    assert result["value"] == 1.2 * M and result["fact"].line == 3


def test_per_annum_uses_term_stated_elsewhere():
    text = ("The annual budget is £240,000.\n\n"
            "The contract will run for 3 years with an option to extend for a further 2 years.\n")
    values = [f for f in facts_of(text) if f.name == "value"]
    assert len(values) == 1 and values[0].value == 1_200_000
    assert "line 3" in values[0].detail and "extension" in values[0].detail


def test_per_annum_without_term_is_annual_only():
    found = summary_of("The annual contract value is £80,000.")
    assert "value" not in found and found["annual_value"]["value"] == 80_000


def test_explicit_total_beats_per_annum_arithmetic_and_conflict_reported():
    text = ("The estimated contract value is £900,000 excluding VAT.\n\n"
            "The contract value is £200,000 per annum for 5 years.\n")
    result = summary_of(text)["value"]
    assert result["value"] == 900_000
    assert [f.value for f in result["conflicts"]] == [1_000_000]


def test_net_and_gross_of_same_sum_do_not_conflict():
    text = "The estimated total value is £500,000 excluding VAT (£600,000 including VAT)."
    result = summary_of(text)["value"]
    assert result["conflicts"] == [] and len(result["alternatives"]) == 1


def test_document_wide_vat_statement_applies():
    text = "All values in this document are exclusive of VAT.\n\nThe contract value is £300,000.\n"
    fact = summary_of(text)["value"]["fact"]
    assert fact.vat == "exclusive" and "line 1" in fact.detail


def test_value_location_is_the_line_of_the_sum():
    text = "# ITT\n\nSome preamble.\n\nThe estimated value of the\ncontract is £1.2m.\n"
    fact = summary_of(text)["value"]["fact"]
    assert fact.line == 6 and fact.excerpt == "£1.2m"


def test_range_detail_says_upper_bound():
    fact = summary_of("Estimated value: £400,000 to £500,000.")["value"]["fact"]
    assert "upper bound" in fact.detail
