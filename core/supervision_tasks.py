"""Home-page tasks for contracts and sessions (registered in core/tasks.py).

- An unsigned contract: for whoever still has to sign it.
- No contract at all: for the supervisor, who drafts it.
- A contract review due within 30 days (or the supervisor changed): both people.
- Overdue sessions: the supervisee, the supervisor and the team lead of the
  supervisee's team.
"""

from datetime import date

from db import arrangements as arrangement_table
from db import contracts as contract_table

from . import arrangement_access as access
from . import clock, regularity
from .arrangements import KINDS
from .contracts import review_due
from .roles import Actor
from .tasks import Task

CONTRACTS_PAGE = "app_pages/contracts.py"
SESSIONS_PAGE = "app_pages/sessions.py"


def _own_open(db, actor: Actor, today: date) -> list[dict]:
    rows = (arrangement_table.as_supervisor(db, actor.id)
            + arrangement_table.as_supervisee(db, actor.id))
    return [a for a in rows if not access.ended(a, today)]


def contract_tasks(db, actor: Actor) -> list[Task]:
    return [task for _arrangement_id, task in _contract_work(db, actor)]


def contract_attention(db, actor: Actor) -> list[int]:
    """Arrangements whose contract waits for this person (to sign, draft or review)."""
    return [arrangement_id for arrangement_id, _task in _contract_work(db, actor)]


def _contract_work(db, actor: Actor) -> list[tuple[int, Task]]:
    today = clock.today()
    mine = _own_open(db, actor, today)
    if not mine:
        return []
    ids = [a["id"] for a in mine]
    waiting = {c["arrangement_id"]: c for c in contract_table.unsigned_for_many(db, ids)}
    signed: dict[int, dict] = {}
    for c in contract_table.signed_for_many(db, ids):
        signed[c["arrangement_id"]] = c  # oldest first, so the last is in force
    tasks = []
    for arr in mine:
        side = "supervisor" if arr["supervisor_id"] == actor.id else "supervisee"
        other = arr["supervisee_name"] if side == "supervisor" else arr["supervisor_name"]
        kind = KINDS[arr["kind"]].lower()
        draft = waiting.get(arr["id"])
        if draft:
            if not draft[f"{side}_signed_at"]:
                what = ("Sign" if side == "supervisor" else "Read and sign")
                tasks.append((arr["id"], Task(
                    f"{what} version {draft['version']} of the supervision contract with "
                    f"{other} ({kind}).", CONTRACTS_PAGE)))
        elif arr["id"] not in signed:
            if side == "supervisor":
                tasks.append((arr["id"], Task(
                    f"Draft the supervision contract with {other} ({kind}). Sessions can be "
                    "planned once you have both signed it.", CONTRACTS_PAGE)))
        else:
            contract = dict(signed[arr["id"]], supervisor_id=arr["supervisor_id"])
            if review_due(contract, today):
                review = date.fromisoformat(contract["review_date"])
                tasks.append((arr["id"], Task(
                    f"The supervision contract with {other} ({kind}) is due for review by "
                    f"{clock.day(review)}.", CONTRACTS_PAGE, urgent=review < today)))
    return tasks


def overdue_tasks(db, actor: Actor) -> list[Task]:
    return [task for _arrangement_id, task in _overdue_work(db, actor)]


def overdue_attention(db, actor: Actor) -> list[int]:
    """Arrangements this person sees whose sessions are overdue."""
    return [arrangement_id for arrangement_id, _task in _overdue_work(db, actor)]


def _overdue_work(db, actor: Actor) -> list[tuple[int, Task]]:
    today = clock.today()
    rows = {a["id"]: a for a in _own_open(db, actor, today)}
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
        kind = KINDS[arr["kind"]].lower()
        if arr["supervisee_id"] == actor.id:
            who = f"Your {kind} with {arr['supervisor_name']}"
        elif arr["supervisor_id"] == actor.id:
            who = f"{kind.capitalize()} of {arr['supervisee_name']}"
        else:
            who = f"{kind.capitalize()} of {arr['supervisee_name']} by {arr['supervisor_name']}"
        text = f"{who}: a formal session was due by {due}, and none has been held since."
        tasks.append((arrangement_id, Task(text, SESSIONS_PAGE, urgent=True)))
    return tasks
