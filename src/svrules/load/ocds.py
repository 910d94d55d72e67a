"""Tender metadata from an Open Contracting Data Standard (OCDS 1.1) release or release package.

A published notice in OCDS form (`NAME.ocds.json` beside the tender) says much of what the
verdict needs: `tender.mainProcurementCategory` (goods / works / services), `tender.value`,
the CPV codes (`tender.classification`, `tender.items[].classification`), the `buyer` (its kind
read from its name, placed by its address or the portal the OCID prefix names), whether a
framework is being concluded (`techniques.hasFrameworkAgreement`) or a contract called off one
(`procurementMethodDetails` "Call-off from a framework agreement", "Direct Award from a
Framework", "Further Competition - Framework"), and when the procurement started: the first
s.1(2) event the release records, i.e. the earliest of the tender notice's publication
(`tender.datePublished`), the tender period, and the release date of a tender or planning
release; an award release's own date is never the start. A release tagged only `planning`, its
tender still at the planning stage, is early market engagement (`notice_kind`). UK Find a Tender releases give
`value.amount` net of VAT and `value.amountGross` including it; both are read that way here, and
the warning says so.

The buyer's kind (from its name and where the release places it) and the nature of CPV codes
are readings of the extract stage's tables, which loading must not import: the program that
runs the pipeline passes them in (`OcdsReaders`, `extract.release.READERS`). Without them the
release is read for its plain fields only: `mainProcurementCategory` still gives the nature,
the buyer's name is kept, and no kind is read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..untrusted import UntrustedInput, parse_json
from .errors import LoadError

OCDS_SUFFIX = ".ocds.json"
CATEGORY = {"goods": "goods", "works": "works", "services": "services"}
CALL_OFF = ("call-off from a framework", "call off from a framework", "from a framework",
            "further competition - framework", "mini-competition", "mini competition",
            "under a framework")


@dataclass(frozen=True)
class OcdsReaders:
    """The readings of a release that need the extract stage's tables."""

    # (buyer's name, OCID, the buyer's addresses) -> an AuthorityKind value, or None
    authority_kind: Callable[[str, str, list[dict]], Optional[str]]
    # an 8-digit CPV code -> 'services', 'goods' or 'works', or None
    cpv_nature: Callable[[str], Optional[str]]


#: Plain fields only: no kind from the buyer's name, no nature from CPV codes.
PLAIN = OcdsReaders(authority_kind=lambda name, ocid, addresses: None,
                    cpv_nature=lambda code: None)


def _list(value: Any) -> list:
    """A list field of the release, or nothing when it holds anything else (a number...)."""
    return value if isinstance(value, list) else []


