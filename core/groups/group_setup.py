"""Setting up a group: the admin names it, chooses a facilitator (a supervisor) and
3 to 10 members (supervisees), and may end it. Admin is a role for running the
system: the admin sees who is in a group, never what a group recorded."""

from datetime import date

from db import arrangements as arrangement_table
from db import groups as table
from db import users as user_table

from core import clock
from core.admin import audit
from core.access.roles import Actor, require_admin
from core.validation import Checker, must_exist

MEMBERS = (3, 10)


def in_force(rows: list[dict], on: date) -> list[dict]:
    """The arrangements running on a day."""
    day = on.isoformat()
    return [a for a in rows if a["start_date"] <= day and (a["end_date"] is None
                                                           or a["end_date"] >= day)]


def create_group(db, admin: Actor, *, name, facilitator_id, member_ids, start_date) -> int:
    """A new group. The facilitator supervises someone today and each member is
    supervised by someone today, so both keep their pages in the navigation."""
    require_admin(admin)
    check = Checker()
    name = check.name("name", name, "the group's name")
    start = check.day("start_date", start_date, "the start date")
    today = clock.today()
    facilitator = user_table.get(db, int(facilitator_id)) if facilitator_id else None
    if not facilitator or not facilitator["active"]:
        check.fail("facilitator", "Choose an active person as the facilitator.")
    elif not in_force(arrangement_table.as_supervisor(db, facilitator["id"]), today):
        check.fail("facilitator", f"{facilitator['name']} supervises nobody at present: a "
                                  "group's facilitator is a supervisor.")
    chosen = sorted({int(m) for m in (member_ids or [])})
    if facilitator and facilitator["id"] in chosen:
        check.fail("members", "The facilitator is not also a member of the group.")
    if not MEMBERS[0] <= len(chosen) <= MEMBERS[1]:
        check.fail("members", f"A group has {MEMBERS[0]} to {MEMBERS[1]} members; "
                              f"{len(chosen)} chosen.")
    for member_id in chosen:
        person = user_table.get(db, member_id)
        if not person or not person["active"]:
            check.fail("members", "Choose active people as members.")
        elif not in_force(arrangement_table.as_supervisee(db, member_id), today):
            check.fail("members", f"{person['name']} has no supervisor at present: a group's "
                                  "members are supervisees.")
    check.done()
    with db.atomic():
        group_id = table.insert_group(db, {
            "name": name, "facilitator_id": facilitator["id"],
            "start_date": start.isoformat(), "created_at": clock.stamp()}, chosen)
        audit.record(db, admin.id, "group_created", "group", group_id,
                     facilitator_id=facilitator["id"], members=len(chosen))
    return group_id


def end_group(db, admin: Actor, group_id: int, end_date) -> None:
    require_admin(admin)
    group = must_exist(table.get(db, group_id), "group")
    check = Checker()
    end = check.day("end_date", end_date, "the end date")
    if group["end_date"]:
        check.fail("end_date", f"This group already ended on {clock.day(group['end_date'])}.")
    elif end and end.isoformat() < group["start_date"]:
        check.fail("end_date", "The end date cannot be before the start date.")
    check.done()
    with db.atomic():
        table.update_group(db, group_id, end_date=end.isoformat())
        audit.record(db, admin.id, "group_ended", "group", group_id, end_date=end.isoformat())


def listing(db, admin: Actor) -> list[dict]:
    """Every group with its members' names: who, never what was recorded."""
    require_admin(admin)
    return [dict(g, members=[m["name"] for m in table.members(db, g["id"])])
            for g in table.listing(db)]
