"""Compliance for supervisors and team leads: how regular supervision is, how
promptly records are shared and agreed, records waiting for a signature, and
overdue actions. Dates, statuses and counts only (the matrix's "minutes per
function, counts, dates, action status"): no record text and no action
description is read here.

Like core/insights/views.py, each view takes a `Scope` that a scope function made
after checking the matrix, so ui/charts/charts.py can cache it keyed on the Scope:
its fingerprint moves with sessions, records, actions and contracts
(migrations m006 and m007), and it carries the day and the grace setting.

The arithmetic:

- **Regularity** per month: sessions due in the month whose outcome is known
  (held on time or missed; `core.regularity` decides), pooled over the
  arrangements; the share is held on time over due, None when nothing fell due.
- **Record timeliness** per month of the session: a held session's record is
  *due* once its share-by day (`core.timeliness.share_by`, the contract's
  working days) has passed, or as soon as it was shared. Of the due records,
  the share first shared by that day, and the share agreed (both signed). A
  session with no record started counts as not shared. A record still inside
  its working days and not shared yet counts in neither figure (pending).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from db import compliance as table

from core import clock
from core.sessions import regularity
from core.insights.balance import month_start, months
from core.insights.timeliness import ON_TIME, PENDING, record_outcome



# Arithmetic --------------------------------------------------------------

@dataclass(frozen=True)
class MonthShare:
    """Of `due` things in a month, `met` were done in time."""
    month: date
    due: int
    met: int

    @property
    def share(self) -> float | None:
        return self.met / self.due if self.due else None


def pool_by_month(per_arrangement: Iterable[Sequence[dict]], month_list: Sequence[date]
                  ) -> list[MonthShare]:
    """Sum `regularity.monthly` rows ({month, due, on_time}) of many arrangements per month."""
    due = dict.fromkeys(month_list, 0)
    met = dict.fromkeys(month_list, 0)
    for rows in per_arrangement:
        for row in rows:
            if row["month"] in due:
                due[row["month"]] += row["due"]
                met[row["month"]] += row["on_time"]
    return [MonthShare(m, due[m], met[m]) for m in month_list]



@dataclass(frozen=True)
class Timeliness:
    """The records of the sessions held in one month (or any other group)."""
    month: date | None
    due: int = 0       # records whose share-by day has passed, or that were shared
    on_time: int = 0   # of those, first shared by the share-by day
    agreed: int = 0    # of those, agreed (both have signed)
    pending: int = 0   # not shared yet, still inside their working days

    @property
    def shared_share(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def agreed_share(self) -> float | None:
        return self.agreed / self.due if self.due else None

    def add(self, outcome: str, agreed: bool) -> "Timeliness":
        if outcome == PENDING:
            return Timeliness(self.month, self.due, self.on_time, self.agreed, self.pending + 1)
        return Timeliness(self.month, self.due + 1, self.on_time + (outcome == ON_TIME),
                          self.agreed + bool(agreed), self.pending)


def timeliness(rows: Iterable[dict], today: date, month_list: Sequence[date] | None = None
               ) -> dict:
    """Timeliness per month of the session ({month start: Timeliness}), from
    db.compliance.record_states rows; every month in `month_list` appears."""
    out = {m: Timeliness(m) for m in (month_list or ())}
    for row in rows:
        held = date.fromisoformat(row["held_on"])
        key = month_start(held)
        outcome = record_outcome(held, row["share_within_days"], row["first_shared_at"], today)
        out[key] = out.get(key, Timeliness(key)).add(outcome, row["status"] == "agreed")
    return dict(sorted(out.items()))


def total(parts: Iterable[Timeliness]) -> Timeliness:
    result = Timeliness(None)
    for p in parts:
        result = Timeliness(None, result.due + p.due, result.on_time + p.on_time,
                            result.agreed + p.agreed, result.pending + p.pending)
    return result


@dataclass(frozen=True)
class Waiting:
    """One arrangement's records shared or disputed, not yet agreed."""
    records: int = 0
    supervisor: int = 0   # waiting for the supervisor's signature
    supervisee: int = 0   # waiting for the supervisee's signature
    disputed: int = 0     # the supervisee disagreed: the supervisor responds
    oldest: date | None = None  # the earliest session among them


def waiting(rows: Iterable[dict]) -> dict[int, Waiting]:
    """db.compliance.awaiting_signature rows, per arrangement."""
    out: dict[int, Waiting] = {}
    for r in rows:
        w = out.get(r["arrangement_id"], Waiting())
        held = date.fromisoformat(r["held_on"]) if r["held_on"] else None
        disputed = r["status"] == "disputed"
        out[r["arrangement_id"]] = Waiting(
            w.records + 1,
            w.supervisor + (not disputed and not r["supervisor_signed_at"]),
            w.supervisee + (not disputed and not r["supervisee_signed_at"]),
            w.disputed + disputed,
            min(d for d in (w.oldest, held) if d) if (w.oldest or held) else None)
    return out


@dataclass(frozen=True)
class Actions:
    """One arrangement's open actions: counts and dates, never their text."""
    open: int = 0
    overdue: int = 0
    oldest_due: date | None = None                 # the earliest overdue due date
    by_owner: tuple = field(default_factory=tuple)  # (owner name, overdue), overdue only


