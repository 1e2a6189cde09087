"""Home-page tasks from group supervision: a member signs the group's contract and
their attendance on a shared record (the presenter's signature agrees it); the
facilitator writes and shares the record of a session once it has taken place; an
owner closes a group action past its due date."""

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
    for s in table.records_to_share(db, actor.id, clock.stamp()):
        day = clock.day(clock.in_london(s["scheduled_at"]).date())
        verb = "Share" if s["record_id"] else "Write and share"
        out.append(Task(f"{verb} the record of the group {s['group_name']} session on {day}",
                        TO, session_id=s["session_id"]))
    for a in table.overdue_actions(db, actor.id, clock.today().isoformat()):
        out.append(Task(f"Your action from the group {a['group_name']} was due on "
                        f"{clock.day(a['due_date'])}: mark it done or dropped", TO,
                        session_id=a["session_id"]))
    return out
