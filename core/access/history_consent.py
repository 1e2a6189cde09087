"""History consent: when a supervisee changes supervisor, the new supervisor reads
the earlier records only after the supervisee agrees.

The supervisee gives or withdraws consent on their new arrangement
(`arrangements.history_shared_at`); `permissions.history_covers` says which
earlier arrangements it opens. Each act is audited in the same transaction, with
ids only. Access follows at once: `permissions.relations` reads the consent on
every check, and nothing caches it. The former supervisor keeps read-only access
to the records they wrote whatever the supervisee chooses.
"""

from db import arrangements as arrangement_table
from db import records as record_table

from core.access import arrangement_access as access
from core import clock
from core.admin import audit
from core.access import permissions
from core.errors import NotFound, PermissionDenied, ValidationError
from core.access.roles import Actor


def _earlier(mine: list[dict], later: dict) -> list[dict]:
    return sorted((a for a in mine if permissions.history_covers(later, a)),
                  key=lambda a: a["start_date"])


def _record_counts(db, arrangement_ids: list[int]) -> dict[int, int]:
    counts = dict.fromkeys(arrangement_ids, 0)
    for row in record_table.summaries(db, arrangement_ids):
        if row["record_id"]:
            counts[row["arrangement_id"]] += 1
    return counts


def choices(db, actor: Actor) -> list[dict]:
    """The supervisee's choices: one per arrangement of theirs that has earlier
    records to open (a current one, or an ended one whose consent still stands).

    [{arrangement_id, kind, supervisor_name, start_date, current (bool),
      given_at (ISO stamp, or None: not given), earlier: [{arrangement_id,
      supervisor_name, start_date, end_date, records}]}], current ones first."""
    mine = arrangement_table.as_supervisee(db, actor.id)
    today = clock.today()
    out = []
    for later in mine:
        earlier = _earlier(mine, later)
        current = not access.ended(later, today)
        if not earlier or not (current or later["history_shared_at"]):
            continue
        counts = _record_counts(db, [a["id"] for a in earlier])
        out.append({
            "arrangement_id": later["id"], "kind": later["kind"],
            "supervisor_name": later["supervisor_name"], "start_date": later["start_date"],
            "current": current, "given_at": later["history_shared_at"],
            "earlier": [{"arrangement_id": a["id"], "supervisor_name": a["supervisor_name"],
                         "start_date": a["start_date"], "end_date": a["end_date"],
                         "records": counts[a["id"]]} for a in earlier]})
    return sorted(out, key=lambda c: (not c["current"], c["start_date"]))


def _own(db, actor: Actor, arrangement_id) -> dict:
    try:
        arrangement_id = int(arrangement_id)
    except (TypeError, ValueError):
        raise NotFound("There is no such supervision arrangement.") from None
    arr = permissions.arrangement(db, arrangement_id)
    if arr["supervisee_id"] != actor.id:
        raise PermissionDenied("Only the supervisee decides who reads their earlier "
                               "supervision records.")
    return arr


def give(db, actor: Actor, arrangement_id: int) -> bool:
    """The supervisee lets the supervisor of this (current) arrangement read their
    earlier records of the same kind. Returns False when it was already given."""
    with db.atomic():
        arr = _own(db, actor, arrangement_id)
        if access.ended(arr):
            raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}: "
                                   "there is no new supervisor to share with.")
        earlier = _earlier(arrangement_table.as_supervisee(db, actor.id), arr)
        if not earlier:
            raise ValidationError.single("_", "There are no earlier records from another "
                                              "supervisor to share.")
        if arr["history_shared_at"]:
            return False
        arrangement_table.update(db, arr["id"], history_shared_at=clock.stamp())
        audit.record(db, actor.id, "history_consent_given", "arrangement", arr["id"],
                     supervisor_id=arr["supervisor_id"],
                     earlier_arrangement_ids=[a["id"] for a in earlier])
    return True


def withdraw(db, actor: Actor, arrangement_id: int) -> bool:
    """The supervisee stops the supervisor of this arrangement reading their earlier
    records, at once. Returns False when no consent stood."""
    with db.atomic():
        arr = _own(db, actor, arrangement_id)
        if not arr["history_shared_at"]:
            return False
        earlier = _earlier(arrangement_table.as_supervisee(db, actor.id), arr)
        arrangement_table.update(db, arr["id"], history_shared_at=None)
        audit.record(db, actor.id, "history_consent_withdrawn", "arrangement", arr["id"],
                     supervisor_id=arr["supervisor_id"],
                     earlier_arrangement_ids=[a["id"] for a in earlier])
    return True
