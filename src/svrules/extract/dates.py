"""Dates as UK tenders write them: "3 March 2026", "3rd of March 2026", "March 3, 2026",
"03/03/2026" and "3.3.26" (day first, the UK order), and ISO "2026-03-03".

Apart from the fact extractor because the parsing rules (day-first, two-digit years, invalid
dates dropped rather than guessed) deserve their own tests.
"""
from __future__ import annotations

import datetime as dt

from ._rx import rx

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DATE = rx(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+(\d{4})\b"
          r"|\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
          r"|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"
          r"|\b(\d{4})-(\d{2})-(\d{2})\b")
# `find_dates` finds nothing in a text where this does not match (see extract.index).
GATE = (DATE,)
MONTHS = {name: i + 1 for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every valid date in `text`, in order. Invalid dates are skipped."""
    out = []
    for m in DATE.finditer(text):
        g = m.groups()
        if g[0] is not None:
            date = _make(int(g[2]), MONTHS[g[1][:3].lower()], int(g[0]))
        elif g[3] is not None:
            date = _make(int(g[5]), MONTHS[g[3][:3].lower()], int(g[4]))
        elif g[6] is not None:
            year = int(g[8])
            if len(g[8]) == 2:
                year += 2000
            date = _make(year, int(g[7]), int(g[6]))
        else:
            date = _make(int(g[9]), int(g[10]), int(g[11]))
        if date is not None and 1990 <= date.year <= 2100:
            out.append((m.start(), m.end(), date))
    return out
