"""What the suppress stage's parts share: its error and the date waivers expire against."""
from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "SVRULES_TODAY"



class SuppressError(Exception):
    """A waivers or baseline file that cannot be used (exit 2): the message names the file."""


def today() -> dt.date:
    """Today, or `SVRULES_TODAY` (YYYY-MM-DD) so that tests and audits can fix the date."""
    value = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(value) if value else dt.date.today()
