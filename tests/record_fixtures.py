"""Sessions to run for the record tests: a planned session of Sam Taylor's line
supervision (Helen Carter supervises; Priya Shah leads the team), made directly
in the database on top of whatever the demo holds."""

from datetime import date, datetime, timedelta

from reflection_fixtures import actor, arrangement_id, open_action, session  # noqa: F401

from core import clock, records


def planned(db, supervisee: str = "sam.taylor", days: int = -1, **kw) -> int:
    return session(db, supervisee, days=days, status="planned", **kw)


def opened(db, supervisee: str = "sam.taylor", supervisor: str = "helen.carter",
           days: int = -1) -> tuple[int, records.AgendaView]:
    """A planned session opened by its supervisor: (session id, its agenda)."""
    sid = planned(db, supervisee, days=days)
    return sid, records.open_session(db, actor(db, supervisor), sid)


def held_and_shared(db, supervisee: str = "sam.taylor", supervisor: str = "helen.carter",
                    days: int = -1) -> int:
    """A session opened, given one recorded item, marked held today and shared."""
    sid, view = opened(db, supervisee, supervisor, days)
    boss = actor(db, supervisor)
    item = records.add_item(db, boss, sid, title="Caseload review", function="performance",
                            case_ref="CR-100200")
    records.save_item(db, boss, item, {"discussion": "Reviewed the plan.", "minutes": 20},
                      expected_revision=0)
    records.mark_held(db, boss, sid, clock.today() + timedelta(days=min(days, 0)), 60)
    records.share(db, boss, sid)
    return sid


def opened_once(db) -> int:
    """One opened session for every example of a property test: hypothesis runs its
    examples on the same demo database, so the session is made on the first."""
    if not hasattr(db, "_opened_once"):
        db._opened_once = opened(db)[0]
    return db._opened_once


def held_with_sharing(db, sid: int, held: date, days: int, shared_at: datetime | None) -> None:
    """The session held on `held`, its contract allowing `days` to share the record,
    and the record shared at `shared_at` (None: still a draft). Written straight to
    the database, so that any dates can be tried."""
    db.execute("UPDATE sessions SET status = 'held', held_on = ? WHERE id = ?",
               [held.isoformat(), sid])
    db.execute("UPDATE contracts SET share_within_days = ? WHERE id = "
               "(SELECT contract_id FROM sessions WHERE id = ?)", [days, sid])
    db.execute("UPDATE records SET first_shared_at = ?, status = ? WHERE session_id = ?",
               [clock.stamp(shared_at) if shared_at else None,
                "shared" if shared_at else "draft", sid])


def item_of(view, **match) -> dict:
    return next(i for i in view.items if all(i[k] == v for k, v in match.items()))
