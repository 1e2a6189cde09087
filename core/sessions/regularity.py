"""How regular supervision is: sessions held on time as a share of sessions due.

The rules, on one arrangement's chain of due dates:

- The first session falls due one cadence gap after the first signed
  contract's start; each later one, one gap after the last held formal
  session (`core.cadence`). The contract in force at the start of a gap sets it.
- A due date is met ("held on time") when a formal session is held after the
  previous anchor and no later than the due date plus the grace period (the
  `overdue_grace_days` setting). Several sessions in one gap meet one due date.
- When nothing is held by then, the due date is missed, and the next one
  falls due one gap after the missed date. A cancelled or rescheduled session
  changes nothing here: only held sessions meet a due date, so a cancelled
  session still counts as due.
- A late session (held after the grace period, before the next due date)
  restarts the clock from the day it was held.
- A due date is counted once: when moving a due date off a weekend lands it
  on the one just met, the next falls one gap after that one.
- A due date whose grace period has not yet run out counts in neither figure.
- Informal contacts never count.

`summary` is one arrangement for its page; `summaries` and `monthly` do many
arrangements at once (team lead views) with a fixed number of SQL aggregate
queries, however many arrangements and sessions there are.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from db import contracts as contract_table
from db import sessions as session_table

from core.access import arrangement_access as access
from core import clock
from core.contracts import cadence
from core.access import permissions
from core.admin import settings
from core.access.permissions import Access
from core.access.roles import Actor

WINDOW = relativedelta(months=12)
# Bulk views start the chain at the last session held this long before the period: the
# longest gap (26 weeks pro rata, so 52) plus the longest grace period, after which the
# chain is the same as one started at the very beginning.
LOOKBACK = timedelta(weeks=52, days=60)


@dataclass(frozen=True)
class Due:
    due: date
    outcome: str            # 'on_time', 'missed' or 'pending'
    held_on: date | None = None


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def contract_at(contracts: list[dict], day: date) -> dict:
    """The signed version in force on a day (the first one before any started)."""
    chosen, on = contracts[0], day.isoformat()
    for c in contracts:
        if c["start_date"] <= on:
            chosen = c
    return chosen


def dues(contracts: list[dict], held: list[date], start: date, until: date, grace: int,
         today: date) -> list[Due]:
    """The chain of due dates from `start` up to `until`, each with its outcome.

    `contracts` are the signed versions, oldest first; `held` the held dates."""
    held = sorted(set(held))
    anchor, missed, i, out = start, False, 0, []
    wait = timedelta(days=grace)
    while len(out) < 5000:  # a runaway guard: 5,000 gaps is a century of weekly sessions
        contract = contracts[0] if len(contracts) == 1 else contract_at(contracts, anchor)
        due = cadence.due_after(contract, anchor)
        if out and due <= out[-1].due:
            # Moving a due date off a weekend can land it on the one just met:
            # a due date is counted once, so the next comes a gap after it.
            due = cadence.due_after(contract, out[-1].due)
        while i < len(held) and held[i] <= anchor:
            i += 1
        j = i
        if missed:
            while j < len(held) and held[j] < due:
                j += 1
            if j > i:  # held after the grace period: the clock restarts from it
                anchor, missed = held[j - 1], False
                continue
        if due > until:
            break
        deadline = due + wait
        while j < len(held) and held[j] <= deadline:
            j += 1
        if j > i:
            out.append(Due(due, "on_time", held[i]))
            anchor, missed = held[j - 1], False
        elif today <= deadline:
            out.append(Due(due, "pending"))
            break
        else:
            out.append(Due(due, "missed"))
            anchor, missed = due, True
    return out


def _grace(db) -> int:
    return int(settings.value(db, "overdue_grace_days"))


def _figures(arr: dict, contracts: list[dict], held: list[date], held_before: date | None,
             last_held: date | None, today: date, grace: int, period_start: date) -> dict:
    ended = access.ended(arr, today)
    result = {"arrangement_id": arr["id"], "has_contract": bool(contracts), "due": 0,
              "on_time": 0, "share": None, "last_held": last_held, "days_since_last": None,
              "next_due": None, "overdue": False, "grace_days": grace, "ended": ended,
              "chain": []}
    if last_held:
        result["days_since_last"] = (today - last_held).days
    if not contracts:
        return result
    first_start = _day(contracts[0]["start_date"])
    start = first_start
    if held_before and held_before > first_start:
        start = held_before  # a held session restarts the chain, so older ones can wait
    until = min(today, _day(arr["end_date"])) if arr["end_date"] else today
    chain = dues(contracts, held, start, until, grace, today)
    result["chain"] = chain
    counted = [d for d in chain if d.outcome != "pending" and d.due >= period_start]
    result["due"] = len(counted)
    result["on_time"] = sum(d.outcome == "on_time" for d in counted)
    result["share"] = result["on_time"] / result["due"] if counted else None
    if not ended:
        in_force = contract_at(contracts, today)
        due = cadence.next_due(in_force, last_held or first_start, today)
        result["next_due"] = due
        result["overdue"] = today > due + timedelta(days=grace)
    return result


def _visible_rows(db, actor: Actor | None, arrangement_ids) -> list[dict]:
    """Arrangement rows in one query, each checked against the matrix. The quick
    relations are decided here; anything else goes through permissions.require."""
    rows = contract_table.arrangements_by_ids(db, list(arrangement_ids))
    if actor is not None:
        for arr in rows:
            quick = (actor.is_admin or arr["supervisee_team_id"] in actor.led_team_ids
                     or actor.id in (arr["supervisor_id"], arr["supervisee_id"]))
            if not quick:
                permissions.require(db, actor, Access.CONTRACT, arr)
    return rows


def _compute(db, rows: list[dict], today: date, *, since: date | None,
             period_start: date) -> dict[int, dict]:
    ids = [a["id"] for a in rows]
    by_contract: dict[int, list] = {}
    for c in contract_table.signed_for_many(db, ids):
        by_contract.setdefault(c["arrangement_id"], []).append(c)
    held_rows = {r["arrangement_id"]: r for r in session_table.held_dates(
        db, ids, since.isoformat() if since else None)}
    grace = _grace(db)
    out = {}
    for arr in rows:
        h = held_rows.get(arr["id"]) or {}
        held = [date.fromisoformat(x) for x in (h.get("held") or "").split(",") if x]
        before = _day(h.get("held_before"))
        last = max(held) if held else before
        out[arr["id"]] = _figures(arr, by_contract.get(arr["id"], []), held, before, last,
                                  today, grace, period_start)
    return out


def summary(db, actor: Actor, arrangement_id: int, today: date | None = None) -> dict:
    """One arrangement: held on time as a share of due over the last 12 months, days
    since the last formal session, the next due date, and whether it is overdue."""
    today = today or clock.today()
    arr = access.readable(db, actor, arrangement_id)
    return _compute(db, [arr], today, since=None, period_start=today - WINDOW)[arrangement_id]


def for_period(db, arr: dict, start: date, end: date) -> dict:
    """`summary` of one arrangement (a permissions.arrangement row) over a chosen period,
    as it stood on its last day. For a trusted caller that has already decided the
    person may see it: a file audit."""
    return _compute(db, [arr], end, since=None, period_start=start)[arr["id"]]


def summaries(db, actor: Actor | None, arrangement_ids, today: date | None = None) -> dict:
    """`summary` for many arrangements at once (the chain starts a little before the
    12 months, from the last session held before then). `actor=None` is for trusted
    callers that already chose rows the person may see, such as home-page tasks."""
    today = today or clock.today()
    rows = _visible_rows(db, actor, arrangement_ids)
    period_start = today - WINDOW
    return _compute(db, rows, today, since=period_start - LOOKBACK, period_start=period_start)


def monthly(db, actor: Actor, arrangement_ids, first_month: date, last_month: date,
            today: date | None = None) -> dict[int, list[dict]]:
    """Per arrangement, per calendar month from `first_month` to `last_month`: how many
    sessions fell due (with a known outcome) and how many of those were held on time."""
    today = today or clock.today()
    first = first_month.replace(day=1)
    last = last_month.replace(day=1)
    months = []
    while first <= last:
        months.append(first)
        first += relativedelta(months=1)
    rows = _visible_rows(db, actor, arrangement_ids)
    figures = _compute(db, rows, today, since=months[0] - LOOKBACK if months else None,
                       period_start=months[0] if months else today)
    out = {}
    for arrangement_id, fig in figures.items():
        counts = {m: [0, 0] for m in months}
        for d in fig["chain"]:
            key = d.due.replace(day=1)
            if d.outcome != "pending" and key in counts:
                counts[key][0] += 1
                counts[key][1] += d.outcome == "on_time"
        out[arrangement_id] = [
            {"month": m, "due": n, "on_time": k, "share": (k / n) if n else None}
            for m, (n, k) in counts.items()]
    return out
