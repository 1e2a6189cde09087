"""The demo's supervision group, and a past group session with no record yet, made
directly through db/ (planning only allows dates from today)."""

from datetime import datetime, time, timedelta

from core import clock, workdays
from core.access.roles import load_actor
from core.groups import group_records
from db import groups as table


def actor(db, username: str):
    found = load_actor(db, username)
    assert found, username
    return found


def demo_group(db) -> int:
    return db.execute("SELECT id FROM groups WHERE name = 'Assessment team case group'"
                      ).fetchone()[0]


def past_session(db, group_id: int | None = None, days_ago: int = 1) -> int:
    """A planned session on the last working day at least `days_ago` days back."""
    day = clock.today() - timedelta(days=days_ago)
    while not workdays.is_working_day(day):
        day -= timedelta(days=1)
    return table.insert_session(db, {
        "group_id": group_id or demo_group(db), "minutes": 90, "venue": "Team room 2",
        "scheduled_at": clock.stamp(datetime.combine(day, time(10), tzinfo=clock.LONDON)),
        "status": "planned", "created_at": clock.stamp()})


def ids(db, *usernames) -> list[int]:
    return [actor(db, u).id for u in usernames]


def record(db, session_id: int, presenter="sam.taylor", **extra) -> int:
    """Helen Carter writes the record: all four attended, one action for Zara."""
    args = dict(attended=ids(db, "sam.taylor", "chloe.wright", "zara.hussain", "tom.baker"),
                presenter_id=actor(db, presenter).id, case_ref="CR-555001",
                theme="Working with a family that moves often", learning="Ask the school first.",
                roles={actor(db, "chloe.wright").id: "advisor",
                       actor(db, "zara.hussain").id: "reflecting_team"},
                actions=[{"owner_id": actor(db, "zara.hussain").id,
                          "description": "Find the family's previous school", "due_date": None}])
    args.update(extra)
    return group_records.save(db, actor(db, "helen.carter"), session_id, **args)
