"""Arrangements: one supervisor and one supervisee, of one kind, between two dates."""

from datetime import date
from functools import partial

from db import arrangements as arrangement_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.errors import NotFound, ValidationError
from core.access.roles import Actor, require_admin
from core.people.search import needle, page_of
from core.validation import Checker
from core.vocabulary import KINDS



def is_current(arrangement: dict, on: date | None = None) -> bool:
    on = (on or clock.today()).isoformat()
    return arrangement["start_date"] <= on and (
        arrangement["end_date"] is None or arrangement["end_date"] >= on
    )


def create_arrangement(
    db, admin: Actor, *, supervisor_id, supervisee_id, kind: str, start_date, end_date=None,
) -> int:
    require_admin(admin)
    check = Checker()
    supervisor = user_table.get(db, int(supervisor_id)) if supervisor_id else None
    supervisee = user_table.get(db, int(supervisee_id)) if supervisee_id else None
    if not supervisor or not supervisor["active"]:
        check.fail("supervisor", "Choose an active person as the supervisor.")
    if not supervisee or not supervisee["active"]:
        check.fail("supervisee", "Choose an active person as the supervisee.")
    if supervisor and supervisee and supervisor["id"] == supervisee["id"]:
        check.fail("supervisee", "A person cannot be their own supervisor.")
    check.choice("kind", kind, KINDS, "the kind of supervision")
    start = check.day("start_date", start_date, "the start date")
    end = check.day("end_date", end_date, "the end date", required=False)
    if start and end and end < start:
        check.fail("end_date", "The end date cannot be before the start date.")
    check.done()
    _refuse_overlap(db, supervisor, supervisee, kind, start, end)
    with db.atomic():
        arrangement_id = arrangement_table.insert(
            db,
            {
                "supervisor_id": supervisor["id"], "supervisee_id": supervisee["id"],
                "kind": kind, "start_date": start.isoformat(),
                "end_date": end.isoformat() if end else None, "created_at": clock.stamp(),
            },
        )
        audit.record(db, admin.id, "arrangement_created", "arrangement", arrangement_id,
                     supervisor_id=supervisor["id"], supervisee_id=supervisee["id"], kind=kind)
    return arrangement_id


def _refuse_overlap(db, supervisor, supervisee, kind, start, end) -> None:
    end_iso = end.isoformat() if end else None
    if arrangement_table.overlapping(db, supervisor["id"], supervisee["id"], kind,
                                     start.isoformat(), end_iso):
        raise ValidationError.single(
            "supervisee",
            f"{supervisor['name']} already supervises {supervisee['name']} "
            f"({KINDS[kind].lower()}) in those dates.",
        )
    if kind == "line":
        for other in arrangement_table.as_supervisee(db, supervisee["id"]):
            if other["kind"] != "line":
                continue
            overlaps = (other["end_date"] is None or other["end_date"] >= start.isoformat()) and (
                end_iso is None or other["start_date"] <= end_iso
            )
            if overlaps:
                raise ValidationError.single(
                    "start_date",
                    f"{supervisee['name']} already has a line supervisor, "
                    f"{other['supervisor_name']}, in those dates. End that arrangement first.",
                )


def end_arrangement(db, admin: Actor, arrangement_id: int, end_date) -> None:
    require_admin(admin)
    arrangement = arrangement_table.get(db, arrangement_id)
    if not arrangement:
        raise NotFound("There is no such arrangement.")
    check = Checker()
    end = check.day("end_date", end_date, "the end date")
    if arrangement["end_date"]:
        check.fail("end_date", f"This arrangement already ended on {clock.day(arrangement['end_date'])}.")
    elif end and end.isoformat() < arrangement["start_date"]:
        check.fail("end_date", "The end date cannot be before the start date "
                               f"({clock.day(arrangement['start_date'])}).")
    check.done()
    with db.atomic():
        arrangement_table.update(db, arrangement_id, end_date=end.isoformat())
        audit.record(db, admin.id, "arrangement_ended", "arrangement", arrangement_id,
                     end_date=end.isoformat())


def listing(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return arrangement_table.listing(db)


def find(db, admin: Actor, search: str, *, limit: int, offset: int = 0,
         current_on: str = "") -> tuple[list[dict], int]:
    """One page of the arrangements a search by name finds, and how many in all."""
    require_admin(admin)
    return page_of(partial(arrangement_table.find, db, current_on=current_on),
                   partial(arrangement_table.count_found, db, current_on=current_on),
                   search, limit=limit, offset=offset)


def count_found(db, admin: Actor, search: str, *, current_on: str = "") -> int:
    require_admin(admin)
    return arrangement_table.count_found(db, needle(search), current_on=current_on)
