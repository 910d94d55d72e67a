"""Does the Social Value Act duty apply to this procurement, under which regime and threshold?

The verdict is built as a list of reasons, each a sentence naming its instrument and section and
carrying the provision's citation, in the order a lawyer would reason: territory, date and
regime, framework, type of contract, value against the threshold in force, then urgency.
Each of those is a small step (STEPS, at the end) that either answers or passes on, leaving what
it settled for the steps after it, so a new ground of exclusion is one more step in the list.
Besides the Act's own answer the verdict carries the procurement-law facts rules need: which
law governs the award, the threshold for the contract's type and whether the contract is below
it, and the value on the VAT basis it was compared. Nothing is guessed: an input that the
verdict turns on and that is missing leaves the answer as None, names the field and says what
metadata to add.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..extract import buyers
from ..extract._rx import rx
from ..model import Applicability, AuthorityKind, Citation, Parts
from .data import LawBook, ThresholdPeriod
from .inputs import Inputs

VAT_RATE = 1.2

SUGGEST = {
    "procurement_start": "add `procurement_start: YYYY-MM-DD` (the day the notice is published "
                         "or the market is first approached, s.1(2))",
    "nature": "add `nature: services` (or goods, works, mixed)",
    "value": "add `value: 250000` and `vat: exclusive` (or inclusive)",
    "vat": "add `vat: exclusive` or `vat: inclusive` beside the value",
    "authority_kind": "add `authority_kind: sub_central` (or central_government, nhs_central, "
                      "nhs_other, devolved_welsh, scottish, other)",
    "parts": "add `parts: {services: ..., goods: ..., works: ...}` with the value of each part",
    "main_subject": "add `main_subject: services` or `main_subject: works` (the contract's main "
                    "subject-matter)",
    "light_touch": "add `light_touch: true` if the services are light-touch services (or false)",
}
# Where a tender's facts can be given: Word's custom document properties (File > Info >
# Properties > Advanced Properties > Custom, read by load/docprops.py) or YAML front matter
# (or a NAME.svrules.yaml sidecar).
WHERE_TO_SET = ("set the Word custom property `{name}` (File > Info > Properties > Advanced "
                "Properties > Custom) or, in the front matter, {example}")

KIND_NAMES = {
    AuthorityKind.central_government: "a central government authority",
    AuthorityKind.sub_central: "a sub-central authority",
    AuthorityKind.nhs: "an NHS body",
    AuthorityKind.nhs_central: "an NHS body listed as a central government authority",
    AuthorityKind.nhs_other: "an NHS body not listed as a central government authority",
    AuthorityKind.devolved_welsh: "a devolved Welsh authority",
    AuthorityKind.scottish: "a Scottish authority",
    AuthorityKind.other: "another kind of contracting authority",
    AuthorityKind.not_contracting_authority: "not a contracting authority",
}

REGIME_NAMES = {"PCR2015": "Public Contracts Regulations 2015", "PA2023": "Procurement Act 2023",
                "PRSA2014": "Procurement Reform (Scotland) Act 2014",
                "PSR2023": "Health Care Services (Provider Selection Regime) Regulations 2023"}

TYPE_WORDS = {"services": "services", "goods": "goods", "works": "works",
              "light_touch": "light-touch services", "concession": "concession"}


def money(value: float) -> str:
    return f"£{value:,.0f}"


def on_basis(basis: Optional[str]) -> str:
    return {"inclusive": "including VAT", "exclusive": "net of VAT"}.get(basis or "", "")


@dataclass
class _Verdict:
    book: LawBook
    reasons: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)     # the procurement-law fields of Applicability
    nhs_unsettled: Optional[str] = None           # why an NHS body's listing is open

    def say(self, sentence: str, *provisions: str) -> None:
        self.reasons.append(sentence)
        for key in provisions:
            self.cite(self.book.cite(key))

    def cite(self, citation: Citation) -> None:
        if citation not in self.citations:
            self.citations.append(citation)

    def lack(self, name: str, why: str) -> None:
        if name not in self.missing:
            self.missing.append(name)
        how = WHERE_TO_SET.format(name=name, example=SUGGEST.get(name, f"add `{name}: ...`"))
        self.reasons.append(f"{why} Unknown: {name}; to decide, {how}.")

    def result(self, applies: Optional[bool], regime=None, threshold=None,
               good_practice_only: bool = False) -> Applicability:
        return Applicability(act_applies=applies, regime=regime, threshold_gbp=threshold,
                             reasons=tuple(self.reasons), citations=tuple(self.citations),
                             missing=tuple(self.missing), warnings=tuple(self.warnings),
                             good_practice_only=good_practice_only, **self.facts)


# --------------------------------------------------------------------------- values

@dataclass(frozen=True)
class _Value:
    """The estimated value on a comparison basis: one reading, or two when VAT is not stated."""

    readings: tuple[float, ...]
    basis: str

    def against(self, threshold: float) -> Optional[bool]:
        """True at or above, False below, None when the two readings fall either side."""
        above = {r >= threshold for r in self.readings}
        return above.pop() if len(above) == 1 else None


def _value_on(inputs: Inputs, basis: str) -> Optional[_Value]:
    known = inputs.get("value")
    if known is None:
        return None
    value = float(known.value)
    if known.vat == basis:
        return _Value((value,), basis)
    # rounded to pennies, so that a value exactly at the threshold on the other basis meets it
    other = round(value * VAT_RATE if basis == "inclusive" else value / VAT_RATE, 2)
    if known.vat is None:
        return _Value((value, other), basis)
    return _Value((other,), basis)


def _say_conversion(inputs: Inputs, value: _Value, v: _Verdict, why: str) -> None:
    """Say how a value stated on the other VAT basis was read (the basis is cited by the
    caller, from the dated law data)."""
    known = inputs.get("value")
    if known is None or known.vat in (None, value.basis):
        return
    way = "adding VAT at 20% (×1.2)" if value.basis == "inclusive" else "removing VAT at 20% (÷1.2)"
    v.say(f"The estimated value of {money(known.value)} is stated {on_basis(known.vat)} "
          f"{known.said()}; {why} compares values {on_basis(value.basis)}, so it is read as "
          f"{money(value.readings[0])} by {way}.")


# --------------------------------------------------------------------------- the authority

def _central(inputs: Inputs, day: dt.date, v: _Verdict) -> Optional[bool]:
    """Is the authority a central government authority on `day`? None when not known."""
    kind = inputs.get("authority_kind")
    if kind is None:
        return None
    akind = AuthorityKind(kind.value)
    if akind in (AuthorityKind.central_government, AuthorityKind.nhs_central):
        return True
    if akind is not AuthorityKind.nhs:
        return False
    name = str(inputs.value("authority") or "")
    for body in v.book.nhs_bodies:
        if any(rx(pattern).search(name) for pattern in body.names):
            listing = body.listing_on(day)
            if listing is None or listing.central is None:
                if listing is not None:
                    v.cite(listing.citation)
                v.nhs_unsettled = (f"{name} is {body.name}, and whether it is listed as a central "
                                   f"government authority on {day.isoformat()} is not settled by "
                                   "the sources svrules holds.")
                return None
            v.cite(listing.citation)
            v.say(f"{name} is {body.name}, which is {'' if listing.central else 'not '}listed as "
                  f"a central government authority on {day.isoformat()} ({listing.citation.section}).")
            return listing.central
    v.nhs_unsettled = (f"The authority is an NHS body {kind.said()}, and its name"
                       f"{' (' + name + ')' if name else ''} does not say whether it is listed as "
                       "a central government authority (NHS Trusts, NHS Foundation Trusts, NHS "
                       "England and the NHS Business Services Authority are, from 24 February "
                       "2025; integrated care boards are not).")
    return None


def _column_threshold(central: Optional[bool], period: ThresholdPeriod,
                      value: Optional[_Value]) -> tuple[Optional[float], bool]:
    """The goods and services threshold for the authority (or the one that settles the
    comparison when the kind is unknown), and whether the kind was left open."""
    if central is not None:
        return period.for_column(central), False
    low, high = period.central_government, period.sub_central
    if value is not None:
        if value.against(high) is True:
            return high, False
        if value.against(low) is False:
            return low, False
    return None, True


def _pa_era(inputs: Inputs, book: LawBook) -> bool:
    """Does the procurement start under the Procurement Act 2023 (rules/law/regimes.yaml)?"""
    start = inputs.value("procurement_start")
    regime = book.regime_on(start) if isinstance(start, dt.date) else None
    return regime is not None and regime.id == "PA2023"


def _threshold_key(inputs: Inputs, book: LawBook) -> str:
    """The provision that sets the goods and services thresholds on the start date."""
    return "pa_sch1" if _pa_era(inputs, book) else "pcr_reg5"


def _act_key(inputs: Inputs, book: LawBook) -> str:
    """SVA 2012 s.1(16)(a) in the wording in force on the start date."""
    return "s1_16_pa" if _pa_era(inputs, book) else "s1_16_pcr"


def _kind_sentence(inputs: Inputs, central: Optional[bool], threshold: float,
                   period: ThresholdPeriod, v: _Verdict, what: str) -> None:
    kind = inputs.get("authority_kind")
    column = "central government" if central else "sub-central authority"
    if kind is not None and central is not None:
        v.say(f"The authority is {KIND_NAMES[AuthorityKind(kind.value)]} {kind.said()}, so the "
              f"{column} {what} threshold of {money(threshold)} applies from "
              f"{period.start.isoformat()}.", _threshold_key(inputs, v.book))
    elif central is None:
        v.say(f"The kind of authority is not settled, but the value is "
              f"{'at or above' if threshold == period.sub_central else 'below'} either "
              f"threshold ({money(period.central_government)} central government, "
              f"{money(period.sub_central)} sub-central).", _threshold_key(inputs, v.book))


def _lack_kind(v: _Verdict, period: ThresholdPeriod, value: _Value) -> None:
    between = (f"{money(value.readings[0])} {on_basis(value.basis)} lies between the central "
               f"government threshold ({money(period.central_government)}) and the sub-central "
               f"threshold ({money(period.sub_central)})")
    if v.nhs_unsettled:
        v.lack("authority_kind", f"{v.nhs_unsettled} The value decides it: {between}; use "
               "`nhs_central` for a listed body, `nhs_other` for an unlisted one.")
    else:
        v.lack("authority_kind", f"The kind of authority is not stated, and {between}.")


# --------------------------------------------------------------------------- the contract

def _nature(inputs: Inputs, v: _Verdict, regime_id: Optional[str]) -> Optional[str]:
    """services, goods or works (the type whose rules the contract follows); None: unknown."""
    nature = inputs.get("nature")
    if nature is None:
        v.lack("nature", "The contract's nature (services, goods, works or mixed) is not stated, "
               "and s.1(1) applies only to public services contracts.")
        return None
    if nature.value == "services":
        v.say(f"The contract is for services {nature.said()}, so it can be a public services "
              "contract within SVA 2012 s.1(1).", "services_definition")
        return "services"
    if nature.value in ("goods", "works"):
        v.say(f"The contract is for {nature.value} only {nature.said()}: the Act does not apply "
              "to contracts for goods or works alone (SVA 2012 s.1(1); Explanatory Notes "
              "para 12).", "goods_works")
        return nature.value
    return _mixed(inputs, v, regime_id)


def _mixed(inputs: Inputs, v: _Verdict, regime_id: Optional[str]) -> Optional[str]:
    parts: Optional[Parts] = inputs.value("parts")
    main = inputs.get("main_subject")
    services = parts.services if parts else None
    goods = parts.goods if parts else None
    works = parts.works if parts else None
    pa = regime_id == "PA2023"
    works_rule = ("PA 2023 Sch 1 para 4: a works contract if its main purpose is works" if pa
                  else "PCR 2015 reg 4(1)(a) and the reg 2(1) definitions: the main subject-matter")
    works_keys = ("pa_works_contract",) if pa else ("pcr_mixed_main", "pcr_works_definition")
    if main is not None:
        v.say(f"The contract mixes services and works and its main subject-matter is "
              f"{main.value} {main.said()}, which decides its type, not the value of each part "
              f"({works_rule}).", *works_keys)
        if main.value == "works":
            v.say("A works contract is not a public services contract, so the Act does not "
                  "apply (SVA 2012 s.1(1)).", "goods_works")
            return "works"
        if goods is None or services is None or services > goods:
            return "services"
    elif works:
        split = f"services {money(services)} and works {money(works)}" if services is not None \
            else f"works {money(works)}"
        v.lack("main_subject", f"The contract mixes services and works ({split}): its type "
               f"follows its main subject-matter, not the value of each part ({works_rule}).")
        for key in works_keys:
            v.cite(v.book.cite(key))
        return None
    if services is None or goods is None:
        absent = [n for n, val in (("services", services), ("goods", goods), ("works", works))
                  if val is None]
        v.warnings.append("mixed contract without the value of each part: add "
                          + ", ".join(f"parts.{n}" for n in absent))
        v.lack("parts", "The contract is mixed, and whether services are the greater part by "
               "value decides whether it is a public services contract (SVA 2012 s.1(1)).")
        return None
    rule = ("PCR 2015 reg 4(1)(b)(ii)" if not pa else
            "SVA 2012 s.1(1): services together with the purchase or hire of goods")
    keys = ("services_definition",) + (("pcr_mixed_value",) if not pa else ())
    split = f"services {money(services)} against goods {money(goods)}"
    if services > goods:
        v.say(f"The contract mixes services and goods ({split}) and services are the greater "
              f"part by value, so it is a public services contract ({rule}).", *keys)
        return "services"
    v.say(f"The contract mixes services and goods ({split}) and services are not the greater "
          f"part by value: it is a goods contract, so the Act does not apply ({rule}).", *keys)
    return "goods"


# --------------------------------------------------------------------------- territory

def _northern_ireland(inputs: Inputs, v: _Verdict) -> Optional[Applicability]:
    jurisdiction = inputs.get("jurisdiction")
    if jurisdiction is not None and jurisdiction.value == "northern_ireland":
        v.say(f"The procurement is in Northern Ireland {jurisdiction.said()}: the Social Value "
              "Act extends to England and Wales only (SVA 2012 s.4(4)); NI PPN 01/21 requires a "
              "minimum 10% social value weighting in above-threshold tenders instead.",
              "sva_extent", "northern_ireland")
        return v.result(False, good_practice_only=True)
    return None


def _is_scottish(inputs: Inputs) -> bool:
    kind = inputs.get("authority_kind")
    jurisdiction = inputs.get("jurisdiction")
    return (kind is not None and kind.value == AuthorityKind.scottish.value) or \
        (jurisdiction is not None and jurisdiction.value == "scotland")


def _scotland(inputs: Inputs, v: _Verdict) -> Applicability:
    """A devolved Scottish authority: the Procurement Reform (Scotland) Act 2014 governs."""
    kind = inputs.get("authority_kind")
    jurisdiction = inputs.get("jurisdiction")
    said = (kind if kind is not None and kind.value == "scottish" else jurisdiction).said()
    law = v.book.scotland
    v.facts["procurement_law"] = "PRSA2014"
    v.say(f"The procurement is Scottish {said}: the Social Value Act extends to England and "
          "Wales only (SVA 2012 s.4(4)), and a devolved Scottish authority is not a contracting "
          "authority under the Procurement Act 2023 (s.2(5)(a)); the Procurement Reform "
          "(Scotland) Act 2014 governs.", "sva_extent", "pa_excluded_scottish")
    start = inputs.value("procurement_start")
    if isinstance(start, dt.date) and start < law.start:
        v.warnings.append(f"the Procurement Reform (Scotland) Act 2014 duties are taken to apply "
                          f"from {law.start.isoformat()}; the procurement starts earlier")
    if law.from_confidence != "read":
        v.warnings.append(f"the commencement date of the Scottish duties ({law.start.isoformat()}) "
                          "is remembered, not read from the policy sources")
    nature = inputs.value("nature")
    works = nature == "works" or (nature == "mixed" and inputs.value("main_subject") == "works")
    threshold = law.regulated_works if works else law.regulated
    v.facts.update(contract_type="works" if works else (nature if nature in ("goods", "services")
                                                         else None),
                   procurement_threshold_gbp=threshold)
    value = _value_on(inputs, law.basis)
    if value is None:
        v.say(f"The sustainable procurement duty (ss.8(2) and 9) applies to a regulated "
              f"procurement: estimated value {money(threshold)} or more, net of VAT (ss.3, 5).",
              "prsa_s9", "prsa_regulated")
        return v.result(False, good_practice_only=True)
    _say_conversion(inputs, value, v, "the Procurement Reform (Scotland) Act 2014 (s.5(1))")
    v.cite(v.book.cite("prsa_regulated"))
    regulated = value.against(threshold)
    v.facts.update(value_compared_gbp=value.readings[0], value_basis=law.basis,
                   below_threshold=None if regulated is None else not regulated)
    shown = f"{money(value.readings[0])} {on_basis(law.basis)}"
    if regulated is None:
        v.lack("vat", f"Whether the procurement is regulated turns on VAT against "
               f"{money(threshold)} net of VAT (s.3(2)).")
        return v.result(False, good_practice_only=True)
    if not regulated:
        v.say(f"{shown} is below the {money(threshold)} threshold of a regulated procurement "
              "(s.3(2)), so the sustainable procurement duty (s.9) does not apply.", "prsa_regulated")
        return v.result(False, good_practice_only=True)
    v.facts["duty"] = "PR(S)A 2014 s.9"
    v.say(f"{shown} is at or above the {money(threshold)} threshold of a regulated procurement "
          "(s.3(2)), so the sustainable procurement duty applies: before carrying out the "
          "procurement the authority must consider how it can improve the economic, social and "
          "environmental wellbeing of its area, facilitate the involvement of SMEs, third sector "
          "bodies and supported businesses, and promote innovation (ss.8(2), 9).",
          "prsa_regulated", "prsa_s9")
    if value.against(law.community_benefit):
        v.say(f"At {shown}, the s.25 community benefit duty applies as well: consider community "
              "benefit requirements and summarise them in the contract notice, or state why "
              "there are none.", "prsa_s25")
    else:
        v.say(f"The s.25 community benefit duty applies from {money(law.community_benefit)}; "
              f"{shown} is below it.", "prsa_s25")
    return v.result(False, good_practice_only=True)


def _wales(inputs: Inputs, v: _Verdict, tagged: bool = True) -> None:
    """A devolved Welsh authority; `tagged`: its kind says so (else a reason before this one
    has said why a buyer tagged by its threshold column is one)."""
    kind = inputs.get("authority_kind")
    start = inputs.value("procurement_start")
    law = v.book.wales
    if tagged:
        v.say(f"The authority is a devolved Welsh authority {kind.said()}: s.1 of the Act does "
              "not apply to \"a relevant authority whose functions are wholly or mainly Welsh "
              "devolved functions\" (SVA 2012 s.1(11)(e)-(12)).", "s1_11")
    if _pa_era(inputs, v.book):
        v.say("The Procurement Act 2023 amendments to s.1 (SI 2025/163 reg 7, from 24 February "
              "2025) leave s.1(11)-(12) as enacted: a devolved Welsh authority is a contracting "
              "authority under the Procurement Act 2023, so a relevant authority, and s.1(11) "
              "still takes it out of the duty.", "s1_11_unamended")
    if isinstance(start, dt.date) and start >= law.start:
        v.facts["duty"] = "SPPP(W)A 2023 s.24"
        v.say("The Social Partnership and Public Procurement (Wales) Act 2023 s.24 socially "
              "responsible procurement duty binds it instead: it must seek to improve the "
              "economic, social, environmental and cultural well-being of its area by carrying "
              f"out public procurement in a socially responsible way (in force from "
              f"{law.start.isoformat()}). The duty binds a contracting authority listed in that "
              "Act's Schedule 1 (s.22(1)), which svrules does not hold: Welsh councils, NHS Wales "
              "bodies and the Welsh Ministers are the bodies it is written for.")
        v.cite(law.citation)
        v.cite(v.book.cite("spppwa_s22"))
    elif isinstance(start, dt.date):
        v.say(f"The Social Partnership and Public Procurement (Wales) Act 2023 s.24 socially "
              f"responsible procurement duty is not yet in force on {start.isoformat()} (from "
              f"{law.start.isoformat()}).", "wales_not_in_force")
    else:
        v.say("The Social Partnership and Public Procurement (Wales) Act 2023 s.24 socially "
              f"responsible procurement duty binds it for procurements started on or after "
              f"{law.start.isoformat()}; the start date is not stated.", "wales_not_in_force")
    v.say("A Welsh council's contract terms remain subject to the Local Government Act 1988 "
          "s.17 (non-commercial matters, including the location of a contractor's business).")


# Kinds that say only which threshold column a buyer takes (or that it is some other contracting
# authority): in Wales they leave open whether its functions are devolved (s.1(11)(e)).
COLUMN_KINDS = frozenset({AuthorityKind.sub_central.value, AuthorityKind.nhs.value,
                          AuthorityKind.nhs_central.value, AuthorityKind.nhs_other.value,
                          AuthorityKind.other.value})
# Bodies that are devolved whatever kind they are tagged with: s.1(11)(a)-(d) name the Welsh
# Ministers and the Assembly's office-holders, and a Welsh Government sponsored body exercises
# the Ministers' devolved functions.
WELSH_GOVERNMENT = ("Welsh or Scottish government", "Welsh Government sponsored body")


def _placed(inputs: Inputs) -> Optional[tuple[str, str]]:
    """(territory, why) for the buyer: its own name first (which can place it in England too),
    then the stated territory."""
    name = str(inputs.value("authority") or "")
    placed = buyers.name_territory(name) if name else None
    if placed is not None:
        return placed[0], f"its name places it in {placed[0].title()} ('{placed[1]}')"
    jurisdiction = inputs.get("jurisdiction")
    if jurisdiction is not None and jurisdiction.value == "wales":
        return "wales", f"its territory is Wales {jurisdiction.said()}"
    return None


def _welsh_status(inputs: Inputs, v: _Verdict) -> Optional[bool]:
    """For a buyer in Wales tagged by its threshold column (or as central government): True when
    it is read as a devolved Welsh authority (SVA 2012 s.1(11)-(12)), False when it is in Wales
    but not devolved (a police body, a UK department, an English border body), None when the
    question does not arise. s.1(11)(e) turns on whether the body's functions are wholly or
    mainly Welsh devolved functions (s.1(12): conferred by provision within the Senedd's
    competence or made by the Welsh Ministers), which its threshold column does not say; the
    body's type, read from its name (rules/data/authorities.yaml), does."""
    kind = inputs.get("authority_kind")
    if kind is None or kind.value not in COLUMN_KINDS | {AuthorityKind.central_government.value}:
        return None
    placed = _placed(inputs)
    name = str(inputs.value("authority") or "")
    if kind.value == AuthorityKind.central_government.value:
        reading = buyers.classify(name) if name else None
        if reading is None or reading.body not in WELSH_GOVERNMENT or reading.territory != "wales":
            return None
        v.say(f"The authority is tagged {KIND_NAMES[AuthorityKind(kind.value)]} {kind.said()}, "
              f"but {reading.detail}: the Welsh Ministers, the First Minister, the Counsel "
              "General and the Assembly Commission are not required to comply with s.1 "
              "(SVA 2012 s.1(11)(a)-(d)), nor is a body exercising wholly or mainly Welsh devolved "
              "functions (s.1(11)(e)), so it is treated as a devolved Welsh authority.",
              "s1_11_ministers", "s1_11")
        return True
    if placed is None:
        return None
    where, why = placed
    tag = f"{KIND_NAMES[AuthorityKind(kind.value)]} {kind.said()}"
    if where == "england":
        if inputs.value("jurisdiction") == "wales":
            v.say(f"The authority is {tag} and the territory is given as Wales, but {why}: an "
                  "English body exercises functions conferred for England, not Welsh devolved "
                  "functions, so s.1(11)(e) does not take it out of the Act (SVA 2012 s.1(11)-(12)).",
                  "s1_11", "s1_12")
            v.warnings.append("the territory is Wales but the authority's name places it in "
                              "England: check `jurisdiction`")
            return False
        return None
    if where != "wales":
        return None
    reading = buyers.classify(name, (where, why)) if name else None
    if reading is not None and reading.kind != AuthorityKind.devolved_welsh.value:
        v.say(f"The authority is {tag} and {why}, but {reading.detail}: its functions are not "
              "wholly or mainly Welsh devolved functions (SVA 2012 s.1(11)(e)), since they are "
              "not conferred by provision within the Senedd's legislative competence or made by "
              "the Welsh Ministers (s.1(12)), so s.1 binds it as it binds an English authority.",
              "s1_11", "s1_12", "s1_12_reserved")
        start = inputs.value("procurement_start")
        if isinstance(start, dt.date) and start >= v.book.wales.start:
            v.say("Whether the Social Partnership and Public Procurement (Wales) Act 2023 s.24 "
                  "duty binds it as well turns on its being listed in that Act's Schedule 1 "
                  "(s.22(1)), which svrules does not hold.", "spppwa_s22")
        return False
    if reading is None:
        named = f"its name ('{name}') does not say" if name else "no name says"
        v.say(f"The authority is {tag} and {why}; {named} what kind of body it is. A sub-central "
              "authority in Wales is taken as a devolved Welsh authority: county and county "
              "borough councils, NHS Wales bodies, fire and rescue and national park "
              "authorities exercise functions conferred by provision within the Senedd's "
              "legislative competence or made by the Welsh Ministers (SVA 2012 s.1(12)), so "
              "they are \"wholly or mainly Welsh devolved functions\" (s.1(11)(e)). A police "
              "body in Wales is not: policing is not devolved.", "s1_11", "s1_12",
              "s1_12_reserved")
        v.warnings.append("a sub-central authority in Wales is presumed devolved (SVA 2012 "
                          "s.1(11)(e)); a police and crime commissioner or chief constable is "
                          "not (policing is not devolved): give the authority's name "
                          "(`authority:`) or set `authority_kind: devolved_welsh`")
        return True
    verb = "is taken, arguably, to exercise" if reading.arguable else "exercises"
    v.say(f"The authority is {tag}, which gives its threshold column, not whether s.1 binds it: "
          f"{reading.detail}. A {reading.body} in Wales {verb} functions conferred by "
          "provision within the Senedd's legislative competence or made by the Welsh Ministers "
          "(SVA 2012 s.1(12)), \"wholly or mainly Welsh devolved functions\" (s.1(11)(e)), so "
          "it is treated as a devolved Welsh authority.", "s1_11", "s1_12")
    if reading.arguable:
        v.warnings.append(f"whether a {reading.body} in Wales is a contracting authority whose "
                          "functions are wholly or mainly Welsh devolved functions (SVA 2012 "
                          "s.1(11)(e)) is arguable; svrules treats it as devolved")
    return True


