"""Tender metadata kept as a document's custom properties (Word, OpenDocument).

Authors set these in File > Properties > Custom. A property counts when its name is a
`TenderMeta` field (`value`, `authority_kind` ...) or a dotted path into one
(`social_value.considered`); an optional `svrules.` prefix is allowed. Other properties
(SharePoint ids and the like) are none of our business and are ignored silently.
"""
from __future__ import annotations

import re
from typing import Any

from .meta import KNOWN_KEYS

LIST_FIELDS = frozenset({"cpv"})
META_SOURCE = "document properties"


def normalise_name(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip()).lower()


def properties_to_meta(properties: list[tuple[str, Any]]) -> dict[str, Any] | None:
    """Nested metadata from (name, value) pairs, or None if no property concerns svrules."""
    meta: dict[str, Any] = {}
    for raw_name, value in properties:
        path = [p for p in normalise_name(raw_name).split(".") if p]
        if path and path[0] == "svrules":
            path = path[1:]
        if not path or path[0] not in KNOWN_KEYS:
            continue
        if path[-1] in LIST_FIELDS and isinstance(value, str):
            value = [v.strip() for v in re.split(r"[,;]", value) if v.strip()]
        node = meta
        for key in path[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                child = node[key] = {}
            node = child
        node[path[-1]] = value
    return meta or None


def typed_value(kind: str, text: str) -> Any:
    """A property's value in Python terms, from its type name (OOXML vt:* or ODF value-type)."""
    text = text.strip()
    if kind in ("bool", "boolean"):
        return text.lower() in ("true", "1", "yes")
    if kind in ("i1", "i2", "i4", "i8", "int", "uint", "ui1", "ui2", "ui4", "ui8"):
        try:
            return int(text)
        except ValueError:
            return text
    if kind in ("r4", "r8", "decimal", "float"):
        try:
            return float(text)
        except ValueError:
            return text
    if kind in ("filetime", "date"):
        return text[:10]         # the date part; the time of day is noise for tender metadata
    return text
