"""`svrules facts`: what was read from a tender and from where, and the verdict it led to."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .report.json import applicability_dict
from .report.text import verdict_paragraph


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, tuple):
        return list(value)
    return value


def _line(analysis, block: int, offset: int) -> int:
    return analysis.document.blocks[block].position(offset)[0]


def clause_dicts(analysis) -> list[dict]:
    """The social value clauses read from the text, as `svrules facts` shows them."""
    extracted = getattr(analysis, "extracted", None)
    if extracted is None:
        return []
    out = []
    for c in extracted.clauses:
        out.append({"line": _line(analysis, c.block, c.match_start), "kind": c.kind,
                    "theme": c.theme, "strength": c.strength, "elements": dict(c.elements),
                    "missing": list(c.missing), "relevance": c.relevance,
                    "flags": sorted(c.flags), "burden": c.burden,
                    **({"reports_per_year": c.frequency_per_year}
                       if c.frequency_per_year else {}),
                    **({"outcome_count": c.outcome_count} if c.outcome_count else {}),
                    **({"spend_per_outcome": c.spend_per_outcome}
                       if c.spend_per_outcome else {}),
                    "text": " ".join(c.text.split())[:200]})
    return out


def weighting_dicts(analysis) -> list[dict]:
    extracted = getattr(analysis, "extracted", None)
    if extracted is None:
        return []
    return [{"line": _line(analysis, w.block, w.match_start), "total": w.total,
             "points": w.points, "social_value": w.sv_weight, "sub_total_ok": w.sub_total_ok,
             "method_stated": w.method_stated, "unweighted": w.unweighted}
            for w in extracted.weightings]


def facts_json(analysis) -> str:
    inputs = analysis.inputs
    data = {
        "path": analysis.document.path,
        "metadata_source": analysis.document.meta_source,
        "inputs": {name: {"value": _plain(k.value), "source": k.source, "where": k.where,
                          **({"vat": k.vat} if k.vat else {}),
                          **({"detail": k.detail} if k.detail else {})}
                   for name, k in sorted(inputs.known.items())},
        "text_facts": [{"name": f.name, "value": _plain(f.value), "line": f.line,
                        "excerpt": f.excerpt, **({"vat": f.vat} if f.vat else {}),
                        **({"detail": f.detail} if f.detail else {})}
                       for f in analysis.text_facts],
        "social_value_clauses": clause_dicts(analysis),
        "weightings": weighting_dicts(analysis),
        "applicability": applicability_dict(analysis.verdict),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def facts_text(analysis) -> str:
    out = [f"== {analysis.document.path}",
           f"metadata: {analysis.document.meta_source or 'none'}", "", "Inputs to the verdict:"]
    for name, k in sorted(analysis.inputs.known.items()):
        value = _plain(k.value)
        vat = f" ({k.vat} of VAT)" if k.vat else ""
        out.append(f"  {name:24s} {value}{vat}  [{k.source}{', ' + k.where if k.where else ''}]")
    out += ["", "Read from the text:"]
    if not analysis.text_facts:
        out.append("  (nothing)")
    for f in analysis.text_facts:
        detail = f" — {f.detail}" if f.detail else ""
        out.append(f"  line {f.line:<5d} {f.name:18s} {_plain(f.value)}{detail}")
        out.append(f"             \"{f.excerpt}\"")
    out += ["", "Social value clauses:"]
    clauses = clause_dicts(analysis)
    if not clauses:
        out.append("  (none)")
    for c in clauses:
        missing = ", ".join(c["missing"]) or "nothing"
        flags = f"; {', '.join(c['flags'])}" if c["flags"] else ""
        out.append(f"  line {c['line']:<5d} {c['kind']:13s} {c['theme']:17s} {c['strength']:5s} "
                   f"relevance {c['relevance']}; missing {missing}{flags}")
        out.append(f"             \"{c['text'][:100]}\"")
    weightings = weighting_dicts(analysis)
    if weightings:
        out += ["", "Award weightings:"]
        for w in weightings:
            out.append(f"  line {w['line']:<5d} total {w['total']}, social value {w['social_value']}"
                       f"{' (points)' if w['points'] else ''}; method stated: "
                       f"{'yes' if w['method_stated'] else 'no'}")
    out += [""] + verdict_paragraph(analysis.verdict, indent="") + [""]
    return "\n".join(out)
