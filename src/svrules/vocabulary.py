"""Every fact kind the engine matches, with its fields and their types: the one list that a
rule's conditions are checked against and that `docs/rules.md` documents.

A rule tests the `doc` fact in `applies_if`, `except_if` and `when.doc`, and an extracted fact
(`clause`, `weighting`) in `when.fact` or `when.absent.fact`; `hit`, `absent` and `eof` are
the engine's own (a text pattern's match, an absence pattern that matched nowhere, the end of
a document's facts). `rulepack` refuses a condition on a field its fact does not have, so a
mistyped field is an error when the pack loads rather than a rule that silently never
matches; `tests/test_vocabulary.py` checks that the facts `facts.py` builds have only these
fields. Adding a field: build it in `facts.py` and declare it here.

Types: `tri` is yes / no / unknown (YAML true / false / null); `number` is compared with
lt/lte/gt/gte and is left out of the fact when unknown; `text` is one of a few words
(`values`, when they are fixed); `date` is a number YYYYMMDD.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

ABSENT = "absent"           # the kind of an `absent` pattern's fact (see engine.compile)


@dataclass(frozen=True)
class Field:
    name: str
    type: str                       # tri | number | text | date
    doc: str
    values: tuple[str, ...] = ()    # the words a `text` field takes, when they are fixed


@dataclass(frozen=True)
class FactKind:
    name: str
    doc: str
    fields: tuple[Field, ...]
    in_rules: str = ""              # where a rule tests it ("" for the engine's own facts)

    def field(self, name: str) -> Optional[Field]:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _tri(name: str, doc: str) -> Field:
    return Field(name, "tri", doc)


def _num(name: str, doc: str) -> Field:
    return Field(name, "number", doc)


def _text(name: str, doc: str, *values: str) -> Field:
    return Field(name, "text", doc, values)


_COMMON = (Field("id", "text", "unique id `<sid>:<kind>:<n>`"),
           Field("kind", "text", "the fact kind"))
_REF = Field("ref", "number", "index of the anchor a finding on this fact points at")

DOCUMENT = FactKind("doc", "one per document: the applicability verdict, the tender's facts "
                    "and what was read from its text", _COMMON + (
    _tri("act_applies", "the Social Value Act's s.1 duty applies"),
    _tri("good_practice_only", "the Act does not apply: findings are good practice"),
    _text("regime", "the procurement regime of the verdict (e.g. pcr2015, pa2023)"),
    _text("nature", "what the contract is for", "services", "goods", "works", "mixed"),
    _text("authority_kind", "the buyer's kind (see `svrules schema meta`)"),
    _text("jurisdiction", "the buyer's territory"),
    _tri("devolved_welsh", "the verdict reads the buyer as a devolved Welsh authority"),
    _tri("framework", "the procurement concludes a framework agreement"),
    _tri("light_touch", "a light-touch contract"),
    _tri("lots", "the contract is divided into lots"),
    _tri("lots_reason_stated", "a reason for (not) dividing into lots is given"),
    _tri("dps", "a dynamic purchasing system or dynamic market"),
    _tri("location_reservation", "the procurement is reserved by location"),
    _tri("urgency", "urgency is claimed"),
    _tri("urgency_reason", "a reason for the urgency is given"),
    _tri("sv_considered", "social value was considered (s.1(3))"),
    _tri("consultation_considered", "consultation was considered (s.1(7))"),
    _tri("relevant_area_stated", "the relevant area is stated"),
    _tri("value_known", "the contract's value is known"),
    _tri("below_threshold", "below the procurement law's threshold for the contract's type"),
    _tri("notifiable_below_threshold", "below threshold but over the notice threshold"),
    _text("procurement_law", "the law governing the award"),
    _text("stage", "a notice before the procurement starts or of a change to a let contract",
          "pre_procurement", "modification", "unknown"),
    _text("contract_type", "the contract's type for the thresholds"),
    _tri("concession", "a concession contract"),
    _tri("health_care_services", "health care services (the Provider Selection Regime)"),
    _num("threshold_gbp", "the Act's threshold in force, in GBP"),
    _num("procurement_threshold_gbp", "the procurement law's threshold, in GBP"),
    _num("value_compared_gbp", "the value compared with the threshold, on its VAT basis"),
    _num("value_gbp", "the contract's value, in GBP"),
    _num("weighting_percent", "the social value weighting, in per cent"),
    Field("procurement_start", "date", "when the procurement started, YYYYMMDD"),
    _tri("has_notice", "a section about a notice"),
    _tri("notice_mentions_sv", "the notice section mentions social value"),
    _tri("notice_states_criteria", "the notice section states award criteria (a weighting, price or quality)"),
    _tri("sv_scored", "social value is scored in the award"),
    _tri("sv_method_stated", "the social value evaluation method is stated"),
    _tri("subcontracting", "the text mentions subcontracting or a supply chain"),
    _num("clauses", "how many social value clauses were read"),
    _tri("defence_security", "a defence and security contract"),
    _num("annual_value_gbp", "the value per year of the term, in GBP"),
    _tri("sv_obligations", "social value the supplier is held to or scored on (what a "
         "sub-contracting flow-down would pass on)"),
), in_rules="applies_if, except_if, when.doc")

HIT = FactKind("hit", "a sentence where a rule's text pattern matched", _COMMON + (
    _text("pattern", "the rule id whose pattern matched"), _REF))

ABSENCE = FactKind(ABSENT, "a rule's `absent` text pattern matched nowhere in the document",
                   _COMMON + (_text("pattern", "`RULE.absent`"),))

CLAUSE = FactKind("clause", "a social value clause or requirement read from the text",
                  _COMMON + (
    _REF,
    _text("theme", "the social value theme"),
    _text("strength", "how binding the wording is"),
    _text("type", "where the clause sits (requirement, award ...)"),
    _text("missing", "the verifiable elements it lacks, or `nothing`"),
    _num("missing_count", "how many verifiable elements it lacks"),
    _num("unverifiable_count", "how many of a target and what is counted it lacks"),
    _text("relevance", "whether it is linked to the contract's subject"),
    _text("burden", "what it asks of a small supplier"),
    _tri("table_row", "read from a table row"),
    _tri("has_target", "states a target"), _tri("has_measure", "states a measure"),
    _tri("has_frequency", "states a reporting frequency"),
    _tri("has_evidence", "states the evidence"), _tri("has_remedy", "states a remedy"),
    _tri("vague", "vague wording"), _tri("not_in_contract", "not made a contract term"),
    _tri("proxy_goal", "a proxy in place of an outcome"), _tri("free_box", "a free-text box"),
    _tri("output_only", "outputs only, no outcome"),
    _tri("outside_area", "benefits outside the relevant area"),
    _tri("corporate", "not tied to performing this contract"),
    _tri("link_stated", "the link to the contract is stated"),
    _tri("subject_matter", "about the subject matter itself (a standard the work must meet)"),
    _tri("reporting_duty", "a duty to report or monitor, part of how requirements are checked"),
    _num("reports_per_year", "how often it is reported on"),
    _num("spend_per_outcome", "the contract's value per outcome asked, in GBP"),
), in_rules="when.fact, when.absent.fact")

WEIGHTING = FactKind("weighting", "a table or list of award weightings read from the text",
                     _COMMON + (
    _REF,
    _tri("total_ok", "the weights total 100"), _tri("sub_total_ok", "the sub-weights add up"),
    _tri("sv_mentioned", "social value is among the criteria"),
    _tri("method_stated", "the scoring method is stated"),
    _tri("unweighted", "criteria without weights"),
    _tri("range_or_tbc", "a weight given as a range or to be confirmed"),
    _tri("weight_range", "a weight given as a range"),
    _tri("sv_weighted", "social value has a weight"),
    _tri("assessment_described", "how social value is assessed is described"),
    _tri("method_deferred", "the social value scoring method is kept for a later stage"),
    _num("total", "the weights' total"), _num("sv_weight", "social value's weight, per cent"),
), in_rules="when.fact, when.absent.fact")

MONITORING = FactKind("monitoring", "one per document: the social value requirements whose "
                      "monitoring and enforcement no statement covers", _COMMON + (
    _REF, _num("requirements", "how many requirements lack it"),
), in_rules="when.fact, when.absent.fact")

SECTOR_ASK = FactKind("sector_ask", "a social value ask that is not read as a requirement "
                     "clause (a bare imperative, a passive, an invitation to propose) naming a "
                     "sector the contract's subject does not touch", _COMMON + (
    _REF, _text("sector", "the sector named, as the relevance table labels it"),
), in_rules="when.fact, when.absent.fact")

END = FactKind("eof", "asserted last, so that absence-of-fact rules wait for every fact",
               _COMMON)

FACTS: dict[str, FactKind] = {k.name: k for k in (DOCUMENT, HIT, ABSENCE, CLAUSE, WEIGHTING,
                                                  MONITORING, SECTOR_ASK, END)}
# The facts a rule's `when.fact` may name (the others are the engine's own); a plug-in
# reader's fact joins them (`declare`, called by `extract.readers.register`).
EXTRACTED = ["clause", "weighting", "monitoring", "sector_ask"]
_BUILT_IN = len(EXTRACTED)


def declare(kind: FactKind) -> None:
    """Add a plug-in reader's fact kind (it must not redefine a built-in one)."""
    if kind.name in FACTS and kind.name not in EXTRACTED[_BUILT_IN:]:
        raise ValueError(f"fact {kind.name!r} is already declared")
    names = {f.name for f in kind.fields}
    fields = kind.fields if {"id", "kind", "ref"} <= names else _COMMON + (_REF,) + kind.fields
    FACTS[kind.name] = FactKind(kind.name, kind.doc, fields, kind.in_rules or
                                "when.fact, when.absent.fact")
    if kind.name not in EXTRACTED:
        EXTRACTED.append(kind.name)


def forget(name: str) -> None:
    if name in EXTRACTED[_BUILT_IN:]:
        EXTRACTED.remove(name)
        FACTS.pop(name, None)


def nearest(name: str, names) -> str:
    """' (did you mean X?)' for the closest of `names`, or ''. (difflib is imported only when
    a pack has a mistake: the command's start-up does not pay for it.)"""
    import difflib
    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def unknown_field(kind: str, name: str) -> Optional[str]:
    """Why `name` is not a field of fact `kind` that rules may test, or None when it is."""
    fact = FACTS[kind]
    if fact.field(name) is not None and name not in ("id", "kind", "ref"):
        return None
    usable = [n for n in fact.names if n not in ("id", "kind", "ref")]
    return (f"field {name!r} is not a field of the {kind!r} fact{nearest(name, usable)}; "
            "the fields are listed in docs/rules.md (declared in svrules/vocabulary.py)")
