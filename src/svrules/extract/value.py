"""The contract's estimated value, read from sentences that say what the contract is worth.

A tender is full of sums that are not its value: wages ("London Living Wage of £13.85 per hour"),
insurance levels, turnover requirements, social value targets, penalties, thresholds quoted from
law, "£1 for every £10 spent". So a sum counts only when the words before it in the same clause
(after any earlier sum) state a contract value ("estimated value", "total contract value", "the
contract is valued at", "budget", "up to £X over the term") and nothing between those words and
the sum, or right after the sum, makes it something else. Each hit has a rank for how explicit
the statement is, so that `summarise` can prefer "total contract value" over arithmetic.

Ranks: 5 an explicit total or estimated value; 4 a maximum ("up to £X over the term", "will not
exceed", "total budget", "worth"); 3 a budget or spend, or a bare "Value:" label; 2 a per-annum
(or monthly) sum multiplied by a stated term; ranges take the upper bound at their statement's rank.
"""
from __future__ import annotations

from ._rx import Hit, clause_bounds, clause_of, rx
from .money import Money, find_money, gbp, vat_basis
from .terms import find_terms

POSITIVE = [
    (5, rx(r"\b(?:total|estimated|overall|aggregate|maximum|max\.?|anticipated|indicative"
           r"|approximate|expected|projected|whole[- ]life|lifetime|combined|full)\s+"
           r"(?:(?:total|estimated|overall|aggregate|maximum|combined|potential)\s+)?"
           r"(?:(?:contract|framework|agreement|procurement|lot|call-off)\s+)?value\b")),
    (5, rx(r"\b(?:contract|framework|agreement|procurement)\s+value\b"
           r"|\bvalue\s+of\s+(?:the|this)\s+(?:(?:proposed|new|whole|entire|overall)\s+)?"
           r"(?:contract|framework|agreement|procurement|opportunity|requirement|tender|services?"
           r"|lot|call-off|award|commission)\b"
           r"|\bvalued\s+at\b|\bcontract\s+(?:is|will\s+be)\s+worth\b|\bhas\s+a\s+value\s+of\b"
           r"|\bestimated\s+(?:to\s+be\s+)?(?:worth|at)\b")),
    (4, rx(r"\bnot\s+(?:to\s+)?exceed(?:ing)?\b|\bworth\b|\b(?:total|overall|available|maximum"
           r"|indicative|estimated|approved|allocated|agreed)\s+budget\b|\bceiling\b")),
    (3, rx(r"\bbudget\b|\b(?:estimated|anticipated|expected|total|annual|indicative|approximate"
           r"|projected|forecast)\s+(?:annual\s+)?(?:spend|cost|expenditure)\b"
           r"|\bcontract\s+(?:sum|price)\b")),
]
ANNUAL_KEYWORD = rx(r"\bannual(?:ised)?\s+(?:contract\s+)?(?:value|budget|spend|cost|expenditure)\b"
                    r"|\b(?:value|budget|spend|cost)\s+(?:per\s+annum|per\s+year|each\s+year"
                    r"|a\s+year)\b")
LABEL = rx(r"\bvalue\b\s*(?:\([^)]{0,30}\))?\s*(?:[:|=-]|is\b)")
SOCIAL_LABEL = rx(r"\b(?:social|added|best|public|economic|environmental|community)\s+value\b\s*"
                  r"(?:\([^)]{0,30}\))?\s*(?:[:|=-]|is\b)")
UP_TO = rx(r"\bup\s+to\s*$")
OVER_TERM = rx(r"^\s?(?:\(?[a-z.+ ]{0,16}VAT\)?,?\s?)?(?:over|across|during|for|throughout)\s+"
               r"(?:the\s+|its\s+|a\s+)?(?:(?:full|whole|entire|initial|total|maximum|contract"
               r"|framework|agreement)\s+)?(?:term|life|lifetime|duration|period|contract"
               r"|framework|agreement)\b|^\s?(?:\(?[a-z.+ ]{0,16}VAT\)?,?\s?)?over\s+(?:a\s+)?"
               r"(?:period\s+of\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
               r"\s?-?(years?|months?)\b")
# Words between the value statement and the sum that make the sum something else.
NEGATIVE = rx(r"\b(?:wages?|living\s+wage|salar(?:y|ies)|hourly|pay\s+rates?|insurance|insured"
              r"|indemnity|liability|turnover|social\s+value|added\s+value|community\s+benefits?"
              r"|penalt(?:y|ies)|service\s+credits?|liquidated\s+damages|deductions?|fines?"
              r"|thresholds?|bonds?|guarantees?|levy|deposit|excess|savings?|sponsorship"
              r"|donations?|for\s+every|rebates?|discounts?|overheads?|profit|margin|grants?"
              r"|fee|fees|invoices?|retention|apprenticeships?|bursar(?:y|ies)|reward|prize"
              r"|limits?|capped\s+at|cap\s+of|each\s+lot\s+below|kpi)\b|\bper\s*$|\bper\s+£")
