"""Turn a document's verdict, inputs and text hits into the flat facts the engine matches.

Facts stay small and flat (durable-rules allows at most 255 properties), every fact has a unique
id (`<sid>:<kind>:<n>`), and values go through `compile.normalise` so both engines see the same
strings and numbers. Text and extracted facts carry a `ref` back to the Python object that the
finding is built from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from .engine.compile import ABSENT, normalise
from .extract._rx import rx
from .extract.matcher import Hit
from .extract.readers import plugins, register
from .law.inputs import Inputs
from .model import Applicability, BlockKind, Document

if TYPE_CHECKING:
    from .extract.index import DocumentIndex


def _tri(value: Any) -> str:
    if value is None:
        return _UNKNOWN
    return _YES if value else _NO


_YES, _NO, _UNKNOWN = normalise(True), normalise(False), normalise(None)


def doc_fact(sid: str, verdict: Applicability, inputs: Inputs,
             extracted: "Optional[Extracted]" = None) -> dict:
    """The one `doc` fact: what rules may test in `applies_if` and `when.doc`."""
    urgency = inputs.value("urgency")
    fact: dict[str, Any] = {
        "id": f"{sid}:doc",
        "kind": "doc",
        "act_applies": normalise(verdict.act_applies),
        "good_practice_only": normalise(verdict.good_practice_only),
        "regime": normalise(verdict.regime),
        "nature": normalise(inputs.value("nature")),
        "authority_kind": normalise(inputs.value("authority_kind")),
        "jurisdiction": normalise(inputs.value("jurisdiction")),
        "devolved_welsh": normalise(verdict.devolved_welsh),
        "framework": normalise(inputs.value("framework")),
        "light_touch": normalise(inputs.value("light_touch")),
        "lots": normalise(inputs.value("lots")),
        "lots_reason_stated": _tri(bool(inputs.value("lots_reason"))),
        "dps": "unknown",                  # read from the text (Extracted.doc)
        "location_reservation": normalise(inputs.value("location_reservation")),
        "urgency": _tri(getattr(urgency, "claimed", False)),
        "urgency_reason": _tri(bool(getattr(urgency, "reason", None))),
        "sv_considered": normalise(inputs.value("sv_considered")),
        "consultation_considered": normalise(inputs.value("sv_consultation_considered")),
        "relevant_area_stated": _tri(inputs.value("sv_relevant_area") is not None),
        "value_known": _tri(inputs.get("value") is not None),
        # below the procurement law's threshold for the contract's type (goods, services,
        # works, light-touch, concession), whether or not the Act applies
        "below_threshold": normalise(verdict.below_threshold),
        "notifiable_below_threshold": normalise(verdict.notifiable_below_threshold),
        "procurement_law": normalise(verdict.procurement_law),
        "stage": normalise(verdict.stage),       # pre_procurement | modification | unknown
        "contract_type": normalise(verdict.contract_type),
        "concession": normalise(inputs.value("concession")),
        "health_care_services": normalise(inputs.value("health_care_services")),
    }
    # Numbers are present only when known: a comparison with an unknown number is false.
    if verdict.threshold_gbp is not None:
        fact["threshold_gbp"] = float(verdict.threshold_gbp)
    if verdict.procurement_threshold_gbp is not None:
        fact["procurement_threshold_gbp"] = float(verdict.procurement_threshold_gbp)
    if verdict.value_compared_gbp is not None:
        fact["value_compared_gbp"] = float(verdict.value_compared_gbp)
    value = inputs.get("value")
    if value is not None:
        fact["value_gbp"] = float(value.value)
    weighting = inputs.value("sv_weighting_percent")
    if weighting is not None:
        fact["weighting_percent"] = float(weighting)
    start = inputs.value("procurement_start")
    if isinstance(start, dt.date):
        fact["procurement_start"] = int(start.strftime("%Y%m%d"))
    if extracted is not None:
        fact.update(extracted.doc)
        if weighting is None and "text_weighting_percent" in extracted.doc:
            fact["weighting_percent"] = extracted.doc["text_weighting_percent"]
        fact.pop("text_weighting_percent", None)
    return fact


def hit_facts(sid: str, hits: list[Hit], absent_ids: tuple[str, ...] = ()) -> list[dict]:
    """One `hit` per matched sentence, and one `absent` fact per absence pattern (`ID.absent`)
    that matched nowhere: absence is decided here, not by a negation in the engine."""
    facts = [{"id": f"{sid}:hit:{n}", "kind": "hit", "pattern": hit.pattern, "ref": n}
             for n, hit in enumerate(hits) if not hit.pattern.endswith(".absent")]
    seen = {hit.pattern for hit in hits}
    facts += [{"id": f"{sid}:absent:{n}", "kind": ABSENT, "pattern": pid}
              for n, pid in enumerate(absent_ids) if pid not in seen]
    return facts


def eof_fact(sid: str) -> dict:
    return {"id": f"{sid}:eof", "kind": "eof"}


# --------------------------------------------------------------------------- extracted facts
# Clauses and weightings become facts of kind `clause` and `weighting`. Each gets an anchor
# appended to the analysis' anchors list (after the text hits), and its `ref` indexes that list,
# so findings on them point at the right block and sentence like text findings do.

@dataclass(frozen=True)
class Anchor(Hit):
    """A place for an extracted fact, with the words a finding's message needs."""

    missing: str = ""
    detail: str = ""


