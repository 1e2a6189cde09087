"""Formal sessions: planned by the supervisor under a signed contract.

- Planning is refused unless a contract both have signed is in force, and only
  the arrangement's current supervisor plans, reschedules or marks a session
  held. An arrangement that has ended is read-only.
- Either person may cancel a planned session (someone off sick cannot wait for
  the other to do it); the cancellation records who cancelled and why. A
  cancelled session still counts as due: due dates come from the cadence, not
  from the diary (see core/sessions/regularity.py).
- Rescheduling keeps the old session, marked `rescheduled`, linked to the new
  one, with who moved it and (optionally) why in `cancelled_by`/`cancel_reason`.
- Times are typed as London wall-clock time and stored in UTC.
- `private_notes` is the supervisor's own preparation: nobody else gets it.
"""

from datetime import date, datetime, time, timedelta

from db import sessions as session_table

from core.access import arrangement_access as access
from core import clock
from core.admin import audit
from core.contracts import cadence
from core import workdays
from core.contracts.contract import current_contract, readiness
from core.errors import NotFound, ValidationError
from core.access.permissions import Relation
from core.access.roles import Actor
from core.validation import Checker

STATUSES = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled",
            "rescheduled": "Rescheduled"}
MINUTES = (15, 240)
HELD_MINUTES = (5, 480)
HOURS = (time(7, 0), time(20, 0))
PLAN_AHEAD_DAYS = 366
SERIES_MAX = 12
REASON_MAX = 500


def starts(session: dict) -> datetime:
    """When a session starts, in London time."""
    return clock.in_london(session["scheduled_at"])


def _stamp(on: date, at: time) -> str:
    return clock.stamp(datetime.combine(on, at, tzinfo=clock.LONDON))


def _day_range(on: date) -> tuple[str, str]:
    return _stamp(on, time(0, 0)), _stamp(on + timedelta(days=1), time(0, 0))


def _check_slot(check: Checker, on, at, *, today: date, prefix: str = "") -> tuple:
    day = check.day(prefix + "on", on, "the date", earliest=today,
                    latest=today + timedelta(days=PLAN_AHEAD_DAYS))
    if day and not workdays.is_working_day(day):
        check.fail(prefix + "on", f"{clock.day(day)} is {workdays.why_not_working(day)}. "
                                  "Choose a working day.")
    if not isinstance(at, time):
        check.fail(prefix + "at", "Enter the time the session starts.")
    elif not HOURS[0] <= at.replace(tzinfo=None) <= HOURS[1]:
        check.fail(prefix + "at", "Sessions start between 07:00 and 20:00.")
    return day, at


def _check_details(check: Checker, minutes, venue) -> tuple[int | None, str]:
    try:
        length = int(minutes)
    except (TypeError, ValueError):
        length = None
    if length is None or not MINUTES[0] <= length <= MINUTES[1]:
        check.fail("minutes", f"A session lasts {MINUTES[0]} to {MINUTES[1]} minutes.")
    venue = check.name("venue", venue, "the venue or mode", max_len=200)
    return length, venue


def _require_contract(db, arrangement_id: int) -> dict:
    why_not = readiness(db, arrangement_id)
    if why_not:
        raise ValidationError.single("_", why_not)
    return current_contract(db, arrangement_id)


def _refuse_double_booking(check: Checker, db, arrangement_id: int, day: date | None,
                           except_id: int | None = None, field: str = "on") -> None:
    if day and session_table.planned_between(db, arrangement_id, *_day_range(day), except_id):
        check.fail(field, f"A session is already planned on {clock.day(day)}. "
                          "Reschedule that one instead.")


def series_dates(contract: dict, first: date, count: int) -> list[date]:
    """`count` dates from `first`, each one cadence gap after the one before."""
    dates = [first]
    while len(dates) < count:
        dates.append(cadence.due_after(contract, dates[-1]))
    return dates