# Words right after the sum that make it something else ("£5m public liability", "£50k of SV").
RIGHT_NEGATIVE = rx(r"^\s?(?:\(?[a-z.+ ]{0,16}VAT\)?,?\s?)?(?:of\s+|in\s+|for\s+|worth\s+of\s+)?"
                    r"(?:public\s+|employers?'?\s+|professional\s+|product\s+|cyber\s+)?"
                    r"(?:liability|insurance|indemnity|cover\b|social\s+value|turnover|wages?"
                    r"|salary|penalt|service\s+credit|for\s+every|spent|of\s+(?:spend|every)"
                    r"|in\s+savings|savings|community\s+benefit|per\s+£)")
COMPARISON = rx(r"\b(?:above|over|exceed|exceeds|exceeding|excess\s+of|more\s+than|greater\s+than"
                r"|below|under|less\s+than|at\s+least|minimum(?:\s+of)?|min\.?|lower\s+than"
                r"|higher\s+than|equal\s+to\s+or\s+(?:greater|more|less)\s+than)\s*$")
NOT_EXCEED = rx(r"\bnot\s+(?:to\s+)?exceed(?:ing)?\s*$")
FOR_EVERY = rx(r"^\s?for\s+every\b")
# A figure for part of the term only: "in the first twelve months ... £42m".
FIRST_YEAR = rx(r"\b(?:first|initial|opening)\s+(?:twelve|12)\s+months\b|\b(?:first|initial)\s+"
                r"(?:contract\s+)?year\b|\byear\s+one\b")
# The whole term: "for the full 48 month term, the anticipated value is £198m".
WHOLE_TERM = rx(r"\b(?:full|whole|entire|total|overall)\s+(?:\d+\s?-?\s?(?:months?|years?)\s+)?"
                r"(?:contract\s+)?(?:term|life|duration|period)\b|\bwhole[- ]life\b|\blifetime\b")
# "... £150,000 with an option to extend up to £250,000": the value with the options.
WITH_OPTIONS = rx(r"\b(?:options?|extensions?|extend(?:ed|ing)?|renewals?)\b[^.;£]{0,40}"
                  r"(?:up\s+to|to|of|at)?\s*$")
PLACEHOLDER_GBP = 1.0
# The value of one part of a mixed contract: "the works element is valued at £300,000",
# "£200,000 for the services", "services: £120,000".
PART_BEFORE = rx(r"\b(services?|works|goods|supplies|supply)\s+(?:element|part|component|portion"
                 r"|elements|parts|components)\b[^£.;]{0,40}$|^\s*(services?|works|goods|supplies)"
                 r"\s*[:|-]\s*$")
PART_AFTER = rx(r"^\s?(?:\(?[a-z.+ ]{0,16}VAT\)?,?\s?)?(?:is\s+)?for\s+the\s+(services?|works|goods"
                r"|supplies|supply)\s*(?:element|part|component|portion)?\b")
PART_NATURE = {"service": "services", "services": "services", "works": "works", "goods": "goods",
               "supplies": "goods", "supply": "goods"}


def _best_keyword(span: str) -> tuple[int, int] | None:
    """(rank, end of the keyword in span) of the most explicit value statement, nearest wins ties."""
    best = None
    for rank, pattern in POSITIVE:
        for m in pattern.finditer(span):
            if best is None or rank > best[0] or (rank == best[0] and m.end() > best[1]):
                best = (rank, m.end())
    return best


def _is_annual_keyword(span: str) -> bool:
    return bool(ANNUAL_KEYWORD.search(span))


def value_hits(text: str, heading: str | None = None, is_table: bool = False) -> list[Hit]:
    """Value statements in one block's `text`. `heading` is the text of a heading directly above
    the block ("Estimated contract value"), used for a sum that opens the block unlabelled.

    Returns "value" hits (the total, GBP) and "annual_value" hits (a per-annum sum whose term is
    not stated next to it; the caller may multiply it by a term stated elsewhere)."""
    hits: list[Hit] = []
    bounds = clause_bounds(text)
    monies = find_money(text)
    previous_end = 0
    previous_hit: Hit | None = None
    for i, money in enumerate(monies):
        c_start, c_end = clause_of(bounds, money.start)
        span_start = max(c_start, previous_end if i else 0)
        span = text[span_start:money.start]
        after = text[money.end:min(c_end + 60, len(text), monies[i + 1].start if i + 1 < len(monies)
                                   else len(text))]
        previous_end = money.end
        part = PART_BEFORE.search(span) or PART_AFTER.search(after)
        if part is not None and money.period is None and money.value > PLACEHOLDER_GBP:
            said = next(g for g in part.groups() if g).lower()
            hits.append(Hit(money.start, money.end, "part", (PART_NATURE[said], money.value),
                            f"the {PART_NATURE[said]} part of the contract: "
                            f"'{part.group(0).strip()[:60]}'", money.vat or vat_basis(span[-60:]),
                            rank=3))
            previous_hit = None
            continue
        found = _classify(text, money, span, after, heading if i == 0 else None, is_table)
        if found is None and previous_hit is not None and previous_hit.name == "value" and \
                WITH_OPTIONS.search(span) and money.value > previous_hit.value:
            found = (previous_hit.rank + 1, "the value with the options to extend (options count "
                     "in the estimated value: PCR 2015 reg 6(1); PA 2023 Sch 3)", False)
        if found is None and previous_hit is not None and _same_statement(text, previous_hit, money):
            found = (previous_hit.rank, "an alternative statement of the value just before it",
                     previous_hit.name == "annual_value")
        if found is None:
            previous_hit = None
            continue
        rank, how, annual = found
        if money.value <= PLACEHOLDER_GBP:
            previous_hit = None
            continue                     # £0.01, £1: a placeholder the portal needs, not a value
        clause = text[clause_of(bounds, money.start)[0]:money.start]
        if FIRST_YEAR.search(clause) and not WHOLE_TERM.search(clause):
            rank, how, annual = 2, how + "; a figure for the first year only", True
        elif WHOLE_TERM.search(clause) and rank >= 3:
            rank, how = rank + 1, how + "; the total over the whole term"
        if money.in_words:
            how += (f"; the amount in words ('{money.in_words}') is taken over the figure as "
                    "written")
        hit = _make_hit(money, span, after, rank, how, annual)
        if hit is not None:
            hits.append(hit)
        previous_hit = hit
    return hits