# "a defence and security contract", "this defence and security procurement", "the DSPCR"; not
# where a negation governs it ("this is not a defence and security contract": _defence_said)
_DEFENCE = rx(r"\bdefence\s+(?:and|&)\s+security\s+(?:contract|procurement|framework)s?\b"
              r"|\bdefence\s+and\s+security\s+public\s+contracts\s+regulations\b|\bDSPCR\b")


def _defence_said(text: str) -> bool:
    """`text` names a defence and security contract that no negation in front of it cancels."""
    from .extract.notice_kind import NEGATED
    return any(not NEGATED.search(text[max(0, m.start() - 40):m.start()])
               for m in _DEFENCE.finditer(text))
# A dynamic purchasing system (PCR 2015 reg 34) or dynamic market (PA 2023 s.35) admits
# suppliers to categories, not to lots of one contract: the lots rules do not apply to it.
_DPS = rx(r"\bdynamic purchasing (?:system|vehicle)s?\b|\bdynamic markets?\b|\bDPS\b")
_NOTICE_SECTION = rx(r"\bnotice\b")
_SV_WORDS = rx(r"\bsocial value\b|\bnet zero\b|\bcommunity benefits?\b")
# The notice states award criteria of its own (a weighting, "award criteria", price or quality):
# only such a notice can leave social value out of them (EVAL008).
_NOTICE_CRITERIA = rx(r"\baward criteri\w*|\bcriteri(?:on|a)\b|\bquality\b|\bprice\b|\bcost\b|\bweight\w*|"
                      r"\bmost (?:economically )?advantageous\b|\bmeat\b|\d\s*%")
_SUBCONTRACT = rx(r"\bsub-?contract\w*|\blead provider\b|\bprime contractor\b|\bconsorti\w+|"
                  r"\bsupply chain partners?\b|\bdelivery partners?\b")
GATE_PATTERNS = (_SV_WORDS, _SUBCONTRACT, _DEFENCE, _DPS)


def _notice_blocks(doc: Document) -> list[int]:
    """Positions of the blocks under a heading that mentions a notice."""
    by_section: dict[tuple, bool] = {}
    out = []
    for position, block in enumerate(doc.blocks):
        section = tuple(block.section)
        if section not in by_section:
            by_section[section] = any(_NOTICE_SECTION.search(s) for s in section)
        if by_section[section]:
            out.append(position)
    return out


def subject_of(doc: Document, inputs: Inputs) -> str:
    """The contract's subject: metadata title, else the first top-level heading (relevance)."""
    if doc.meta is not None and doc.meta.title:
        return doc.meta.title
    for block in doc.blocks:
        if block.kind is BlockKind.heading and block.level == 1:
            return block.text
    return ""


# Clauses another verifiable rule already reports, or that describe the subject matter itself:
# how they are monitored is not asked (VER007).
_NOT_MONITORED = frozenset({"subject_matter", "free_box", "not_in_contract", "proxy_goal",
                            "reporting_duty"})


