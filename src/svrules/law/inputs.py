"""Gather the facts the applicability verdict needs, each with where it came from.

Metadata wins over the document's own words, which win over the organisation's configured
defaults; when metadata and text disagree the verdict carries a warning that names both places.
A buyer whose territory nobody states but whose name places it in Wales is taken to be in Wales.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from ..extract.buyers import name_territory
from ..model import Document, Parts, TenderMeta, Urgency


@dataclass(frozen=True)
class Known:
    """One input to the verdict: its value and where a reader can check it."""

    value: Any
    source: str                    # metadata | text | config
    where: Optional[str] = None    # "front matter line 4", "line 31", "svrules.toml"
    detail: str = ""
    vat: Optional[str] = None      # for values: inclusive | exclusive | None (unknown)
    line: Optional[int] = None     # line in the checked file, when it is there

    def said(self) -> str:
        """A parenthesis for a reason sentence: "(metadata, line 4)"."""
        place = f", {self.where}" if self.where else ""
        return f"({self.source}{place})"


@dataclass
class Inputs:
    known: dict[str, Known] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def get(self, name: str) -> Optional[Known]:
        return self.known.get(name)

    def value(self, name: str, default: Any = None) -> Any:
        k = self.known.get(name)
        return default if k is None else k.value


def _enum(value: Any) -> Any:
    return getattr(value, "value", value)


def _meta_line(doc: Document, key: str) -> Optional[int]:
    """The line in the checked file itself (front matter), not in a sidecar."""
    return doc.meta_lines.get(key) if doc.meta_source == "front matter" else None


def _meta_where(doc: Document, key: str) -> Optional[str]:
    line = doc.meta_lines.get(key)
    if line is None and doc.ocds_source and key.split(".")[0] in doc.ocds_keys:
        return f"OCDS release {doc.ocds_source}"
    if doc.meta_source in (None, "front matter"):
        return f"front matter line {line}" if line else "front matter"
    return f"{doc.meta_source} line {line}" if line else doc.meta_source


META_FIELDS = {
    # input name: (metadata attribute path, metadata key for its line)
    "authority": ("authority", "authority"),
    "authority_kind": ("authority_kind", "authority_kind"),
    "jurisdiction": ("jurisdiction", "jurisdiction"),
    "procurement_start": ("procurement_start", "procurement_start"),
    "nature": ("nature", "nature"),
    "light_touch": ("light_touch", "light_touch"),
    "framework": ("framework", "framework"),
    "term_years": ("term_years", "term_years"),
    "lots": ("lots", "lots"),
    "lots_reason": ("lots_reason", "lots_reason"),
    "location_reservation": ("location_reservation", "location_reservation"),
    "main_subject": ("main_subject", "main_subject"),
    "concession": ("concession", "concession"),
    "health_care_services": ("health_care_services", "health_care_services"),
    "notice_kind": ("notice_kind", "notice_kind"),
    "defence_security": ("defence_security", "defence_security"),
}


def _from_meta(meta: TenderMeta, doc: Document, inputs: Inputs) -> None:
    for name, (attr, key) in META_FIELDS.items():
        value = getattr(meta, attr)
        if value is not None:
            inputs.known[name] = Known(_enum(value), "metadata", _meta_where(doc, key),
                                       line=_meta_line(doc, key))
    if meta.value is not None:
        inputs.known["value"] = Known(meta.value, "metadata", _meta_where(doc, "value"),
                                      vat=_enum(meta.vat), line=_meta_line(doc, "value"))
    if meta.parts is not None:
        inputs.known["parts"] = Known(meta.parts, "metadata", _meta_where(doc, "parts"),
                                      vat=_enum(meta.vat))
    if meta.urgency is not None:
        inputs.known["urgency"] = Known(meta.urgency, "metadata", _meta_where(doc, "urgency"))
    if meta.cpv:
        inputs.known["cpv"] = Known(meta.cpv, "metadata", _meta_where(doc, "cpv"))
    sv = meta.social_value
    if sv is not None:
        for attr in ("considered", "consultation_considered", "weighting_percent",
                     "relevant_area", "considered_on"):
            value = getattr(sv, attr)
            if value is not None:
                key = f"social_value.{attr}"
                inputs.known[f"sv_{attr}"] = Known(value, "metadata", _meta_where(doc, key),
                                                   line=_meta_line(doc, key))


def _differs(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) > max(1.0, 0.01 * max(abs(a), abs(b)))
    return str(a) != str(b)


TEXT_NAMES = ("authority", "authority_kind", "jurisdiction", "procurement_start", "nature",
              "light_touch", "framework", "term_years", "value", "urgency", "parts",
              "notice_kind", "defence_security")


def _from_text(summary: dict[str, dict], inputs: Inputs) -> None:
    """Fill what metadata left open from the text (`extract.summarise` output); warn where the
    two disagree, and where the text itself gives conflicting values."""
    for name in TEXT_NAMES:
        entry = summary.get(name)
        if entry is None:
            continue
        fact = entry["fact"]
        value = entry["value"]
        if isinstance(value, dt.datetime):
            value = value.date()
        if name == "urgency":
            value = Urgency(claimed=bool(value))
        if name == "parts":
            value = Parts(**value)
        detail = fact.detail
        if name == "nature" and value == "mixed":
            detail = "; ".join(f"{n}: line {fs[0].line} \"{fs[0].excerpt[:60]}\""
                               for n, fs in sorted(entry.get("evidence", {}).items()))
        known = Known(value, "text", f"line {fact.line}", detail=detail,
                      vat=fact.vat, line=fact.line)
        have = inputs.known.get(name)
        if have is None:
            inputs.known[name] = known
            for other in entry.get("conflicts", []):
                inputs.warnings.append(
                    f"the text gives more than one {name}: {_show(value, name)} (line "
                    f"{fact.line}) and {_show(other.value, name)} (line {other.line}: "
                    f"\"{other.excerpt[:80]}\"); the first, more explicit one is used")
        elif have.source == "metadata" and name != "urgency" and _differs(have.value, value):
            inputs.warnings.append(
                f"metadata says {name} is {_show(have.value, name)} ({have.where}) but the text "
                f"says {_show(value, name)} (line {fact.line}: \"{fact.excerpt[:80]}\"); "
                "metadata used")


def _show(value: Any, name: str) -> str:
    return f"£{value:,.0f}" if name == "value" and isinstance(value, (int, float)) else str(value)


def gather(doc: Document, summary: Optional[dict[str, dict]] = None,
           defaults: Optional[dict[str, Any]] = None, config_where: str = "configuration") -> Inputs:
    """Inputs for the verdict: metadata, then the text (`summary`: `extract.summarise` of the
    text facts), then the organisation's configured defaults."""
    inputs = Inputs()
    if doc.meta is not None:
        _from_meta(doc.meta, doc, inputs)
    if summary:
        _from_text(summary, inputs)
    _territory_from_name(inputs)
    for name, value in (defaults or {}).items():
        if value is not None and name not in inputs.known:
            inputs.known[name] = Known(_enum(value), "config", config_where)
    return inputs


def _territory_from_name(inputs: Inputs) -> None:
    """Wales as the buyer's territory when neither metadata nor the text gives one but the
    authority's own name places it there ("Cyngor Gwynedd", "Swansea Bay University Health
    Board"): the rules that tell a Welsh council (LGA 1988 s.17) from an English one (SI 2026/94)
    test the territory, and a buyer tagged only by its threshold column would otherwise be
    taken as English. Only Wales: a Scottish name already decides the kind (extract.buyers)."""
    authority = inputs.get("authority")
    if authority is None or "jurisdiction" in inputs.known:
        return
    placed = name_territory(str(authority.value))
    if placed is not None and placed[0] == "wales":
        inputs.known["jurisdiction"] = Known(
            "wales", authority.source, authority.where, line=authority.line,
            detail=f"the authority's name places it in Wales ('{placed[1]}')")
