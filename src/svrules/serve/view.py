"""What the result page shows for one document, built from a `review.Reviewed`.

Kept apart from the routes so that it can be tested without a server: the verdict, the findings
grouped by severity and category, the document's blocks with each finding's passage marked,
and the facts form pre-filled with what was read and where.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Optional

from ..model import AuthorityKind, BlockKind, FrameworkRole, Nature, Vat
from ..report import counts, verdict_word, where
from ..report.docx_review import block_of, blocks_by_text, excerpt_pattern
from ..report.text import verdict_line
from ..review import FORM_SOURCE, Reviewed

SEVERITY_ORDER = ("error", "warning", "info")
FRAMEWORK_LABELS = {"none": "A stand-alone contract", "framework": "Concluding a framework",
                    "call_off": "A call-off from an existing framework"}
KIND_LABELS = {
    "central_government": "Central government authority",
    "sub_central": "Sub-central authority (e.g. a local council)",
    "nhs": "NHS body (listing not known)",
    "nhs_central": "NHS body listed as central government (e.g. an NHS Trust)",
    "nhs_other": "NHS body not listed (e.g. an integrated care board)",
    "devolved_welsh": "Devolved Welsh authority",
    "scottish": "Scottish authority",
    "other": "Another contracting authority",
    "not_contracting_authority": "Not a contracting authority (e.g. a private company)",
}


@dataclass(frozen=True)
class FactField:
    name: str                 # TenderMeta key, dotted for parts
    label: str
    kind: str                 # text | date | number | select
    options: tuple[tuple[str, str], ...] = ()
    hint: str = ""


FACT_FIELDS = (
    FactField("authority", "Contracting authority", "text"),
    FactField("authority_kind", "Kind of authority", "select",
              tuple((k.value, KIND_LABELS.get(k.value, k.value)) for k in AuthorityKind)),
    FactField("procurement_start", "Procurement start date", "date",
              hint="The day the notice is published or the market is first approached: it "
                   "decides which law and threshold apply."),
    FactField("nature", "Nature of the contract", "select",
              tuple((n.value, n.value.capitalize()) for n in Nature)),
    FactField("parts.services", "Mixed contract: value of the services (£)", "number"),
    FactField("parts.goods", "Mixed contract: value of the goods (£)", "number"),
    FactField("parts.works", "Mixed contract: value of the works (£)", "number"),
    FactField("value", "Estimated value over the whole term (£)", "number"),
    FactField("vat", "The value is stated", "select",
              tuple((v.value, f"{v.value} of VAT") for v in Vat)),
    FactField("framework", "Framework or call-off", "select",
              tuple((r.value, FRAMEWORK_LABELS[r.value]) for r in FrameworkRole)),
)


def _number(text: str) -> Optional[float]:
    cleaned = text.replace(",", "").replace("£", "").strip()
    if not cleaned:
        return None
    return float(cleaned)


def facts_from_form(form) -> tuple[dict[str, Any], Optional[str]]:
    """The facts a person changed or added (a value unchanged from the one read is left to its
    source, so the verdict still says where it came from); or the problem with them."""
    facts: dict[str, Any] = {}
    submitted: dict[str, str] = {}
    for field in FACT_FIELDS:
        given = str(form.get(f"fact_{field.name}") or "").strip()
        read = str(form.get(f"read_{field.name}") or "").strip()
        submitted[field.name] = given
        if not given or given == read:
            continue
        if field.kind == "number":
            try:
                value: Any = _number(given)
            except ValueError:
                return {}, f"{field.label}: {given!r} is not a number"
        else:
            value = given
        if field.kind == "select" and given not in {v for v, _ in field.options}:
            return {}, f"{field.label}: {given!r} is not one of the choices"
        if "." in field.name:
            outer, inner = field.name.split(".", 1)
            facts.setdefault(outer, {})[inner] = value
        else:
            facts[field.name] = value
    if "value" in facts and "vat" not in facts:
        if not submitted.get("vat"):
            return {}, "say whether the value is inclusive or exclusive of VAT"
        facts["vat"] = submitted["vat"]
    return facts, None


def _prefill(reviewed: Reviewed) -> list[dict]:
    analysis = reviewed.analysis
    known = analysis.inputs.known if analysis is not None else {}
    paragraphs = reviewed.document is not None and reviewed.document.format in ("docx", "odt")
    out = []
    for field in FACT_FIELDS:
        outer, _, inner = field.name.partition(".")
        k = known.get("value" if field.name == "vat" else outer)
        value: Any = None
        if k is not None:
            value = k.vat if field.name == "vat" else k.value
            if inner:
                value = getattr(value, inner, None)
            value = getattr(value, "value", value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        note = "not found: please give it if you know it"
        if value is not None and k is not None:
            if k.source == "text":
                unit = "paragraph" if paragraphs else "line"
                note = f"read from the text, {unit} {k.line}" if k.line else "read from the text"
            elif k.source == "metadata":
                note = f"from the document's metadata ({k.where})" if k.where else \
                    "from the document's metadata"
            else:
                note = f"from the configuration ({k.where})" if k.where else "from the configuration"
        shown = "" if value is None else str(value)
        # a value the document or the configuration gave is sent back as read, so that only
        # what the person changes becomes a fact "from the web form"
        from_form = k is not None and FORM_SOURCE in (k.where or "")
        out.append({"field": field, "value": shown, "note": note,
                    "read": value is not None and k is not None and not from_form})
    return out


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The block's text cut where marked passages start and end: [{text, ids, ends}]."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        ids = [fid for s, e, fid in spans if s <= a and b <= e]
        ends = [fid for s, e, fid in spans if e == b]
        out.append({"text": text[a:b], "ids": ids, "ends": ends})
    return out


def _citations(pack, f) -> list[dict]:
    out = []
    for c in f.citations:
        src = pack.sources.get(c.source)
        title, short, url = (src.title, src.short, c.url or src.url) if src else \
            (c.source, c.source, c.url)
        out.append({"title": title, "short": short, "section": c.section, "quote": c.quote,
                    "url": url})
    return out


def file_view(reviewed: Reviewed, name: str, data: bytes, pack) -> dict:
    result = reviewed.result
    if result.errors:
        e = result.errors[0]
        return {"name": name, "error": e.message, "kind": e.kind}
    doc = reviewed.document
    a = result.applicability
    findings = []
    spans: dict[int, list[tuple[int, int, str]]] = {}
    beside: dict[int, list[str]] = {}
    whole: list[str] = []
    by_text = blocks_by_text(doc)
    for n, f in enumerate(result.findings, start=1):
        fid = f"f{n}"
        block = block_of(by_text, f)
        findings.append({"id": fid, "rule": f.rule, "name": f.name, "severity": f.severity.value,
                         "category": f.category.value, "message": f.message, "fix": f.fix,
                         "excerpt": f.excerpt, "where": where(f), "section": " › ".join(f.section),
                         "citations": _citations(pack, f),
                         "downgraded": f.downgraded_from.value if f.downgraded_from else None})
        if block is None:
            whole.append(fid)
            continue
        pattern = excerpt_pattern(f.excerpt)
        taken = spans.setdefault(block.index, [])
        match = None
        for m in (pattern.finditer(block.text) if pattern else ()):
            if not any(s == m.start() and e == m.end() for s, e, _ in taken):
                match = m
                break
            match = match or m
        if match is not None:
            taken.append((match.start(), match.end(), fid))
        beside.setdefault(block.index, []).append(fid)
    blocks = []
    for b in doc.blocks:
        if b.kind is BlockKind.comment:
            continue
        blocks.append({"kind": b.kind.value, "level": b.level, "part": b.location.part,
                       "segments": _segments(b.text, spans.get(b.index, [])),
                       "findings": beside.get(b.index, [])})
    by_id = {f["id"]: f for f in findings}
    c = counts([result])
    return {
        "name": name, "error": None,
        "payload": base64.b64encode(data).decode("ascii"),
        "verdict": {"word": verdict_word(result), "line": verdict_line(a) if a else "",
                    "reasons": list(a.reasons) if a else [], "warnings": list(a.warnings) if a
                    else [], "missing": list(a.missing) if a else []},
        "counts": c,
        "findings": findings, "by_id": by_id, "whole": whole, "blocks": blocks,
        "groups": [(s, [f for f in findings if f["severity"] == s]) for s in SEVERITY_ORDER],
        "categories": sorted({f["category"] for f in findings}),
        "fields": _prefill(reviewed),
        "warnings": list(result.warnings),
        "waived": [{"rule": w.finding.rule, "excerpt": w.finding.excerpt,
                    "reason": w.waiver.reason or "no reason given", "kind": w.waiver.kind}
                   for w in result.waived],
    }