def actions(rows: Iterable[dict]) -> dict[int, Actions]:
    """db.compliance.open_actions rows (per arrangement and owner), per arrangement."""
    out: dict[int, Actions] = {}
    for r in rows:
        a = out.get(r["arrangement_id"], Actions())
        oldest = date.fromisoformat(r["oldest_due"]) if r["oldest_due"] else None
        overdue = int(r["overdue"] or 0)
        out[r["arrangement_id"]] = Actions(
            a.open + r["open"], a.overdue + overdue,
            min(d for d in (a.oldest_due, oldest) if d) if (a.oldest_due or oldest) else None,
            a.by_owner + (((r["owner_name"], overdue),) if overdue else ()))
    return out


# Views (each takes a Scope made by core.insights) ---------------------------

@dataclass(frozen=True)
class TeamCompliance:
    months: list                                     # month starts in the period
    regularity: list                                 # [MonthShare], the team pooled
    regularity_by: dict = field(default_factory=dict)   # arrangement id -> MonthShare (period)
    timeliness: dict = field(default_factory=dict)      # month start -> Timeliness
    timeliness_by: dict = field(default_factory=dict)   # arrangement id -> Timeliness (period)
    actions: dict = field(default_factory=dict)         # arrangement id -> Actions
    flagged: dict = field(default_factory=dict)         # arrangement id -> flagged items

    def has_regularity(self) -> bool:
        return any(m.due for m in self.regularity)

    def has_records(self) -> bool:
        return any(t.due or t.pending for t in self.timeliness.values())


def team_compliance(db, scope) -> TeamCompliance:
    """Regularity and record timeliness per month of the scope's period, and per
    arrangement; open and overdue actions now; safeguarding flags in the period."""
    ids, today = scope.arrangement_ids, scope.until
    month_list = months(scope.since, scope.until)
    monthly = regularity.monthly(db, None, ids, scope.since, scope.until, today=today)
    states = table.record_states(db, ids, since=scope.since.isoformat(),
                                 until=today.isoformat())
    per_arrangement: dict[int, list] = {i: [] for i in ids}
    for row in states:
        per_arrangement[row["arrangement_id"]].append(row)
    return TeamCompliance(
        months=month_list,
        regularity=pool_by_month(monthly.values(), month_list),
        regularity_by={i: MonthShare(scope.since, sum(r["due"] for r in rows),
                                     sum(r["on_time"] for r in rows))
                       for i, rows in monthly.items()},
        timeliness=timeliness(states, today, month_list),
        timeliness_by={i: total(timeliness(rows, today).values())
                       for i, rows in per_arrangement.items()},
        actions=actions(table.open_actions(db, ids, today=today.isoformat())),
        flagged={r["arrangement_id"]: r["flagged"] for r in table.flagged_counts(
            db, ids, since=scope.since.isoformat(), until=today.isoformat())},
    )


@dataclass(frozen=True)
class Standing:
    """One arrangement's compliance now, for the supervisor's summary."""
    due: int                   # sessions due in the last 12 months (known outcome)
    on_time: int
    share: float | None        # None: nothing fell due yet
    next_due: date | None      # None: no signed contract, or the arrangement ended
    overdue: bool
    has_contract: bool
    waiting: Waiting
    actions: Actions


def standing(db, scope) -> dict[int, Standing]:
    """Per arrangement in the scope: regularity over the last 12 months, the next
    due date, records waiting for a signature and open actions."""
    ids, today = scope.arrangement_ids, scope.until
    figures = regularity.summaries(db, None, ids, today)
    waits = waiting(table.awaiting_signature(db, ids))
    acts = actions(table.open_actions(db, ids, today=today.isoformat()))
    return {
        i: Standing(f["due"], f["on_time"], f["share"], f["next_due"], f["overdue"],
                    f["has_contract"], waits.get(i, Waiting()), acts.get(i, Actions()))
        for i, f in figures.items()
    }


def _who_signs(w: Waiting, supervisee: str) -> str:
    parts = [f"{name} ({n})" for name, n in (("you", w.supervisor), (supervisee, w.supervisee))
             if n]
    if w.disputed:
        parts.append(f"{w.disputed} disputed, for you to respond")
    return "; ".join(parts)


def regularity_words(s: Standing) -> str:
    if not s.has_contract:
        return "No signed contract yet"
    if s.share is None:
        return "No session due yet"
    return f"{s.share:.0%} ({s.on_time} of {s.due} on time)"


def next_due_words(s: Standing) -> str:
    return clock.day(s.next_due) + (" (overdue)" if s.overdue else "") if s.next_due else ""


def summary_columns(db, scope) -> dict[int, dict]:
    """The supervisor's summary columns (an insights.SUMMARY_PROVIDERS entry): the
    scope is the supervisor's own, so the supervisor is "you"."""
    out = {}
    for i, s in standing(db, scope).items():
        subject = scope.subject(i)
        out[i] = {
            "Regularity, last 12 months": regularity_words(s),
            "Next session due": next_due_words(s),
            "Records waiting for a signature": s.waiting.records,
            "Who must sign": _who_signs(s.waiting, subject.supervisee),
            "Overdue actions": s.actions.overdue,
            "Oldest overdue action due": clock.day(s.actions.oldest_due)
            if s.actions.oldest_due else "",
        }
    return out
