"""What kind of buyer a notice names, and where it is: the authority kind the verdict needs.

A kind is two readings (the table is data: `rules/data/authorities.yaml`):
  - the body's type from its name (a council of any tier or name form, an NHS trust, an
    integrated care board, a police body, a university, a housing association, a government
    department, a private company that is no contracting authority ...), first match wins;
  - its territory (Scotland, Wales or neither), from the name itself ("Rhondda Cynon Taf CBC",
    "University of Aberdeen"), else from what the document names (the Public Contracts
    (Scotland) Regulations 2015, ESPD (Scotland), the Sell2Wales portal), else from an OCDS
    release (its OCID prefix, the buyer's postcode area or NUTS region).
The kind is then the body type's kind in that territory: a Welsh council is devolved (SVA 2012
s.1(11)-(12)), a Welsh police body or a UK government department working in Wales is not (their
functions are not Welsh devolved functions), everything Scottish is out of the Act's extent. A
name that places the body in England (a border county, "England") keeps it English whatever the
document around it points to: an English council buying on the Sell2Wales portal or with Welsh
neighbours exercises English functions. Every reading says which words decided it; a status that is a matter of
judgement (universities, housing associations, companies) says so instead of hiding it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from .._yaml import safe_load as _safe_load
from ..rulepack import RulePackError, default_rules_dir
from ._rx import Hit, rx

TERRITORY_NAMES = {"scotland": "Scotland", "wales": "Wales"}


@dataclass(frozen=True)
class Body:
    type: str
    names: tuple
    kind: dict
    why: str = ""
    arguable: bool = False

    def kind_in(self, territory: Optional[str]) -> str:
        return self.kind.get(territory or "default", self.kind["default"])


@dataclass(frozen=True)
class Territory:
    id: str
    names: tuple
    text: tuple
    postcodes: frozenset
    nuts: tuple
    ocid: tuple


@dataclass(frozen=True)
class Table:
    bodies: tuple[Body, ...]
    territories: tuple[Territory, ...]


@lru_cache(maxsize=4)
def load_table(path: Optional[Path] = None) -> Table:
    path = path or default_rules_dir() / "data" / "authorities.yaml"
    try:
        data = _safe_load(path.read_text(encoding="utf-8"))
        bodies = tuple(Body(type=str(b["type"]), names=tuple(rx(p) for p in b["names"]),
                            kind=dict(b["kind"]), why=str(b.get("why", "")),
                            arguable=bool(b.get("arguable", False)))
                       for b in data["bodies"])
        territories = tuple(Territory(id=tid, names=tuple(rx(p) for p in t.get("names", [])),
                                      text=tuple(rx(p) for p in t.get("text", [])),
                                      postcodes=frozenset(str(c).upper()
                                                          for c in t.get("postcodes", [])),
                                      nuts=tuple(str(c).upper() for c in t.get("nuts", [])),
                                      ocid=tuple(str(c) for c in t.get("ocid", [])))
                            for tid, t in data["territories"].items())
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise RulePackError(str(path), f"invalid authority table: {exc}") from None
    for body in bodies:
        if "default" not in body.kind:
            raise RulePackError(str(path), f"body type {body.type!r} has no default kind")
    return table_checked(Table(bodies, territories), path)


def table_checked(table: Table, path: Path) -> Table:
    from ..model import AuthorityKind
    known = {k.value for k in AuthorityKind}
    for body in table.bodies:
        for kind in body.kind.values():
            if kind not in known:
                raise RulePackError(str(path), f"body type {body.type!r}: unknown kind {kind!r}")
    return table


def body_of(name: str) -> Optional[tuple[Body, str]]:
    """The body type a name reads as, and the words that decided it."""
    for body in load_table().bodies:
        for pattern in body.names:
            m = pattern.search(name)
            if m:
                return body, name[m.start():m.end()]
    return None


def name_territory(name: str) -> Optional[tuple[str, str]]:
    """('scotland' | 'wales' | 'england', the words) when the name itself places the body
    (England only to keep an English border body from being placed in Wales by the text)."""
    for territory in load_table().territories:
        for pattern in territory.names:
            m = pattern.search(name)
            if m:
                return territory.id, name[m.start():m.end()]
    return None


# The gate for `territory_hits` (see extract.index).
def territory_gate() -> tuple:
    return tuple(p for t in load_table().territories for p in t.text)


def territory_hits(text: str) -> list[Hit]:
    """Legislation, portals and law named in the text that place the procurement."""
    hits = []
    for territory in load_table().territories:
        for pattern in territory.text:
            for m in pattern.finditer(text):
                words = text[m.start():m.end()]
                hits.append(Hit(m.start(), m.end(), "territory", territory.id,
                                f"'{words}' places it in {TERRITORY_NAMES[territory.id]}", rank=2))
    return hits


def text_territory(values: list[str]) -> Optional[str]:
    """The territory most of the text's signs point to, None on a tie or none."""
    counts = Counter(values).most_common()
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def ocds_territory(ocid: str, addresses: list[dict]) -> Optional[tuple[str, str]]:
    """The territory an OCDS release places its buyer in: the buyer's address (postcode area
    or NUTS region) first, then the portal the OCID prefix names."""
    table = load_table()
    for address in addresses:
        region = str(address.get("region") or "").upper().replace(" ", "")
        postcode = str(address.get("postalCode") or "").upper().strip()
        area = ""
        for char in postcode:
            if not char.isalpha():
                break
            area += char
        country = str(address.get("countryName") or "").lower()
        for territory in table.territories:
            if region and any(region.startswith(code) for code in territory.nuts):
                return territory.id, f"the buyer's region {region}"
            if area and area in territory.postcodes:
                return territory.id, f"the buyer's postcode {postcode}"
            if country == territory.id:
                return territory.id, f"the buyer's country {address.get('countryName')}"
        if country == "england":
            return "england", "the buyer's country England"
        if area:
            return "england", f"the buyer's postcode {postcode} (neither Scottish nor Welsh)"
    for territory in table.territories:
        for prefix in territory.ocid:
            if ocid.startswith(prefix):
                portal_of = TERRITORY_NAMES[territory.id]
                return territory.id, f"the OCID prefix {prefix} (the {portal_of} portal)"
    return None


@dataclass(frozen=True)
class Reading:
    kind: str
    body: str
    territory: Optional[str]
    detail: str
    arguable: bool


def classify(name: str, territory: Optional[tuple[str, str]] = None) -> Optional[Reading]:
    """The authority kind for a buyer's name; `territory` is (territory, why) from elsewhere in
    the document or its release, used when the name itself does not place the body."""
    found = body_of(name)
    if found is None:
        return None
    body, words = found
    placed = name_territory(name)
    how = f"the name '{name}' reads as a {body.type} ('{words}')"
    if placed is not None:
        where, why = placed[0], f"the name ('{placed[1]}')"
    elif territory is not None and territory[0] in TERRITORY_NAMES:
        where, why = territory
    else:
        where, why = None, ""
    kind = body.kind_in(where)
    if where in TERRITORY_NAMES:
        how += f" in {TERRITORY_NAMES[where]}, from {why}"
    elif where == "england":
        how += f" in England, from {why}, whatever the document around it points to"
    if body.why and (body.arguable or where == "wales"
                     or kind in ("not_contracting_authority", "sub_central", "nhs_central",
                                 "nhs_other")):
        how += f"; {body.why}"
    if body.arguable and kind not in ("scottish", "not_contracting_authority"):
        how += " (its status is arguable)"
    return Reading(kind, body.type, where, how, body.arguable)
