"""Does the Social Value Act duty apply to this procurement, under which regime and threshold?

The verdict is built as a list of reasons, each a sentence naming its instrument and section and
carrying the provision's citation, in the order a lawyer would reason: territory, date and
regime, framework, nature of the contract, value against the threshold in force, then urgency.
Nothing is guessed: an input that the verdict turns on and that is missing leaves
`act_applies` as None, names the field and says what metadata to add.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from ..model import Applicability, AuthorityKind, Citation, Parts
from .data import LawBook
from .inputs import Inputs

VAT_RATE = 1.2
SCOTTISH_COMMUNITY_BENEFIT_GBP = 4_000_000

SUGGEST = {
    "procurement_start": ("`procurement_start: YYYY-MM-DD` (the day the notice is published or "
                          "the market is first approached, s.1(2))"),
    "nature": "`nature: services` (or goods, works, mixed)",
    "value": "`value: 250000` with `vat: exclusive` (or inclusive)",
    "vat": "`vat: exclusive` or `vat: inclusive` beside the value",
    "authority_kind": ("`authority_kind: sub_central` (or central_government, nhs_central, "
                       "nhs_other, devolved_welsh, scottish, other)"),
    "parts": "`parts: {services: ..., goods: ..., works: ...}` with the value of each part",
}
# Where a tender's facts can be given: Word's custom document properties (File > Info >
# Properties > Advanced Properties > Custom, read by load/docprops.py) or YAML front matter
# (or a NAME.svrules.yaml sidecar).
WHERE_TO_SET = ("set the Word custom property {name} (File > Info > Properties > Advanced "
                "Properties > Custom) or add {example} to the front matter")


KIND_NAMES = {
    AuthorityKind.central_government: "a central government authority",
    AuthorityKind.sub_central: "a sub-central authority",
    AuthorityKind.nhs: "an NHS body",
    AuthorityKind.devolved_welsh: "a devolved Welsh authority",
    AuthorityKind.scottish: "a Scottish authority",
    AuthorityKind.other: "another kind of contracting authority",
    AuthorityKind.nhs_central: "an NHS body listed as a central government authority",
    AuthorityKind.nhs_other: "an NHS body not listed as central government",
    AuthorityKind.not_contracting_authority: "not a contracting authority",
}


def money(value: float) -> str:
    return f"£{value:,.0f}"


@dataclass
class _Verdict:
    book: LawBook
    reasons: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def say(self, sentence: str, *provisions: str) -> None:
        self.reasons.append(sentence)
        for key in provisions:
            cite = self.book.cite(key)
            if cite not in self.citations:
                self.citations.append(cite)

    def cite(self, citation: Citation) -> None:
        if citation not in self.citations:
            self.citations.append(citation)

    def lack(self, name: str, why: str) -> None:
        self.missing.append(name)
        how = WHERE_TO_SET.format(name=name, example=SUGGEST.get(name, f"`{name}: ...`"))
        self.reasons.append(f"{why} Unknown: {name}; to decide, {how}.")

    def result(self, applies: Optional[bool], regime=None, threshold=None,
               good_practice_only: bool = False) -> Applicability:
        return Applicability(act_applies=applies, regime=regime, threshold_gbp=threshold,
                             reasons=tuple(self.reasons), citations=tuple(self.citations),
                             missing=tuple(self.missing), warnings=tuple(self.warnings),
                             good_practice_only=good_practice_only)


def _territory(inputs: Inputs, v: _Verdict) -> Optional[Applicability]:
    kind = inputs.get("authority_kind")
    jurisdiction = inputs.get("jurisdiction")
    if kind is not None and kind.value == AuthorityKind.not_contracting_authority.value:
        v.say(f"The buyer is not a contracting authority {kind.said()}, so it is not a relevant "
              "authority and s.1 does not bind it (SVA 2012 s.1(15)).", "relevant_authority")
        return v.result(False, good_practice_only=True)
    if kind is not None and kind.value == AuthorityKind.devolved_welsh.value:
        v.say(f"The authority is a devolved Welsh authority {kind.said()}: s.1 of the Act does "
              "not apply to Welsh authorities whose functions are wholly or mainly devolved "
              "(SVA 2012 s.1(11)-(12)); the Social Partnership and Public Procurement (Wales) "
              "Act 2023 s.24 socially responsible procurement duty applies instead.", "s1_11")
        return v.result(False, good_practice_only=True)
    if (kind is not None and kind.value == AuthorityKind.scottish.value) or \
            (jurisdiction is not None and jurisdiction.value == "scotland"):
        said = (kind if kind is not None and kind.value == "scottish" else jurisdiction).said()
        v.say(f"The procurement is Scottish {said}: the Social Value Act does not extend to "
              "Scotland (SVA 2012 s.3).", "scotland_extent")
        value = inputs.get("value")
        if value is not None and value.value >= SCOTTISH_COMMUNITY_BENEFIT_GBP:
            v.say(f"At {money(value.value)}, the Procurement Reform (Scotland) Act 2014 s.25 "
                  "community benefit duty applies instead: consider community benefit "
                  "requirements and summarise them in the contract notice, or state why there "
                  "are none.", "scotland")
        else:
            v.say("The Procurement Reform (Scotland) Act 2014 s.25 community benefit duty "
                  "applies instead where the estimated value is £4,000,000 or more.", "scotland")
        return v.result(False, good_practice_only=True)
    if jurisdiction is not None and jurisdiction.value == "northern_ireland":
        v.say(f"The procurement is in Northern Ireland {jurisdiction.said()}: the Social Value "
              "Act does not extend there; NI PPN 01/21 requires a minimum 10% social value "
              "weighting in above-threshold tenders instead.", "northern_ireland")
        return v.result(False, good_practice_only=True)
    return None


def _nature(inputs: Inputs, v: _Verdict, regime_id: Optional[str]) -> Optional[bool]:
    """True: services (or services the greater part); False: goods/works; None: unknown."""
    nature = inputs.get("nature")
    if nature is None:
        v.lack("nature", "The contract's nature (services, goods, works or mixed) is not stated, "
               "and s.1(1) applies only to public services contracts.")
        return None
    if nature.value == "services":
        v.say(f"The contract is for services {nature.said()}, so it can be a public services "
              "contract within SVA 2012 s.1(1).", "services_definition")
        return True
    if nature.value in ("goods", "works"):
        v.say(f"The contract is for {nature.value} only {nature.said()}: the Act does not apply "
              "to contracts for goods or works alone (SVA 2012 s.1(1); Explanatory Notes "
              "para 12).", "goods_works")
        return False
    parts: Optional[Parts] = inputs.value("parts")
    services = parts.services if parts else None
    others = {"goods": parts.goods if parts else None, "works": parts.works if parts else None}
    absent = [n for n, val in (("services", services), *others.items()) if val is None]
    if services is None or all(val is None for val in others.values()):
        v.warnings.append("mixed contract without the value of each part: add "
                          f"parts.{', parts.'.join(absent)}")
        v.lack("parts", f"The contract is mixed {nature.said()}, but the value of "
               f"{' and '.join(absent)} part{'s' if len(absent) > 1 else ''} is not given: "
               "the Act applies only where services are the greater part by value "
               "(SVA 2012 s.1(1); Explanatory Notes para 12).")
        return None
    rest = sum(val or 0 for val in others.values())
    mixed_key = "mixed_pa" if regime_id == "PA2023" else "mixed_pcr"
    rule = ("PA 2023 s.5 and Sch 1 para 4" if regime_id == "PA2023" else "PCR 2015 reg 4")
    split = f"services {money(services)} against " + " and ".join(
        f"{n} {money(val)}" for n, val in others.items() if val is not None)
    if services > rest:
        v.say(f"The contract is mixed ({split}) and services are the greater part by value, so "
              f"it is a public services contract (SVA 2012 s.1(1); {rule}).",
              "services_definition", mixed_key)
        return True
    main = "works" if (others["works"] or 0) >= (others["goods"] or 0) else "goods"
    v.say(f"The contract is mixed ({split}) and services are not the greater part by value: "
          f"its main subject is {main}, so the Act does not apply (SVA 2012 s.1(1); {rule}).",
          "services_definition", mixed_key)
    return False


def _value_on_basis(inputs: Inputs, basis: str, v: _Verdict, regime_name: str
                    ) -> tuple[Optional[float], Optional[float], bool]:
    """(value on the regime's VAT basis, the other reading if VAT is unknown, converted?)."""
    known = inputs.get("value")
    value = float(known.value)
    if known.vat == basis:
        return value, None, False
    if known.vat is None:
        other = round(value * VAT_RATE if basis == "inclusive" else value / VAT_RATE, 2)
        return value, other, False
    # rounded to pennies, so that a value exactly at the threshold on the other basis meets it
    converted = round(value * VAT_RATE if basis == "inclusive" else value / VAT_RATE, 2)
    way = "adding VAT at 20% (×1.2)" if basis == "inclusive" else "removing VAT at 20% (÷1.2)"
    v.say(f"The estimated value of {money(value)} is stated "
          f"{'net of' if known.vat == 'exclusive' else 'including'} VAT {known.said()}; "
          f"{regime_name} compares values {'including' if basis == 'inclusive' else 'net of'} "
          f"VAT, so it is read as {money(converted)} by {way}.",
          "vat" if basis == "inclusive" else "s1_16_value")
    return converted, None, True


def decide(inputs: Inputs, book: LawBook, apply_to_all_contracts: bool = False) -> Applicability:
    v = _Verdict(book)
    v.warnings.extend(inputs.warnings)

    verdict = _territory(inputs, v)
    if verdict is not None:
        return _finish(verdict, apply_to_all_contracts, v)

    framework = inputs.get("framework")
    if framework is not None and framework.value == "call_off":
        v.say(f"The contract is a call-off under an existing framework {framework.said()}: "
              "s.1(1)(a) covers only contracts not based on a framework, so the duty fell on "
              "the authority that concluded the framework.", "s1_1_call_off")
        return _finish(v.result(False, good_practice_only=True), apply_to_all_contracts, v)

    start = inputs.get("procurement_start")
    regime = None
    if start is not None:
        day: dt.date = start.value
        if day < book.act_in_force:
            v.say(f"The procurement started on {day.isoformat()} {start.said()}, before s.1 "
                  f"came into force on {book.act_in_force.isoformat()}.")
            v.cite(book.act_citation)
            return _finish(v.result(False, good_practice_only=True), apply_to_all_contracts, v)
        regime = book.regime_on(day)

    is_services = _nature(inputs, v, regime.id if regime else None)
    if is_services is False:
        return _finish(v.result(False, regime=regime.id if regime else None,
                                good_practice_only=True), apply_to_all_contracts, v)
    if framework is not None and framework.value == "framework" and is_services:
        v.say(f"The authority is concluding a framework {framework.said()} under which "
              "services contracts are likely to be the greater part by value (SVA 2012 "
              "s.1(1)(b)).", "s1_1_framework")

    if start is None:
        v.lack("procurement_start", "The procurement start date picks the regime and the "
               "threshold in force (SVA 2012 s.1(2)), and it is not stated.")
        return _finish(v.result(None), apply_to_all_contracts, v)

    day = start.value
    if regime is not None:
        v.say(f"The procurement starts on {day.isoformat()} {start.said()}, so the "
              f"{regime.name} governs it (procurements started on or after 24 February 2025 "
              "fall under the Procurement Act 2023).", "regime")
    else:
        v.say(f"The procurement starts on {day.isoformat()} {start.said()}, before the Public "
              "Contracts Regulations 2015 came into force: the earlier regulations governed it "
              "and svrules compares the value net of VAT.", "regime")
    period = book.threshold_on(day)
    if period is None:
        v.warnings.append(f"no threshold is recorded for {day.isoformat()} in rules/law/thresholds.yaml")
        v.lack("procurement_start", f"No threshold period in the law data covers {day.isoformat()}.")
        return _finish(v.result(None, regime=regime.id if regime else None), apply_to_all_contracts, v)
    v.cite(period.citation)
    if period.confidence != "read":
        v.warnings.append(f"the threshold figures for {period.start.isoformat()} onwards were "
                          "remembered, not read from the policy sources: check them")

    light = inputs.get("light_touch")
    if light is not None and light.value is True:
        extra = ""
        if regime is not None and regime.id == "PA2023":
            extra = (" The post-2025 wording of s.1(16) was not read for svrules; the ordinary "
                     "threshold is applied, as before 24 February 2025.")
        v.say(f"The services are light-touch (social, health, education or other specific "
              f"services) {light.said()}: they are in scope at the ordinary services threshold, "
              "not the higher light-touch threshold (SVA 2012 s.1(16) as substituted by SI "
              "2016/275; Lord Young's review)." + extra, "s1_16", "lord_young")

    basis = regime.value_basis if regime is not None else "exclusive"
    regime_name = regime.name if regime is not None else "the regime then in force"
    kind = inputs.get("authority_kind")
    value = inputs.get("value")
    regime_id = regime.id if regime else None

    if value is None:
        if kind is not None:
            threshold = period.for_kind(AuthorityKind(kind.value))
        else:
            threshold = None
        v.lack("value", "The estimated value of the contract is not stated, so it cannot be "
               "compared with the threshold in force (SVA 2012 s.1(16)).")
        return _finish(v.result(None, regime=regime_id, threshold=threshold),
                       apply_to_all_contracts, v)

    compared, other_reading, _ = _value_on_basis(inputs, basis, v, regime_name)

    if kind is None:
        low, high = period.central_government, period.sub_central
        readings = [r for r in (compared, other_reading) if r is not None]
        if all(r >= high for r in readings) or all(r < low for r in readings):
            threshold = high if all(r >= high for r in readings) else low
            column = "either threshold"
            v.say(f"The kind of authority is not stated, but {money(compared)} is "
                  f"{'at or above' if threshold == high else 'below'} {column} "
                  f"({money(low)} central government, {money(high)} sub-central).", "s1_16_value")
        else:
            v.lack("authority_kind", f"{money(compared)} lies between the central government "
                   f"threshold ({money(low)}) and the sub-central threshold ({money(high)}), and "
                   "the kind of authority is not stated.")
            return _finish(v.result(None, regime=regime_id), apply_to_all_contracts, v)
    else:
        akind = AuthorityKind(kind.value)
        threshold = period.for_kind(akind)
        column = ("central government" if akind is AuthorityKind.central_government
                  else "sub-central authority")
        nhs = (" (NHS bodies take the sub-central column unless they are central government "
               "bodies)" if akind is AuthorityKind.nhs else "")
        v.say(f"The authority is {KIND_NAMES[akind]} {kind.said()}, so the "
              f"{column} services threshold of {money(threshold)} applies from "
              f"{period.start.isoformat()}{nhs}.", "s1_16_value")

    if other_reading is not None:
        low_reading, high_reading = sorted((compared, other_reading))
        if (low_reading >= threshold) != (high_reading >= threshold):
            v.warnings.append("the text does not say whether the value includes VAT")
            v.lack("vat", f"{money(value.value)} {value.said()} does not say whether it "
                   f"includes VAT, and the verdict turns on it against {money(threshold)}.")
            return _finish(v.result(None, regime=regime_id, threshold=threshold),
                           apply_to_all_contracts, v)
        v.warnings.append(f"the value {value.said()} does not say whether it includes VAT; "
                          "the verdict is the same either way")

    if compared >= threshold and is_services is None:
        v.say(f"{money(compared)} is at or above the threshold of {money(threshold)}, so whether "
              "s.1 applies turns on the contract's nature.", "s1_16_value")
        return _finish(v.result(None, regime=regime_id, threshold=threshold),
                       apply_to_all_contracts, v)
    if compared >= threshold:
        v.say(f"{money(compared)} is at or above the threshold of {money(threshold)}, so s.1 "
              "applies: before starting the process of procurement the authority must consider "
              "how the procurement might improve the economic, social and environmental "
              "well-being of the relevant area (s.1(3)), only matters relevant and proportionate "
              "(s.1(6)), and whether to consult (s.1(7)) (SVA 2012 s.1(1)).", "s1_1", "s1_3")
        _urgency(inputs, v)
        return _finish(v.result(True, regime=regime_id, threshold=threshold),
                       apply_to_all_contracts, v)
    v.say(f"{money(compared)} is below the threshold of {money(threshold)}, so s.1 does not "
          "apply; social value can still be considered as a matter of good practice.",
          "s1_16_value", "good_practice")
    return _finish(v.result(False, regime=regime_id, threshold=threshold, good_practice_only=True),
                   apply_to_all_contracts, v)


def _urgency(inputs: Inputs, v: _Verdict) -> None:
    urgency = inputs.get("urgency")
    if urgency is None or not getattr(urgency.value, "claimed", False):
        return
    reason = getattr(urgency.value, "reason", None)
    v.say(f"Urgency is claimed {urgency.said()}: where an urgent need makes compliance "
          "impractical the authority may disregard s.1(3), (6) and (7) (SVA 2012 s.1(8)); "
          "urgency of the authority's own making does not count.", "s1_8")
    if not reason:
        v.warnings.append("urgency is claimed but no reason is recorded: record why the need "
                          "is urgent and why it makes compliance impractical (s.1(8))")


def _finish(verdict: Applicability, apply_to_all: bool, v: _Verdict) -> Applicability:
    if verdict.act_applies is False and apply_to_all:
        v.say("Your organisation applies social value to all its contracts (configuration "
              "`apply_to_all_contracts`), as Kent County Council does, so findings keep their "
              "severity.", "all_contracts")
        return verdict.model_copy(update={"reasons": tuple(v.reasons),
                                          "citations": tuple(v.citations),
                                          "good_practice_only": False})
    return verdict
