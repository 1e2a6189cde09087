"""Time in one place, so rules and tests agree on what 'now' and 'today' are.

Stored times carry their offset and are read by one rule (parse_stamp); 'today' is
the date in England, where the councils work.

Tests can move the calendar: `with clock.frozen(date(2026, 12, 25)):` makes
now(), today() and stamp() answer as if it were that day (noon in London, for a
date), in this process and its threads (AppTest included). By default the clock
still runs on from there, so stamps keep their order; `tick=False` stops it dead.
epoch() stays real: it times sign-in lifetimes and lock-outs in seconds, as the
sign-in cookie does. A server in another process keeps the real date.
"""

import time
from contextlib import contextmanager
from datetime import date, datetime, time as clock_time, timedelta, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

# (the moment the clock was set to, the real time it was set at, whether it runs on)
_set: tuple[datetime, float, bool] | None = None


def now() -> datetime:
    if _set is None:
        return datetime.now(timezone.utc)
    moment, set_at, tick = _set
    return moment + timedelta(seconds=time.time() - set_at) if tick else moment


def epoch() -> float:
    return time.time()


def today() -> date:
    return now().astimezone(LONDON).date()


def moment_of(when: date | datetime) -> datetime:
    """A date as noon in London; a naive datetime as London time; all as UTC."""
    if not isinstance(when, datetime):
        when = datetime.combine(when, clock_time(12, 0))
    if when.tzinfo is None:
        when = when.replace(tzinfo=LONDON)
    return when.astimezone(timezone.utc)


@contextmanager
def frozen(when: date | datetime, tick: bool = True):
    """Within the block, the clock reads `when` (see the module docstring). Nests."""
    global _set
    before = _set
    _set = (moment_of(when), time.time(), tick)
    try:
        yield now()
    finally:
        _set = before


def stamp(moment: datetime | None = None) -> str:
    """An ISO 8601 UTC timestamp for storage."""
    return (moment or now()).astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_stamp(value: str) -> datetime:
    """The one rule for reading a stored time. Every time is stored with its offset
    (stamp() writes UTC); one without an offset, written before migration
    m017_times_with_offset, is UTC."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def in_london(value: str) -> datetime:
    """A stored time as London time."""
    return parse_stamp(value).astimezone(LONDON)


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
