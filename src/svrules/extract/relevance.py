"""Is a social value requirement linked to what is being bought? (SVA 2012 s.1(6); PA 2023 s.23(2)(a))

The judgement is data, not code: `rules/data/relevance.yaml` maps contract subjects (words of
the title or description, CPV prefixes) to the themes that can plausibly arise from delivering
them and to words that show a link. Seed 004's example is the model: "a contract to supply
equipment ... would struggle to establish the relevance of requiring apprenticeships".
The rule language has no Python, so the verdict is computed here into the clause fact's
`relevance` field (yes / no / unknown) and rule REL001 tests it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import yaml

from ..rulepack import RulePackError, default_rules_dir
from ._rx import rx


@dataclass(frozen=True)
class Family:
    id: str
    subject: tuple
    cpv: tuple[str, ...]
    themes: frozenset
    links: tuple


@lru_cache(maxsize=4)
def load_families(path: Optional[Path] = None) -> tuple[Family, ...]:
    path = path or default_rules_dir() / "data" / "relevance.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(Family(id=f["id"], subject=tuple(rx(p) for p in f.get("subject", [])),
                            cpv=tuple(str(c) for c in f.get("cpv", [])),
                            themes=frozenset(f["themes"]),
                            links=tuple(rx(p) for p in f.get("links", [])))
                     for f in data["families"])
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise RulePackError(str(path), f"invalid relevance table: {exc}") from None


def family_for(subject: str, cpv: Sequence[str] = ()) -> Optional[Family]:
    """The first family whose subject words match; CPV codes decide when the words do not."""
    if not subject and not cpv:
        return None
    families = load_families()
    for fam in families:
        if fam.id != "default" and subject and any(p.search(subject) for p in fam.subject):
            return fam
    for fam in families:
        if any(str(code).startswith(prefix) for code in cpv for prefix in fam.cpv):
            return fam
    return next((f for f in families if f.id == "default"), None) if subject else None


def judge(family: Optional[Family]):
    """A callable (theme, text, flags) -> "yes" | "no" | "unknown" for `extract_clauses`."""
    def relevance(theme: str, text: str, flags) -> str:
        if family is None:
            return "unknown"
        if "link_stated" in flags:
            return "yes"
        if theme in family.themes or theme == "general":
            return "yes"
        if any(p.search(text) for p in family.links):
            return "yes"
        return "no"
    return relevance