def plan_series(db, actor: Actor, arrangement_id: int, *, first, at, minutes, venue,
                count: int) -> list[int]:
    """Plan `count` sessions: the first on `first`, the rest each one cadence gap later."""
    access.require_supervisor(db, actor, arrangement_id, "plan its sessions")
    contract = _require_contract(db, arrangement_id)
    today = clock.today()
    check = Checker()
    day, at = _check_slot(check, first, at, today=today)
    length, venue = _check_details(check, minutes, venue)
    if not isinstance(count, int) or not 1 <= count <= SERIES_MAX:
        check.fail("count", f"Plan from 1 to {SERIES_MAX} sessions at a time.")
    check.done()
    dates = series_dates(contract, day, count)
    for d in dates:
        _refuse_double_booking(check, db, arrangement_id, d)
    if dates[-1] > today + timedelta(days=PLAN_AHEAD_DAYS):
        check.fail("count", "That would plan beyond a year ahead. Plan fewer sessions.")
    check.done()
    stamp = clock.stamp()
    ids = []
    with db.atomic():
        for d in dates:
            ids.append(session_table.insert(db, {
                "arrangement_id": arrangement_id, "contract_id": contract["id"],
                "scheduled_at": _stamp(d, at), "planned_minutes": length, "venue": venue,
                "status": "planned", "created_at": stamp, "updated_at": stamp}))
        audit.record(db, actor.id, "sessions_planned", "arrangement", arrangement_id,
                     session_ids=ids, contract_id=contract["id"])
    return ids


def _session(db, session_id: int) -> dict:
    session = session_table.get(db, session_id)
    if not session:
        raise NotFound("There is no such session.")
    return session


def _still(session: dict, wanted: str, doing: str) -> None:
    if session["status"] != wanted:
        raise ValidationError.single(
            "_", f"This session is {STATUSES[session['status']].lower()}, so it cannot be "
                 f"{doing}.")


def _reason(check: Checker, reason, *, required: bool) -> str:
    text = check.text("reason", reason, "the reason", required=required, max_len=REASON_MAX)
    return text.strip()


def reschedule_session(db, actor: Actor, session_id: int, *, on, at, minutes=None,
                       venue=None, reason: str = "") -> int:
    """Move a planned session: the old one is kept as `rescheduled`; returns the new id."""
    session = _session(db, session_id)
    arrangement_id = session["arrangement_id"]
    access.require_supervisor(db, actor, arrangement_id, "reschedule its sessions")
    contract = _require_contract(db, arrangement_id)
    _still(session, "planned", "rescheduled")
    check = Checker()
    day, at = _check_slot(check, on, at, today=clock.today())
    length, venue = _check_details(check, session["planned_minutes"] if minutes is None
                                   else minutes, session["venue"] if venue is None else venue)
    reason = _reason(check, reason, required=False)
    _refuse_double_booking(check, db, arrangement_id, day, except_id=session_id)
    check.done()
    stamp = clock.stamp()
    with db.atomic():
        new_id = session_table.insert(db, {
            "arrangement_id": arrangement_id, "contract_id": contract["id"],
            "scheduled_at": _stamp(day, at), "planned_minutes": length, "venue": venue,
            "status": "planned", "private_notes": session["private_notes"],
            "created_at": stamp, "updated_at": stamp})
        moved = session_table.update_if_status(
            db, session_id, "planned", status="rescheduled", rescheduled_to=new_id,
            cancelled_by=actor.id, cancel_reason=reason, updated_at=stamp)
        if not moved:
            raise ValidationError.single("_", "Someone changed this session just now. "
                                              "Reload the page to see it.")
        audit.record(db, actor.id, "session_rescheduled", "session", session_id,
                     rescheduled_to=new_id, arrangement_id=arrangement_id)
    return new_id


NOTES_MAX = 20_000


def save_private_notes(db, actor: Actor, session_id: int, text: str) -> None:
    """The supervisor's own preparation for a session. Nobody else reads it, and
    the Run session page hides it on a shared screen."""
    session = _session(db, session_id)
    access.require_supervisor(db, actor, session["arrangement_id"], "write its private notes")
    check = Checker()
    text = check.text("private_notes", text, "your private notes", max_len=NOTES_MAX)
    check.done()
    with db.atomic():
        session_table.update(db, session_id, private_notes=text, updated_at=clock.stamp())
        # The audit says that the notes changed, never what they say.
        audit.record(db, actor.id, "private_notes_saved", "session", session_id)


