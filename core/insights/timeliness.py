"""When a record must be shared, and when an action is overdue: one rule for
every page (the supervisor's late flag and the team lead's timeliness view).

A record is due to be shared within the contract's number of working days
after the session was held (England and Wales bank holidays excluded). It is
late if it was first shared after that day, or is still unshared once that
day has passed. A shared record stays 'on time' even if a dispute later sends
it back: what counts is when the supervisee first saw it.
"""

from datetime import date, datetime

from core import clock
from core.workdays import add_working_days


def share_by(held_on: date, share_within_days: int) -> date:
    return add_working_days(held_on, int(share_within_days))


def shared_on(first_shared_at: str | None) -> date | None:
    """The London date a record was first shared, from its stored UTC time."""
    if not first_shared_at:
        return None
    return datetime.fromisoformat(first_shared_at).astimezone(clock.LONDON).date()


def record_late(held_on: date, share_within_days: int, first_shared_at: str | None,
                today: date) -> bool:
    due = share_by(held_on, share_within_days)
    shared = shared_on(first_shared_at)
    return shared > due if shared else today > due


def action_overdue(status: str, due_date: str | date, today: date) -> bool:
    due = date.fromisoformat(due_date) if isinstance(due_date, str) else due_date
    return status == "open" and due < today
