"""How often formal sessions fall due. Due dates are computed, never typed.

The contract names one of three cadences:

- `weeks`: a fixed gap of `cadence_weeks` weeks.
- `asye`: the newly qualified (ASYE) pattern, counted from `asye_start`:
  weekly while the supervisee is under 6 weeks into the year, fortnightly
  until 6 months, monthly (a calendar month) after that. The step that
  applies is the one for the supervisee's age on the day the gap starts.
- `pro_rata`: part-time staff meet in proportion to their hours: the gap is
  `cadence_weeks` weeks divided by `fte`, rounded to whole days. An `fte`
  below 0.5 counts as 0.5, so a part-time gap is never more than twice the
  full-time gap however few hours someone works (someone on 0.1 still meets
  at least every 8 weeks on a 4-week contract, not every 40).

The next session is due one gap after the last held formal session (or after
the contract's start when none has been held). A due date that falls on a
weekend or a bank holiday moves to the next working day.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from core import workdays

KINDS = {
    "weeks": "A fixed number of weeks",
    "asye": "Newly qualified (ASYE): weekly, then fortnightly, then monthly",
    "pro_rata": "Pro rata for part-time staff",
}
ASYE_WEEKLY_FOR = timedelta(weeks=6)
ASYE_FORTNIGHTLY_FOR = relativedelta(months=6)
PRO_RATA_FLOOR = 0.5


def _day(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def pro_rata_days(weeks: int, fte: float) -> int:
    """The gap in days for someone on `fte` of full time (see the module docstring)."""
    return round(7 * weeks / max(min(float(fte), 1.0), PRO_RATA_FLOOR))


def asye_stage(asye_start: date, on: date) -> str:
    """`weekly`, `fortnightly` or `monthly`: the ASYE step for the supervisee's age on `on`."""
    if on < asye_start + ASYE_WEEKLY_FOR:
        return "weekly"
    if on < asye_start + ASYE_FORTNIGHTLY_FOR:
        return "fortnightly"
    return "monthly"


def step(contract: dict, anchor: date) -> date:
    """One gap after `anchor`, before moving off a non-working day."""
    kind = contract["cadence_kind"]
    if kind == "asye":
        start = _day(contract.get("asye_start")) or _day(contract["start_date"])
        stage = asye_stage(start, anchor)
        if stage == "weekly":
            return anchor + timedelta(weeks=1)
        if stage == "fortnightly":
            return anchor + timedelta(weeks=2)
        return anchor + relativedelta(months=1)
    weeks = int(contract["cadence_weeks"])
    if kind == "pro_rata":
        return anchor + timedelta(days=pro_rata_days(weeks, contract["fte"]))
    return anchor + timedelta(weeks=weeks)


def due_after(contract: dict, anchor: date) -> date:
    """The due date one gap after `anchor`, on a working day."""
    return workdays.on_or_after(step(contract, anchor))


def next_due(contract: dict, last_held: date | None, today: date) -> date:
    """When the next formal session is due: one gap after the last held session, or
    after the contract's start if none was held (today, for a draft with no start)."""
    anchor = _day(last_held) or _day(contract.get("start_date")) or today
    return due_after(contract, anchor)


def describe(contract: dict) -> str:
    """The cadence in words, e.g. 'Every 4 weeks'."""
    kind = contract["cadence_kind"]
    weeks = int(contract["cadence_weeks"])
    if kind == "asye":
        start = _day(contract.get("asye_start"))
        since = f" from {start.day} {start:%b %Y}" if start else ""
        return ("Newly qualified (ASYE) pattern" + since + ": weekly for the first 6 weeks, "
                "fortnightly to 6 months, monthly after that")
    every = "every week" if weeks == 1 else f"every {weeks} weeks"
    if kind == "pro_rata":
        fte = float(contract["fte"])
        return (f"Pro rata: {every} full time, so every {pro_rata_days(weeks, fte)} days "
                f"at {fte:g} of full time")
    return every[0].upper() + every[1:]
