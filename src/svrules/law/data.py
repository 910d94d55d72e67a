"""Read the dated law files under `rules/law/` into validated models."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

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
    confidence: Literal["read", "remembered"] = "read"
    citation: Citation

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def for_kind(self, kind: AuthorityKind) -> float:
        return self.central_government if kind is AuthorityKind.central_government else self.sub_central


class Regime(_Dated):
    id: Literal["PCR2015", "PA2023"]
    name: str
    start: dt.date
    end: Optional[dt.date] = None
    value_basis: Literal["inclusive", "exclusive"]
    citation: Citation


class LawBook(_Strict):
    act_in_force: dt.date
    act_citation: Citation
    regimes: tuple[Regime, ...]
    thresholds: tuple[ThresholdPeriod, ...]
    provisions: dict[str, Citation]

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
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulePackError(str(path), f"cannot read law data: {exc}") from None


@lru_cache(maxsize=4)
def load_lawbook(folder: Path | None = None) -> LawBook:
    folder = folder or default_rules_dir() / "law"
    regimes = _read(folder / "regimes.yaml")
    thresholds = _read(folder / "thresholds.yaml")
    provisions = _read(folder / "provisions.yaml")
    try:
        book = LawBook(
            act_in_force=regimes["act_in_force"]["from"],
            act_citation=regimes["act_in_force"]["citation"],
            regimes=regimes["regimes"], thresholds=thresholds["periods"],
            provisions=provisions["provisions"])
    except (ValidationError, KeyError, TypeError) as exc:
        raise RulePackError(str(folder), f"invalid law data: {exc}") from None
    periods = sorted(book.thresholds, key=lambda p: p.start)
    for before, after in zip(periods, periods[1:]):
        if before.end is None or before.end >= after.start:
            raise RulePackError(str(folder / "thresholds.yaml"),
                                f"threshold periods overlap at {after.start}")
    return book
