"""The severity stage on its own: each verdict state against each law a rule can rest on."""
from __future__ import annotations

import pytest

from svrules.law.inputs import Inputs, Known
from svrules.model import Applicability, Severity
from svrules.rulepack import DependsOn
from svrules.severity import procurement_law_binds, ruling

ACT = DependsOn(law="act")
S23 = DependsOn(law="procurement", provision="PA 2023 s.23(2)(b)")
PPN = DependsOn(law="policy", provision="PPN 002")
NONE = DependsOn(law="none")

APPLIES = Applicability(act_applies=True, regime="PA2023", threshold_gbp=214904)
BELOW = Applicability(act_applies=False, regime="PA2023", threshold_gbp=214904,
                      good_practice_only=True)
GOODS = Applicability(act_applies=False, regime="PA2023", good_practice_only=True)
UNKNOWN = Applicability(act_applies=None, missing=("procurement_start",))
NO_VALUE = Applicability(act_applies=None, regime="PA2023", missing=("value",))
ALL_CONTRACTS = Applicability(act_applies=False, regime="PA2023", threshold_gbp=214904)
SCOTTISH = Applicability(act_applies=False, good_practice_only=True)


def _inputs(**values) -> Inputs:
    return Inputs(known={k: Known(v, "metadata") for k, v in values.items()})


@pytest.mark.parametrize("dep, verdict, severity, downgraded, words", [
    (ACT, APPLIES, "error", None, ""),
    (ACT, BELOW, "info", "error", "(good practice only: the Social Value Act does not apply"),
    (ACT, GOODS, "info", "error", "good practice only"),
    (ACT, UNKNOWN, "warning", "error", "If the Act applies: "),
    (ACT, ALL_CONTRACTS, "error", None, ""),
    (S23, APPLIES, "error", None, ""),
    (S23, GOODS, "error", None, "(this rests on PA 2023 s.23(2)(b), whether or not"),
    (S23, BELOW, "info", "error", "not covered by PA 2023 s.23(2)(b)"),
    (S23, UNKNOWN, "warning", "error", "If this procurement is covered by PA 2023 s.23(2)(b): "),
    (S23, NO_VALUE, "warning", "error", "If this procurement is covered by"),
    (PPN, GOODS, "error", None, ""),
    (PPN, UNKNOWN, "error", None, ""),
    (NONE, BELOW, "error", None, ""),
])
def test_ruling(dep, verdict, severity, downgraded, words):
    judged = ruling(dep, Severity.error, verdict, _inputs())
    assert judged.severity.value == severity
    assert (judged.downgraded_from.value if judged.downgraded_from else None) == downgraded
    assert words in judged.prefix + judged.suffix


def test_a_warning_stays_a_warning_while_unknown_and_an_info_is_never_raised():
    assert ruling(ACT, Severity.warning, UNKNOWN, _inputs()).severity is Severity.warning
    assert ruling(ACT, Severity.warning, UNKNOWN, _inputs()).downgraded_from is None
    assert ruling(S23, Severity.info, UNKNOWN, _inputs()).severity is Severity.info
    assert ruling(S23, Severity.info, BELOW, _inputs()).downgraded_from is None


def test_procurement_law_does_not_extend_to_scotland():
    assert procurement_law_binds(SCOTTISH, _inputs(authority_kind="scottish")) is False
    assert procurement_law_binds(GOODS, _inputs(jurisdiction="scotland")) is False
    assert procurement_law_binds(GOODS, _inputs(authority_kind="sub_central")) is True
    # a devolved Welsh verdict stops at territory, without a regime
    assert procurement_law_binds(SCOTTISH, _inputs(authority_kind="devolved_welsh")) is None


def test_one_finding_per_rule_and_sentence_lists_the_other_places_in_order():
    from svrules.findings import once_per_sentence
    from svrules.model import Category, Finding, Location

    def finding(rule, line, text="The Provider shall endeavour."):
        return (text.lower(), Finding(rule=rule, name="x", category=Category.verifiable,
                                      severity=Severity.warning, line=line, column=1,
                                      location=Location(line=line, column=1), message="m",
                                      excerpt=text, fix="f", fingerprint=f"{rule}{line}",
                                      citations=()))
    found = once_per_sentence([finding("VER001", 3), finding("PROC006", 3), finding("VER001", 9),
                               finding("VER001", 12), finding("VER001", 20, "Another.")])
    assert [(f.rule, f.line) for f in found] == [("VER001", 3), ("PROC006", 3), ("VER001", 20)]
    assert found[0].message == "m (the same sentence also at line 9, line 12)"
    assert [a.line for a in found[0].also_at] == [9, 12] and found[1].also_at == ()
