"""Who may see a group: its facilitator and its members. A member who left keeps
the records of the sessions they attended, and sees nothing of the group after the
day they left. Nobody else sees anything of a group: not the admin, not a team
lead, not a member's own supervisor. What a group discusses belongs to the group."""

from dataclasses import dataclass

from db import groups as table

from core import clock
from core.errors import PermissionDenied
from core.access.roles import Actor
from core.validation import must_exist

FACILITATOR = "facilitator"
MEMBER = "member"


@dataclass(frozen=True)
class Seat:
    """How a person sits in a group."""
    group: dict
    side: str            # FACILITATOR or MEMBER
    members: list        # rows of the group's members, with names
    me: dict | None = None  # the person's own member row (None for the facilitator)

    @property
    def ended(self) -> bool:
        return bool(self.group["end_date"]) and self.group["end_date"] < clock.today().isoformat()

    @property
    def facilitates(self) -> bool:
        return self.side == FACILITATOR

    def member_ids(self) -> list[int]:
        return [m["user_id"] for m in self.members]

    def current_member_ids(self) -> list[int]:
        return [m["user_id"] for m in self.members if m["left_on"] is None]

    @property
    def left_on(self) -> str | None:
        """The day this member left the group, or None."""
        return self.me["left_on"] if self.me else None

    def sees_session(self, session: dict) -> bool:
        """A member who left sees no session after the day they left."""
        day = session["held_on"] or clock.in_london(session["scheduled_at"]).date().isoformat()
        return self.left_on is None or day <= self.left_on

    def reads_record(self, record: dict | None) -> bool:
        """A member who left reads the records of the sessions they attended only."""
        if self.left_on is None:
            return True
        return bool(record) and any(a["user_id"] == self.me["user_id"] and a["attended"]
                                    for a in record["attendance"])


def seat(db, actor: Actor, group_id: int) -> Seat:
    """The group, if this person facilitates it or is a member; otherwise refused."""
    group = must_exist(table.get(db, int(group_id)), "group")
    members = table.members(db, group["id"])
    if actor.id == group["facilitator_id"]:
        return Seat(group, FACILITATOR, members)
    mine = next((m for m in members if m["user_id"] == actor.id), None)
    if mine:
        return Seat(group, MEMBER, members, mine)
    raise PermissionDenied("Only the group's facilitator and its members see a group.")


def facilitator_seat(db, actor: Actor, group_id: int, doing: str) -> Seat:
    found = seat(db, actor, group_id)
    if not found.facilitates:
        raise PermissionDenied(f"Only the group's facilitator can {doing}.")
    if found.ended:
        raise PermissionDenied("This group has ended: it is read-only.")
    return found


def my_groups(db, actor: Actor) -> list[Seat]:
    return [seat(db, actor, g["id"]) for g in table.of_person(db, actor.id)]
