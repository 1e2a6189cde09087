"""A person's records over time, with the late flag: not first shared within the
contract's working days after the held date (core/insights/timeliness.py)."""

from dataclasses import dataclass
from datetime import date

from db import aggregates
from db import arrangements as arrangement_table
from db import records as table

from core import clock
from core.access import permissions
from core.access.permissions import Access, Relation
from core.access.roles import Actor
from core.insights.timeliness import record_late, share_by as share_by_day
from core.preparation import reflections as reflection_rules
from core.records.common import STATUSES
from core.vocabulary import FUNCTIONS


def summary(row: dict, today: date) -> dict:
    due, late = None, False
    if row["session_status"] == "held" and row["held_on"]:
        held_on = date.fromisoformat(row["held_on"])
        due = share_by_day(held_on, row["share_within_days"]).isoformat()
        late = record_late(held_on, row["share_within_days"], row["first_shared_at"], today)
    status = row["status"]
    return {
        "session_id": row["session_id"], "arrangement_id": row["arrangement_id"],
        "scheduled_at": row["scheduled_at"], "when": reflection_rules.when(row["scheduled_at"]),
        "held_on": row["held_on"], "session_status": row["session_status"],
        "status": status, "status_label": STATUSES[status] if status else "Not started",
        "revision": row["revision"], "first_shared_at": row["first_shared_at"],
        "supervisor_signed_at": row["supervisor_signed_at"],
        "supervisee_signed_at": row["supervisee_signed_at"], "agreed_at": row["agreed_at"],
        "share_by": due, "late": late, "disputed": bool(row["disputes"]),
        "items": row["items"], "flagged": row["flagged"],
        "minutes": {f: int(row["minutes"].get(f, 0) or 0) for f in FUNCTIONS},
        "supervisee_name": row["supervisee_name"], "supervisor_name": row["supervisor_name"],
        "kind": row["kind"],
    }


