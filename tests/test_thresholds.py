"""Every threshold row at -£1, exactly, +£1, net and gross of VAT, and both sides of every
regime and threshold date: the table comes from rules/law/, so a new period is tested too."""
from __future__ import annotations

import datetime as dt

import pytest

from svrules.law.applicability import VAT_RATE, decide
from svrules.law.data import load_lawbook
from svrules.law.inputs import Inputs, Known

BOOK = load_lawbook()


def verdict(day, value, vat, kind="sub_central", nature="services", **more):
    inputs = Inputs({
        "procurement_start": Known(day, "metadata"), "nature": Known(nature, "metadata"),
        "authority_kind": Known(kind, "metadata"), "value": Known(value, "metadata", vat=vat),
        **{name: Known(val, "metadata") for name, val in more.items()}})
    return decide(inputs, BOOK)


def basis_on(day):
    return BOOK.basis_on(day).basis


CASES = []
for period in BOOK.thresholds:
    days = [period.start] + ([period.end] if period.end else [period.start + dt.timedelta(days=400)])
    for day in days:
        for kind, column in (("central_government", period.central_government),
                             ("sub_central", period.sub_central),
                             ("nhs_central", period.central_government),
                             ("nhs_other", period.sub_central)):
            CASES.append(pytest.param(day, kind, column, id=f"{day}-{kind}"))


@pytest.mark.parametrize("day, kind, threshold", CASES)
def test_each_row_at_minus_one_exact_plus_one_on_both_vat_bases(day, kind, threshold):
    basis = basis_on(day)
    other = "exclusive" if basis == "inclusive" else "inclusive"
    to_other = VAT_RATE if other == "inclusive" else 1 / VAT_RATE
    for delta, applies in ((-1, False), (0, True), (1, True)):
        same = verdict(day, threshold + delta, basis, kind)
        assert same.threshold_gbp == threshold
        assert same.act_applies is applies, (day, kind, delta, same.reasons)
        converted = verdict(day, (threshold + delta) * to_other, other, kind)
        assert converted.act_applies is applies, (day, kind, delta, converted.reasons)
        assert any("VAT" in r for r in converted.reasons)
    # clearly either side once converted (rounding of ×1.2 aside)
    assert verdict(day, (threshold + 5) * to_other, other, kind).act_applies is True
    assert verdict(day, (threshold - 5) * to_other, other, kind).act_applies is False


BOUNDARIES = [(p.start, p) for p in BOOK.thresholds[1:]]


@pytest.mark.parametrize("start, period", BOUNDARIES, ids=[str(s) for s, _ in BOUNDARIES])
def test_both_sides_of_each_threshold_date(start, period):
    before = BOOK.threshold_on(start - dt.timedelta(days=1))
    after = BOOK.threshold_on(start)
    assert after is period and before is not period and before is not None
    assert verdict(start, 10_000_000, basis_on(start)).threshold_gbp == period.sub_central
    assert verdict(start - dt.timedelta(days=1), 10_000_000,
                   basis_on(start - dt.timedelta(days=1))).threshold_gbp == before.sub_central


@pytest.mark.parametrize("day, regime", [
    (dt.date(2015, 2, 25), None), (dt.date(2015, 2, 26), "PCR2015"),
    (dt.date(2025, 2, 23), "PCR2015"), (dt.date(2025, 2, 24), "PA2023"),
])
def test_both_sides_of_each_regime_date(day, regime):
    assert verdict(day, 10_000_000, "exclusive").regime == regime


def test_vat_basis_follows_the_date():
    """Net of VAT until 31 December 2021 (PCR 2015 reg 6(1)); including VAT from 1 January
    2022 under the PCR and under PA 2023; light-touch services net of VAT in the PCR era
    (SVA 2012 s.1(16)(b)-(c))."""
    old = verdict(dt.date(2021, 6, 1), 200_000, "inclusive")       # read as 166,667 net
    assert old.act_applies is False and old.value_basis == "exclusive"
    assert any("÷1.2" in r for r in old.reasons)
    pcr = verdict(dt.date(2023, 6, 1), 200_000, "exclusive")       # read as 240,000 gross
    assert pcr.act_applies is True and pcr.value_compared_gbp == 240_000
    assert any("×1.2" in r for r in pcr.reasons)
    light = verdict(dt.date(2023, 6, 1), 200_000, "exclusive", light_touch=True)
    assert light.act_applies is False and light.value_basis == "exclusive"
    pa = verdict(dt.date(2026, 3, 2), 180_000, "exclusive")        # read as 216,000 gross
    assert pa.act_applies is True and any("×1.2" in r for r in pa.reasons)


