"""Reminders from group supervision, read through the same queries as the home
page's group tasks: a member prepares for the group's next session and signs the
record of a session they attended; the facilitator shares a record near or past
its deadline (SHARE_WITHIN_WORKING_DAYS after the session). Group names and dates
only: never the case, theme, learning or actions."""

from datetime import date, datetime, time

from db import groups as table

from core import clock, workdays
from core.access.roles import Actor
from core.admin import settings
from core.groups.group_records import SHARE_WITHIN_WORKING_DAYS
from core.preparation.reflections import session_date, when
from core.reminders.timing import from_reminder_day, in_window
from core.tasks import Destination

TO = Destination.GROUP_SUPERVISION


def for_person(db, actor: Actor, today: date, make) -> list:
    return (_prepare(db, actor, today, make) + _to_sign(db, actor, make)
            + _to_share(db, actor, today, make))


def _prepare(db, actor, today, make) -> list:
    """The next planned session of each group, within the prepare window."""
    before = int(settings.value(db, "reminder_prepare_days"))
    start = clock.stamp(datetime.combine(today, time(0, 0), tzinfo=clock.LONDON))
    out, seen = [], set()
    for s in table.planned_for_member(db, actor.id, start):
        if s["group_id"] in seen:
            continue
        seen.add(s["group_id"])
        day = session_date(s["scheduled_at"])
        if in_window(day, before, today):
            out.append(make("group_prepare", f"group_session:{s['session_id']}", TO,
                            s["session_id"], day=day, when=when(s["scheduled_at"]),
                            group=s["group_name"]))
    return out


def _to_sign(db, actor, make) -> list:
    return [make("group_record_to_sign", f"group_record:{r['session_id']}", TO,
                 r["session_id"], day=r["held_on"], group=r["group_name"],
                 presenter=r["presenter_id"] == actor.id)
            for r in table.records_waiting(db, actor.id)]


def _to_share(db, actor, today, make) -> list:
    before = int(settings.value(db, "reminder_share_days"))
    out = []
    for s in table.records_to_share(db, actor.id, clock.stamp()):
        day = session_date(s["scheduled_at"])
        share_by = workdays.add_working_days(day, SHARE_WITHIN_WORKING_DAYS)
        if from_reminder_day(share_by, before, today):
            out.append(make("group_record_to_share", f"group_record:{s['session_id']}", TO,
                            s["session_id"], day=day, due=share_by, overdue=share_by < today,
                            group=s["group_name"]))
    return out
