"""The facts that decide whether the Social Value Act applies, read from a tender's own words.

`extract_tender_facts(blocks)` returns every fact found, each with the block, line and the words
it was read from, in document order; `summarise(facts)` picks the best single value per fact name
and lists the others so that the caller can warn about conflicts. Metadata, when a tender has it,
wins over these facts; that decision is the caller's.

Fact names and their values:
  value             float, GBP: the estimated total contract value (`vat` says on which basis)
  annual_value      float, GBP: a per-annum value whose term was not found
  term_years        float: contract term in years, extension options included
  nature            "services" | "goods" | "works" (one fact per piece of evidence; see summarise)
  cpv               str: the CPV code as written ("85310000-5")
  framework         "framework" | "call_off"
  authority         str: the authority's name;  authority_kind: an AuthorityKind value
  jurisdiction      a Jurisdiction value (governing law as stated)
  procurement_start, contract_start   datetime.date
  urgency, light_touch                True
  notice_kind       "market_engagement" | "modification" (extract.notice_kind)
  defence_security  True: a defence and security contract (extract.notice_kind)

How a per-annum value becomes a total: it is multiplied by the term stated next to it or, failing
that, by the first contract term stated elsewhere in the document. Extension options are counted,
because the estimated value includes options and renewals (PCR 2015 reg 6(1); PA 2023 Sch 3);
the fact's `detail` shows the arithmetic.

Every pattern is RE2 (see `_rx`), so extraction is linear in the length of the text.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from ..model import Block, BlockKind
from . import buyers, dates, money, nature, notice_kind, parties
from . import terms as terms_module
from ._rx import Hit, clause_bounds, rx
from .index import DocumentIndex
from .readers import register
from .money import find_money, gbp, vat_basis
from .nature import nature_hits
from .parties import authority_hits, date_hits, framework_hits, jurisdiction_hits, urgency_hits
from .terms import find_terms
from .value import value_hits

MAX_EXCERPT = 200


@dataclass(frozen=True)
class TextFact:
    name: str            # "value", "nature", "framework", "authority", "authority_kind", ...
    value: object        # float (GBP), str enum value, datetime.date, bool or str
    block: int           # Block.index
    line: int            # 1-based line in the file
    excerpt: str         # the matched words, <= 200 chars, a substring of the block's text
    detail: str = ""     # how it was read
    vat: str | None = None  # value facts: "inclusive" | "exclusive" | None (unknown)
    rank: int = 0        # how explicit the wording is; `summarise` prefers higher


ALL_VALUES = rx(r"\b(?:all|the)\s+(?:values?|prices?|figures?|amounts?|sums?|costs?|budgets?)\b"
                r"|\b(?:values?|prices?|figures?|amounts?|sums?)\s+(?:in\s+this\s+\w+\s+)?(?:are"
                r"|is|quoted|stated|given|shown)\b")


class _Lines:
    """Offset -> file line for one block, as `Block.position` computes it, but by binary search
    over the block's newlines so that thousands of facts in one long block stay cheap."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.newlines: list[int] = []
        offset = -1
        for length in map(len, block.text.split("\n")[:-1]):
            offset += length + 1
            self.newlines.append(offset)

    def line(self, offset: int) -> int:
        starts = self.block.line_starts
        if not starts:
            return self.block.location.line
        before = bisect.bisect_left(self.newlines, max(0, offset))
        return starts[min(before, len(starts) - 1)][0]


def _line(lines: dict[int, _Lines], block: Block, offset: int) -> int:
    if block.index not in lines:
        lines[block.index] = _Lines(block)
    return lines[block.index].line(offset)


def _fact(lines: dict[int, _Lines], block: Block, hit: Hit, detail: str | None = None,
          **changes) -> TextFact:
    text = block.text
    start, end = hit.start, min(hit.end, hit.start + MAX_EXCERPT)
    excerpt = text[start:end]
    stripped = excerpt.lstrip()
    start += len(excerpt) - len(stripped)
    excerpt = stripped.rstrip()
    line = _line(lines, block, start)
    values = dict(name=hit.name, value=hit.value, block=block.index, line=line, excerpt=excerpt,
                  detail=hit.detail if detail is None else detail, vat=hit.vat, rank=hit.rank)
    values.update(changes)
    return TextFact(**values)


