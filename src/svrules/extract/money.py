"""Find and parse sums of money: "£1.2m", "£500k", "GBP 250,000", "£3 million", "£400,000 to
£500,000", with the VAT basis and the period ("per annum", "per hour") written next to them.

Kept apart from the value extractor because the same parsing serves other facts later (social
value targets, penalties) and because it is the part most worth testing on its own. Only sums
marked as money (£, GBP, "pounds") are read: a bare "2026" or "200 pages" is never an amount.
"""
from __future__ import annotations

from dataclasses import dataclass

from ._rx import rx

_MULT = r"(?:\s?(bn|billion|mn|m|million|k|thousand)\b)?"
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
MONEY = rx(r"(?:£|\bGBP\s?)\s?" + _NUMBER + _MULT + r"|\b" + _NUMBER + _MULT
           + r"\s?(?:pounds(?:\s+sterling)?|GBP)\b")
# `find_money` finds nothing in a text where this does not match (see extract.index).
GATE = (MONEY,)
# The second half of a range: "£400,000 to £500,000", "£4-5m", "between £1m and £2m".
RANGE_TAIL = rx(r"^\s?(?:-|–|—|to|and)\s?(?:£|GBP\s?)?\s?" + _NUMBER + _MULT)

# An amount restated in words right after the figure: "£120,00 (one hundred and twenty thousand
# pounds)". The words are what a typo in the figure cannot change, so they win when they differ.
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
                r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|and|a)")
IN_WORDS = rx(r"^(?:[,.]\d{1,3})?\s?\(\s?(" + _NUMBER_WORD + r"(?:[\s,-]+" + _NUMBER_WORD
              + r")*)\s+(?:pounds?|GBP)(?:\s+sterling)?\b[^)]{0,40}\)")
UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def words_to_number(words: str) -> float | None:
    """'one hundred and twenty thousand' -> 120000.0; None when the words are not a number."""
    total, group, seen = 0.0, 0.0, False
    for word in words.lower().replace("-", " ").replace(",", " ").split():
        if word == "and":
            continue
        if word == "a":
            group, seen = max(group, 1.0), True
        elif word in UNITS:
            group, seen = group + UNITS[word], True
        elif word in TENS:
            group, seen = group + TENS[word], True
        elif word == "hundred":
            group, seen = max(group, 1.0) * 100, True
        elif word in SCALES:
            total += max(group, 1.0) * SCALES[word]
            group, seen = 0.0, True
        else:
            return None
    return total + group if seen else None


MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
               "bn": 1e9, "billion": 1e9}

# VAT basis written by an amount. Leftmost-first matching means "not including VAT" is read
# before "including VAT".
VAT = rx(r"(not\s+including|exclusive\s+of(?:\s+all)?|excluding|excludes|excl\.?|exc\.?"
         r"|ex\.?[- ]?|net\s+of|before|plus|\+|does\s+not\s+include|without)\s*\(?VAT\b"
         r"|(inclusive\s+of(?:\s+all)?|including|includes|incl\.?|inc\.?|gross\s+of|with)"
         r"\s*\(?VAT\b|\bVAT[- ]?(exclusive|excluded|exempt|inclusive|included)\b")
NET_GROSS = rx(r"^\s?\(?(net|gross)\b")

PERIOD = rx(r"^\s?(?:\(?(?:[a-z.+ ]{0,16})VAT\)?\s?)?(?:,\s?)?(per|a|an|each|every|/)\s?"
            r"(annum|year|yr|calendar year|financial year|month|hour|hr|day|week|unit|item|visit"
            r"|head|person|pupil|client|session|page|mile|night|bed|place|placement|user|licence"
            r"|employee|participant|case|student|child|patient|call|job|property|household)s?\b"
            r"|^\s?(?:\(?(?:[a-z.+ ]{0,16})VAT\)?\s?)?(?:,\s?)?(p\.\s?a\.?|pa|annually|yearly"
            r"|monthly|pcm|weekly|hourly|daily)\b")

