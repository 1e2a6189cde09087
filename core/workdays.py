"""Working days in England and Wales: Monday to Friday, except bank holidays.

Bank holidays come from the `holidays` package (England's list, which England
and Wales share), never from a hand-made list. Substitute days ("observed")
count as holidays too.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> dict:
    return dict(holidays.UK(subdiv="ENG", years=year))


def holiday_name(d: date) -> str | None:
    """The bank holiday on this day, if there is one."""
    return _bank_holidays(d.year).get(d)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and holiday_name(d) is None


def why_not_working(d: date) -> str | None:
    """Why a day is not a working day, for a message; None if it is one."""
    name = holiday_name(d)
    if name:
        return f"{name}, a bank holiday"
    if d.weekday() >= 5:
        return "a " + d.strftime("%A")
    return None


def on_or_after(d: date) -> date:
    """This day if it is a working day, else the next working day."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


@lru_cache(maxsize=16_384)  # a pure sum, asked once per record on every records page
def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (before d when n is negative); d itself when n is 0."""
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d):
            remaining -= 1
    return d


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; 0 if end <= start."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5  # every whole week holds five weekdays
    for offset in range(1, rest + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    for year in range(start.year, end.year + 1):
        count -= sum(1 for h in _bank_holidays(year)
                     if start < h <= end and h.weekday() < 5)
    return count