# Each reader, with the patterns one of which must match in a block for it to find anything
# there (each module's GATE says so next to the reader). Their hits are kept in this order.
_TEXT_READERS = (
    ("nature", nature.GATE, nature_hits),
    ("authority", parties.AUTHORITY_GATE, authority_hits),
    ("framework", parties.FRAMEWORK_GATE, framework_hits),
    ("urgency", (parties.URGENCY,), urgency_hits),
    ("jurisdiction", (parties.JURISDICTION,), jurisdiction_hits),
    ("dates", dates.GATE, date_hits),
    ("territory", buyers.territory_gate(), buyers.territory_hits),
    ("notice_kind", notice_kind.GATE, notice_kind.notice_kind_hits),
)
_GATES = (
    ("value", money.GATE),
    *((name, gate) for name, gate, _ in _TEXT_READERS),
    ("terms", terms_module.GATE),
    ("vat_statement", (ALL_VALUES,)),
)
GATE_PATTERNS = tuple(pattern for _, gate in _GATES for pattern in gate)


def _document_vat(block: Block) -> tuple[str, int] | None:
    """('exclusive'|'inclusive', offset) when a clause says all values are on one basis."""
    text = block.text
    start = 0
    for end in clause_bounds(text):
        clause = text[start:end]
        if ALL_VALUES.search(clause) and not find_money(clause):
            basis = vat_basis(clause)
            if basis:
                return basis, start
        start = end
    return None


def extract_tender_facts(blocks: Sequence[Block],
                         index: DocumentIndex | None = None) -> list[TextFact]:
    """Every fact found in `blocks`, ordered by block, then offset in the block.

    Each reader runs only on the blocks where its patterns occur (`index`, see extract.index),
    in document order, so the result is the same as running every reader on every block."""
    if index is None:
        index = DocumentIndex(blocks)
    keyed: list[tuple[tuple, TextFact]] = []
    annual: list[tuple[Block, Hit]] = []
    terms: list[tuple[Block, int, object]] = []
    vat_statement: tuple[str, Block, int] | None = None
    lines: dict[int, _Lines] = {}

    def add(block: Block, hit: Hit, fact: TextFact) -> None:
        keyed.append(((block.index, hit.start, hit.end, fact.name, str(fact.value)), fact))

    where = {name: set(index.positions_with(*gate)) for name, gate in _GATES}
    for position in sorted(set().union(*where.values())):
        block = blocks[position]
        text = block.text
        if not text or block.kind is BlockKind.comment:
            continue
        previous = blocks[position - 1] if position else None
        heading = previous.text if previous is not None and previous.kind is BlockKind.heading \
            and block.kind is not BlockKind.heading else None
        hits: list[Hit] = []
        if position in where["value"]:
            hits += value_hits(text, heading, block.kind is BlockKind.table_row)
        for name, _, read in _TEXT_READERS:
            if position in where[name]:
                hits += read(text)
        if position in where["terms"]:
            for term in find_terms(text):
                hit = Hit(term.start, term.end, "term_years", term.total, term.describe(), rank=3)
                hits.append(hit)
                terms.append((block, term.start, term))
        for hit in hits:
            if hit.name == "annual_value":
                annual.append((block, hit))
            add(block, hit, _fact(lines, block, hit))
        if vat_statement is None and position in where["vat_statement"]:
            found = _document_vat(block)
            if found:
                vat_statement = (found[0], block, found[1])

    if terms:                                  # per-annum sums times a term stated elsewhere
        t_block, t_offset, term = terms[0]
        t_line = _line(lines, t_block, t_offset)
        for block, hit in annual:
            total = hit.value * term.total
            detail = (f"{gbp(hit.value)} per annum × {term.describe()}, the term stated at line "
                      f"{t_line}")
            fact = _fact(lines, block, hit, detail, name="value", value=total, rank=2)
            keyed.append(((block.index, hit.start, hit.end, "value", str(total)), fact))

    for fact in _mixed_by_parts([fact for _, fact in keyed]):
        keyed.append(((fact.block, -1, -1, fact.name, str(fact.value)), fact))
    subject = _subject_nature(blocks, [fact for _, fact in keyed])
    if subject is not None:
        keyed.append(((subject.block, -1, -1, "nature", str(subject.value)), subject))
    kind = _authority_kind([fact for _, fact in keyed])
    if kind is not None:
        keyed.append(((kind.block, -1, -1, "authority_kind", str(kind.value)), kind))

    if vat_statement is not None:              # "All values are exclusive of VAT."
        basis, v_block, v_offset = vat_statement
        v_line = _line(lines, v_block, v_offset)
        keyed = [(key, fact if fact.vat is not None or fact.name not in ("value", "annual_value")
                  else TextFact(**{**fact.__dict__, "vat": basis,
                                   "detail": f"{fact.detail}; VAT basis ({basis}) from the "
                                             f"statement at line {v_line}"}))
                 for key, fact in keyed]
    keyed.sort(key=lambda item: item[0])
    return [fact for _, fact in keyed]


