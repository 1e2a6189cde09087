"""Sending what is due, once: the run behind `python -m core.cli reminders`.

Each reminder's row (key: kind, thing, person) is claimed in its own write
transaction (BEGIN IMMEDIATE) before the email goes, so of two runs at once,
on one machine or two, only one sends it. The outcome is kept: `sent`, or
`failed` with the error's class (never its text) and when to try again, after
a wait that doubles with each attempt. A failure never stops the others. A
claim left `sending` by a run that died is taken over after STALE_CLAIM (that
email may then go twice; it may also never have gone).
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from db import reminders as table

from core import clock
from core.access.roles import Actor, require_admin
from core.reminders import due, message, preferences, relay as relays

FIRST_WAIT = timedelta(minutes=5)
LONGEST_WAIT = timedelta(hours=6)
MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=30)
RECENT = 100


@dataclass
class Report:
    due: int = 0
    sent: int = 0
    failed: int = 0
    off: bool = False


def wait_after(attempts: int) -> timedelta:
    """How long to wait before trying again after this many failed attempts."""
    return min(FIRST_WAIT * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def _claimable(row: dict | None, now: datetime) -> bool:
    if row is None:
        return True
    if row["status"] == "failed":
        return row["next_attempt_at"] is not None and row["next_attempt_at"] <= clock.stamp(now)
    if row["status"] == "sending":
        return row["claimed_at"] <= clock.stamp(now - STALE_CLAIM)
    return False  # sent, or given up


def claim(db, r: due.Reminder, runner: str) -> bool:
    """Take the reminder for this run; False if it was sent, is being sent, or
    must wait before another try."""
    now = clock.now()
    stamp = clock.stamp(now)
    with db.atomic():
        row = table.send(db, r.key)
        if not _claimable(row, now):
            return False
        if row is None:
            table.insert_send(db, {"key": r.key, "kind": r.kind, "thing": r.thing,
                                   "user_id": r.person_id, "status": "sending", "attempts": 1,
                                   "claimed_by": runner, "claimed_at": stamp,
                                   "created_at": stamp, "updated_at": stamp})
        else:
            table.update_send(db, r.key, status="sending", attempts=row["attempts"] + 1,
                              claimed_by=runner, claimed_at=stamp, updated_at=stamp)
    return True


def _record(db, key: str, runner: str, error: BaseException | None) -> None:
    stamp = clock.stamp()
    with db.atomic():
        row = table.send(db, key)
        if row is None or row["claimed_by"] != runner:
            return  # taken over as stale meanwhile: the other run records its own outcome
        if error is None:
            table.update_send(db, key, status="sent", sent_at=stamp, error_class=None,
                              next_attempt_at=None, updated_at=stamp)
        elif row["attempts"] >= MAX_ATTEMPTS:
            table.update_send(db, key, status="given_up", error_class=type(error).__name__,
                              next_attempt_at=None, updated_at=stamp)
        else:
            retry = clock.stamp(clock.now() + wait_after(row["attempts"]))
            table.update_send(db, key, status="failed", error_class=type(error).__name__,
                              next_attempt_at=retry, updated_at=stamp)


Sender = Callable[[relays.Relay, object], None]


def run(db, relay: relays.Relay | None = None, *, send: Sender = relays.send) -> Report:
    """Send every reminder due now that has not gone yet. Safe to run often and
    from several machines at once."""
    relay = relay if relay is not None else relays.configured()
    if relay is None:
        return Report(off=True)
    runner = secrets.token_hex(8)
    forced = preferences.mandatory(db)
    report = Report()
    for r in due.everything(db):
        report.due += 1
        if not claim(db, r, runner):
            continue
        try:
            send(relay, message.build(r, relay.sender, relay.portal_url,
                                      mandatory=r.kind in forced))
        except Exception as error:  # refused, relay down, a bad address: try later
            _record(db, r.key, runner, error)
            report.failed += 1
        else:
            _record(db, r.key, runner, None)
            report.sent += 1
    return report


@dataclass(frozen=True)
class Status:
    on: bool
    missing: list
    counts: dict
    recent: list  # {user_name, username, kind, status, attempts, sent_at, error_class, ...}


def status(db, admin: Actor) -> Status:
    """For the admin: whether reminders are on, and the latest sends and failures
    (who, kind, when, outcome, error class; never the content)."""
    require_admin(admin)
    return Status(on=relays.configured() is not None, missing=relays.missing(),
                  counts=table.counts_by_status(db), recent=table.recent_sends(db, RECENT))
