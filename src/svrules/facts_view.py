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
    out += [""] + verdict_paragraph(analysis.verdict, indent="") + [""]
    return "\n".join(out)
