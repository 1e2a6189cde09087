"""Retention: how long records are kept, what is past it, and the purge.

The retention period is a setting (`retention_years`, default 25): the records
of an arrangement are kept that many years after the arrangement ends. An
arrangement that has not ended is never past it. Records past it are listed
for an admin to review (Admin → Settings); nothing is ever deleted
automatically. A purge needs a second confirmation (the admin types PURGE) and
checks again, in its own transaction, that every arrangement is still past the
period.

What a purge removes, for each arrangement: the arrangement itself, its
contracts, its sessions, the records of those sessions with their items,
actions, disputes and addenda, the reflections of those sessions (and their
submitted versions: a reflection belongs to a session, and keeping it would
keep the content the period is about), its informal contacts, the notices
about its sessions, the supervisee's feedback on its sessions, its file audits
and their place in a quarter's sample, and its balance version counter. Links between rows that
all go (an item carrying an action, an action raised from an item, a session
rescheduled to another) are cut first, then rows are deleted children before
parents, so foreign keys stay on and are never violated.

What it keeps: people and teams (other arrangements and the trail name them),
journal entries (a person's own, never part of an arrangement), and the audit
trail, which is append-only. The purge is itself audited in the same
transaction: the event holds the arrangement ids and the counts removed, never
content, and it survives the purge. An arrangement whose data another, kept
arrangement points at is refused (purge them together).

One thing the purge cannot reach: the events of the trail about the purged
records stay (they are append-only), and those hold ids, counts and kinds,
except `safeguarding_flagged`/`safeguarding_unflagged`, which keep the reason
given by design (core/records/items.py: unflagging must not erase why an item was
flagged). Admins never see event details, but the text outlives the record.
"""

from datetime import date

from db import retention as table

from core import clock
from core.admin import audit
from core.admin import settings
from core.errors import ValidationError
from core.access.roles import Actor, require_admin

CONFIRMATION = "PURGE"


def cutoff(db, today: date | None = None) -> date:
    """Arrangements that ended before this day are past the retention period."""
    today = today or clock.today()
    years = int(settings.value(db, "retention_years"))
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def past_retention(db, admin: Actor) -> list[dict]:
    """Ended arrangements past the retention period, oldest first: who, kind,
    dates, and how many sessions and records a purge would remove."""
    require_admin(admin)
    return table.past(db, cutoff(db).isoformat())


def confirmed(chosen, confirmation: str, field: str) -> list[int]:
    """The ids chosen (at least one), once the admin typed the confirmation."""
    ids = sorted({int(i) for i in chosen or []})
    if not ids:
        raise ValidationError({field: f"Choose the {field} to purge."})
    if (confirmation or "").strip() != CONFIRMATION:
        raise ValidationError({"confirmation": f"Type {CONFIRMATION} to confirm the purge."})
    return ids


def refuse_early(ids: list[int], eligible: set[int], noun: str) -> None:
    """Refuse, naming them, any chosen that are not past the retention period."""
    early = [i for i in ids if i not in eligible]
    if early:
        raise ValidationError({f"{noun}s": "Not past the retention period: "
                               + ", ".join(f"{noun} {i}" for i in early) + "."})


def purge(db, admin: Actor, arrangement_ids: list[int], confirmation: str) -> dict[str, int]:
    """Remove the arrangements (see the module docstring), once confirmed."""
    require_admin(admin)
    ids = confirmed(arrangement_ids, confirmation, "arrangements")
    with db.atomic():
        eligible = {a["id"] for a in table.past(db, cutoff(db).isoformat())}
        refuse_early(ids, eligible, "arrangement")
        linked = table.outside_references(db, ids)
        if linked:
            raise ValidationError({"arrangements": "Kept arrangements point at these records ("
                                   + ", ".join(f"arrangement {i}" for i in linked)
                                   + "): purge them together."})
        counts = table.purge(db, ids)
        audit.record(db, admin.id, "records_purged", "arrangement", ids[0] if len(ids) == 1
                     else None, arrangement_ids=ids, retention_years=int(
                         settings.value(db, "retention_years")), **counts)
    return counts
