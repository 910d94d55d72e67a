"""Build `Finding`s from engine matches: place, message, severity policy, fingerprint.

Severity depends on the verdict: where the Act does not apply, a rule's findings are downgraded
to info as good practice (or dropped, or kept, as the rule's `out_of_scope` says), unless the
organisation applies social value to all contracts. Fingerprints hash the rule and the
normalised sentence, not the line, so they survive the text moving.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Optional, Sequence

from .engine import Match
from .extract.matcher import Hit
from .law.inputs import Inputs
from .model import Applicability, Block, Citation, Finding, Location, Severity
from .rulepack import PLACEHOLDER, RulePack, RuleSpec

EXCERPT_MAX = 240
CONTEXT_AROUND = 600
GOOD_PRACTICE = " (good practice only: the Act does not apply to this procurement)"


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s%£]", " ", text.lower())).strip()


def fingerprint(rule_id: str, text: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{rule_id}\0{normalise_text(text)}\0{occurrence}".encode())
    return digest.hexdigest()[:20]


def excerpt_of(block: Block, hit: Hit) -> str:
    sentence = block.text[hit.start:hit.end].strip()
    sentence = re.sub(r"\s+", " ", sentence)
    if len(sentence) <= EXCERPT_MAX:
        return sentence
    centre = hit.match_start - hit.start
    left = max(0, min(centre - EXCERPT_MAX // 2, len(sentence) - EXCERPT_MAX))
    return ("…" if left else "") + sentence[left:left + EXCERPT_MAX].strip() + "…"


def context_of(text: str, start: int, end: int) -> str:
    """The sentence with up to CONTEXT_AROUND characters either side: what a report shows
    around an excerpt. Not the whole block: a 2 MB paragraph dense with findings would
    otherwise be kept, and searched by the HTML report, once per finding."""
    if len(text) <= 2 * CONTEXT_AROUND + (end - start):
        return text
    return text[max(0, start - CONTEXT_AROUND):end + CONTEXT_AROUND]


def fill(template: str, values: dict[str, str]) -> str:
    """Substitute {name} placeholders from a fixed set; rule text is never formatted by Python."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _money(value: Optional[float]) -> str:
    return "unknown" if value is None else f"£{value:,.0f}"


class FindingBuilder:
    """Per document: turns matches into findings with consistent places and fingerprints."""

    def __init__(self, pack: RulePack, blocks: Sequence[Block], hits: Sequence[Hit],
                 verdict: Applicability, inputs: Inputs,
                 severity_overrides: dict[str, Severity] | None = None) -> None:
        self.pack = pack
        self.blocks = blocks
        self.hits = hits
        self.verdict = verdict
        self.inputs = inputs
        self.overrides = severity_overrides or {}

    # Built once per rule and shared by its findings (issue 7: a run keeps every finding for the
    # report; one copy of each rule's citations per finding was most of their memory).
    _CITED: dict[tuple[int, str], tuple] = {}

    def _citations(self, rule: RuleSpec) -> tuple[Citation, ...]:
        key = (id(self.pack), rule.id)
        cached = self._CITED.get(key)
        if cached is not None and cached[0] is self.pack:
            return cached[1]
        out = []
        for cite in rule.citations:
            url = cite.url or self.pack.sources[cite.source].url
            out.append(Citation(source=cite.source, section=cite.section, quote=cite.quote, url=url))
        self._CITED[key] = (self.pack, tuple(out))
        return self._CITED[key][1]

    def _values(self, excerpt: str, match: str) -> dict[str, str]:
        value = self.inputs.get("value")
        return {
            "excerpt": excerpt, "match": match,
            "value": _money(value.value if value else None),
            "threshold": _money(self.verdict.threshold_gbp),
            "regime": self.verdict.regime or "unknown",
            "authority": str(self.inputs.value("authority", "the authority")),
            "nature": str(self.inputs.value("nature", "unknown")),
            "weighting": str(self.inputs.value("sv_weighting_percent", "unknown")),
            "missing": ", ".join(self.verdict.missing) or "nothing",
            "detail": "",
        }

    def _severity(self, rule: RuleSpec) -> tuple[Optional[Severity], Optional[Severity]]:
        """(severity to report or None to drop, the severity it was downgraded from)."""
        severity = self.overrides.get(rule.id, rule.severity)
        if self.verdict.good_practice_only and rule.out_of_scope != "keep":
            if rule.out_of_scope == "skip":
                return None, None
            if severity is not Severity.info:
                return Severity.info, severity
        return severity, None

    def build(self, matches: Sequence[Match]) -> list[Finding]:
        findings: list[Finding] = []
        seen: Counter[tuple[str, str]] = Counter()
        for match in sorted(set(matches)):
            rule = self.pack.by_id.get(match.rule)
            if rule is None:
                continue
            severity, downgraded = self._severity(rule)
            if severity is None:
                continue
            if match.ref is not None and rule.anchored:
                hit = self.hits[match.ref]
                block = self.blocks[hit.block]
                excerpt = excerpt_of(block, hit)
                matched = block.text[hit.match_start:hit.match_end]
                line, column = block.position(hit.match_start)
                location = block.location.model_copy(update={"line": line, "column": column}) \
                    if block.location.paragraph is None else block.location
                key_text = block.text[hit.start:hit.end]
                section, context = block.section, context_of(block.text, hit.start, hit.end)
            else:
                at = self.inputs.get(rule.at) if rule.at else None
                line = at.line if at is not None and at.line else 1
                column = None
                location = Location(line=line)
                excerpt = (f"{rule.at}: {at.value}" if at is not None else "(whole document)")
                matched = ""
                key_text = "(document)"
                section, context = (), None
            occurrence = seen[(rule.id, normalise_text(key_text))]
            seen[(rule.id, normalise_text(key_text))] += 1
            values = self._values(excerpt, matched)
            if match.ref is not None and rule.anchored:
                # an extracted fact's anchor carries what its message needs (facts.Anchor)
                for name in ("missing", "detail"):
                    if getattr(self.hits[match.ref], name, None):
                        values[name] = getattr(self.hits[match.ref], name)
            message = fill(rule.message, values)
            if downgraded is not None:
                message += GOOD_PRACTICE
            findings.append(Finding(
                rule=rule.id, name=rule.name, category=rule.category, severity=severity,
                line=location.line, column=column, location=location, message=message,
                excerpt=excerpt, fix=fill(rule.fix, values),
                fingerprint=fingerprint(rule.id, key_text, occurrence),
                citations=self._citations(rule), downgraded_from=downgraded,
                section=section, context=context))
        findings.sort(key=lambda f: (f.line, f.column or 0, f.rule, f.fingerprint))
        return findings