def _mixed_by_parts(facts: list[TextFact]) -> list[TextFact]:
    """Parts of two natures stated with their values make the contract mixed, decided by value
    (SVA 2012 s.1(1): services the greater part; PCR 2015 reg 4; PA 2023 Sch 1 para 4). The sum
    of the parts is the value when no total is stated."""
    parts = [f for f in facts if f.name == "part"]
    values: dict[str, float] = {}
    for fact in parts:
        nature_name, amount = fact.value
        values.setdefault(nature_name, amount)
    if len(values) < 2:
        return []
    first = parts[0]
    said = ", ".join(f"{n} {gbp(v)}" for n, v in values.items())
    out = [TextFact("nature", "mixed", first.block, first.line, first.excerpt,
                    f"parts stated with their values ({said}): mixed, decided by value",
                    first.vat, rank=5),
           TextFact("parts", dict(values), first.block, first.line, first.excerpt,
                    f"the value of each part as stated ({said})", first.vat, rank=3)]
    if not any(f.name == "value" for f in facts):
        out.append(TextFact("value", sum(values.values()), first.block, first.line,
                            first.excerpt, f"the sum of the parts stated ({said})",
                            first.vat, rank=3))
    return out


SENTENCE_END = rx(r"[.!?](?:\s|$)|\n")


def _first_sentence(text: str) -> str | None:
    """The first sentence of a block that is about the contract (not a banner, a modification or
    submission instructions: nature.is_notice_business), at most 300 characters; None if the
    block has none."""
    start = 0
    while start < len(text):
        end = SENTENCE_END.search(text, start)
        stop = end.start() if end else len(text)
        sentence = text[start:stop][:300]
        if sentence.strip() and not nature.is_notice_business(sentence):
            return sentence
        if end is None:
            return None
        start = end.end()
    return None


# A lot named on a line of its own: "Lot 1: Beds, Mattresses and associated products".
LOT_LINE = rx(r"(?m)^[ \t*_•-]*lot\s*(?:\d{1,2}|[a-h])\b\s*[:.–—-]\s*([^\n]{3,200})$")


def _subject_nature(blocks: Sequence[Block], facts: list[TextFact]) -> TextFact | None:
    """The contract's nature read from its subject: the title (a heading that opens the
    document), the first sentence of the description after it, and the CPV codes given."""
    if not blocks or blocks[0].kind is not BlockKind.heading:
        return None
    title = blocks[0]
    first, read = "", False
    for block in blocks[1:12]:
        if block.kind is BlockKind.heading and read:
            break                               # the description ended with notice business
        if block.kind in (BlockKind.heading, BlockKind.comment) or \
                parties.BUYER_LINE.search(block.text):
            continue
        read = True
        first = _first_sentence(block.text) or ""
        if first:
            break
    cpvs = [str(f.value)[:8] for f in facts if f.name == "cpv"]
    names = [str(f.value) for f in facts if f.name == "authority"]
    reading = nature.subject_nature(((title.text, 2), (first, 1)), cpvs, names)
    if reading is None:
        # the title and first sentence name a field ("Pressure Area Care and Patient Handling"),
        # not what is bought: the lots the description lists name it ("Lot 1: Beds, Mattresses")
        lots = [m.group(1) for block in blocks[1:12] if block.kind is not BlockKind.heading
                for m in LOT_LINE.finditer(block.text)]
        if lots:
            reading = nature.subject_nature([(lot, 1) for lot in lots], cpvs, names)
            if reading is not None:
                return TextFact("nature", reading.nature, title.index, title.location.line,
                                title.text[:MAX_EXCERPT],
                                f"{reading.describe()}, read from the {len(lots)} lots the "
                                "description lists (the title names no nature)", rank=4)
    if reading is None:
        return None
    return TextFact("nature", reading.nature, title.index, title.location.line,
                    title.text[:MAX_EXCERPT], reading.describe(), rank=4)