UNIT_RATES = {"hour", "hr", "day", "week", "unit", "item", "visit", "head", "person", "pupil",
              "client", "session", "page", "mile", "night", "bed", "place", "placement", "user",
              "licence", "employee", "participant", "case", "student", "child", "patient", "call",
              "job", "property", "household", "weekly", "hourly", "daily"}
ANNUAL = {"annum", "year", "yr", "calendar year", "financial year", "pa", "annually", "yearly"}
MONTHLY = {"month", "monthly", "pcm"}


@dataclass(frozen=True)
class Money:
    start: int
    end: int            # end of the amount, or of the range's upper bound
    value: float        # the amount, or a range's upper bound
    low: float | None   # a range's lower bound
    period: str | None  # "annum", "month" or "unit" (a rate per hour, day, item ...)
    vat: str | None     # "inclusive", "exclusive" or None (not said next to the amount)
    text: str           # the amount as written
    in_words: str | None = None  # "(one hundred and twenty thousand pounds)" when it decided


def _amount(whole: str, frac: str | None, mult: str | None) -> float:
    value = float(whole.replace(",", "") + ("." + frac if frac else ""))
    return value * MULTIPLIERS.get((mult or "").lower(), 1.0)


def vat_basis(text: str) -> str | None:
    """The VAT basis first stated in `text`, or None."""
    m = VAT.search(text)
    if not m:
        return None
    if m.group(1):
        return "exclusive"
    if m.group(2):
        return "inclusive"
    word = (m.group(3) or "").lower()
    return "inclusive" if word in ("inclusive", "included") else "exclusive"


def find_money(text: str) -> list[Money]:
    """Every sum of money in `text`, ranges merged, in order."""
    raw = []
    for m in MONEY.finditer(text):
        if m.group(1) is not None:
            value = _amount(m.group(1), m.group(2), m.group(3))
            mult = m.group(3)
        else:
            value = _amount(m.group(4), m.group(5), m.group(6))
            mult = m.group(6)
        raw.append((m.start(), m.end(), value, mult))
    out: list[Money] = []
    i = 0
    while i < len(raw):
        start, end, value, mult = raw[i]
        low = None
        tail = RANGE_TAIL.search(text[end:end + 40])
        if tail and tail.group(0).lstrip().lower().startswith("and") \
                and not text[max(0, start - 9):start].lower().rstrip().endswith("between"):
            tail = None                                         # "£1m and £2m" is two amounts
        if tail:
            high = _amount(tail.group(1), tail.group(2), tail.group(3))
            if mult is None and tail.group(3) and value < high:
                value *= MULTIPLIERS[tail.group(3).lower()]     # "£4-5m"
            if high > value:
                low, value = value, high
                end = end + tail.end()
                while i + 1 < len(raw) and raw[i + 1][0] < end:  # the tail was also an amount
                    i += 1
        words = None
        spelt = IN_WORDS.search(text[end:end + 160])
        if spelt:
            said = words_to_number(spelt.group(1))
            if said is not None and said > 0 and low is None:
                if abs(said - value) > 0.005 * max(said, value):
                    words = spelt.group(1)
                    value = said
                end = end + spelt.end()
        after = text[end:end + 60]
        period = None
        p = PERIOD.search(after)
        if p:
            word = (p.group(2) or p.group(3) or "").lower().replace(" ", "").replace(".", "")
            word = {"calendaryear": "year", "financialyear": "year"}.get(word, word)
            if word in ANNUAL or word == "pa":
                period = "annum"
            elif word in MONTHLY:
                period = "month"
            elif word in UNIT_RATES:
                period = "unit"
        vat = vat_basis(after[:40])
        if vat is None:
            ng = NET_GROSS.search(after)
            if ng:
                vat = "exclusive" if ng.group(1).lower() == "net" else "inclusive"
        out.append(Money(start, end, value, low, period, vat, text[start:end], words))
        i += 1
    return out


def gbp(value: float) -> str:
    """£1,234,567 or £13.85: the amount as a person would write it."""
    if abs(value - round(value)) < 0.005:
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"