# --------------------------------------------------------------------------- the notice's kind

def _modification(inputs: Inputs, v: _Verdict) -> Optional[Applicability]:
    """A notice of a modification or extension of an existing contract: nothing new is procured.

    s.1(1) binds an authority that "proposes to procure" services by entering into a public
    services contract or concluding a framework; a modification (PCR 2015 reg 72, PA 2023 s.74)
    changes a contract already entered into, whose procurement carried the duty. Procurement law
    still governs the modification itself, but not as a new award."""
    kind = inputs.get("notice_kind")
    if kind is None or kind.value != "modification":
        return None
    v.facts["stage"] = "modification"
    v.say(f"The notice is of a modification or extension of an existing contract {kind.said()}: "
          "no new public services contract is entered into and no framework concluded, so there "
          "is no proposal to procure within SVA 2012 s.1(1); the s.1 duty belonged to the "
          "original procurement, and the modification is tested against PCR 2015 reg 72 or PA "
          "2023 s.74 (the grounds for modifying a contract), not as a new award.",
          "s1_1_proposes", "modification")
    return v.result(False, good_practice_only=True)


def _defence(inputs: Inputs, v: _Verdict) -> Optional[Applicability]:
    """A defence and security contract is outside the Act: in the PA era s.1(16)(a) excludes it
    in terms; before, s.1(13) confines s.1 to contracts the Regulations (PCR 2015) have effect in
    relation to, and the Defence and Security Public Contracts Regulations 2011 govern these."""
    said = inputs.get("defence_security")
    if said is None or said.value is not True:
        return None
    start = inputs.value("procurement_start")
    if not isinstance(start, dt.date):
        v.say(f"The contract is a defence and security contract {said.said()}: in either regime "
              "the Act does not reach it. Under the Procurement Act 2023, SVA 2012 s.1(16)(a) "
              "excludes a defence and security contract (PA 2023 s.7) from public services "
              "contracts; before 24 February 2025, s.1 had effect only where the Regulations "
              "(PCR 2015) would (s.1(13)), and defence and security contracts followed the "
              "Defence and Security Public Contracts Regulations 2011 instead.",
              "s1_16_pa", "pa_defence", "s1_13", "pcr_defence")
        return v.result(False, good_practice_only=True)
    if _pa_era(inputs, v.book):
        v.facts["procurement_law"] = "PA2023"
        v.say(f"The contract is a defence and security contract {said.said()} (PA 2023 s.7): "
              "SVA 2012 s.1(16)(a) excludes defence and security contracts from the public "
              "services contracts s.1 reaches, so the Act does not apply.", "s1_16_pa",
              "pa_defence")
        return v.result(False, regime="PA2023", good_practice_only=True)
    v.facts["procurement_law"] = "DSPCR2011"
    v.say(f"The contract is a defence and security contract {said.said()}, awarded under the "
          "Defence and Security Public Contracts Regulations 2011 rather than PCR 2015 (reg 4(3)): "
          "s.1 has effect only where the Regulations (PCR 2015) would have effect in relation to "
          "the contract (SVA 2012 s.1(13)), so the Act does not apply.", "s1_13", "pcr_defence")
    regime = v.book.regime_on(start)
    return v.result(False, regime=regime.id if regime else None, good_practice_only=True)


