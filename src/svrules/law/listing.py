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
                    "value_basis": regime.value_basis, "citations": cites(regime.citation)})
    for period in sorted(book.thresholds, key=lambda p: p.start):
        out.append({"id": f"threshold:{_day(period.start)}", "kind": "threshold",
                    "from": _day(period.start), "to": _day(period.end),
                    "central_government": period.central_government,
                    "sub_central": period.sub_central, "confidence": period.confidence,
                    "citations": cites(period.citation)})
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
