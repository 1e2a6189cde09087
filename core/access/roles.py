"""Who someone is in the portal. Roles come from the data, never from the account.

- supervisee: is (or was) the supervisee of an arrangement;
- supervisor: is (or was) the supervisor of an arrangement;
- team lead: leads a team;
- auditor: named by the admin to audit supervision files in one or more teams, or
  the whole service (a file audit's reads only: nothing else of anyone's supervision);
- admin: has the admin flag (runs the system; no access to record content).
"""

from dataclasses import dataclass, field
from enum import Enum

from db import arrangements as arrangement_table
from db import file_auditors as auditor_table
from db import teams as team_table
from db import users as user_table

from core.errors import PermissionDenied


class Role(str, Enum):
    SUPERVISEE = "supervisee"
    SUPERVISOR = "supervisor"
    TEAM_LEAD = "team_lead"
    AUDITOR = "auditor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {
            "supervisee": "Supervisee",
            "supervisor": "Supervisor",
            "team_lead": "Team lead",
            "auditor": "File auditor",
            "admin": "Admin",
        }[self.value]

    @property
    def plural(self) -> str:
        return self.label + "s"


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    name: str
    is_admin: bool = False
    roles: frozenset = field(default_factory=frozenset)
    led_team_ids: frozenset = field(default_factory=frozenset)
    must_change_password: bool = False
    audited_team_ids: frozenset = field(default_factory=frozenset)
    audits_every_team: bool = False   # a named auditor for the whole service

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def role_labels(self) -> list[str]:
        return [r.label for r in Role if r in self.roles]


def load_actor(db, username: str) -> Actor | None:
    """The active user with this username, with their roles, or None."""
    user = user_table.by_username(db, (username or "").strip().lower())
    if not user or not user["active"]:
        return None
    return actor_from_user(db, user)


def actor_from_user(db, user: dict) -> Actor:
    counts = arrangement_table.role_counts(db, user["id"])
    roles = set()
    if counts["supervisee"]:
        roles.add(Role.SUPERVISEE)
    if counts["supervisor"]:
        roles.add(Role.SUPERVISOR)
    led = frozenset(t["id"] for t in team_table.led_by(db, user["id"])) if counts["team_lead"] else frozenset()
    if led:
        roles.add(Role.TEAM_LEAD)
    if user["is_admin"]:
        roles.add(Role.ADMIN)
    scopes = auditor_table.scopes(db, user["id"]) if counts["auditor"] else []
    if scopes:
        roles.add(Role.AUDITOR)
    return Actor(
        id=user["id"],
        username=user["username"],
        name=user["name"],
        is_admin=bool(user["is_admin"]),
        roles=frozenset(roles),
        led_team_ids=led,
        must_change_password=bool(user["must_change_password"]),
        audited_team_ids=frozenset(t for t in scopes if t is not None),
        audits_every_team=None in scopes,
    )


def require_admin(actor: Actor) -> None:
    if not actor or not actor.is_admin:
        raise PermissionDenied("Only an admin can do this.")
