"""Which arrangements a person may see on the contract and session pages, and who
may act on them. Contracts, session dates and status follow `Access.CONTRACT`:
the supervisee, the supervisor, the team lead of the supervisee's team, admins.

Only the two people in an arrangement act on it (the supervisor plans, both
sign and both may cancel), and an arrangement that has ended is read-only.
"""

from datetime import date

from db import arrangements as arrangement_table

from core import clock
from core.access import permissions
from core.vocabulary import KINDS
from core.errors import PermissionDenied
from core.access.permissions import Access, Relation
from core.access.roles import Actor


def visible(db, actor: Actor) -> list[dict]:
    """The arrangements whose contract and sessions this person may see: current
    ones first, then by supervisee and kind."""
    rows = {}
    if actor.is_admin:
        rows = {a["id"]: a for a in arrangement_table.listing(db)}
    else:
        for a in (arrangement_table.as_supervisee(db, actor.id)
                  + arrangement_table.as_supervisor(db, actor.id)
                  + arrangement_table.in_teams(db, sorted(actor.led_team_ids))):
            rows[a["id"]] = a
    today = clock.today()
    return sorted(rows.values(), key=lambda a: (ended(a, today), a["supervisee_name"],
                                                a["kind"], a["start_date"]))


def visible_found(db, actor: Actor, search: str, *, limit: int,
                  keep: int | None = None) -> tuple[list[dict], int]:
    """For an admin, who may see every arrangement of the authority: the first
    `limit` a search by name finds (current first), with `keep` (the one chosen
    before) added if the search left it out; and how many the search found."""
    if not actor.is_admin:
        rows = visible(db, actor)
        return rows, len(rows)
    needle = (search or "").strip().lower()
    rows = arrangement_table.find(db, needle, limit=limit)
    if keep is not None and keep not in {a["id"] for a in rows}:
        kept = arrangement_table.get(db, keep)
        rows = ([kept] if kept else []) + rows
    return rows, arrangement_table.count_found(db, needle)


def ended(arr: dict, today: date | None = None) -> bool:
    today = today or clock.today()
    return arr["end_date"] is not None and arr["end_date"] < today.isoformat()


def worded(arr: dict, actor: Actor, *, supervisee: str, supervisor: str, onlooker: str) -> str:
    """The wording for this person's side of the arrangement (an onlooker: a team
    lead or an admin). Each may name {kind} ({Kind} capitalised) and the people,
    {supervisee} and {supervisor}."""
    if arr["supervisee_id"] == actor.id:
        template = supervisee
    elif arr["supervisor_id"] == actor.id:
        template = supervisor
    else:
        template = onlooker
    kind = KINDS[arr["kind"]].lower()
    return template.format(kind=kind, Kind=kind.capitalize(), supervisee=arr["supervisee_name"],
                           supervisor=arr["supervisor_name"])


def label(arr: dict, actor: Actor) -> str:
    """How an arrangement is named to this person."""
    text = worded(arr, actor, supervisee="Your {kind} with {supervisor}",
                  supervisor="{supervisee}: {kind} with you",
                  onlooker="{supervisee}: {kind} with {supervisor}")
    if ended(arr):
        text += f" (ended {clock.day(arr['end_date'])})"
    return text


def readable(db, actor: Actor, arrangement_id: int) -> dict:
    """The arrangement, if this person may see its contract and sessions."""
    arr = permissions.arrangement(db, arrangement_id)
    permissions.require(db, actor, Access.CONTRACT, arr)
    return arr


def relations(db, actor: Actor, arr: dict) -> frozenset:
    return permissions.relations(db, actor, arr)


def require_open(arr: dict) -> None:
    if ended(arr):
        raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}. "
                               "It is kept read-only.")


def require_supervisor(db, actor: Actor, arrangement_id: int, doing: str) -> dict:
    """The arrangement, if the actor is its current supervisor."""
    arr = readable(db, actor, arrangement_id)
    if Relation.SUPERVISOR not in relations(db, actor, arr):
        raise PermissionDenied(f"Only the supervisor of this arrangement can {doing}.")
    require_open(arr)
    return arr


def require_party(db, actor: Actor, arrangement_id: int, doing: str) -> tuple[dict, str]:
    """The arrangement and the actor's side ('supervisor' or 'supervisee'), if the actor
    is one of the two people in it and it is still open."""
    arr = readable(db, actor, arrangement_id)
    which = side(db, actor, arr)
    if which is None:
        raise PermissionDenied(f"Only the supervisor or the supervisee can {doing}.")
    require_open(arr)
    return arr, which


def side(db, actor: Actor, arr: dict) -> str | None:
    """'supervisor' or 'supervisee' if the actor is one of the two people, else None."""
    held = relations(db, actor, arr)
    if Relation.SUPERVISOR in held:
        return "supervisor"
    if Relation.SUPERVISEE in held:
        return "supervisee"
    return None


def own_open(db, actor: Actor, today: date) -> list[dict]:
    """The open arrangements this person is in, on either side."""
    rows = (arrangement_table.as_supervisor(db, actor.id)
            + arrangement_table.as_supervisee(db, actor.id))
    return [a for a in rows if not ended(a, today)]
