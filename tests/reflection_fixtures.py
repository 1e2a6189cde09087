"""Contracts, sessions and actions for reflection tests, made directly through db/.

Tests insert a signed contract and planned or held sessions here. Every helper works
on top of whatever the database holds already (the demo may have sessions too).
"""

from datetime import datetime, time, timedelta

from core import clock
from core.access.roles import load_actor
from core.preparation import reflections as reflection_rules
from db import actions as action_table
from db import reflections as table


def actor(db, username: str):
    found = load_actor(db, username)
    assert found, username
    return found


def arrangement_id(db, supervisee: str, kind: str = "line", supervisor: str | None = None) -> int:
    """The arrangement of this supervisee (and kind, and supervisor if named)."""
    rows = [r for r in db.query(
        """SELECT a.id, sr.username AS supervisor FROM arrangements a
           JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id
           WHERE se.username = ? AND a.kind = ? ORDER BY a.start_date DESC""", [supervisee, kind])
        if supervisor is None or r["supervisor"] == supervisor]
    assert rows, (supervisee, kind, supervisor)
    return rows[0]["id"]


def signed_contract(db, arrangement: int) -> int:
    """A signed contract for the arrangement: the latest one if there is one."""
    existing = list(db.query(
        "SELECT id FROM contracts WHERE arrangement_id = ? AND supervisor_signed_at IS NOT NULL "
        "AND supervisee_signed_at IS NOT NULL ORDER BY version DESC", [arrangement]))
    if existing:
        return existing[0]["id"]
    version = db.execute("SELECT coalesce(max(version), 0) + 1 FROM contracts "
                         "WHERE arrangement_id = ?", [arrangement]).fetchone()[0]
    now = clock.stamp()
    today = clock.today()
    return table.insert_contract(db, {
        "arrangement_id": arrangement, "version": version,
        "start_date": (today - timedelta(days=400)).isoformat(),
        "review_date": (today + timedelta(days=200)).isoformat(),
        "supervisor_signed_at": now, "supervisee_signed_at": now,
        "created_at": now, "updated_at": now})


def session_at(days_from_today: int, hour: int = 10) -> str:
    """A UTC timestamp for 10:00 London time that many days from today."""
    local = datetime.combine(clock.today() + timedelta(days=days_from_today), time(hour),
                             tzinfo=clock.LONDON)
    return clock.stamp(local)


def session(db, supervisee: str, *, days: int = 7, status: str = "planned",
            kind: str = "line", supervisor: str | None = None, hour: int = 10) -> int:
    """A session of this supervisee's arrangement, `days` from today (negative: past)."""
    arrangement = arrangement_id(db, supervisee, kind, supervisor)
    contract = signed_contract(db, arrangement)
    now = clock.stamp()
    scheduled = session_at(days, hour)
    row = {"arrangement_id": arrangement, "contract_id": contract, "scheduled_at": scheduled,
           "planned_minutes": 90, "venue": "Office", "status": status,
           "created_at": now, "updated_at": now}
    if status == "held":
        row.update(held_on=scheduled[:10], held_minutes=90)
    return table.insert_session(db, row)


def mark(db, session_id: int, status: str, **extra) -> None:
    """Change a session's status, as cancelling, rescheduling or marking it held does."""
    db["sessions"].update(session_id, dict(extra, status=status))


def open_action(db, supervisee: str, owner: str, description: str, *, due_in: int = 7,
                session_id: int | None = None, kind: str = "line") -> int:
    now = clock.stamp()
    return action_table.insert(db, {
        "arrangement_id": arrangement_id(db, supervisee, kind), "session_id": session_id,
        "owner_id": actor(db, owner).id, "description": description,
        "due_date": (clock.today() + timedelta(days=due_in)).isoformat(),
        "created_at": now, "updated_at": now})


def set_wellbeing(db, who, reflection_id, *, score=None, note: str = "", shared: bool = False):
    """The whole wellbeing check at once, saved field by field as the Prepare page does."""
    row = table.get(db, reflection_id)
    current = {"score": row["wellbeing_score"], "note": row["wellbeing_note"],
               "shared": bool(row["wellbeing_shared"])}
    for field, value in (("score", score), ("note", note), ("shared", shared)):
        reflection_rules.save_field(db, who, reflection_id, f"wellbeing.{field}", value,
                               was=current[field])
