"""Who reads and writes what of a record, as a full matrix over
relations: the supervisee and supervisor read everything; the team lead reads
structure, and text only through an audited file audit that tells the
supervisee (never personal support, unless flagged); other supervisors,
other team leads and admins read nothing; a former supervisor keeps read-only
access; a later supervisor reads earlier records once the supervisee agrees."""

import pytest
from record_fixtures import actor, arrangement_id, session

from core import clock, records
from core.errors import PermissionDenied
from core.records.common import RecordLocked

TEXTS = {"performance": "Plan for CR-100001 is drifting",
         "development": "Wants the court skills course",
         "support": "Struggling to sleep after the hearing",
         "flagged": "Disclosed a worry about a colleague's conduct with a child"}


def _record(db, supervisee="sam.taylor", supervisor="helen.carter") -> tuple[int, dict]:
    """A held, shared session with one item per kind; returns (session id, item ids)."""
    boss = actor(db, supervisor)
    sid = session(db, supervisee, days=-2, status="planned", supervisor=supervisor)
    records.open_session(db, boss, sid)
    ids = {}
    for kind, text in TEXTS.items():
        function = "support" if kind == "flagged" else kind
        ids[kind] = records.add_item(db, boss, sid, title=f"{kind} item", function=function)
        records.save_item(db, boss, ids[kind], {"discussion": text, "minutes": 10}, 0)
    records.flag_safeguarding(db, boss, ids["flagged"], "A risk to a child")
    records.add_action(db, boss, ids["support"], owner_id=boss.id,
                       description="Find the staff counselling number", due_date=clock.today())
    db.execute("UPDATE sessions SET status = 'held', held_on = ? WHERE id = ?",
               [clock.today().isoformat(), sid])
    records.share(db, boss, sid)
    return sid, ids


@pytest.fixture
def shared(demo):
    return _record(demo)


def _texts(view) -> dict:
    return {i["title"]: i["discussion"] for i in view.items if i["title"] or i["discussion"]}


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter"])
def test_the_two_people_read_every_item(demo, shared, username):
    sid, _ids = shared
    view = records.agenda(demo, actor(demo, username), sid)
    assert set(TEXTS.values()) <= set(_texts(view).values())
    assert not any(i["text_hidden"] for i in view.items)
    support_action = next(a for a in view.actions)
    assert support_action["description"] == "Find the staff counselling number"


def test_the_team_lead_sees_structure_but_no_text_on_the_record_view(demo, shared):
    sid, ids = shared
    view = records.agenda(demo, actor(demo, "priya.shah"), sid)
    assert view.minutes["support"] == 20 and view.record["status"] == "shared"
    mine = {i["id"]: i for i in view.items}
    for item_id in ids.values():
        assert mine[item_id]["text_hidden"] and mine[item_id]["discussion"] is None
        assert mine[item_id]["title"] is None
    assert mine[ids["flagged"]]["safeguarding"]
    assert all(a["description"] is None for a in view.actions)
    assert view.private_notes is None and view.side is None
    assert not (view.can_edit or view.can_sign or view.can_share)


def test_a_file_audit_reads_performance_development_and_flagged_items_only(demo, shared):
    sid, ids = shared
    priya, sam = actor(demo, "priya.shah"), actor(demo, "sam.taylor")
    assert records.notices_for(demo, sam) == []
    read = records.file_audit(demo, priya, session_id=sid)
    texts = {r["item"]["discussion"] for r in read}
    assert {TEXTS["performance"], TEXTS["development"], TEXTS["flagged"]} <= texts
    assert TEXTS["support"] not in texts
    assert "Find the staff counselling number" not in str(read)
    audited = {r[0] for r in demo.execute(
        "SELECT entity_id FROM audit_events WHERE action = 'file_audit_read' AND actor_id = ?",
        [priya.id])}
    assert {ids["performance"], ids["development"], ids["flagged"]} <= audited
    assert ids["support"] not in audited
    notice = records.notices_for(demo, sam)[0]
    assert "Priya Shah" in notice["text"] and "safeguarding" in notice["text"]
    assert notice["session_id"] == sid
    assert records.notices_for(demo, priya) == []


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "marcus.reid", "admin",
                                      "daniel.okafor"])
def test_only_the_team_lead_runs_a_file_audit(demo, shared, username):
    sid, _ids = shared
    with pytest.raises(PermissionDenied):
        records.file_audit(demo, actor(demo, username), session_id=sid)


