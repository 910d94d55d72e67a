"""The dated law as a listing (`svrules law`): every threshold period, regime and provision with
its citations, so that the law data's quotes are checked like the rules' own
(`svrules law --format json | ../shared/tools/verify-citations`)."""
from __future__ import annotations

from typing import Any

from ..model import Citation
from ..rulepack import Source, citation_dict
from .data import LawBook


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def law_entries(book: LawBook, sources: dict[str, Source]) -> list[dict[str, Any]]:
    """One entry per dated value or provision, each with an `id` and its `citations` (the shape
    of a rule in `svrules rules --format json`, which citation checkers read)."""
    def cites(*items: Citation) -> list[dict[str, Any]]:
        return [citation_dict(c, sources) for c in items]

    out: list[dict[str, Any]] = [{"id": "act_in_force", "kind": "commencement",
                                  "from": _day(book.act_in_force),
                                  "citations": cites(book.act_citation)}]
    for regime in book.regimes:
        out.append({"id": f"regime:{regime.id}", "kind": "regime", "name": regime.name,
                    "from": _day(regime.start), "to": _day(regime.end),
                    "citations": cites(regime.citation)})
    for basis in book.value_bases:
        extra = [basis.light_touch_citation] if basis.light_touch_citation else []
        out.append({"id": f"value_basis:{_day(basis.start)}", "kind": "value_basis",
                    "from": _day(basis.start), "to": _day(basis.end), "basis": basis.basis,
                    "light_touch": basis.light_touch or basis.basis,
                    "citations": cites(basis.citation, *extra)})
    for period in sorted(book.thresholds, key=lambda p: p.start):
        out.append({"id": f"threshold:{_day(period.start)}", "kind": "threshold",
                    "from": _day(period.start), "to": _day(period.end),
                    "central_government": period.central_government,
                    "sub_central": period.sub_central, "works": period.works,
                    "light_touch": period.light_touch, "concession": period.concession,
                    "confidence": period.confidence, "citations": cites(period.citation)})
    for body in book.nhs_bodies:
        for listing in body.listed:
            slug = "-".join(body.name.lower().replace("an ", "", 1).split()[:3])
            out.append({"id": f"nhs:{slug}:{_day(listing.start)}", "kind": "nhs_listing",
                        "name": body.name, "from": _day(listing.start), "to": _day(listing.end),
                        "central": listing.central, "citations": cites(listing.citation)})
    note = book.notifiable
    out.append({"id": "notifiable_below_threshold", "kind": "threshold", "from": _day(note.start),
                "central_government": note.central_government, "other": note.other,
                "citations": cites(note.citation)})
    scot = book.scotland
    out.append({"id": "scotland", "kind": "regime", "from": _day(scot.start),
                "regulated": scot.regulated, "regulated_works": scot.regulated_works,
                "community_benefit": scot.community_benefit, "basis": scot.basis,
                "citations": cites(book.cite("prsa_regulated"), book.cite("prsa_s25"))})
    out.append({"id": "wales", "kind": "commencement", "from": _day(book.wales.start),
                "citations": cites(book.wales.citation)})
    out.append({"id": "provider_selection_regime", "kind": "commencement",
                "from": _day(book.provider_selection_regime.start),
                "citations": cites(book.provider_selection_regime.citation)})
    for key, provision in sorted(book.provisions.items()):
        out.append({"id": f"provision:{key}", "kind": "provision", "citations": cites(provision)})
    return out


def law_text(entries: list[dict[str, Any]]) -> str:
    """The listing for a reader: one line per entry, then its citations."""
    lines = []
    for entry in entries:
        span = f"{entry.get('from') or ''}..{entry.get('to') or ''}" if "from" in entry else ""
        lines.append(f"{entry['id']} {span}".rstrip())
        for c in entry["citations"]:
            words = (f'"{c["quote"]}"' if c.get("quote") else
                     f"(paraphrase) {c['summary']}" if c.get("summary") else "")
            url = f" <{c['url']}>" if c.get("url") else ""
            lines.append(f"    {c.get('instrument', c['source'])}, {c['section']}: {words}{url}")
    return "\n".join(lines) + "\n"
