"""How the applicability verdict sets a finding's severity, from the law the rule declares.

A rule says in its data which law it rests on (`depends_on`, see rulepack.DependsOn). Whether
that law binds this procurement is read from the verdict: yes, no or unknown. An uncertain
verdict never produces a confident error: the finding is at most a warning, worded "If ...
applies:", and the verdict itself is reported as a finding (rule SCOPE002) naming the facts
that would decide it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .law.inputs import Inputs
from .model import Applicability, Severity
from .rulepack import DependsOn

ACT = "the Social Value Act"
SCOTTISH = "scottish"


NOT_YET_DUE = {
    "pre_procurement": " (not yet due: this notice is early market engagement, before the "
                       "process of procurement starts (SVA 2012 s.1(2)); considering and "
                       "recording it now is good practice)",
    "modification": " (not a new procurement: the notice modifies an existing contract, PCR 2015 "
                    "reg 72 / PA 2023 s.74)",
}


@dataclass(frozen=True)
class Ruling:
    """What a rule's findings become on this verdict."""

    severity: Severity
    downgraded_from: Optional[Severity] = None
    prefix: str = ""          # put before the message: "If the Act applies: "
    suffix: str = ""          # put after it: why it is good practice, or which law keeps it


def organisation_policy(verdict: Applicability) -> bool:
    """The Act does not apply but the organisation applies social value to all its contracts
    (configuration `apply_to_all_contracts`): its findings keep their severity."""
    return verdict.act_applies is False and not verdict.good_practice_only


def act_binds(verdict: Applicability) -> Optional[bool]:
    """Does the Act's s.1 duty bind? (None: the verdict is unknown.)"""
    return verdict.act_applies


def procurement_law_binds(verdict: Applicability, inputs: Inputs) -> Optional[bool]:
    """Is this a covered procurement under PCR 2015 or PA 2023, whatever its contract type?
    No for a Scottish procurement (neither extends to devolved Scottish authorities), for NHS
    health care services under the Provider Selection Regime, for a defence and security
    contract under the Defence and Security Public Contracts Regulations 2011, and below the threshold for the
    contract's type (goods, services, works, light-touch, concession: `below_threshold`); unknown while the verdict is (a missing value, kind or start date
    leaves the threshold open too) or where the regime could not be told (a call-off, a devolved
    Welsh or Northern Irish body whose verdict stops at territory)."""
    if verdict.procurement_law in ("PRSA2014", "PSR2023", "DSPCR2011"):
        return False        # the Scottish Act, the PSR (PR 2024 reg 43), or defence (PCR reg 4(3))
    if verdict.below_threshold is not None:
        return not verdict.below_threshold         # the threshold for the contract's type
    if verdict.act_applies:
        return True
    kind = inputs.value("authority_kind")
    place = inputs.value("jurisdiction")
    if getattr(kind, "value", kind) == SCOTTISH or getattr(place, "value", place) == "scotland":
        return False
    if verdict.act_applies is None or verdict.regime is None:
        return None
    if verdict.threshold_gbp is not None:
        return False                               # below the threshold in force
    return True                                    # goods or works: the Act's nature test


def ruling(depends_on: DependsOn, severity: Severity, verdict: Applicability,
           inputs: Inputs) -> Ruling:
    law = depends_on.law
    if law in ("policy", "statute", "none") or organisation_policy(verdict):
        return Ruling(severity)
    not_due = NOT_YET_DUE.get(verdict.stage or "")
    if not_due is not None and law in ("act", "procurement"):
        # Early market engagement comes before the process of procurement (SVA 2012 s.1(2)) and
        # before any tender notice; a modification is not a new award: duties owed on starting
        # or awarding a procurement are at most good practice here, whatever law holds them.
        if severity is Severity.info:
            return Ruling(severity, suffix=not_due)
        return Ruling(Severity.info, severity, suffix=not_due)
    if law == "act":
        binds = act_binds(verdict)
        if_binds, not_binds = "If the Act applies: ", f" (good practice only: {ACT} does not " \
            "apply to this procurement)"
    else:
        binds = procurement_law_binds(verdict, inputs)
        name = depends_on.provision
        if_binds = f"If this procurement is covered by {name}: "
        not_binds = f" (good practice only: this procurement is not covered by {name})"
    if binds is True:
        suffix = ""
        if law == "procurement" and act_binds(verdict) is not True:
            suffix = f" (this rests on {depends_on.provision}, whether or not {ACT} applies)"
        return Ruling(severity, suffix=suffix)
    if binds is False:
        if severity is Severity.info:
            return Ruling(severity, suffix=not_binds)
        return Ruling(Severity.info, severity, suffix=not_binds)
    if severity is Severity.error:
        return Ruling(Severity.warning, severity, prefix=if_binds)
    return Ruling(severity, prefix=if_binds)
