"""Contract terms: "a 3 year contract", "for an initial period of 36 months", "3+1+1 years",
"(+1+1)", "with the option to extend for a further 2 x 12 months".

Needed to turn a per-annum value into a total. Extensions count: the estimated value of a
contract includes options and renewals (PCR 2015 reg 6(1): "including any form of option and any
renewals of the contract as explicitly set out in the procurement documents"; the Procurement Act
2023 Sch 3 likewise estimates the maximum amount payable, options included), so the total term is
the initial term plus every extension offered.

A duration is read as a term only in a clause that talks about the contract (contract, agreement,
framework, term, duration, period, extension) and not next to words that make it something else
("3 years' experience", "accounts for the last 2 years", "within 2 years").
"""
from __future__ import annotations

from dataclasses import dataclass

from ._rx import NUM, Spans, clause_bounds, clause_of, number, rx

DURATION = rx(r"\b(" + NUM + r")\s?(?:\(\d{1,3}\)\s?)?(?:-\s?|\s)?(years?|yrs?|months?)\b")
MULTIPLE = rx(r"\b(" + NUM + r")\s?[x×]\s?(" + NUM + r")\s?-?\s?(years?|yrs?|months?)\b")
PLUSES = rx(r"\b(" + NUM + r")((?:\s?\+\s?\d{1,2}(?:\.\d)?)+)\s?(?:-\s?)?(years?|yrs?|months?)?"
            r"|\(\s?((?:\+\s?\d{1,2}(?:\.\d)?\s?)+)\)")
# `find_terms` finds nothing in a text where none of these match (see extract.index).
GATE = (PLUSES, MULTIPLE, DURATION)
CONTEXT = rx(r"\b(?:contract|agreement|framework|term|duration|period|extend|extension|extensions"
             r"|renewal|run|call-off|initial|dps)\b")
EXTENSION = rx(r"\b(?:extend|extended|extension|extensions|extendable|renew|renewal|option|options"
               r"|optional|further|additional|plus)\b|\+")
BEFORE_NOT_TERM = rx(r"\b(?:within|after|the last|past|previous|least|experience|aged|first|every"
                     r"|each|ago|minimum|min|retain|retained|kept|older|under|next|per)\s*(?:of\s+)?"
                     r"(?:the\s+)?(?:\w+\s+)?$")
AFTER_NOT_TERM = rx(r"^\s?(?:'|’)?\s?(?:experience|old|of age|ago|of trading|trading|accounts"
                    r"|of accounts|notice|warranty|defects|post|after|following|from the date)")


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    initial: float          # years
    extensions: float       # years of extension options
    text: str

    @property
    def total(self) -> float:
        return self.initial + self.extensions

    def describe(self) -> str:
        if self.extensions:
            return (f"{_fmt(self.initial)} years initial + {_fmt(self.extensions)} years of "
                    f"extension options = {_fmt(self.total)} years (options count in the "
                    "estimated value: PCR 2015 reg 6(1); PA 2023 Sch 3)")
        return f"{_fmt(self.initial)} years"


def _fmt(years: float) -> str:
    return f"{years:g}"


def _years(amount: float, unit: str | None) -> float:
    if unit and unit.lower().startswith("m"):
        return amount / 12.0
    return amount


def find_terms(text: str, need_context: bool = True) -> list[Term]:
    """Contract terms stated in `text`, one per clause that states one, in order.

    `need_context=False` reads durations in any clause: for the words right after a per-annum
    value ("£200,000 per annum for 3 years"), which are about the contract by construction."""
    bounds = clause_bounds(text)
    per_clause: dict[tuple[int, int], list] = {}
    taken = Spans()
    context_cache: dict[tuple[int, int], bool] = {}

    def add(clause, start, end, initial, extension):
        per_clause.setdefault(clause, []).append((start, end, initial, extension))
        taken.add(start, end)

    def overlaps(start, end):
        return taken.overlaps(start, end)

    def has_context(clause):
        if not need_context:
            return True
        if clause not in context_cache:
            context_cache[clause] = bool(CONTEXT.search(text[clause[0]:clause[1]]))
        return context_cache[clause]

    for m in PLUSES.finditer(text):
        clause = clause_of(bounds, m.start())
        if not has_context(clause) and m.group(4) is None:
            continue
        if m.group(1) is not None:
            unit = m.group(3)
            if unit is None:
                continue                                   # "3+1+1" without a unit: a sum?
            parts = [p for p in m.group(2).replace(" ", "").split("+") if p]
            add(clause, m.start(), m.end(), _years(number(m.group(1)), unit),
                sum(_years(float(p), unit) for p in parts))
        else:
            parts = [p for p in m.group(4).replace(" ", "").split("+") if p]
            add(clause, m.start(), m.end(), 0.0, sum(float(p) for p in parts))
    for m in MULTIPLE.finditer(text):
        if overlaps(m.start(), m.end()):
            continue
        clause = clause_of(bounds, m.start())
        if not has_context(clause):
            continue
        years = number(m.group(1)) * _years(number(m.group(2)), m.group(3))
        before = text[clause[0]:m.start()]
        ext = bool(EXTENSION.search(before))
        add(clause, m.start(), m.end(), 0.0 if ext else years, years if ext else 0.0)
    for m in DURATION.finditer(text):
        if overlaps(m.start(), m.end()):
            continue
        clause = clause_of(bounds, m.start())
        if not has_context(clause):
            continue
        if BEFORE_NOT_TERM.search(text[max(clause[0], m.start() - 30):m.start()]) \
                or AFTER_NOT_TERM.search(text[m.end():m.end() + 25]):
            continue
        years = _years(number(m.group(1)), m.group(2))
        if years <= 0 or years > 25:
            continue
        previous = taken.last_end_in(clause[0], m.start())
        ext = bool(EXTENSION.search(text[previous:m.start()]))
        add(clause, m.start(), m.end(), 0.0 if ext else years, years if ext else 0.0)

    terms = []
    for clause, found in sorted(per_clause.items()):
        found.sort()
        initial = next((f[2] for f in found if f[2]), 0.0)
        extensions = sum(f[3] for f in found)
        if not initial:
            continue                                       # an extension alone is not a term
        start, end = found[0][0], max(f[1] for f in found)
        terms.append(Term(start, end, initial, extensions, text[start:end]))
    return terms