def cancel_session(db, actor: Actor, session_id: int, reason: str) -> None:
    """Either person cancels a planned session, saying why. It still counts as due."""
    session = _session(db, session_id)
    _arr, side = access.require_party(db, actor, session["arrangement_id"],
                                      "cancel its sessions")
    _still(session, "planned", "cancelled")
    check = Checker()
    reason = _reason(check, reason, required=True)
    check.done()
    with db.atomic():
        done = session_table.update_if_status(
            db, session_id, "planned", status="cancelled", cancelled_by=actor.id,
            cancel_reason=reason, updated_at=clock.stamp())
        if not done:
            raise ValidationError.single("_", "Someone changed this session just now. "
                                              "Reload the page to see it.")
        audit.record(db, actor.id, "session_cancelled", "session", session_id, side=side,
                     arrangement_id=session["arrangement_id"])


def mark_held(db, actor: Actor, session_id: int, held_on: date, held_minutes: int) -> None:
    """The supervisor records that a planned session took place, and how long it took."""
    session = _session(db, session_id)
    arr = access.require_supervisor(db, actor, session["arrangement_id"],
                                    "mark its sessions held")
    _still(session, "planned", "marked held")
    check = Checker()
    day = check.day("held_on", held_on, "the date it was held",
                    earliest=date.fromisoformat(arr["start_date"]), latest=clock.today())
    try:
        minutes = int(held_minutes)
    except (TypeError, ValueError):
        minutes = None
    if minutes is None or not HELD_MINUTES[0] <= minutes <= HELD_MINUTES[1]:
        check.fail("held_minutes", f"Enter how long it took: {HELD_MINUTES[0]} to "
                                   f"{HELD_MINUTES[1]} minutes.")
    check.done()
    with db.atomic():
        done = session_table.update_if_status(
            db, session_id, "planned", status="held", held_on=day.isoformat(),
            held_minutes=minutes, updated_at=clock.stamp())
        if not done:
            raise ValidationError.single("_", "Someone changed this session just now. "
                                              "Reload the page to see it.")
        audit.record(db, actor.id, "session_held", "session", session_id,
                     arrangement_id=session["arrangement_id"], held_minutes=minutes)


def _shown_to(db, actor: Actor, arr: dict, rows: list[dict]) -> list[dict]:
    """Rows as this person may see them: the private notes only for the supervisor."""
    own = Relation.SUPERVISOR in access.relations(db, actor, arr)
    return [r if own else dict(r, private_notes=None) for r in rows]


def get_session(db, actor: Actor, session_id: int) -> dict:
    session = _session(db, session_id)
    arr = access.readable(db, actor, session["arrangement_id"])
    return _shown_to(db, actor, arr, [session])[0]


def sessions_for(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """Every session of the arrangement, newest first."""
    arr = access.readable(db, actor, arrangement_id)
    return _shown_to(db, actor, arr, session_table.for_arrangement(db, arrangement_id))


def planned_ahead(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """Planned sessions from the start of today, soonest first."""
    arr = access.readable(db, actor, arrangement_id)
    start = _day_range(clock.today())[0]
    return _shown_to(db, actor, arr, session_table.planned_from(db, arrangement_id, start))


def planned(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """Every session still planned, past ones not yet marked held first, soonest first."""
    rows = [s for s in sessions_for(db, actor, arrangement_id) if s["status"] == "planned"]
    return sorted(rows, key=lambda s: s["scheduled_at"])


def suggested_date(contract: dict, next_due: date | None, planned_days: list[date],
                   today: date) -> date:
    """Where the planning form starts: the next due date (or, when sessions are already
    planned, one cadence gap after the last of them), never before today."""
    start = next_due or today
    if planned_days:
        start = cadence.due_after(contract, max(planned_days))
    return workdays.on_or_after(max(start, today))


def overdue_unmarked(session: dict, today: date) -> bool:
    """A planned session whose day has passed without being marked held or cancelled."""
    return session["status"] == "planned" and starts(session).date() < today
