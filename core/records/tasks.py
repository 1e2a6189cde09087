"""Home-page tasks from records: overdue actions for their owner; records waiting for the
supervisee's signature; disputed records and records still to share, for the supervisor."""

from db import arrangements as arrangement_table
from db import records as table

from core import clock
from core.access import arrangement_access as access
from core.access.roles import Actor
from core.records.history import summary
from core.tasks import Destination, Task


def tasks(db, actor: Actor) -> list[Task]:
    """Home-page tasks: overdue actions for their owner (urgent); records waiting for
    the supervisee's signature; disputed records for the supervisor; held sessions
    whose record is still to be shared, for the supervisor (urgent once late)."""
    today = clock.today()
    out = []
    for a in table.overdue_actions_owned(db, actor.id, today.isoformat()):
        other = a["supervisor_name"] if a["supervisee_id"] == actor.id else a["supervisee_name"]
        text = a["description"].strip().splitlines()[0] if a["description"].strip() else ""
        if len(text) > 80:
            text = text[:77] + "..."
        out.append(Task(f"Overdue action (due {clock.day(a['due_date'])}) from supervision "
                        f"with {other}: {text}", Destination.RECORDS, urgent=True))
    mine = {a["id"]: a for a in arrangement_table.as_supervisee(db, actor.id)}
    supervised = {a["id"]: a for a in arrangement_table.as_supervisor(db, actor.id)
                  if not access.ended(a, today)}
    for r in table.summaries(db, list(mine) + list(supervised), unagreed=True):
        s = summary(r, today)
        day = clock.day(s["held_on"] or s["scheduled_at"][:10])
        if r["arrangement_id"] in mine and s["status"] == "shared":
            out.append(Task(f"Read and sign the record of your session on {day} with "
                            f"{s['supervisor_name']}", Destination.RECORDS,
                            session_id=s["session_id"]))
        if r["arrangement_id"] not in supervised:
            continue
        if s["status"] == "disputed":
            out.append(Task(f"{s['supervisee_name']} disputed the record of the session on "
                            f"{day}: revise and share it again, or sign it with the dispute "
                            "kept", Destination.RUN_SESSION, session_id=s["session_id"]))
        elif s["session_status"] == "held" and s["status"] in (None, "draft"):
            due = clock.day(s["share_by"]) if s["share_by"] else ""
            text = (f"Share the record of the session on {day} with {s['supervisee_name']}"
                    + (f": it was due by {due}" if s["late"] else f" by {due}"))
            out.append(Task(text, Destination.RUN_SESSION, urgent=s["late"], session_id=s["session_id"]))
    return out
