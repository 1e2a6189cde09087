"""Every change writes its audit event in the same transaction: after the change
the event is there; a change that fails leaves no event (and nothing else); and
when the event cannot be written the change is rolled back with it. One case
per kind of thing the trail covers: contract, session, reflection, record, record
item, action, user, team, arrangement, signature, read of a flagged item in a
file audit, export, admin act."""

import hashlib
from datetime import timedelta

import pytest
from export_fixtures import agreed_record
from record_fixtures import held_and_shared, opened, planned
from reflection_fixtures import actor, session
from supervision_setup import new_arrangement, signed, working_day

import db.audit
from db import contracts as contract_rows
from core import clock, contracts, records, sessions
from core.people import arrangements
from core.preparation import reflections
from core.admin import settings
from core.people import teams
from core.people import users
from core.exports import record_export


def _snapshot(db) -> str:
    """Everything in the database but the trail."""
    digest = hashlib.sha256()
    for name in sorted(db.table_names()):
        if name in ("audit_events", "_sqlite_migrations"):
            continue
        for row in db.execute(f"SELECT * FROM [{name}] ORDER BY rowid"):
            digest.update(repr((name, row)).encode())
    return digest.hexdigest()


def _events(db) -> list[tuple]:
    return db.execute("SELECT id, action, entity, entity_id FROM audit_events "
                      "ORDER BY id").fetchall()


def _new_arrangement(db):
    return {"arr": new_arrangement(db)}


def _drafted(db):
    arr = new_arrangement(db)
    return {"arr": arr, "contract": contracts.draft_contract(db, actor(db, "aisha.begum"), arr)}


def _signed(db):
    arr = new_arrangement(db)
    return {"arr": arr, "contract": signed(db, arr)}


def _item(db):
    sid, _view = opened(db)
    boss = actor(db, "helen.carter")
    item = records.add_item(db, boss, sid, title="Caseload", function="performance")
    return {"sid": sid, "item": item}


def _shared_and_flagged(db):
    sid, _view = opened(db)
    boss = actor(db, "helen.carter")
    item = records.add_item(db, boss, sid, title="A worry", function="support")
    records.save_item(db, boss, item, {"discussion": "Said.", "minutes": 5},
                      expected_revision=0)
    records.flag_safeguarding(db, boss, item, "A disclosure about a child.")
    records.mark_held(db, boss, sid, clock.today() - timedelta(days=1), 60)
    records.share(db, boss, sid)
    return {"sid": sid, "item": item}


def _plan(who, minutes):
    def run(db, ctx):
        day, at = working_day()
        sessions.plan_series(db, actor(db, who), ctx["arr"], first=day, at=at, minutes=minutes, venue="Room 2", count=1)[0]
    return run


def _sign_contract(who, stale=False):
    def run(db, ctx):
        seen = contract_rows.get(db, ctx["contract"])["updated_at"]
        contracts.sign_contract(db, actor(db, who), ctx["contract"],
                                "2000-01-01T00:00:00+00:00" if stale else seen)
    return run


def _on_session(who, call, *extra):
    """A change (or a failing one): `call` by this person on the case's session."""
    return lambda db, ctx: call(db, actor(db, who), ctx["sid"], *extra)


