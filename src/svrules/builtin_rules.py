"""The rules built into svrules rather than written in a rule pack: the findings svrules makes
about its own input (a malformed or unused suppression comment). They have no conditions for
the engine to match, so they are not `RuleSpec`s; reports, `svrules explain` and the rule docs
describe them beside the pack's rules through `RuleInfo`.

A module below both `suppress` (which raises these findings) and `report` (which describes
every rule), so that neither imports the other.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule, whether from the pack or built into svrules."""

    id: str
    name: str
    category: str
    severity: str
    summary: str
    rationale: str
    fix: str


META_RULES: dict[str, RuleInfo] = {
    "SUPP001": RuleInfo(
        "SUPP001", "invalid-suppression", "input", "warning",
        "An svrules suppression comment that is malformed, names an unknown rule or gives no "
        "reason; it is not applied.",
        "A suppression records a decision to accept a finding; without a reason nobody can "
        "review that decision later, so svrules keeps the finding visible until one is given.",
        'Write it as `<!-- svrules: disable=RULE reason="why this is acceptable" -->` (or '
        "`disable-file=`) with a known rule id, category or glob."),
    "SUPP002": RuleInfo(
        "SUPP002", "unused-suppression", "input", "warning",
        "An svrules suppression comment that suppressed no finding.",
        "A suppression that no longer hides anything is stale: the text it was written for has "
        "changed, and leaving it in place could hide a future finding nobody has reviewed.",
        "Remove the suppression comment, or move it to just before the block it is meant for."),
}