@dataclass
class Extracted:
    clauses: list = field(default_factory=list)
    weightings: list = field(default_factory=list)
    first_anchor: int = 0
    doc: dict = field(default_factory=dict)     # extra `doc` fields read from the text
    value_gbp: Optional[float] = None
    plugged: list = field(default_factory=list)  # (fact kind, fields) of plug-in readers
    # (how many requirements, missing words) for the first clause whose monitoring and
    # enforcement no statement covers: one per document (VER007)
    monitoring: Optional[tuple[int, str]] = None

    def facts(self, sid: str) -> list[dict]:
        out = []
        ref = self.first_anchor
        for n, c in enumerate(self.clauses):
            missing = c.missing
            fact = {"id": f"{sid}:clause:{n}", "kind": "clause", "ref": ref,
                    "theme": c.theme, "strength": c.strength, "type": c.kind,
                    "missing": ", ".join(missing) or "nothing",
                    "missing_count": len(missing), "relevance": c.relevance,
                    "unverifiable_count": len(c.unverifiable),
                    "burden": c.burden, "table_row": _tri(c.table_row)}
            for element in ("target", "measure", "frequency", "evidence", "remedy"):
                fact[f"has_{element}"] = _tri(c.has(element))
            flags = c.flags
            for flag in ("vague", "not_in_contract", "proxy_goal", "free_box", "output_only",
                         "outside_area", "corporate", "link_stated", "subject_matter",
                         "reporting_duty"):
                fact[flag] = _YES if flag in flags else _NO
            if c.frequency_per_year is not None:
                fact["reports_per_year"] = c.frequency_per_year
            spend = c.spend_per_outcome
            outcomes = c.outcome_count or 0.0
            annual = self.doc.get("annual_value_gbp")
            if c.outcome_per_year and self.value_gbp and annual:
                # a count made each year: times the term (value over annual value; a term under
                # a year counts as one year, as the annual value does)
                outcomes += c.outcome_per_year * (self.value_gbp / annual)
            if spend is None and outcomes and self.value_gbp:
                spend = self.value_gbp / outcomes
            if spend is not None:
                fact["spend_per_outcome"] = float(spend)
            out.append(fact)
            ref += 1
        if self.monitoring is not None:
            out.append({"id": f"{sid}:monitoring:0", "kind": "monitoring", "ref": ref,
                        "requirements": self.monitoring[0]})
            ref += 1
        for n, w in enumerate(self.weightings):
            fact = {"id": f"{sid}:weighting:{n}", "kind": "weighting", "ref": ref,
                    "total_ok": normalise(w.total_ok), "sub_total_ok": normalise(w.sub_total_ok),
                    "sv_mentioned": _tri(w.sv_mentioned), "method_stated": _tri(w.method_stated),
                    "unweighted": _tri(w.unweighted), "range_or_tbc": _tri(w.range_or_tbc),
                    "weight_range": _tri(w.weight_range),
                    "sv_weighted": _tri(bool(w.sv_weight)),
                    "assessment_described": _tri(w.assessment_described),
                    "method_deferred": _tri(w.method_deferred)}
            if w.total is not None:
                fact["total"] = float(w.total)
            if w.sv_weight is not None:
                fact["sv_weight"] = float(w.sv_weight)
            out.append(fact)
            ref += 1
        for n, (kind, fields) in enumerate(self.plugged):
            out.append({"id": f"{sid}:{kind}:{n}", "kind": kind, "ref": ref,
                        **{k: normalise(v) for k, v in fields.items()}})
            ref += 1
        return out


class _Remembered:
    """The relevance judge's answer for each (theme, text, flags) asked about, kept for one
    document: a specification repeats its clauses (per lot, per site, per schedule) and the
    judge's answer depends only on those and the contract, which is the document's."""

    __slots__ = ("judge", "answers")

    def __init__(self, judge) -> None:
        self.judge = judge
        self.answers: dict[tuple, str] = {}

    def __call__(self, theme: str, text: str, flags) -> str:
        key = (theme, text, frozenset(flags))
        answer = self.answers.get(key)
        if answer is None:
            answer = self.answers[key] = self.judge(theme, text, flags)
        return answer