def _amount(value: Any) -> float | None:
    """A finite, non-negative amount, or None (an integer too large for a float, a string)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        amount = float(value)
    except OverflowError:
        return None
    return amount if 0 <= amount < float("inf") else None


def _release(data: Any) -> dict:
    """The release to read: a release itself, or the latest release of a package."""
    if isinstance(data, dict) and isinstance(data.get("releases"), list):
        releases = [r for r in data["releases"] if isinstance(r, dict)]
        if not releases:
            raise LoadError("metadata", "OCDS release package has no releases")
        return max(releases, key=lambda r: str(r.get("date", "")))
    if isinstance(data, dict) and ("ocid" in data or "tender" in data):
        return data
    raise LoadError("metadata", "not an OCDS release or release package (no `ocid`, `tender` "
                    "or `releases`)")


def _buyer_name(release: dict) -> str | None:
    buyer = release.get("buyer")
    if isinstance(buyer, dict) and buyer.get("name"):
        return str(buyer["name"])
    for party in _list(release.get("parties")):
        if isinstance(party, dict) and "buyer" in _list(party.get("roles")) and party.get("name"):
            return str(party["name"])
    return None


def _buyer_addresses(release: dict) -> list[dict]:
    buyer = release.get("buyer") if isinstance(release.get("buyer"), dict) else {}
    found = []
    for party in release.get("parties") or []:
        if isinstance(party, dict) and isinstance(party.get("address"), dict) and (
                "buyer" in (party.get("roles") or []) or party.get("id") == buyer.get("id")):
            found.append(party["address"])
    return found


def _day(value: Any) -> str | None:
    text = str(value or "")[:10]
    return text if len(text) == 10 and text[4] == "-" and text[7] == "-" else None


def procurement_start(release: dict, tender: dict) -> str | None:
    """The first s.1(2) event the release records, as YYYY-MM-DD: the earliest of the tender
    notice's publication, the tender period's start and end (tenders cannot close before the
    procurement started), and the date of a tender or planning release. The date of an award
    release is when the award was published, long after the start, so it is not used."""
    period = tender.get("tenderPeriod") if isinstance(tender.get("tenderPeriod"), dict) else {}
    days = [_day(tender.get("datePublished")), _day(period.get("startDate")),
            _day(period.get("endDate"))]
    tags = _list(release.get("tag"))
    if any(str(t).startswith(("tender", "planning")) for t in tags) or not any(days):
        days.append(_day(release.get("date")))
    days = [d for d in days if d]
    return min(days) if days else None


def ocds_metadata(raw: bytes, name: str,
                  readers: OcdsReaders = PLAIN) -> tuple[dict[str, Any], list[str]]:
    """TenderMeta fields (as a plain mapping) read from OCDS JSON, and warnings; `readers`
    read the buyer's kind and the CPV codes' nature (PLAIN: not read)."""
    try:
        data = parse_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LoadError("metadata", f"{name}: invalid JSON: {exc}") from None
    except UntrustedInput as exc:
        raise LoadError("metadata", f"{name}: {exc}") from None
    release = _release(data)
    tender = release.get("tender") if isinstance(release.get("tender"), dict) else {}
    meta: dict[str, Any] = {}
    warnings: list[str] = []

    if tender.get("title"):
        meta["title"] = str(tender["title"])
    buyer = _buyer_name(release)
    if buyer:
        meta["authority"] = buyer
        kind = readers.authority_kind(buyer, str(release.get("ocid") or ""),
                                      _buyer_addresses(release))
        if kind:
            meta["authority_kind"] = kind
    category = CATEGORY.get(str(tender.get("mainProcurementCategory", "")).lower())
    cpvs = []
    for holder in [tender, *_list(tender.get("items"))]:
        code = holder.get("classification") if isinstance(holder, dict) else None
        if isinstance(code, dict) and str(code.get("scheme", "")).upper() == "CPV" \
                and code.get("id") and str(code["id"]) not in cpvs:
            cpvs.append(str(code["id"]))
    if cpvs:
        meta["cpv"] = cpvs
    if category:
        meta["nature"] = category
    elif cpvs:
        natures = {readers.cpv_nature(c) for c in cpvs} - {None}
        if len(natures) == 1:
            meta["nature"] = natures.pop()
        elif natures:
            meta["nature"] = "mixed"

    value = tender.get("value") if isinstance(tender.get("value"), dict) else {}
    currency = value.get("currency")
    if currency and currency != "GBP":
        warnings.append(f"{name}: tender.value is in {currency}, not GBP: value not used")
    elif any(isinstance(value.get(k), (int, float)) and not isinstance(value.get(k), bool)
             and _amount(value.get(k)) is None for k in ("amountGross", "amount")):
        warnings.append(f"{name}: tender.value is not a finite, non-negative amount: value "
                        "not used")
    elif any(_amount(value.get(k)) is not None and _amount(value.get(k)) <= 1 for k in
             ("amount", "amountGross")):
        warnings.append(f"{name}: tender.value of {value.get('amount', value.get('amountGross'))}"
                        " is a placeholder, not an estimated value: value not used")
    elif _amount(value.get("amountGross")) is not None:
        meta["value"], meta["vat"] = _amount(value["amountGross"]), "inclusive"
    elif _amount(value.get("amount")) is not None:
        meta["value"], meta["vat"] = _amount(value["amount"]), "exclusive"
        warnings.append(f"{name}: tender.value.amount read as net of VAT (the UK Find a Tender "
                        "convention); give amountGross or `vat:` in front matter if it is not")

    start = procurement_start(release, tender)
    if start:
        meta["procurement_start"] = start

    techniques = tender.get("techniques") if isinstance(tender.get("techniques"), dict) else {}
    details = str(tender.get("procurementMethodDetails") or "").lower()
    if any(words in details for words in CALL_OFF) and "dynamic purchasing" not in details:
        meta["framework"] = "call_off"
    elif techniques.get("hasFrameworkAgreement") is True:
        meta["framework"] = "framework"
    lots = tender.get("lots")
    if isinstance(lots, list) and lots:
        meta["lots"] = len(lots) > 1
    # A planning release whose tender is still at the planning stage (a prior information or
    # market engagement notice): no call for competition yet (SVA 2012 s.1(2)).
    tags = [str(t) for t in _list(release.get("tag"))]
    if tags and all(t == "planning" for t in tags) and tender.get("status") in (None, "planning",
                                                                               "planned"):
        meta["notice_kind"] = "market_engagement"
    return meta, warnings
