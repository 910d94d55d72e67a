"""Read the dated law files under `rules/law/` into validated models."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from .._yaml import safe_load as _safe_load
from ..model import AuthorityKind, Citation
from ..rulepack import RulePackError, default_rules_dir


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Dated(_Strict):
    """A value in force from `start` to `end` (inclusive); the YAML says `from` and `to`."""

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data):
        if isinstance(data, dict):
            data = dict(data)
            data.setdefault("start", data.pop("from", None))
            data.setdefault("end", data.pop("to", None))
        return data


class ThresholdPeriod(_Dated):
    start: dt.date
    end: Optional[dt.date] = None
    central_government: float
    sub_central: float
    works: Optional[float] = None
    light_touch: Optional[float] = None
    concession: Optional[float] = None
    confidence: Literal["read", "remembered"] = "read"
    citation: Citation

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def for_kind(self, kind: AuthorityKind) -> float:
        return self.central_government if kind is AuthorityKind.central_government else self.sub_central

    def for_column(self, central: bool) -> float:
        """The goods and services threshold of the central government or sub-central column."""
        return self.central_government if central else self.sub_central


class ValueBasis(_Dated):
    """The VAT basis on which values are compared with thresholds, by procurement start date."""

    start: dt.date
    end: Optional[dt.date] = None
    basis: Literal["inclusive", "exclusive"]
    light_touch: Optional[Literal["inclusive", "exclusive"]] = None
    citation: Citation
    light_touch_citation: Optional[Citation] = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Listing(_Dated):
    """Whether an NHS body is a central government authority in a period (None: unsettled)."""

    start: dt.date
    end: Optional[dt.date] = None
    central: Optional[bool]
    citation: Citation

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class NhsBody(_Strict):
    name: str
    names: tuple[str, ...]
    listed: tuple[Listing, ...]

    def listing_on(self, day: dt.date) -> Optional[Listing]:
        return next((p for p in self.listed if p.covers(day)), None)


class Notifiable(_Dated):
    start: dt.date
    end: Optional[dt.date] = None
    central_government: float
    other: float
    citation: Citation


class Scotland(_Dated):
    start: dt.date
    end: Optional[dt.date] = None
    from_confidence: Literal["read", "remembered"] = "read"
    basis: Literal["inclusive", "exclusive"]
    regulated: float
    regulated_works: float
    community_benefit: float


class Wales(_Dated):
    start: dt.date
    end: Optional[dt.date] = None
    citation: Citation


class InForce(_Dated):
    """A regime in force from `start`, with the provision that says so."""

    start: dt.date
    end: Optional[dt.date] = None
    citation: Citation


class Regime(_Dated):
    id: Literal["PCR2015", "PA2023"]
    name: str
    start: dt.date
    end: Optional[dt.date] = None
    citation: Citation


class LawBook(_Strict):
    act_in_force: dt.date
    act_citation: Citation
    regimes: tuple[Regime, ...]
    thresholds: tuple[ThresholdPeriod, ...]
    provisions: dict[str, Citation]
    value_bases: tuple[ValueBasis, ...]
    nhs_bodies: tuple[NhsBody, ...]
    notifiable: Notifiable
    scotland: Scotland
    wales: Wales
    provider_selection_regime: InForce

    def basis_on(self, day: dt.date) -> Optional[ValueBasis]:
        return next((b for b in self.value_bases if b.covers(day)), None)

    def all_citations(self) -> list[Citation]:
        """Every citation in the law data, for checking that each quote is verbatim."""
        out = [p.citation for p in self.thresholds] + [r.citation for r in self.regimes]
        out += list(self.provisions.values()) + [self.act_citation]
        for basis in self.value_bases:
            out += [basis.citation] + ([basis.light_touch_citation]
                                       if basis.light_touch_citation else [])
        out += [listing.citation for body in self.nhs_bodies for listing in body.listed]
        return out + [self.notifiable.citation, self.wales.citation,
                      self.provider_selection_regime.citation]

    def regime_on(self, day: dt.date) -> Optional[Regime]:
        for regime in self.regimes:
            if regime.start <= day and (regime.end is None or day <= regime.end):
                return regime
        return None

    def threshold_on(self, day: dt.date) -> Optional[ThresholdPeriod]:
        for period in self.thresholds:
            if period.covers(day):
                return period
        return None

    def cite(self, key: str) -> Citation:
        return self.provisions[key]


def _read(path: Path):
    try:
        return _safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulePackError(str(path), f"cannot read law data: {exc}") from None


@lru_cache(maxsize=4)
def load_lawbook(folder: Path | None = None) -> LawBook:
    folder = folder or default_rules_dir() / "law"
    regimes = _read(folder / "regimes.yaml")
    thresholds = _read(folder / "thresholds.yaml")
    provisions = _read(folder / "provisions.yaml")
    verdict = _read(folder / "verdict.yaml")
    try:
        both = dict(provisions["provisions"])
        twice = sorted(set(both) & set(verdict["provisions"]))
        if twice:
            raise RulePackError(str(folder / "verdict.yaml"),
                                f"provision {twice[0]!r} is also in provisions.yaml")
        both.update(verdict["provisions"])
        book = LawBook(
            act_in_force=regimes["act_in_force"]["from"],
            act_citation=regimes["act_in_force"]["citation"],
            regimes=regimes["regimes"], thresholds=thresholds["periods"],
            provisions=both, value_bases=verdict["value_bases"],
            nhs_bodies=verdict["nhs_bodies"], notifiable=verdict["notifiable_below_threshold"],
            scotland=verdict["scotland"], wales=verdict["wales"],
            provider_selection_regime=verdict["provider_selection_regime"])
    except (ValidationError, KeyError, TypeError) as exc:
        raise RulePackError(str(folder), f"invalid law data: {exc}") from None
    _no_overlap(book.thresholds, folder / "thresholds.yaml", "threshold periods")
    _no_overlap(book.value_bases, folder / "verdict.yaml", "value bases")
    for body in book.nhs_bodies:
        _no_overlap(body.listed, folder / "verdict.yaml", f"listings of {body.name}")
    return book


def _no_overlap(items, path: Path, what: str) -> None:
    """Dated values must not overlap: one day, one value."""
    ordered = sorted(items, key=lambda p: p.start)
    for before, after in zip(ordered, ordered[1:]):
        if before.end is None or before.end >= after.start:
            raise RulePackError(str(path), f"{what} overlap at {after.start}")