def extract_rule_facts(doc: Document, inputs: Inputs, anchors: list,
                       index: Optional[DocumentIndex] = None) -> Extracted:
    """Clauses and weightings of `doc`, their anchors appended to `anchors` (Analysis.anchors).
    `index` (see extract.index) says which blocks each pattern occurs in."""
    from .extract.clauses import METHOD_WORDS, extract_clauses
    from .extract.index import DocumentIndex
    from .extract.relevance import description_of, family_for, judge, sector_asks
    from .extract.weightings import extract_weightings

    if index is None:
        index = DocumentIndex(doc.blocks)
    cpv = inputs.value("cpv") or ()
    nature = inputs.value("nature")
    family = family_for(subject_of(doc, inputs), cpv, str(getattr(nature, "value", nature) or ""))
    relevance = judge(family, subject_of(doc, inputs), description_of(doc.blocks), cpv)
    clauses = extract_clauses(doc.blocks, relevance=_Remembered(relevance), index=index,
                              subject=subject_of(doc, inputs))
    weightings = extract_weightings(doc.blocks, index)
    value = inputs.get("value")
    out = Extracted(clauses=clauses, weightings=weightings, first_anchor=len(anchors),
                    value_gbp=float(value.value) if value is not None else None)
    for c in clauses:
        why = []
        if "outside_area" in c.flags:
            why.append("benefits outside the relevant area")
        if "corporate" in c.flags:      # the finding names the subject it does not meet
            subject = subject_of(doc, inputs)[:80]
            why.append("about the supplier or authority, not "
                       + (f"\"{subject}\"" if subject else "this contract"))
        if c.relevance == "no":
            why.append(relevance.reason(c.theme, c.text, c.flags))
        anchors.append(Anchor("clause", c.block, c.start, c.end, c.match_start, c.match_end,
                              missing=" or ".join(c.unverifiable) or "nothing",
                              detail="; ".join(why) or c.theme.replace("_", " ")))
    # (each clause's `unmonitored` worked out once: it is a property, computed per call)
    lacks = [(c, c.unmonitored) for c in clauses if not c.flags & _NOT_MONITORED]
    unmonitored = [c for c, missing in lacks if missing]
    if unmonitored:
        first = unmonitored[0]
        words = {"frequency": "how often delivery is reported", "evidence": "the evidence",
                 "remedy": "what follows a shortfall"}
        lacked = {e for _, missing in lacks for e in missing}
        lacking = [words[e] for e in ("frequency", "evidence", "remedy") if e in lacked]
        out.monitoring = (len(unmonitored), ", ".join(lacking))
        anchors.append(Anchor("monitoring", first.block, first.start, first.end,
                              first.match_start, first.match_end, missing=", ".join(lacking),
                              detail=f"{len(unmonitored)} social value requirement"
                                     f"{'s' if len(unmonitored) != 1 else ''}"))
    for w in weightings:
        detail = (f"{w.lot + ' ' if w.lot else ''}weights total {w.total:g}"
                  if w.total is not None else "")
        anchors.append(Anchor("weighting", w.block, w.start, w.end, w.match_start,
                              w.match_end, detail=detail))
    # asks worded as imperatives, passives or invitations, which the clause reader does not
    # take for requirements, judged on the sector they name (REL006)
    # (every block is read: a sector is also read from the ask's structure, "placements in
    # the <X> profession", which no listed sector's pattern gates)
    for ask in sector_asks(doc.blocks, relevance, {c.block for c in clauses}):
        anchors.append(Anchor("sector_ask", ask.block, ask.start, ask.end, ask.start, ask.end,
                              detail=ask.reason))
        out.plugged.append(("sector_ask", {"sector": ask.sector}))
    for reader in plugins():        # registered readers with a fact of their own
        for r in reader.read(doc.blocks, index):
            anchors.append(Anchor(reader.fact.name, r.block, r.start, r.end, r.match_start,
                                  r.match_end, detail=r.detail))
            out.plugged.append((reader.fact.name, r.fields))
    notice = _notice_blocks(doc)
    sv_scored = any(c.kind == "award" for c in clauses) or \
        any(w.sv_weight for w in weightings)
    out.doc = {
        "has_notice": _tri(bool(notice)),
        "notice_mentions_sv": _tri(index.any_block(_SV_WORDS, notice)),
        "notice_states_criteria": _tri(any(_NOTICE_CRITERIA.search(doc.blocks[i].text) for i in notice)),
        "sv_scored": _tri(sv_scored),
        "sv_method_stated": _tri(any(w.method_stated for w in weightings)
                                 or index.any_block(METHOD_WORDS)),
        "subcontracting": _tri(index.any_block(_SUBCONTRACT)),
        "clauses": len(clauses),
        # social value the supplier is held to or scored on: what a flow-down would pass on
        "sv_obligations": _tri(bool(clauses) or sv_scored),
        "defence_security": _tri(_defence_said(subject_of(doc, inputs))
                                 or any(_defence_said(b.text) for b in index.blocks_with(_DEFENCE))),
        "dps": _tri(bool(_DPS.search(subject_of(doc, inputs)) or index.any_block(_DPS))),
    }
    term = inputs.value("term_years")
    if out.value_gbp is not None and isinstance(term, (int, float)) and term > 0:
        out.doc["annual_value_gbp"] = out.value_gbp / max(float(term), 1.0)
    elif out.value_gbp is not None:
        out.doc["annual_value_gbp"] = out.value_gbp
    text_weight = next((w.sv_weight for w in weightings if w.sv_weight is not None), None)
    if text_weight is not None:
        out.doc["text_weighting_percent"] = float(text_weight)
    return out


register("document_facts", produces="doc", gates=GATE_PATTERNS, read=extract_rule_facts)