def _same_statement(text: str, previous: Hit, money: Money) -> bool:
    """'£500,000 excluding VAT (£600,000 including VAT)': the second sum restates the first."""
    gap = text[previous.end:money.start]
    if len(gap) > 40:
        return False
    gap = rx(r"(?:[a-z.+ ]{0,16})VAT").sub("", gap) if "VAT" in gap else gap
    gap = gap.strip(" \t\n(),/;:-").lower()
    return gap in ("", "or", "i.e.", "ie", "i.e", "equivalent to", "being", "which is")


def _classify(text: str, money: Money, span: str, after: str, heading: str | None,
              is_table: bool) -> tuple[int, str, bool] | None:
    """(rank, how it was read, per-annum keyword) or None when the sum is not the value."""
    if money.period == "unit":
        return None
    if FOR_EVERY.search(after) or text[max(0, money.start - 12):money.start].lower().rstrip() \
            .endswith(("every", "per")):
        return None
    if RIGHT_NEGATIVE.search(after[:60]):
        return None
    key = _best_keyword(span)
    how = ""
    if key is not None:
        rank, key_end = key
        between = span[key_end:]
        how = "stated as the contract value"
    else:
        between = span
        rank = 0
        if UP_TO.search(span) and OVER_TERM.search(after):
            rank, how = 4, "a maximum over the term"
        elif LABEL.search(span) and not SOCIAL_LABEL.search(span) and len(span) <= 60:
            rank, how = 3, "labelled as the value"
        elif heading and not span.strip(" \t\n:|-*") and _heading_is_value(heading):
            rank, how = 3, f"under the heading '{heading[:60]}'"
        if not rank:
            if _is_annual_keyword(span):
                rank, how = 3, "stated as the annual value"
            else:
                return None
    if NEGATIVE.search(between):
        return None
    if COMPARISON.search(between) and not NOT_EXCEED.search(between):
        return None
    if NOT_EXCEED.search(between):
        how = "a maximum the contract will not exceed"
    return rank, how, _is_annual_keyword(span)


def _heading_is_value(heading: str) -> bool:
    if SOCIAL_LABEL.search(heading + ":") or NEGATIVE.search(heading):
        return False
    return bool(_best_keyword(heading) or rx(r"\bvalue\b").search(heading))


def _make_hit(money: Money, span: str, after: str, rank: int, how: str,
              annual_keyword: bool) -> Hit:
    vat = money.vat or vat_basis(span[-60:])      # "Value (excl. VAT): £750,000"
    details = []
    if money.low is not None:
        details.append(f"range {gbp(money.low)} to {gbp(money.value)}: upper bound taken")
    annual = money.period in ("annum", "month") or annual_keyword
    per_year = money.value * (12 if money.period == "month" else 1)
    if annual:
        terms = find_terms(after[:120], need_context=False)
        if money.period == "month":
            details.insert(0, f"{gbp(money.value)} per month = {gbp(per_year)} per annum")
        if terms:
            term = terms[0]
            total = per_year * term.total
            details.append(f"{gbp(per_year)} per annum × {term.describe()}")
            return Hit(money.start, money.end + terms[0].end, "value", total,
                       "; ".join([how] + details), vat, 2)
        details.append(f"{gbp(per_year)} per annum; the term is not stated with it")
        return Hit(money.start, money.end, "annual_value", per_year, "; ".join([how] + details),
                   vat, rank)
    over = OVER_TERM.search(after)
    if over:
        details.append("the total over the term")
    return Hit(money.start, money.end, "value", money.value, "; ".join([how] + details), vat, rank)
