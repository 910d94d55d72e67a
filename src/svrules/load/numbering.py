"""Word's automatic numbers ("4.2", "3(b)"): computed from word/numbering.xml as Word shows them.

A tender's clause numbers are rarely typed: Word numbers headings and list paragraphs from the
numbering definitions, so the text has none. A finding that says "clause 4.2" needs the number
the reader sees. Counters follow Word: one set per abstract numbering definition (list
instances sharing it continue), a level's counter restarts when a lower level moves on, a
`startOverride` restarts an instance. Bullets and unknown formats give no number.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .xmlsafe import attr as xml_attr, child as xml_child, local_name

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa, bb ... (the letter repeated)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if n < 1:
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n) if n < 4000 else str(n)
    if fmt == "upperRoman":
        return _roman(n).upper() if n < 4000 else str(n)
    return None


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class WordNumbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: ET.Element | None) -> "WordNumbering":
        numbering = cls()
        if root is None:
            return numbering
        for element in root:
            name = local_name(element.tag)
            if name == "abstractNum":
                levels = {}
                for lvl in element:
                    if local_name(lvl.tag) != "lvl":
                        continue
                    levels[_int(xml_attr(lvl, "ilvl"), 0)] = _Level(
                        start=_int(xml_attr(xml_child(lvl, "start"), "val"), 1),
                        fmt=xml_attr(xml_child(lvl, "numFmt"), "val") or "decimal",
                        text=xml_attr(xml_child(lvl, "lvlText"), "val") or "")
                numbering.abstract[xml_attr(element, "abstractNumId") or ""] = levels
            elif name == "num":
                overrides = {}
                for override in element:
                    if local_name(override.tag) == "lvlOverride":
                        start = xml_child(override, "startOverride")
                        if start is not None:
                            overrides[_int(xml_attr(override, "ilvl"), 0)] = \
                                _int(xml_attr(start, "val"), 1)
                abstract_id = xml_attr(xml_child(element, "abstractNumId"), "val") or ""
                numbering.instances[xml_attr(element, "numId") or ""] = (abstract_id, overrides)
        return numbering

    def next(self, num_id: str | None, ilvl: int) -> str | None:
        """The number of the next paragraph of list `num_id` at level `ilvl` as Word displays
        it ("4.2.", "(b)"); None for bullets or no list. `clause_of` gives the bare number."""
        if not num_id or num_id == "0" or num_id not in self.instances:
            return None
        abstract_id, overrides = self.instances[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none") or not _PLACEHOLDER.search(level.text):
            return None
        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            spec = levels.get(k, _Level())
            shown = formatted(counters.get(k, spec.start), spec.fmt)
            if shown is None:
                raise ValueError
            return shown

        try:
            return _PLACEHOLDER.sub(value, level.text).strip() or None
        except ValueError:
            return None


def clause_of(label: str | None) -> str | None:
    return _trimmed(label) if label else None


def _trimmed(text: str) -> str | None:
    """"4.2." -> "4.2", "(a)" -> "a", "3(b)" stays: only punctuation that closes nothing."""
    text = text.strip().rstrip(".:").strip()
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:]
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    return text.strip() or None


# --------------------------------------------------------------------------- OpenDocument

_ODF_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                "I": "upperRoman"}


@dataclass
class _OdfLevel:
    fmt: str | None                # None: no number (bullets, an empty num-format)
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display: int = 1               # how many levels the label shows ("2.1" shows 2)


def _odf_levels(style: ET.Element) -> dict[int, _OdfLevel]:
    levels = {}
    for level in style:
        name = local_name(level.tag)
        if name not in ("list-level-style-number", "outline-level-style",
                        "list-level-style-bullet", "list-level-style-image"):
            continue
        fmt = xml_attr(level, "num-format") if name != "list-level-style-bullet" else None
        levels[_int(xml_attr(level, "level"), 1)] = _OdfLevel(
            fmt=_ODF_FORMATS.get(fmt or ""), prefix=xml_attr(level, "num-prefix") or "",
            suffix=xml_attr(level, "num-suffix") or "", start=_int(xml_attr(level, "start-value"), 1),
            display=max(1, min(_int(xml_attr(level, "display-levels"), 1), 10)))
    return levels


@dataclass
class OdfNumbering:
    """The numbers LibreOffice shows before list items and outline-numbered headings, from the
    list styles and the outline style: one set of counters per list style (a new list restarts
    unless it says `continue-numbering`), one for the headings."""

    lists: dict[str, dict[int, _OdfLevel]] = field(default_factory=dict)
    outline: dict[int, _OdfLevel] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_roots(cls, *roots: ET.Element | None) -> "OdfNumbering":
        numbering = cls()
        for root in roots:
            if root is None:
                continue
            for element in root.iter():
                name = local_name(element.tag)
                if name == "list-style":
                    numbering.lists[xml_attr(element, "name") or ""] = _odf_levels(element)
                elif name == "outline-style":
                    numbering.outline = _odf_levels(element)
        return numbering

    def restart(self, style: str | None) -> None:
        self.counters.pop(f"list:{style}", None)

    def item(self, style: str | None, level: int, start: int | None = None) -> str | None:
        return self._next(f"list:{style}", self.lists.get(style or "", {}), level, start)

    def heading(self, level: int) -> str | None:
        return self._next("outline", self.outline, level, None)

    def _next(self, key: str, levels: dict[int, _OdfLevel], level: int,
              start: int | None) -> str | None:
        counters = self.counters.setdefault(key, {})
        spec = levels.get(level)
        first = spec.start if spec else 1
        counters[level] = start if start is not None else counters.get(level, first - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if spec is None or spec.fmt is None:
            return None
        shown = []
        for k in range(max(1, level - spec.display + 1), level + 1):
            k_spec = levels.get(k, spec)
            value = formatted(counters.get(k, k_spec.start), k_spec.fmt or "decimal")
            if value is None:
                return None
            shown.append(value)
        return f"{spec.prefix}{'.'.join(shown)}{spec.suffix}".strip() or None