def _market_engagement(inputs: Inputs, v: _Verdict) -> None:
    """Early market engagement: the verdict is still that of the contract in contemplation, but
    the process of procurement has not started, so the s.1 duties are not yet due.

    s.1(1) asks for the consideration "before starting the process of procurement", and s.1(2)
    dates that start from the first notice inviting tenders, advertisement or contact seeking
    offers or expressions of interest. A notice that says it is market engagement, a request for
    information or not a call for competition is, on its own words, before that step: the
    pre-procurement stage the Act asks the authority to use. The duty is not breached yet, and
    considering and recording social value now is the good practice the Act points to; a notice
    that does seek expressions of interest in the contract would itself start the process
    (s.1(2)(b))."""
    kind = inputs.get("notice_kind")
    if kind is None or kind.value != "market_engagement":
        return
    v.facts["stage"] = "pre_procurement"
    v.say(f"The notice is early market engagement {kind.said()}: on its own words it is not a "
          "call for competition, so the process of procurement has not started (SVA 2012 "
          "s.1(2)). The s.1(3), (6) and (7) considerations fall due before it starts (s.1(1)), "
          "which is now: a missing record of them is not yet a breach, and making it at this "
          "stage is good practice. A notice seeking offers or expressions of interest in the "
          "contract would itself start the process (s.1(2)(b)).", "s1_2", "s1_2_b", "s1_1")


