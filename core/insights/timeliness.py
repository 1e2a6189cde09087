"""When a record must be shared, and whether it was late: one rule for every page
(the supervisor's late flag, home tasks and the team lead's timeliness view).

A record is due to be shared within the contract's number of working days
after the session was held (England and Wales bank holidays excluded). It is
late if it was first shared after that day, or is still unshared once that
day has passed. A shared record stays 'on time' even if a dispute later sends
it back: what counts is when the supervisee first saw it.
"""

from datetime import date

from core import clock
from core.workdays import add_working_days


def share_by(held_on: date, share_within_days: int) -> date:
    return add_working_days(held_on, int(share_within_days))


def shared_on(first_shared_at: str | None) -> date | None:
    """The London date a record was first shared."""
    if not first_shared_at:
        return None
    return clock.in_london(first_shared_at).date()


ON_TIME, LATE, PENDING = "on_time", "late", "pending"


def record_outcome(held_on: date, share_within_days: int, first_shared_at: str | None,
                   today: date) -> str:
    """ON_TIME (first shared by the share-by day), LATE (shared after it, or not shared
    and the day has passed) or PENDING (not shared, the day still to come)."""
    due = share_by(held_on, share_within_days)
    shared = shared_on(first_shared_at)
    if shared:
        return ON_TIME if shared <= due else LATE
    return LATE if today > due else PENDING


def record_late(held_on: date, share_within_days: int, first_shared_at: str | None,
                today: date) -> bool:
    return record_outcome(held_on, share_within_days, first_shared_at, today) == LATE