@pytest.mark.parametrize("nature, value, threshold, below", [
    ("goods", 48_000, 207_720, True), ("goods", 300_000, 207_720, False),
    ("works", 4_000_000, 5_193_000, True), ("works", 6_000_000, 5_193_000, False),
])
def test_goods_and_works_have_their_own_thresholds(nature, value, threshold, below):
    result = verdict(dt.date(2026, 3, 2), value, "inclusive", nature=nature)
    assert result.act_applies is False and result.threshold_gbp is None
    assert result.procurement_threshold_gbp == threshold
    assert result.below_threshold is below and result.contract_type == nature


def test_light_touch_services_are_below_the_procurement_threshold_but_within_the_act():
    result = verdict(dt.date(2026, 3, 2), 400_000, "inclusive", light_touch=True)
    assert result.act_applies is True and result.threshold_gbp == 207_720
    assert result.procurement_threshold_gbp == 663_540 and result.below_threshold is True


def test_notifiable_below_threshold_contracts():
    assert verdict(dt.date(2026, 3, 2), 40_000, "inclusive").notifiable_below_threshold is True
    assert verdict(dt.date(2026, 3, 2), 20_000, "inclusive").notifiable_below_threshold is False
    assert verdict(dt.date(2026, 3, 2), 20_000, "inclusive",
                   kind="central_government").notifiable_below_threshold is True
    assert verdict(dt.date(2024, 3, 2), 20_000, "inclusive").notifiable_below_threshold is None


def test_every_law_citation_names_a_source_and_a_section():
    for cite in BOOK.all_citations():
        assert cite.source and cite.section


def test_unknown_vat_basis_decides_only_when_both_readings_agree():
    far = verdict(dt.date(2026, 3, 2), 900_000, None)
    assert far.act_applies is True and any("same either way" in w for w in far.warnings)
    near = verdict(dt.date(2026, 3, 2), 190_000, None)             # 190k < 207,720 < 228k
    assert near.act_applies is None and near.missing == ("vat",)


def test_every_period_is_cited():
    for period in BOOK.thresholds:
        assert period.citation.source and period.citation.section


@pytest.mark.parametrize("name, day, central", [
    ("Leeds Teaching Hospitals NHS Foundation Trust", dt.date(2026, 3, 2), True),
    ("Leeds Teaching Hospitals NHS Foundation Trust", dt.date(2019, 3, 4), False),
    ("Leeds Teaching Hospitals NHS Foundation Trust", dt.date(2023, 3, 6), None),
    ("NHS England", dt.date(2025, 2, 24), True),
    ("NHS England", dt.date(2025, 2, 23), None),
    ("NHS Business Services Authority", dt.date(2018, 5, 1), True),
    ("Barts Health NHS Trust", dt.date(2024, 5, 1), True),
    ("NHS Kent and Medway Integrated Care Board", dt.date(2026, 3, 2), False),
    ("NHS Shared Business Services", dt.date(2026, 3, 2), None),
])
def test_an_nhs_body_is_placed_by_its_name_and_the_date(name, day, central):
    """PR 2024 Sch 2 from 24 February 2025; PCR 2015 Sch 1 as held (NHS Trusts, NHSBSA);
    16 August 2021 to 23 February 2025 not settled by the sources held."""
    inputs = Inputs({"procurement_start": Known(day, "metadata"),
                     "nature": Known("services", "metadata"),
                     "authority": Known(name, "metadata"), "authority_kind": Known("nhs", "metadata"),
                     "value": Known(170_000, "metadata", vat="inclusive")})
    result = decide(inputs, BOOK)
    period = BOOK.threshold_on(day)
    if central is None:
        assert result.act_applies is None and result.missing == ("authority_kind",)
    else:
        assert result.threshold_gbp == period.for_column(central), result.reasons


def test_overlapping_law_data_is_refused(tmp_path):
    import shutil

    from svrules.law.data import load_lawbook as load
    from svrules.rulepack import RulePackError, default_rules_dir
    folder = tmp_path / "law"
    shutil.copytree(default_rules_dir() / "law", folder)
    text = (folder / "verdict.yaml").read_text(encoding="utf-8")
    (folder / "verdict.yaml").write_text(text.replace("    to: 2021-12-31\n", "    to: 2022-06-30\n", 1),
                                         encoding="utf-8")
    with pytest.raises(RulePackError, match="value bases overlap"):
        load(folder)
    (folder / "verdict.yaml").write_text(text + "\n  s1_1:\n    source: sva2012\n    section: x\n",
                                         encoding="utf-8")
    with pytest.raises(RulePackError, match="also in provisions.yaml"):
        load(folder)
