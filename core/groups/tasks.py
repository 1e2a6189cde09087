"""Home-page tasks from group supervision: a member signs the group's contract and
their attendance on a shared record (the presenter's signature agrees it); the
facilitator shares the record of a held session."""

from db import groups as table

from core import clock
from core.access.roles import Actor
from core.tasks import Destination, Task

TO = Destination.GROUP_SUPERVISION


def tasks(db, actor: Actor) -> list[Task]:
    out = []
    for c in table.unsigned_contracts(db, actor.id):
        out.append(Task(f"Read and sign the contract of the group {c['group_name']} "
                        f"(version {c['version']})", TO))
    for r in table.records_waiting(db, actor.id):
        day = clock.day(r["held_on"])
        if r["presenter_id"] == actor.id:
            text = (f"You presented at the group {r['group_name']} on {day}: read the record "
                    "and sign it to agree it")
        else:
            text = f"Sign your attendance at the group {r['group_name']} on {day}"
        out.append(Task(text, TO, session_id=r["session_id"]))
    today = clock.today().isoformat()
    for s in table.records_to_share(db, actor.id):
        if s["held_on"] and s["held_on"] <= today:
            out.append(Task(f"Share the record of the group {s['group_name']} session on "
                            f"{clock.day(s['held_on'])}", TO, session_id=s["session_id"]))
    return out
