"""Home-page tasks for sessions: an overdue session, for the supervisee, the
supervisor and the team lead of the supervisee's team."""

from db import arrangements as arrangement_table

from core import clock
from core.access import arrangement_access as access
from core.access.arrangement_access import own_open
from core.access.roles import Actor
from core.sessions import regularity
from core.tasks import Destination, Task


def overdue_attention(db, actor: Actor) -> list[int]:
    """Arrangements this person sees whose sessions are overdue."""
    return [task.arrangement_id for task in overdue_tasks(db, actor)]


def overdue_tasks(db, actor: Actor) -> list[Task]:
    today = clock.today()
    rows = {a["id"]: a for a in own_open(db, actor, today)}
    for a in arrangement_table.in_teams(db, sorted(actor.led_team_ids)):
        if not access.ended(a, today):
            rows.setdefault(a["id"], a)
    if not rows:
        return []
    figures = regularity.summaries(db, None, list(rows), today)  # rows the actor may see
    tasks = []
    for arrangement_id, fig in figures.items():
        if not fig["overdue"]:
            continue
        arr = rows[arrangement_id]
        due = clock.day(fig["next_due"])
        who = access.worded(arr, actor, supervisee="Your {kind} with {supervisor}",
                            supervisor="{Kind} of {supervisee}",
                            onlooker="{Kind} of {supervisee} by {supervisor}")
        text = f"{who}: a formal session was due by {due}, and none has been held since."
        tasks.append(Task(text, Destination.SESSIONS, urgent=True,
                          arrangement_id=arrangement_id))
    return tasks
