"""Build `Finding`s from engine matches: place, message, severity policy, fingerprint.

Severity depends on the verdict and on the law the rule declares it rests on (`depends_on`;
see severity.py). A rule reports a sentence once: the same sentence repeated in each lot or
block is one finding that lists the other places. Fingerprints hash the rule and the
normalised sentence, not the line, so they survive the text moving.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from typing import Optional, Sequence

from .engine import Match
from .extract.matcher import Hit
from .law.inputs import Inputs
from .model import Applicability, Block, Citation, Finding, Location, Severity
from .rulepack import PLACEHOLDER, RulePack, RuleSpec, citation_url
from .severity import Ruling, ruling

EXCERPT_MAX = 240
ALSO_SHOWN = 5          # other places named in a repeated sentence's message

# How a fact the verdict needs is supplied, for messages that ask for it.
HOW_TO_ADD = {
    "procurement_start": "`procurement_start: YYYY-MM-DD`, the day the notice is published or "
                         "the market first approached",
    "nature": "`nature: services` (or goods, works, mixed)",
    "value": "`value: 250000` with `vat: exclusive` (or inclusive)",
    "vat": "`vat: exclusive` or `vat: inclusive` beside the value",
    "authority_kind": "`authority_kind: sub_central` (or central_government, nhs_central, "
                      "nhs_other, devolved_welsh, scottish, other)",
    "parts": "`parts: {services: ..., goods: ..., works: ...}`, the value of each part",
}


def how_to_add(names: Sequence[str]) -> str:
    """"set the Word custom property or add to the front matter" for each fact asked for."""
    asks = [f"{name}: set the Word custom property `{name}` or add to the front matter "
            f"{HOW_TO_ADD.get(name, f'`{name}: ...`')}" for name in names]
    return "; ".join(asks) or "nothing"
CONTEXT_AROUND = 600


_NOT_WORD = re.compile(r"[^\w\s%£]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def normalise_text(text: str) -> str:
    """The sentence as fingerprints and repeats compare it. Cached: a sentence that several
    rules report, or that a specification repeats, is normalised once."""
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text.lower())).strip()


def fingerprint(rule_id: str, text: str, occurrence: int) -> str:
    return _fingerprint(rule_id, normalise_text(text), occurrence)


def _fingerprint(rule_id: str, normalised: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{rule_id}\0{normalised}\0{occurrence}".encode())
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

    # Built once per rule and shared by its findings (a run keeps every finding for the
    # report; one copy of each rule's citations per finding was most of their memory).
    _CITED: dict[tuple[int, str], tuple] = {}

    def _citations(self, rule: RuleSpec) -> tuple[Citation, ...]:
        key = (id(self.pack), rule.id)
        cached = self._CITED.get(key)
        if cached is not None and cached[0] is self.pack:
            return cached[1]
        out = []
        for cite in rule.citations:
            url = citation_url(cite, self.pack.sources)
            out.append(Citation(source=cite.source, section=cite.section, quote=cite.quote,
                                summary=cite.summary, url=url))
        self._CITED[key] = (self.pack, tuple(out))
        return self._CITED[key][1]

    def _value_words(self) -> str:
        """The value as the verdict compared it (one figure, with its VAT basis), else as
        stated."""
        basis = {"inclusive": "including VAT", "exclusive": "net of VAT"}
        if self.verdict.value_compared_gbp is not None:
            return (f"{_money(self.verdict.value_compared_gbp)} "
                    f"{basis[self.verdict.value_basis]}").strip()
        value = self.inputs.get("value")
        if value is None:
            return "a value not stated"
        return f"{_money(value.value)} {basis.get(value.vat or '', '')}".strip()

    def _threshold_words(self) -> str:
        threshold = self.verdict.threshold_gbp
        if threshold is None:
            threshold = self.verdict.procurement_threshold_gbp
        if threshold is None:
            return "a threshold not known"
        basis = {"inclusive": "including VAT", "exclusive": "net of VAT"}
        return f"{_money(threshold)} {basis.get(self.verdict.value_basis or '', '')}".strip()

    def _document_values(self) -> dict[str, str]:
        """The placeholder values that are the same for every finding of the document."""
        regimes = {"PCR2015": "PCR 2015", "PA2023": "PA 2023", "PRSA2014": "PR(S)A 2014",
                   "PSR2023": "PSR 2023", "DSPCR2011": "DSPCR 2011"}
        law = self.verdict.procurement_law or self.verdict.regime
        return {
            "excerpt": "", "match": "",
            "value": self._value_words(),
            "threshold": self._threshold_words(),
            "regime": regimes.get(law or "", "the regime in force"),
            "under_regime": f" under {regimes[law]}" if law in regimes else "",
            "authority": str(self.inputs.value("authority", "the authority")),
            "nature": str(self.inputs.value("nature", "unknown")),
            "weighting": str(self.inputs.value("sv_weighting_percent", "unknown")),
            "missing": ", ".join(self.verdict.missing) or "nothing",
            "how_to_add": how_to_add(self.verdict.missing),
            "detail": "",
        }

    def _values(self, excerpt: str, match: str) -> dict[str, str]:
        return {**self._document_values(), "excerpt": excerpt, "match": match}

    def _ruling(self, rule: RuleSpec) -> Ruling:
        return ruling(rule.depends_on, self.overrides.get(rule.id, rule.severity),
                      self.verdict, self.inputs)

    def _anchored(self, hit: Hit) -> tuple:
        """Where a text hit is and what its findings show of it: the same for every rule
        that reports that sentence, so worked out once per hit place (`_placed`)."""
        block = self.blocks[hit.block]
        excerpt = excerpt_of(block, hit)
        matched = block.text[hit.match_start:hit.match_end]
        line, column = block.position(hit.match_start)
        place = {"clause": clause_number(block)}
        if block.location.paragraph is None:
            place.update(line=line, column=column)
        location = block.location.model_copy(update=place)
        key_text = block.text[hit.start:hit.end]
        return (excerpt, matched, line, column, location, normalise_text(key_text),
                block.section, context_of(block.text, hit.start, hit.end))

    def build(self, matches: Sequence[Match]) -> list[Finding]:
        """One finding per rule and sentence (`once_per_sentence`). Where each match is and its
        fingerprint are worked out for every match; the finding itself (its message, fix and
        model) only for the first place of each rule and sentence, which stands for the
        others: a specification repeating a sentence in every lot has many matches per
        finding."""
        placed_matches: list[tuple] = []
        seen: Counter[tuple[str, str]] = Counter()
        rulings: dict[str, Ruling] = {}
        placed: dict[tuple, tuple] = {}          # hit place -> _anchored(hit)
        for match in sorted(set(matches)):
            rule = self.pack.by_id.get(match.rule)
            if rule is None:
                continue
            judged = rulings.get(rule.id)
            if judged is None:
                judged = rulings[rule.id] = self._ruling(rule)
            anchor = None
            if match.ref is not None and rule.anchored:
                anchor = self.hits[match.ref]
                where = (anchor.block, anchor.start, anchor.end, anchor.match_start,
                         anchor.match_end)
                known = placed.get(where)
                if known is None:
                    known = placed[where] = self._anchored(anchor)
                excerpt, matched, line, column, location, key, section, context = known
            else:
                # about the whole document: it points there, not at a front-matter line (the
                # fact it rests on and where it was read are in the excerpt and the message)
                at = self.inputs.get(rule.at) if rule.at else None
                line, column = 1, None
                location = Location(line=1, part="document")
                excerpt = (f"{rule.at}: {at.value}" + (f" ({at.where})" if at.where else "")
                           if at is not None else "(whole document)")
                matched = ""
                key = normalise_text("(document)")
                section, context = (), None
            occurrence = seen[(rule.id, key)]
            seen[(rule.id, key)] += 1
            print_ = _fingerprint(rule.id, key, occurrence)
            placed_matches.append((location.line, column or 0, rule.id, print_, key, location,
                                   (rule, judged, anchor, excerpt, matched, column, section,
                                    context)))
        placed_matches.sort(key=lambda p: p[:4])
        groups: dict[tuple[str, str], list[tuple]] = {}
        for p in placed_matches:
            groups.setdefault((p[2], p[4]), []).append(p)
        base = self._document_values()
        out = []
        for group in groups.values():
            first = self._finding(group[0], base)
            if len(group) > 1:
                others = [p[5] for p in group[1:]]
                places = [_place_of(loc, loc.line) for loc in others]
                shown = ", ".join(places[:ALSO_SHOWN]) + (
                    f" and {len(places) - ALSO_SHOWN} more" if len(places) > ALSO_SHOWN
                    else "")
                first = first.model_copy(update={
                    "message": f"{first.message} (the same sentence also at {shown})",
                    "also_at": tuple(others)})
            out.append(first)
        return out

    def _finding(self, placed_match: tuple, base: dict[str, str]) -> Finding:
        _, _, _, print_, _, location, rest = placed_match
        rule, judged, anchor, excerpt, matched, column, section, context = rest
        values = dict(base)
        values["excerpt"], values["match"] = excerpt, matched
        if anchor is not None:
            # an extracted fact's anchor carries what its message needs (facts.Anchor)
            for name in ("missing", "detail"):
                if getattr(anchor, name, None):
                    values[name] = getattr(anchor, name)
        message = judged.prefix + fill(rule.message, values) + judged.suffix
        return Finding(
            rule=rule.id, name=rule.name, category=rule.category, severity=judged.severity,
            line=location.line, column=column, location=location, message=message,
            excerpt=excerpt, fix=fill(rule.fix, values), fingerprint=print_,
            citations=self._citations(rule), downgraded_from=judged.downgraded_from,
            section=section, context=context)


def once_per_sentence(findings: list[tuple[str, Finding]]) -> list[Finding]:
    """One finding per rule and sentence: the first place (in document order) stands for the
    others, which its message and `also_at` list. `findings` are (normalised sentence, finding)
    in document order; the result keeps that order. (`FindingBuilder.build` does the same
    before it builds the findings.)"""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for sentence, f in findings:
        groups.setdefault((f.rule, sentence), []).append(f)
    out = []
    for group in groups.values():
        first, others = group[0], group[1:]
        if not others:
            out.append(first)
            continue
        places = [_place(f) for f in others]
        shown = ", ".join(places[:ALSO_SHOWN]) + (
            f" and {len(places) - ALSO_SHOWN} more" if len(places) > ALSO_SHOWN else "")
        out.append(first.model_copy(update={
            "message": f"{first.message} (the same sentence also at {shown})",
            "also_at": tuple(f.location or Location(line=f.line) for f in others)}))
    return out


def _place(f: Finding) -> str:
    return _place_of(f.location, f.line)


def _place_of(loc: Optional[Location], line: int) -> str:
    if loc is not None and loc.paragraph is not None:
        where = f"paragraph {loc.paragraph}"
        if loc.table is not None:
            where += f" (table {loc.table}, row {loc.row})"
        return where
    if loc is not None and loc.page is not None:
        return f"line {line} (page {loc.page})"
    return f"line {line}"
