"""Time in one place, so rules and tests agree on what 'now' and 'today' are.

Stored times are UTC; 'today' is the date in England, where the councils work.
"""

import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    return datetime.now(timezone.utc)


def epoch() -> float:
    return time.time()


def today() -> date:
    return datetime.now(LONDON).date()


def stamp(moment: datetime | None = None) -> str:
    """An ISO 8601 UTC timestamp for storage."""
    return (moment or now()).astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_stamp(value: str) -> datetime:
    return datetime.fromisoformat(value)


def local(value: str | datetime | float | None) -> str:
    """A stored time shown as London time, e.g. '3 Mar 2026, 14:05'."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)):
        moment = datetime.fromtimestamp(value, timezone.utc)
    elif isinstance(value, str):
        moment = parse_stamp(value)
    else:
        moment = value
    moment = moment.astimezone(LONDON)
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def day(value: str | date | None) -> str:
    """A date shown as '3 Mar 2026'."""
    if not value:
        return ""
    d = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d.day} {d:%b %Y}"