CASES = {
    "contract": (_new_arrangement,
                 lambda db, c: contracts.draft_contract(db, actor(db, "aisha.begum"), c["arr"]),
                 lambda db, c: contracts.draft_contract(db, actor(db, "marcus.reid"), c["arr"]),
                 "contract_drafted"),
    "signature of a contract": (_drafted, _sign_contract("aisha.begum"),
                                _sign_contract("aisha.begum", stale=True), "contract_signed"),
    "session": (_signed, _plan("aisha.begum", 60), _plan("aisha.begum", -5), "sessions_planned"),
    "reflection": (lambda db: {"sid": session(db, "sam.taylor", days=7)},
                   _on_session("sam.taylor", reflections.open_draft),
                   _on_session("marcus.reid", reflections.open_draft), "reflection_started"),
    "record": (lambda db: {"sid": planned(db)}, _on_session("helen.carter", records.open_session),
               _on_session("marcus.reid", records.open_session), "record_opened"),
    "record item": (_item,
                    lambda db, c: records.flag_safeguarding(
                        db, actor(db, "helen.carter"), c["item"], "A disclosure."),
                    lambda db, c: records.flag_safeguarding(
                        db, actor(db, "helen.carter"), c["item"], "  "),
                    "safeguarding_flagged"),
    "signature of a record": (lambda db: {"sid": held_and_shared(db)},
                              _on_session("sam.taylor", records.sign),
                              _on_session("marcus.reid", records.sign), "record_signed"),
    "action": (_item,
               lambda db, c: records.add_action(
                   db, actor(db, "helen.carter"), c["item"], owner_id=actor(db, "sam.taylor").id,
                   description="Book the course", due_date=clock.today() + timedelta(days=9)),
               lambda db, c: records.add_action(
                   db, actor(db, "helen.carter"), c["item"], owner_id=actor(db, "sam.taylor").id,
                   description="  ", due_date=clock.today() + timedelta(days=9)),
               "action_added"),
    "user": (lambda db: {},
             lambda db, c: users.create_user(db, actor(db, "admin"), username="new.person",
                                             name="New Person", password="a long password 1"),
             lambda db, c: users.create_user(db, actor(db, "admin"), username="sam.taylor",
                                             name="Sam Again", password="a long password 1"),
             "user_created"),
    "team": (lambda db: {},
             lambda db, c: teams.create_team(db, actor(db, "admin"), name="Audit Team"),
             lambda db, c: teams.create_team(db, actor(db, "admin"), name="  "),
             "team_created"),
    "arrangement": (_new_arrangement,
                    lambda db, c: arrangements.end_arrangement(db, actor(db, "admin"), c["arr"],
                                                               clock.today()),
                    lambda db, c: arrangements.end_arrangement(
                        db, actor(db, "admin"), c["arr"], clock.today() - timedelta(days=400)),
                    "arrangement_ended"),
    "read of a flagged item": (_shared_and_flagged,
                               lambda db, c: records.file_audit(db, actor(db, "priya.shah"),
                                                                session_id=c["sid"]),
                               lambda db, c: records.file_audit(db, actor(db, "marcus.reid"),
                                                                session_id=c["sid"]),
                               "file_audit_read"),
    "export": (lambda db: {"sid": agreed_record(db)},
               _on_session("sam.taylor", record_export.record_file, "pdf"),
               _on_session("marcus.reid", record_export.record_file, "pdf"), "record_exported"),
    "admin act": (lambda db: {},
                  lambda db, c: settings.update(db, actor(db, "admin"), {"neglect_window": 5}),
                  lambda db, c: settings.update(db, actor(db, "admin"), {"neglect_window": 1}),
                  "settings_changed"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_change_writes_its_event(demo, case):
    setup, change, _fail, kind = CASES[case]
    ctx = setup(demo)
    before = len(_events(demo))
    change(demo, ctx)
    new = _events(demo)[before:]
    assert kind in {e[1] for e in new}


@pytest.mark.parametrize("case", list(CASES))
def test_a_failing_change_leaves_no_event(demo, case):
    setup, _change, fail, _kind = CASES[case]
    ctx = setup(demo)
    events, snapshot = _events(demo), _snapshot(demo)
    with pytest.raises(Exception):  # noqa: B017 - each case fails in its own way
        fail(demo, ctx)
    assert _events(demo) == events
    assert _snapshot(demo) == snapshot


@pytest.mark.parametrize("case", list(CASES))
def test_a_change_whose_event_cannot_be_written_is_undone(demo, case, monkeypatch):
    """Same transaction: if writing the event fails, the change goes with it."""
    setup, change, _fail, kind = CASES[case]
    ctx = setup(demo)
    events, snapshot = _events(demo), _snapshot(demo)
    original = db.audit.insert

    def refuse(database, row):
        if row["action"] == kind:
            raise RuntimeError("the audit table refused the event")
        return original(database, row)

    monkeypatch.setattr(db.audit, "insert", refuse)
    with pytest.raises(RuntimeError, match="refused the event"):
        change(demo, ctx)
    assert _events(demo) == events
    assert _snapshot(demo) == snapshot


def test_the_cases_cover_every_kind_of_thing_the_trail_names():
    covered = {"contract", "session", "reflection", "record", "action", "user", "team",
               "arrangement", "export", "admin act"}
    assert covered <= set(CASES)
    assert any("signature" in c for c in CASES) and any("flagged" in c for c in CASES)


