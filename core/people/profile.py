"""Who a person works with: the facts on their home page."""

from dataclasses import dataclass, field

from db import arrangements as arrangement_table
from db import teams as team_table
from db import users as user_table

from core.people.arrangements import is_current
from core.vocabulary import KINDS
from core.access.roles import Actor


@dataclass
class Profile:
    name: str
    username: str
    job_title: str
    team: str | None
    roles: list[str]
    supervisors: list[dict] = field(default_factory=list)
    supervisees: list[dict] = field(default_factory=list)
    former_supervisees: list[dict] = field(default_factory=list)
    teams_led: list[dict] = field(default_factory=list)


def profile(db, actor: Actor) -> Profile:
    user = user_table.get(db, actor.id)
    team = team_table.get(db, user["team_id"]) if user["team_id"] else None
    result = Profile(
        name=user["name"], username=user["username"], job_title=user["job_title"],
        team=team["name"] if team else None, roles=actor.role_labels,
    )
    for a in arrangement_table.as_supervisee(db, actor.id):
        if is_current(a):
            result.supervisors.append(
                {"name": a["supervisor_name"], "kind": KINDS[a["kind"]], "since": a["start_date"]}
            )
    for a in arrangement_table.as_supervisor(db, actor.id):
        row = {"name": a["supervisee_name"], "kind": KINDS[a["kind"]], "since": a["start_date"],
               "until": a["end_date"]}
        (result.supervisees if is_current(a) else result.former_supervisees).append(row)
    for t in team_table.led_by(db, actor.id):
        result.teams_led.append(
            {"name": t["name"], "members": [m["name"] for m in team_table.members(db, t["id"])]}
        )
    return result