# --------------------------------------------------------------------------- the verdict

def decide(inputs: Inputs, book: LawBook, apply_to_all_contracts: bool = False) -> Applicability:
    """The verdict: the STEPS run in order until one answers, then an organisation's
    apply-to-all-contracts policy on top."""
    v = _Verdict(book)
    v.warnings.extend(inputs.warnings)
    return _finish(_decide(inputs, v), apply_to_all_contracts, v)


@dataclass
class _Case:
    """What the steps have settled so far, for the steps after them."""

    welsh: bool = False
    framework: object = None                      # the `framework` input, when given
    regime: object = None                         # the general regime on the start date
    regime_id: Optional[str] = None
    ctype: Optional[str] = None                   # services, goods or works; None: unknown
    sva_out: bool = False                         # the Act is out whatever the value
    health: bool = False                          # NHS health care services under the PSR
    period: Optional[ThresholdPeriod] = None
    basis_period: object = None
    central: Optional[bool] = None
    light: object = None                          # the `light_touch` input, when given


# A step reads the inputs, says its reasons on the verdict and either returns the answer or
# passes on (None), leaving what it settled on the case for the steps after it.
Step = Callable[[Inputs, _Verdict, _Case], Optional[Applicability]]


def _step_northern_ireland(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    return _northern_ireland(inputs, v)


def _step_scotland(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    return _scotland(inputs, v) if _is_scottish(inputs) else None


def _step_contracting_authority(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    kind = inputs.get("authority_kind")
    if kind is not None and kind.value == AuthorityKind.not_contracting_authority.value:
        v.say(f"The buyer is not a contracting authority {kind.said()}: the Act binds only a "
              "relevant authority, a contracting authority (SVA 2012 s.1(15)), and procurement "
              "law does not govern its contracts.", "s1_15_relevant_authority")
        return v.result(False, good_practice_only=True)
    return None


def _step_wales(inputs: Inputs, v: _Verdict, c: _Case) -> None:
    """A devolved Welsh authority: the Act is out, but the threshold facts are still read.
    A buyer tagged by its threshold column (sub-central, NHS, other) or as central government
    but in Wales is read for what it is first (_welsh_status)."""
    kind = inputs.get("authority_kind")
    c.welsh = kind is not None and kind.value == AuthorityKind.devolved_welsh.value
    tagged = c.welsh
    if not c.welsh:
        c.welsh = _welsh_status(inputs, v) is True
    if kind is not None:
        v.facts["devolved_welsh"] = c.welsh
    if c.welsh:
        _wales(inputs, v, tagged=tagged)
        if _pa_era(inputs, v.book):
            v.warnings.append("contracts regulated by the Welsh Ministers have their own column "
                              "of thresholds (PA 2023 Sch 1 para 1(1)(a), inserted by SI 2025/163 "
                              "reg 3(2)); svrules compares with the other column")
    return None


def _step_call_off(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    c.framework = framework = inputs.get("framework")
    if framework is not None and framework.value == "call_off":
        v.say(f"The contract is a call-off under an existing framework {framework.said()}: "
              "s.1(1)(a) covers only contracts not based on a framework, so the duty fell on "
              "the authority that concluded the framework.", "s1_1_call_off")
        return v.result(False, good_practice_only=True)
    return None


def _step_modification(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    return _modification(inputs, v)


def _step_defence(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    return _defence(inputs, v)


def _step_market_engagement(inputs: Inputs, v: _Verdict, c: _Case) -> None:
    _market_engagement(inputs, v)
    return None


def _step_act_in_force(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    """A procurement started before s.1 came into force; else the regime on the start date."""
    book = v.book
    start = inputs.get("procurement_start")
    if start is not None:
        day: dt.date = start.value
        if day < book.act_in_force:
            v.say(f"The procurement started on {day.isoformat()} {start.said()}, before s.1 "
                  f"came into force on {book.act_in_force.isoformat()}.")
            v.cite(book.act_citation)
            return v.result(False, good_practice_only=True)
        c.regime = book.regime_on(day)
    c.regime_id = c.regime.id if c.regime else None
    if c.regime_id:
        v.facts["procurement_law"] = c.regime_id
    return None


def _step_nature(inputs: Inputs, v: _Verdict, c: _Case) -> None:
    """The contract's type, and a framework's services (SVA 2012 s.1(1)(b))."""
    c.ctype = _nature(inputs, v, c.regime_id)
    c.sva_out = c.welsh or c.ctype in ("goods", "works")
    framework = c.framework
    if framework is not None and framework.value == "framework" and c.ctype == "services":
        v.say(f"The authority is concluding a framework {framework.said()} under which "
              "services contracts are likely to be the greater part by value (SVA 2012 "
              "s.1(1)(b)).", "s1_1_framework")
    return None


def _step_start_known(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    if inputs.get("procurement_start") is None:
        v.lack("procurement_start", "The procurement start date picks the regime and the "
               "threshold in force (SVA 2012 s.1(2)), and it is not stated.")
        return v.result(False if c.sva_out else None, good_practice_only=c.sva_out)
    return None


def _step_regime(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    """The regime sentence and the threshold period in force on the start date."""
    book = v.book
    start = inputs.get("procurement_start")
    day = start.value
    regime = c.regime
    c.health = special = inputs.value("health_care_services") is True and \
        day >= book.provider_selection_regime.start
    if regime is not None and special:
        v.say(f"The procurement starts on {day.isoformat()} {start.said()}, when the "
              f"{regime.name} is the general procurement regime (procurements started on or "
              "after 24 February 2025 fall under the Procurement Act 2023).", "regime")
    elif regime is not None:
        v.say(f"The procurement starts on {day.isoformat()} {start.said()}, so the "
              f"{regime.name} governs it (procurements started on or after 24 February 2025 "
              "fall under the Procurement Act 2023).", "regime")
    else:
        v.say(f"The procurement starts on {day.isoformat()} {start.said()}, before the Public "
              "Contracts Regulations 2015 came into force: the earlier regulations governed it "
              "and svrules compares the value net of VAT.", "regime")
    c.period = period = book.threshold_on(day)
    c.basis_period = basis_period = book.basis_on(day)
    if period is None or basis_period is None:
        v.warnings.append(f"no threshold is recorded for {day.isoformat()} in rules/law/thresholds.yaml")
        v.lack("procurement_start", f"No threshold period in the law data covers {day.isoformat()}.")
        return v.result(False if c.sva_out else None, regime=c.regime_id,
                        good_practice_only=c.sva_out)
    v.cite(period.citation)
    if period.confidence != "read":
        v.warnings.append(f"the threshold figures for {period.start.isoformat()} onwards were "
                          "remembered, not read from the policy sources: check them")
    return None


def _step_authority_column(inputs: Inputs, v: _Verdict, c: _Case) -> None:
    """Whether the authority is central government on the start date (the threshold column)."""
    c.light = inputs.get("light_touch")
    c.central = _central(inputs, inputs.get("procurement_start").value, v)
    return None


def _step_health_care(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    if c.health and not c.welsh:
        return _health_care(inputs, v, c.regime_id, c.period, c.basis_period, c.central, c.light)
    return None


def _step_concession(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    if inputs.value("concession") is True:
        return _concession(inputs, v, c.regime_id, c.period, c.basis_period, c.central)
    return None


def _light_touch(c: _Case) -> bool:
    return c.light is not None and c.light.value is True


def _step_procurement_threshold(inputs: Inputs, v: _Verdict, c: _Case) -> None:
    """The procurement-law threshold for the contract's type, whatever the Act's answer."""
    proc_type = "light_touch" if _light_touch(c) and c.ctype == "services" else c.ctype
    proc_value = _value_on(inputs, c.basis_period.basis)
    _procurement_threshold(inputs, v, proc_type, c.period, proc_value, c.central)
    return None


def _step_outside_act(inputs: Inputs, v: _Verdict, c: _Case) -> Optional[Applicability]:
    """Goods, works or a Welsh authority: the Act is out, and the value does not change it."""
    if c.sva_out:
        return v.result(False, regime=c.regime_id, good_practice_only=True)
    return None


def _step_services_threshold(inputs: Inputs, v: _Verdict, c: _Case) -> Applicability:
    """The value, on the VAT basis the Act compares, against its services threshold; then
    urgency. The last step: it always answers."""
    light_touch = _light_touch(c)
    basis_period = c.basis_period
    regime_id = c.regime_id
    if light_touch:
        pa = regime_id == "PA2023"
        v.say(f"The services are light-touch services {c.light.said()}: the Act reaches them at "
              "the ordinary services threshold, not the higher light-touch threshold "
              + ("(SVA 2012 s.1(16)(b) and (17) as substituted by SI 2025/163)." if pa else
                 "(SVA 2012 s.1(16)(b)-(c) as substituted by SI 2016/275; Lord Young's review)."),
              *(("s1_16_pa_light_touch", "s1_17_pa") if pa else ("s1_16", "lord_young")))
    basis = (basis_period.light_touch if light_touch and basis_period.light_touch
             else basis_period.basis)
    v.cite(basis_period.light_touch_citation if basis != basis_period.basis
           else basis_period.citation)
    value = _value_on(inputs, basis)
    regime_name = (REGIME_NAMES[regime_id] if regime_id else "the regime then in force") \
        if basis == basis_period.basis else "SVA 2012 s.1(16)(b)-(c)"
    return _compare(inputs, v, value, c.period, c.central, regime_id, regime_name,
                    nature_known=c.ctype is not None, urgency=True)


# The steps in the order a lawyer reasons: territory, who the buyer is, the notice's kind and
# stage, the date and regime, the contract's type, the threshold in force and the authority's
# column, the special regimes, then the value against the threshold (and urgency).
STEPS: tuple[Step, ...] = (
    _step_northern_ireland,
    _step_scotland,
    _step_contracting_authority,
    _step_wales,
    _step_call_off,
    _step_modification,
    _step_defence,
    _step_market_engagement,
    _step_act_in_force,
    _step_nature,
    _step_start_known,
    _step_regime,
    _step_authority_column,
    _step_health_care,
    _step_concession,
    _step_procurement_threshold,
    _step_outside_act,
    _step_services_threshold,
)


def _decide(inputs: Inputs, v: _Verdict) -> Applicability:
    case = _Case()
    for step in STEPS:
        verdict = step(inputs, v, case)
        if verdict is not None:
            return verdict
    raise AssertionError("the last step always answers")


def _procurement_threshold(inputs: Inputs, v: _Verdict, ctype: Optional[str],
                           period: ThresholdPeriod, value: Optional[_Value],
                           central: Optional[bool]) -> None:
    """Record the threshold of procurement law for the contract's type and whether the value
    is below it (the facts the below-threshold rules test)."""
    if ctype is None:
        return
    v.facts["contract_type"] = ctype
    figure = {"works": period.works, "light_touch": period.light_touch,
              "concession": period.concession}.get(ctype)
    if ctype in ("services", "goods"):
        figure, open_kind = _column_threshold(central, period, value)
        if open_kind:
            return
    if figure is None:
        return
    v.facts["procurement_threshold_gbp"] = figure
    if value is None:
        return
    below = value.against(figure)
    v.facts.update(value_compared_gbp=value.readings[0], value_basis=value.basis)
    if below is None:
        return
    v.facts["below_threshold"] = not below
    if not below:
        note = v.book.notifiable
        if inputs.value("procurement_start") >= note.start:
            if central is not None:
                notifiable = value.against(note.central_government if central else note.other)
            else:
                notifiable = (False if value.against(note.central_government) is False else
                              True if value.against(note.other) is True else None)
            if notifiable is not None:
                v.facts["notifiable_below_threshold"] = notifiable
        if ctype in ("goods", "works", "light_touch", "concession"):
            pa = _pa_era(inputs, v.book)
            shown = money(value.readings[0]) + (f" {on_basis(value.basis)}"
                                                if len(value.readings) == 1 else "")
            v.say(f"For procurement law, {shown} is below the {TYPE_WORDS[ctype]} threshold of "
                  f"{money(figure)}: a below-threshold contract "
                  f"({'PA 2023 s.5(5)' if pa else 'PCR 2015 reg 5(1)'}).",
                  *(("pa_sch1", "pa_below_threshold") if pa else ("pcr_reg5",)))


def _compare(inputs: Inputs, v: _Verdict, value: Optional[_Value], period: ThresholdPeriod,
             central: Optional[bool], regime_id: Optional[str], regime_name: str,
             nature_known: bool, urgency: bool) -> Applicability:
    """The value against the Act's services threshold."""
    if value is None:
        threshold = period.for_column(central) if central is not None else None
        v.lack("value", "The estimated value of the contract is not stated, so it cannot be "
               "compared with the threshold in force (SVA 2012 s.1(16)).")
        return v.result(None, regime=regime_id, threshold=threshold)
    _say_conversion(inputs, value, v, regime_name)
    threshold, open_kind = _column_threshold(central, period, value)
    if open_kind:
        _lack_kind(v, period, value)
        return v.result(None, regime=regime_id)
    _kind_sentence(inputs, central, threshold, period, v, "services")
    v.facts["value_compared_gbp"] = value.readings[0]
    v.facts["value_basis"] = value.basis
    above = value.against(threshold)
    known = inputs.get("value")
    if len(value.readings) > 1:
        if above is None:
            v.warnings.append("the text does not say whether the value includes VAT")
            v.lack("vat", f"{money(known.value)} {known.said()} does not say whether it "
                   f"includes VAT, and the verdict turns on it against {money(threshold)}.")
            return v.result(None, regime=regime_id, threshold=threshold)
        v.warnings.append(f"the value {known.said()} does not say whether it includes VAT; "
                          "the verdict is the same either way")
    shown = f"{money(value.readings[0])}" + (f" {on_basis(value.basis)}"
                                             if len(value.readings) == 1 else "")
    limit = f"{money(threshold)}" + (f" ({on_basis(value.basis)})" if len(value.readings) == 1
                                     else "")
    if above and not nature_known:
        v.say(f"{shown} is at or above the threshold of {limit}, so whether s.1 applies turns "
              "on the contract's nature.", _act_key(inputs, v.book))
        return v.result(None, regime=regime_id, threshold=threshold)
    if above:
        v.facts["duty"] = "SVA 2012 s.1"
        v.say(f"{shown} is at or above the threshold of {limit}, so s.1 applies: before "
              "starting the process of procurement the authority must consider how the "
              "procurement might improve the economic, social and environmental well-being of "
              "the relevant area (s.1(3)), only matters relevant and proportionate (s.1(6)), and "
              "whether to consult (s.1(7)) (SVA 2012 s.1(1)).", "s1_1", "s1_3")
        if urgency:
            _urgency(inputs, v)
        return v.result(True, regime=regime_id, threshold=threshold)
    v.say(f"{shown} is below the threshold of {limit}, so s.1 does not apply; social value "
          "can still be considered as a matter of good practice.", _act_key(inputs, v.book),
          "good_practice")
    return v.result(False, regime=regime_id, threshold=threshold, good_practice_only=True)


def _concession(inputs: Inputs, v: _Verdict, regime_id: Optional[str], period: ThresholdPeriod,
                basis_period, central: Optional[bool]) -> Applicability:
    concession = inputs.get("concession")
    if regime_id == "PA2023":
        v.say(f"The contract is a concession contract {concession.said()} (PA 2023 s.8): "
              "SVA 2012 s.1(16) excludes concession contracts from public services contracts, "
              "so the Act does not apply.", "pa_concession", "s1_16_pa")
    else:
        v.say(f"The contract is a concession contract {concession.said()}: concessions were "
              "not public service contracts under the Public Contracts Regulations 2015 (they "
              "had their own regulations, not held in the policy sources), so the Act, which "
              "follows the PCR (SVA 2012 s.1(16)(a)), does not apply.", "s1_16_pcr")
    if regime_id == "PA2023":
        _procurement_threshold(inputs, v, "concession", period,
                               _value_on(inputs, basis_period.basis), central)
    return v.result(False, regime=regime_id, good_practice_only=True)


def _health_care(inputs: Inputs, v: _Verdict, regime_id: Optional[str], period: ThresholdPeriod,
                 basis_period, central: Optional[bool], light) -> Applicability:
    """NHS health care services in England: the Provider Selection Regime, not PA 2023."""
    health = inputs.get("health_care_services")
    v.facts["procurement_law"] = "PSR2023"
    v.say(f"The contract is for relevant health care services for the health service in "
          f"England {health.said()}: the Health Care Services (Provider Selection Regime) "
          "Regulations 2023 govern its award (reg 3(1)).", "psr_application")
    if regime_id != "PA2023":
        v.say("Before 24 February 2025 the Public Contracts Regulations 2015 were disapplied for "
              "these services by provision svrules does not hold, so whether SVA 2012 "
              "s.1(16)(a)-(c) reaches the contract is not decided here.", "psr_pcr_era")
        v.warnings.append("a Provider Selection Regime contract in the PCR era: check whether "
                          "the Social Value Act applies")
        return v.result(None, regime=regime_id)
    v.say("The Procurement Act 2023 does not apply to regulated health procurement (PR 2024 "
          "reg 43), so the contract is not a public contract to which that Act applies within "
          "SVA 2012 s.1(16)(a). It is still a public services contract under s.1(16)(b) if it "
          "is a light touch contract, a term that has its PA 2023 meaning \"even though the Act "
          "does not apply\" (s.1(15)), valued at or above the ordinary services threshold "
          "(s.1(17)).", "pr2024_reg43", "s1_16_pa", "s1_15_light_touch_pa", "s1_17_pa")
    value = _value_on(inputs, basis_period.basis)
    if light is not None and light.value is False:
        v.say(f"The services are not light-touch services {light.said()}, so neither limb of "
              "s.1(16) reaches the contract and the Act does not apply.")
        return v.result(False, regime=regime_id, good_practice_only=True)
    if light is None:
        threshold, open_kind = _column_threshold(central, period, value)
        if value is not None and not open_kind and value.against(threshold) is False:
            v.say(f"{money(value.readings[0])} {on_basis(value.basis)} is below the threshold of "
                  f"{money(threshold)}, so the Act does not apply either way.", "s1_17_pa")
            return v.result(False, regime=regime_id, threshold=threshold, good_practice_only=True)
        v.lack("light_touch", "Whether the health care services are light-touch services "
               "(PR 2024 Sch 1, not held in the policy sources) decides whether s.1(16)(b) "
               "reaches the contract.")
        return v.result(None, regime=regime_id, threshold=threshold)
    return _compare(inputs, v, value, period, central, regime_id, "the Procurement Act 2023",
                    nature_known=True, urgency=True)


def _urgency(inputs: Inputs, v: _Verdict) -> None:
    urgency = inputs.get("urgency")
    if urgency is None or not getattr(urgency.value, "claimed", False):
        return
    reason = getattr(urgency.value, "reason", None)
    v.say(f"Urgency is claimed {urgency.said()}: where an urgent need makes compliance "
          "impractical the authority may disregard s.1(3), (6) and (7) only \"to the extent "
          "that it is not practical to comply with them\" (SVA 2012 s.1(8)), and not to the "
          "extent that the time available was reduced by its own undue delay (s.1(9)); the "
          "duties are not lifted wholesale, so a missing record of them is still reported, as "
          "a warning.", "s1_8_extent", "s1_9")
    if not reason:
        v.warnings.append("urgency is claimed but no reason is recorded: record why the need "
                          "is urgent and why it makes compliance impractical (s.1(8)), and that "
                          "the urgency is not of the authority's own undue delay (s.1(9))")


def _finish(verdict: Applicability, apply_to_all: bool, v: _Verdict) -> Applicability:
    if verdict.act_applies is False and apply_to_all:
        v.say("Your organisation applies social value to all its contracts (configuration "
              "`apply_to_all_contracts`), as Kent County Council does, so findings keep their "
              "severity.", "all_contracts")
        return verdict.model_copy(update={"reasons": tuple(v.reasons),
                                          "citations": tuple(v.citations),
                                          "good_practice_only": False})
    return verdict