def records_for(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """The arrangement's records, newest first, without text (Access.METRICS: the two
    people, a permitted later supervisor, the team lead). Each: {session_id,
    scheduled_at, when, held_on, status, status_label, revision, first_shared_at,
    supervisor_signed_at, supervisee_signed_at, agreed_at, share_by, late, disputed
    (ever), items, flagged, minutes {function: minutes}}."""
    arr = permissions.arrangement(db, int(arrangement_id))
    permissions.require(db, actor, Access.METRICS, arr)
    today = clock.today()
    return [summary(r, today) for r in table.summaries(db, [arr["id"]])]


def unagreed(db, actor: Actor, arrangement_ids) -> list[dict]:
    """The actor's own arrangements' records not agreed yet (and held sessions with no
    record), as records_for rows plus arrangement_id: what the home tasks and the
    email reminders look at, without ten years of agreed records."""
    arrangement_ids = list(arrangement_ids)
    for arrangement_id in arrangement_ids:
        permissions.require(db, actor, Access.METRICS, permissions.arrangement(db, arrangement_id))
    today = clock.today()
    return [summary(r, today) for r in table.summaries(db, arrangement_ids, unagreed=True)]


def _readable_arrangements(db, actor: Actor) -> dict[int, tuple[dict, str]]:
    """Arrangements whose records the actor reads as one of the two people or as a
    later supervisor with the supervisee's consent: {id: (arrangement, side)}."""
    found: dict[int, tuple[dict, str]] = {}
    for a in arrangement_table.as_supervisee(db, actor.id):
        found[a["id"]] = (a, "supervisee")
    for a in arrangement_table.as_supervisor(db, actor.id):
        found[a["id"]] = (a, "supervisor")
        if a["history_shared_at"]:
            for earlier in arrangement_table.as_supervisee(db, a["supervisee_id"]):
                if earlier["id"] not in found and Relation.HISTORY in permissions.relations(
                        db, actor, earlier):
                    found[earlier["id"]] = (earlier, "history")
    return found


def my_records(db, actor: Actor, *, year: str | None = None) -> list[dict]:
    """Every record the actor may read as supervisee, supervisor (also of ended
    arrangements) or permitted later supervisor, newest first: the records_for rows
    plus arrangement_id, supervisee_name, supervisor_name, kind, side. With `year`
    ("2024"), only the records of that year the actor reads: their own drafts as
    supervisor, and shared ones (see my_record_years)."""
    found = _readable_arrangements(db, actor)
    today = clock.today()
    reading = {"reader": actor.id, "year": year} if year else {}
    return [dict(summary(r, today), side=found[r["arrangement_id"]][1])
            for r in table.summaries(db, list(found), **reading)]


def my_record_years(db, actor: Actor) -> dict[str, int]:
    """{year: records the actor reads}, newest first: their records as supervisor
    (drafts too) and the shared records they read as supervisee or later supervisor.
    Ten years of records are counted, not listed: a page lists one year at a time."""
    return table.record_years(db, list(_readable_arrangements(db, actor)), actor.id)


def my_record_year(db, actor: Actor, session_id: int) -> str | None:
    """The year a record the actor reads is listed under, or None if they read no
    such record (another person's, a draft not theirs, no record at all)."""
    return table.record_year(db, int(session_id), list(_readable_arrangements(db, actor)),
                             actor.id)


def own_arrangement_ids(db, actor: Actor) -> list[int]:
    """The arrangements the actor is one of the two people of (ended ones too)."""
    return [i for i, (_a, side) in _readable_arrangements(db, actor).items()
            if side in ("supervisee", "supervisor")]


def listed_year(row: dict) -> str:
    """The year a my_records row is listed under: of the day held, or else planned."""
    return (row["held_on"] or row["scheduled_at"][:10])[:4]


def waiting_for_me(db, actor: Actor) -> list[dict]:
    """The records waiting for the actor, in every year, newest first, as my_records
    rows: shared ones to sign as supervisee, disputed ones to answer as supervisor."""
    found = _readable_arrangements(db, actor)
    today = clock.today()
    return [dict(summary(r, today), side=found[r["arrangement_id"]][1])
            for r in table.summaries(db, list(found), reader=actor.id, waiting=True)]


def _late_arrangement_ids(db, actor: Actor) -> list[int]:
    ids = {a["id"] for a in arrangement_table.as_supervisor(db, actor.id)}
    ids |= {a["id"] for a in arrangement_table.in_teams(db, sorted(actor.led_team_ids))}
    return sorted(ids)


def _judged_late(db, arrangement_ids, today: date) -> list[dict]:
    rows = [s for s in (summary(r, today)
                        for r in table.summaries(db, arrangement_ids, maybe_late=True))
            if s["late"]]
    return sorted(rows, key=lambda s: (s["first_shared_at"] is not None, s["held_on"]))


def late_records(db, actor: Actor) -> list[dict]:
    """Records not shared in time in the arrangements the actor supervises or whose
    supervisee is in a team they lead: records_for rows (with late True) plus
    arrangement_id, supervisee_name, supervisor_name. Still-unshared ones first."""
    return _judged_late(db, _late_arrangement_ids(db, actor), clock.today())


@dataclass(frozen=True)
class LateScope:
    """The arrangements whose late records the actor sees (late_records), today, and
    the fingerprint of their sessions, records and contracts: all a late judgement
    depends on, so it can be kept until one of them changes."""
    actor_id: int
    arrangement_ids: tuple
    today: date
    version: tuple


def late_scope(db, actor: Actor) -> LateScope:
    ids = _late_arrangement_ids(db, actor)
    return LateScope(actor.id, tuple(ids), clock.today(), aggregates.versions(db, ids))


def late_session_ids(db, scope: LateScope) -> list[int]:
    """The late_records of a scope, as session ids in their order."""
    return [r["session_id"] for r in _judged_late(db, scope.arrangement_ids, scope.today)]


def late_records_by_id(db, scope: LateScope, session_ids) -> list[dict]:
    """Some of a scope's late records (one page of them), read afresh, in the order
    given: late_records rows. Sessions outside the scope's arrangements are left out."""
    wanted = [int(i) for i in session_ids]
    found = {s["session_id"]: s for s in (
        summary(r, scope.today)
        for r in table.summaries(db, scope.arrangement_ids, session_ids=wanted))}
    return [found[i] for i in wanted if i in found]
