"""Home-page tasks for contracts.

- An unsigned contract: for whoever still has to sign it.
- No contract at all: for the supervisor, who drafts it.
- A contract review due within 30 days (or the supervisor changed): both people.
"""

from datetime import date

from db import contracts as contract_table

from core import clock
from core.access.arrangement_access import own_open
from core.access.roles import Actor
from core.contracts.contract import review_due
from core.vocabulary import KINDS
from core.tasks import Destination, Task


def contract_attention(db, actor: Actor) -> list[int]:
    """Arrangements whose contract waits for this person (to sign, draft or review)."""
    return [task.arrangement_id for task in contract_tasks(db, actor)]


def contract_tasks(db, actor: Actor) -> list[Task]:
    today = clock.today()
    mine = own_open(db, actor, today)
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
                tasks.append(Task(
                    f"{what} version {draft['version']} of the supervision contract with "
                    f"{other} ({kind}).", Destination.CONTRACTS, arrangement_id=arr["id"]))
        elif arr["id"] not in signed:
            if side == "supervisor":
                tasks.append(Task(
                    f"Draft the supervision contract with {other} ({kind}). Sessions can be "
                    "planned once you have both signed it.", Destination.CONTRACTS,
                    arrangement_id=arr["id"]))
        else:
            contract = dict(signed[arr["id"]], supervisor_id=arr["supervisor_id"])
            if review_due(contract, today):
                review = date.fromisoformat(contract["review_date"])
                tasks.append(Task(
                    f"The supervision contract with {other} ({kind}) is due for review by "
                    f"{clock.day(review)}.", Destination.CONTRACTS, urgent=review < today,
                    arrangement_id=arr["id"]))
    return tasks
