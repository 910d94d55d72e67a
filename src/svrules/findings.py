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


_NUMBERED = re.compile(r"^\s*(?:(?P<word>clause|section|paragraph|part)\s+)?"
                       r"(?P<n>\d{1,3}(?:\.\d{1,3}){0,4})(?P<end>[.)]?)(?=\s+\S)", re.I)


def _number(text: str, heading: bool) -> Optional[str]:
    """"4.2 ...", "4. ...", "4) ...", "Clause 4 ..."; a bare "4 ..." only in a heading, where it
    is a number and not "20 miles ..." or "10 apprenticeships ..."."""
    m = _NUMBERED.match(text)
    if m is None:
        return None
    if heading or m["word"] or m["end"] or "." in m["n"]:
        return m["n"]
    return None


def clause_number(block: Block) -> Optional[str]:
    """The number the document gives this text, so a finding can say "clause 4.2": its own
    (Word's automatic number, or a typed "4.2"), else the nearest numbered heading above it. An
    item of a simple list under a numbered heading is "4.2, item b", as a reader finds it."""
    own = block.location.clause or _number(block.text, block.kind.value == "heading")
    heading = next((n for n in (_number(t, True) for t in reversed(block.section)) if n), None)
    if own is None:
        return heading
    if block.kind.value == "list_item" and heading and "." not in own and own != heading:
        return f"{heading}, item {own}"
    return own


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
                place = {"clause": clause_number(block)}
                if block.location.paragraph is None:
                    place.update(line=line, column=column)
                location = block.location.model_copy(update=place)
                key_text = block.text[hit.start:hit.end]
                section, context = block.section, block.text
            else:
                # about the whole document: it points there, not at a front-matter line (the
                # fact it rests on and where it was read are in the excerpt and the message)
                at = self.inputs.get(rule.at) if rule.at else None
                line, column = 1, None
                location = Location(line=1, part="document")
                excerpt = (f"{rule.at}: {at.value}" + (f" ({at.where})" if at.where else "")
                           if at is not None else "(whole document)")
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
