"""Changing who is in a group after set-up. The facilitator (or the admin) adds a
member, up to 10, or records that a member left, keeping at least 3. A member who
left keeps the records of the sessions they attended and sees nothing later; the
attendance of past sessions never changes. A member who left does not rejoin: their
time in the group is one stretch from joining to leaving."""

from db import arrangements as arrangement_table
from db import groups as table
from db import users as user_table

from core import clock
from core.admin import audit
from core.access.roles import Actor
from core.errors import PermissionDenied, ValidationError
from core.groups.group_setup import MEMBERS, in_force
from core.validation import must_exist


def _changeable(db, actor: Actor, group_id: int) -> tuple[dict, list[dict]]:
    """The group and its members, for its facilitator or an admin, while it runs."""
    group = must_exist(table.get(db, int(group_id)), "group")
    if actor.id != group["facilitator_id"] and not actor.is_admin:
        raise PermissionDenied("Only the group's facilitator or an admin changes who is in it.")
    if group["end_date"] and group["end_date"] < clock.today().isoformat():
        raise PermissionDenied("This group has ended: it is read-only.")
    return group, table.members(db, group["id"])


CHOICES = 20


def members(db, actor: Actor, group_id: int) -> list[dict]:
    """Who is and was in a running group, for whoever may change it."""
    return _changeable(db, actor, group_id)[1]


def candidates(db, actor: Actor, group_id: int, search: str) -> dict[int, str]:
    """People a search finds who could join: active, supervised by someone today,
    never in the group before. Names and usernames only, the first few."""
    group, members = _changeable(db, actor, group_id)
    known = {m["user_id"] for m in members} | {group["facilitator_id"]}
    today = clock.today()
    found = user_table.find(db, (search or "").strip().lower(), limit=CHOICES * 3,
                            active_only=True)
    out = {}
    for person in found:
        if person["id"] not in known and in_force(
                arrangement_table.as_supervisee(db, person["id"]), today):
            out[person["id"]] = f"{person['name']} ({person['username']})"
        if len(out) == CHOICES:
            break
    return out


def add_member(db, actor: Actor, group_id: int, user_id) -> None:
    group, members = _changeable(db, actor, group_id)
    person = user_table.get(db, int(user_id)) if user_id else None
    if not person or not person["active"]:
        raise ValidationError.single("member", "Choose an active person to add.")
    name = person["name"]
    today = clock.today()
    current = [m for m in members if m["left_on"] is None]
    was = next((m for m in members if m["user_id"] == person["id"]), None)
    if person["id"] == group["facilitator_id"]:
        raise ValidationError.single("member", f"{name} facilitates the group, so is not "
                                               "also a member.")
    if was and was["left_on"] is None:
        raise ValidationError.single("member", f"{name} is a member already.")
    if was:
        raise ValidationError.single("member", f"{name} left the group on "
                                               f"{clock.day(was['left_on'])} and does not "
                                               "rejoin it: set up a new group instead.")
    if len(current) >= MEMBERS[1]:
        raise ValidationError.single("member", f"The group has {len(current)} members, the "
                                               f"most a group has. Record that someone left "
                                               "before adding anyone.")
    if not in_force(arrangement_table.as_supervisee(db, person["id"]), today):
        raise ValidationError.single("member", f"{name} has no supervisor at present: a "
                                               "group's members are supervisees.")
    with db.atomic():
        table.add_member(db, group["id"], person["id"], today.isoformat())
        audit.record(db, actor.id, "group_member_added", "group", group["id"],
                     member_id=person["id"])


def record_leaving(db, actor: Actor, group_id: int, user_id) -> None:
    """The member leaves today: they are not asked to sign anything new, and keep
    reading the records of the sessions they attended."""
    group, members = _changeable(db, actor, group_id)
    current = [m for m in members if m["left_on"] is None]
    leaving = next((m for m in current if user_id and m["user_id"] == int(user_id)), None)
    if not leaving:
        raise ValidationError.single("leaving", "Choose one of the group's current members.")
    if len(current) <= MEMBERS[0]:
        raise ValidationError.single(
            "leaving", f"The group has {len(current)} members, the fewest a group has, so "
                       f"{leaving['name']} cannot leave it yet. Add a member first, or ask "
                       "an admin to end the group.")
    with db.atomic():
        if not table.set_left(db, group["id"], leaving["user_id"], clock.today().isoformat()):
            raise ValidationError.single("leaving", f"{leaving['name']} has left already.")
        audit.record(db, actor.id, "group_member_left", "group", group["id"],
                     member_id=leaving["user_id"])