def _authority_kind(facts: list[TextFact]) -> TextFact | None:
    """The kind of the buyer: the most explicitly named authority whose name reads as a kind
    of body, placed by its own name or else by the territory most of the text's signs point
    to (legislation, portals, governing law named)."""
    signs = [f for f in facts if f.name == "territory"]
    where = buyers.text_territory([str(f.value) for f in signs])
    territory = None
    if where is not None:
        first = next(f for f in signs if f.value == where)
        territory = (where, f"the text ({first.excerpt[:60]!r}, line {first.line}"
                     + (f", and {len(signs) - 1} more" if len(signs) > 1 else "") + ")")
    names = sorted((f for f in facts if f.name == "authority"),
                   key=lambda f: (-f.rank, f.block, f.line))
    for fact in names:
        reading = buyers.classify(str(fact.value), territory)
        if reading is not None:
            return TextFact("authority_kind", reading.kind, fact.block, fact.line, fact.excerpt,
                            reading.detail, rank=fact.rank)
    return None


def _same_value(a: TextFact, b: TextFact) -> bool:
    if a.name == "value" or a.name == "annual_value":
        x, y = float(a.value), float(b.value)
        if abs(x - y) <= 0.005 * max(x, y, 1.0):
            return True
        if a.vat and b.vat and a.vat != b.vat:            # the same sum net and gross of VAT
            net, gross = (x, y) if a.vat == "exclusive" else (y, x)
            return abs(net * 1.2 - gross) <= 0.01 * gross
        return False
    return a.value == b.value


def summarise(facts: Sequence[TextFact]) -> dict[str, dict]:
    """The best value per fact name: {name: {"value", "fact", "alternatives", "conflicts"}}.

    The chosen fact is the most explicit (highest rank), the earliest on a tie: a "total contract
    value" statement beats per-annum arithmetic. `alternatives` are all the other facts of that
    name; `conflicts` those that disagree with the choice and are not weak mentions (rank >= 2),
    a net/gross pair of the same sum (×1.2) not counting as a conflict. For "nature" the value is
    "mixed" when more than one nature has evidence, and "evidence" maps each nature to its facts.
    """
    by_name: dict[str, list[TextFact]] = {}
    for fact in facts:
        by_name.setdefault(fact.name, []).append(fact)
    out: dict[str, dict] = {}
    for name, group in by_name.items():
        chosen = max(enumerate(group), key=lambda item: (item[1].rank, -item[0]))[1]
        alternatives = [f for f in group if f is not chosen]
        entry: dict = {"value": chosen.value, "fact": chosen, "alternatives": alternatives}
        if name == "nature":
            evidence: dict[str, list[TextFact]] = {}
            for fact in group:
                evidence.setdefault(str(fact.value), []).append(fact)
            entry["evidence"] = evidence
            # the subject's reading (rank 4) decides; otherwise evidence of two natures is mixed
            entry["value"] = "mixed" if len(evidence) > 1 and chosen.rank < 4 else chosen.value
            entry["conflicts"] = []
        else:
            entry["conflicts"] = [f for f in alternatives
                                  if f.rank >= 2 and not _same_value(chosen, f)]
        out[name] = entry
    return out


register("tender_facts", produces="inputs", gates=GATE_PATTERNS, read=extract_tender_facts)
