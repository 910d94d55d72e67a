"""The verdict is a list of steps run in order: the first that answers decides, and the last
always answers, so every input reaches a verdict."""
from __future__ import annotations

import datetime as dt

from svrules.law import applicability
from svrules.law.data import load_lawbook
from svrules.law.inputs import Inputs, Known

BOOK = load_lawbook()


def test_the_first_step_that_answers_decides(monkeypatch):
    ran = []

    def passes(inputs, v, case):
        ran.append("passes")

    def answers(inputs, v, case):
        ran.append("answers")
        v.say("Decided here.")
        return v.result(False, good_practice_only=True)

    def never(inputs, v, case):
        raise AssertionError("a step after the answer ran")

    monkeypatch.setattr(applicability, "STEPS", (passes, answers, never))
    verdict = applicability.decide(Inputs({}), BOOK)
    assert ran == ["passes", "answers"]
    assert verdict.act_applies is False and verdict.reasons == ("Decided here.",)


def test_territory_comes_before_the_notice_kind():
    """A Scottish call-off is Scottish first: the territory step answers before call-off."""
    inputs = Inputs({"jurisdiction": Known("scotland", "metadata"),
                     "framework": Known("call_off", "metadata"),
                     "procurement_start": Known(dt.date(2026, 1, 1), "metadata")})
    verdict = applicability.decide(inputs, BOOK)
    assert verdict.procurement_law == "PRSA2014"
    assert not any("call-off" in r for r in verdict.reasons)


def test_nothing_known_still_reaches_a_verdict():
    verdict = applicability.decide(Inputs({}), BOOK)
    assert verdict.act_applies is None
    assert set(verdict.missing) >= {"nature", "procurement_start"}
    assert applicability.STEPS[-1] is applicability._step_services_threshold
