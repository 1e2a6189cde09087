"""Teams and their leads."""

from functools import partial

from db import teams as team_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.errors import NotFound
from core.access.roles import Actor, require_admin
from core.people.search import needle, page_of
from core.validation import Checker


def _lead(check: Checker, db, lead_id) -> int | None:
    if lead_id in (None, ""):
        return None
    user = user_table.get(db, int(lead_id))
    if not user or not user["active"]:
        check.fail("lead", "Choose an active person as the team lead.")
    return int(lead_id)


def create_team(db, admin: Actor, *, name: str, lead_id: int | None = None) -> int:
    require_admin(admin)
    check = Checker()
    name = check.name("name", name, "a team name")
    lead_id = _lead(check, db, lead_id)
    if "name" not in check.errors and team_table.by_name(db, name):
        check.fail("name", f"There is already a team called '{name}'.")
    check.done()
    with db.atomic():
        team_id = team_table.insert(db, {"name": name, "lead_id": lead_id,
                                         "created_at": clock.stamp()})
        audit.record(db, admin.id, "team_created", "team", team_id, name=name, lead_id=lead_id)
    return team_id


def set_lead(db, admin: Actor, team_id: int, lead_id: int | None) -> None:
    require_admin(admin)
    if not team_table.get(db, team_id):
        raise NotFound("There is no such team.")
    check = Checker()
    lead_id = _lead(check, db, lead_id)
    check.done()
    with db.atomic():
        team_table.update(db, team_id, lead_id=lead_id)
        audit.record(db, admin.id, "team_lead_set", "team", team_id, lead_id=lead_id)


def listing(db) -> list[dict]:
    """Team names, leads and sizes. Not confidential: every signed-in page may show them."""
    return team_table.listing(db)


def names(db) -> list[dict]:
    """Every team's id and name, for choosing one (no counts: cheap at any size)."""
    return team_table.names(db)


def find(db, search: str, *, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """One page of the teams a search by team or lead name finds, and how many in all."""
    return page_of(partial(team_table.find, db), partial(team_table.count_found, db),
                   search, limit=limit, offset=offset)


def count_found(db, search: str) -> int:
    return team_table.count_found(db, needle(search))
