"""When a reminder falls due, in working days (England and Wales bank holidays
excluded, through core.workdays)."""

from datetime import date

from core import workdays


def reminder_day(deadline: date, working_days_before: int) -> date:
    """The day a reminder goes: that many working days before the deadline (the
    deadline itself for 0). A deadline on a weekend or bank holiday counts back from
    it all the same, so the reminder still falls on a working day."""
    if working_days_before <= 0:
        return deadline
    return workdays.add_working_days(deadline, -working_days_before)


def in_window(deadline: date, working_days_before: int, today: date) -> bool:
    """From the reminder day up to and including the deadline."""
    return reminder_day(deadline, working_days_before) <= today <= deadline


def from_reminder_day(deadline: date, working_days_before: int, today: date) -> bool:
    """From the reminder day on, with no end: for things that stay waiting once late."""
    return reminder_day(deadline, working_days_before) <= today


def week_of(today: date) -> str:
    """The ISO week, e.g. '2026-W49': a weekly digest goes once in each."""
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"
