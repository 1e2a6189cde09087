"""The bulk regularity figures use a fixed number of SQL aggregate queries, however many
arrangements and sessions there are (a large authority has 5,000 staff and 10 years of
monthly sessions), and the aggregates return what the rows hold."""

from datetime import date, timedelta

from core.contracts import cadence
from core.sessions import regularity
from core.contracts.template import DEFAULTS
from core.access.roles import load_actor
from db import arrangements as arrangement_table
from db import contracts as contract_table
from db import sessions as session_table
from db import teams as team_table
from db import users as user_table

TODAY = date(2026, 11, 23)
START = date(2016, 11, 1)
STAMP = "2016-10-01T09:00:00+00:00"


def seed(db, people: int) -> list[int]:
    """`people` supervisees, each with ten years of sessions every four weeks."""
    team = team_table.insert(db, {"name": "Big team", "created_at": STAMP})
    def person(name, admin=False):
        return user_table.insert(db, {"username": name, "name": name.title(), "password_hash": "x",
                                      "is_admin": int(admin), "team_id": team, "created_at": STAMP})
    person("root", admin=True)
    boss = person("boss")
    ids, contract_rows, session_rows = [], [], []
    contract = dict(DEFAULTS, fte=1.0, asye_start=None, start_date=START.isoformat())
    for n in range(people):
        worker = person(f"worker{n}")
        arrangement_id = arrangement_table.insert(db, {
            "supervisor_id": boss, "supervisee_id": worker, "kind": "line",
            "start_date": START.isoformat(), "created_at": STAMP})
        ids.append(arrangement_id)
        contract_id = contract_table.next_id(db) + n
        contract_rows.append(dict(contract, id=contract_id, arrangement_id=arrangement_id,
                                  version=1, review_date="2017-11-01", supervisor_signed_at=STAMP,
                                  supervisee_signed_at=STAMP, created_at=STAMP, updated_at=STAMP))
        held = START
        while True:
            held = cadence.due_after(contract, held)
            if held >= TODAY - timedelta(days=3):
                break
            session_rows.append({
                "arrangement_id": arrangement_id, "contract_id": contract_id,
                "scheduled_at": f"{held.isoformat()}T10:00:00+00:00", "planned_minutes": 90,
                "status": "held", "held_on": held.isoformat(), "held_minutes": 85,
                "created_at": STAMP, "updated_at": STAMP})
    contract_table.insert_many(db, contract_rows)
    session_table.insert_many(db, session_rows)
    return ids


def statements(db, action) -> list[str]:
    """The SELECT statements an action runs."""
    seen = []
    db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_the_number_of_queries_does_not_grow_with_arrangements_or_sessions(database):
    ids = seed(database, 40)
    admin = load_actor(database, "root")
    first = date(2025, 12, 1)
    small = statements(database, lambda: regularity.monthly(database, admin, ids[:2], first, TODAY,
                                                            TODAY))
    large = statements(database, lambda: regularity.monthly(database, admin, ids, first, TODAY,
                                                            TODAY))
    assert len(small) == len(large) <= 5
    assert len(statements(database, lambda: regularity.summaries(database, admin, ids, TODAY))) \
        == len(large)


def test_sessions_held_on_every_due_date_are_all_on_time(database):
    ids = seed(database, 3)
    admin = load_actor(database, "root")
    months = regularity.monthly(database, admin, ids, date(2025, 12, 1), date(2026, 10, 1), TODAY)
    for rows in months.values():
        assert len(rows) == 11
        assert all(r["due"] >= 1 and r["on_time"] == r["due"] for r in rows)
    figures = regularity.summaries(database, admin, ids, TODAY)
    for f in figures.values():
        assert f["share"] == 1 and 12 <= f["due"] <= 14 and not f["overdue"]


def test_the_held_dates_aggregate(database):
    ids = seed(database, 2)
    rows = {r["arrangement_id"]: r for r in session_table.held_dates(database, ids, "2026-01-01")}
    for arrangement_id in ids:
        dates = sorted(rows[arrangement_id]["held"].split(","))
        assert dates[0] >= "2026-01-01" and dates == sorted(set(dates))
        assert "2025-11-01" < rows[arrangement_id]["held_before"] < "2026-01-01"
    everything = session_table.held_dates(database, ids[:1])[0]
    held = everything["held"].split(",")
    assert len(held) == database["sessions"].count_where(
        "arrangement_id = ? AND status = 'held'", [ids[0]])
    assert everything["held_before"] is None
    assert session_table.last_held_many(database, ids)[ids[0]] == max(held)