@pytest.mark.parametrize("username", ["marcus.reid", "admin", "daniel.okafor", "aisha.begum"])
def test_nobody_else_reads_anything(demo, shared, username):
    sid, ids = shared
    who = actor(demo, username)
    with pytest.raises(PermissionDenied):
        records.agenda(demo, who, sid)
    with pytest.raises(PermissionDenied):
        records.records_for(demo, who, arrangement_id(demo, "sam.taylor"))
    for item_id in ids.values():
        with pytest.raises(PermissionDenied):
            records.case_note(demo, who, item_id)
    assert sid not in {r["session_id"] for r in records.my_records(demo, who)}


def test_the_team_lead_reads_no_text_outside_the_file_audit(demo, shared):
    sid, ids = shared
    priya = actor(demo, "priya.shah")
    for item_id in ids.values():
        with pytest.raises(PermissionDenied):
            records.case_note(demo, priya, item_id)
    listed = records.records_for(demo, priya, arrangement_id(demo, "sam.taylor"))
    assert sid in {r["session_id"] for r in listed}


@pytest.mark.parametrize("username", ["sam.taylor", "priya.shah", "marcus.reid", "admin"])
def test_only_the_supervisor_writes(demo, shared, username):
    sid, ids = shared
    who = actor(demo, username)
    records.dispute(demo, actor(demo, "sam.taylor"), sid, "Reopen it")  # editable again
    with pytest.raises(PermissionDenied):
        records.save_item(demo, who, ids["performance"], {"minutes": 1}, 1)
    with pytest.raises(PermissionDenied):
        records.flag_safeguarding(demo, who, ids["support"], "reason")
    with pytest.raises(PermissionDenied):
        records.share(demo, who, sid)


def test_the_supervisors_private_notes_stay_hers(demo, shared):
    sid, _ids = shared
    demo.execute("UPDATE sessions SET private_notes = 'Check on the sickness' WHERE id = ?", [sid])
    assert records.agenda(demo, actor(demo, "helen.carter"), sid).private_notes == \
        "Check on the sickness"
    assert records.agenda(demo, actor(demo, "sam.taylor"), sid).private_notes is None


@pytest.fixture
def old_record(demo):
    """A record Marcus Reid wrote while he supervised Tom Baker (that arrangement ended)."""
    old = arrangement_id(demo, "tom.baker", supervisor="marcus.reid")
    end = demo.execute("SELECT end_date FROM arrangements WHERE id = ?", [old]).fetchone()[0]
    demo.execute("UPDATE arrangements SET end_date = NULL WHERE id = ?", [old])
    sid, ids = _record(demo, "tom.baker", "marcus.reid")
    demo.execute("UPDATE arrangements SET end_date = ? WHERE id = ?", [end, old])
    return sid, ids


def test_the_former_supervisor_keeps_read_only_access(demo, old_record):
    sid, ids = old_record
    marcus = actor(demo, "marcus.reid")
    view = records.agenda(demo, marcus, sid)
    assert set(TEXTS.values()) <= set(_texts(view).values())
    assert not view.can_edit and not view.can_sign
    assert sid in {r["session_id"] for r in records.my_records(demo, marcus)}
    records.dispute(demo, actor(demo, "tom.baker"), sid, "Still disagree")
    with pytest.raises(PermissionDenied, match="read-only"):
        records.save_item(demo, marcus, ids["performance"], {"minutes": 1}, 1)
    with pytest.raises(PermissionDenied, match="read-only"):
        records.sign(demo, marcus, sid)


def test_the_new_supervisor_reads_earlier_records_only_with_consent(demo, old_record):
    sid, ids = old_record
    helen = actor(demo, "helen.carter")
    with pytest.raises(PermissionDenied):
        records.agenda(demo, helen, sid)
    assert sid not in {r["session_id"] for r in records.my_records(demo, helen)}
    demo.execute("UPDATE arrangements SET history_shared_at = ? WHERE id = ?",
                 [clock.stamp(), arrangement_id(demo, "tom.baker", supervisor="helen.carter")])
    view = records.agenda(demo, helen, sid)
    assert set(TEXTS.values()) <= set(_texts(view).values())
    assert not (view.can_edit or view.can_sign or view.can_add_addendum)
    assert sid in {r["session_id"] for r in records.my_records(demo, helen)}
    with pytest.raises((PermissionDenied, RecordLocked)):
        records.save_item(demo, helen, ids["performance"], {"minutes": 1}, 1)
