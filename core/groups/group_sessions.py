"""Group sessions, planned by the facilitator under the group's contract, like
one-to-one sessions: a working day, a start time in working hours, a length and
a venue. The facilitator may cancel a planned session with a reason. A session
becomes held when its record is written (core/groups/group_records.py). A planned
session moves to another day or time, keeping where it was and why."""

from datetime import date, datetime, time, timedelta

from db import groups as table

from core import clock, workdays
from core.admin import audit
from core.groups.group_access import facilitator_seat, seat
from core.access.roles import Actor
from core.errors import ValidationError
from core.sessions.planning import HOURS, PLAN_AHEAD_DAYS, REASON_MAX
from core.validation import Checker, must_exist

STATUSES = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}
SERIES_MAX = 12


def listing(db, actor: Actor, group_id: int) -> list[dict]:
    """The group's sessions, newest first, each with its record's status (for a member
    who left, only the sessions they attended)."""
    found = seat(db, actor, group_id)
    rows = table.sessions(db, found.group["id"])
    if not found.left_on:
        return rows
    attended = table.attended_sessions(db, found.group["id"], actor.id)
    return [s for s in rows if s["id"] in attended and found.sees_session(s)]


def starts(session: dict) -> datetime:
    return clock.in_london(session["scheduled_at"])


def _slot(check: Checker, on, at, today: date) -> date | None:
    """A working day from today to a year ahead, and a start time in working hours."""
    day = check.day("on", on, "the date", earliest=today,
                    latest=today + timedelta(days=PLAN_AHEAD_DAYS))
    if day and not workdays.is_working_day(day):
        check.fail("on", f"{clock.day(day)} is {workdays.why_not_working(day)}. "
                         "Choose a working day.")
    if not isinstance(at, time):
        check.fail("at", "Enter the time the session starts.")
    elif not HOURS[0] <= at.replace(tzinfo=None) <= HOURS[1]:
        check.fail("at", "Sessions start between 07:00 and 20:00.")
    return day


def plan(db, actor: Actor, group_id: int, *, first, at, venue, count: int = 1) -> list[int]:
    """Plan `count` sessions: the first on `first`, then one every contract gap."""
    found = facilitator_seat(db, actor, group_id, "plan its sessions")
    versions = table.contracts(db, found.group["id"])
    if not versions:
        raise ValidationError.single("_", "Draft the group's contract before planning "
                                          "sessions: it sets how often the group meets.")
    contract = versions[0]
    today = clock.today()
    check = Checker()
    day = _slot(check, first, at, today)
    venue = check.name("venue", venue, "the venue or mode", max_len=200)
    if not isinstance(count, int) or not 1 <= count <= SERIES_MAX:
        check.fail("count", f"Plan from 1 to {SERIES_MAX} sessions at a time.")
    check.done()
    days = series(day, contract["frequency_weeks"], count)
    if days[-1] > today + timedelta(days=PLAN_AHEAD_DAYS):
        raise ValidationError.single("count", "That would plan beyond a year ahead. "
                                              "Plan fewer sessions.")
    now = clock.stamp()
    with db.atomic():
        ids = [table.insert_session(db, {
            "group_id": found.group["id"], "minutes": contract["session_minutes"],
            "scheduled_at": clock.stamp(datetime.combine(d, at, tzinfo=clock.LONDON)),
            "venue": venue, "status": "planned", "created_at": now}) for d in days]
        audit.record(db, actor.id, "group_sessions_planned", "group", found.group["id"],
                     session_ids=ids)
    return ids


def series(first: date, weeks: int, count: int) -> list[date]:
    """`count` dates a gap apart; one that falls on a day off moves to the next working day."""
    out = []
    for n in range(count):
        day = first + timedelta(weeks=weeks * n)
        while not workdays.is_working_day(day):
            day += timedelta(days=1)
        out.append(day)
    return out


def cancel(db, actor: Actor, session_id: int, reason: str) -> None:
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = facilitator_seat(db, actor, session["group_id"], "cancel its sessions")
    if session["status"] != "planned":
        raise ValidationError.single("_", "Only a planned session can be cancelled.")
    check = Checker()
    reason = check.text("reason", reason, "the reason", required=True, max_len=REASON_MAX)
    check.done()
    with db.atomic():
        table.update_session(db, session["id"], status="cancelled", cancel_reason=reason.strip())
        audit.record(db, actor.id, "group_session_cancelled", "group", found.group["id"],
                     session_id=session["id"])


def move(db, actor: Actor, session_id: int, *, on, at, reason: str = "") -> None:
    """Move a planned session to another working day or time; the first planned time
    and the reason are kept, and the members see both."""
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = facilitator_seat(db, actor, session["group_id"], "move its sessions")
    if session["status"] != "planned":
        raise ValidationError.single("_", "Only a planned session can be moved.")
    check = Checker()
    day = _slot(check, on, at, clock.today())
    reason = check.text("reason", reason, "the reason", max_len=REASON_MAX)
    check.done()
    to = clock.stamp(datetime.combine(day, at, tzinfo=clock.LONDON))
    if to == session["scheduled_at"]:
        raise ValidationError.single("on", "That is when the session is already planned.")
    with db.atomic():
        table.update_session(db, session["id"], scheduled_at=to, move_reason=reason.strip(),
                             moved_from=session["moved_from"] or session["scheduled_at"])
        audit.record(db, actor.id, "group_session_moved", "group", found.group["id"],
                     session_id=session["id"], moved_from=session["scheduled_at"], moved_to=to)
