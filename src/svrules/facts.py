"""Turn a document's verdict, inputs and text hits into the flat facts the engine matches.

Facts stay small and flat (durable-rules allows at most 255 properties), every fact has a unique
id (`<sid>:<kind>:<n>`), and values go through `compile.normalise` so both engines see the same
strings and numbers. Text and extracted facts carry a `ref` back to the Python object that the
finding is built from.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from .engine.compile import normalise
from .extract.matcher import Hit
from .law.inputs import Inputs
from .model import Applicability


def _tri(value: Any) -> str:
    return normalise(value if isinstance(value, bool) or value is None else bool(value))


def doc_fact(sid: str, verdict: Applicability, inputs: Inputs) -> dict:
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
        "framework": normalise(inputs.value("framework")),
        "light_touch": normalise(inputs.value("light_touch")),
        "lots": normalise(inputs.value("lots")),
        "location_reservation": normalise(inputs.value("location_reservation")),
        "urgency": _tri(getattr(urgency, "claimed", False)),
        "urgency_reason": _tri(bool(getattr(urgency, "reason", None))),
        "sv_considered": normalise(inputs.value("sv_considered")),
        "consultation_considered": normalise(inputs.value("sv_consultation_considered")),
        "relevant_area_stated": _tri(inputs.value("sv_relevant_area") is not None),
        "value_known": _tri(inputs.get("value") is not None),
    }
    # Numbers are present only when known: a comparison with an unknown number is false.
    if verdict.threshold_gbp is not None:
        fact["threshold_gbp"] = float(verdict.threshold_gbp)
    value = inputs.get("value")
    if value is not None:
        fact["value_gbp"] = float(value.value)
    weighting = inputs.value("sv_weighting_percent")
    if weighting is not None:
        fact["weighting_percent"] = float(weighting)
    start = inputs.value("procurement_start")
    if isinstance(start, dt.date):
        fact["procurement_start"] = int(start.strftime("%Y%m%d"))
    return fact


def hit_facts(sid: str, hits: list[Hit]) -> list[dict]:
    return [{"id": f"{sid}:hit:{n}", "kind": "hit", "pattern": hit.pattern, "ref": n}
            for n, hit in enumerate(hits)]


def eof_fact(sid: str) -> dict:
    return {"id": f"{sid}:eof", "kind": "eof"}
