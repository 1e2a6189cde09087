"""A record from draft to shared to agreed, with a dispute on the way, each step
timestamped and audited."""

from datetime import timedelta

import pytest
from record_fixtures import actor, held_and_shared, item_of, opened

from core import clock, records
from core.errors import PermissionDenied, ValidationError
from core.records.common import RecordLocked


def events(db, record_id):
    return [r[0] for r in db.execute(
        "SELECT action FROM audit_events WHERE entity = 'record' AND entity_id = ? ORDER BY id",
        [record_id])]


def test_open_record_share_sign(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid, view = opened(demo)
    assert view.record["status"] == "draft" and view.can_edit and not view.can_share
    item = records.add_item(demo, helen, sid, title="Workload", function="performance")
    saved = records.save_item(demo, helen, item, {"discussion": "Too many cases.",
                                                  "minutes": 25}, expected_revision=0)
    assert saved["revision"] == 1 and saved["record_revision"] >= 2
    with pytest.raises(ValidationError, match="Mark the session held"):
        records.share(demo, helen, sid)
    records.mark_held(demo, helen, sid, clock.today() - timedelta(days=1), 75)
    records.share(demo, helen, sid)
    view = records.agenda(demo, sam, sid)
    rec = view.record
    assert rec["status"] == "shared" and rec["first_shared_at"] and rec["supervisor_signed_at"]
    assert view.can_sign and view.can_dispute and not view.can_edit
    assert records.sign(demo, sam, sid, expected_revision=rec["revision"]) == "agreed"
    rec = records.agenda(demo, helen, sid).record
    assert rec["status"] == "agreed" and rec["agreed_at"] and rec["supervisee_signed_at"]
    assert events(demo, rec["id"]) == ["record_opened", "record_shared", "record_signed"]


def test_a_dispute_goes_back_to_the_supervisor_who_revises_and_shares_again(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid = held_and_shared(demo)
    with pytest.raises(ValidationError) as error:
        records.dispute(demo, sam, sid, "   ")
    assert "comment" in error.value.errors
    records.dispute(demo, sam, sid, "The plan said weekly visits, not fortnightly.")
    view = records.agenda(demo, helen, sid)
    assert view.record["status"] == "disputed" and view.can_edit and view.can_share
    assert view.disputes[0]["comment"].startswith("The plan said weekly")
    item = item_of(view, title="Caseload review")
    records.save_item(demo, helen, item["id"], {"discussion": "Weekly visits agreed."},
                      expected_revision=item["revision"])
    records.share(demo, helen, sid)
    view = records.agenda(demo, sam, sid)
    assert view.record["status"] == "shared"
    assert view.disputes[0]["resolution"] == "revised"
    records.sign(demo, sam, sid)
    assert records.agenda(demo, sam, sid).record["status"] == "agreed"


def test_the_supervisor_can_sign_keeping_the_dispute(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid = held_and_shared(demo)
    with pytest.raises(ValidationError, match="signed this record when you shared it"):
        records.sign(demo, helen, sid)
    records.dispute(demo, sam, sid, "I do not agree the risk is reducing.")
    with pytest.raises(ValidationError, match="disputed this record"):
        records.sign(demo, sam, sid)
    records.sign(demo, helen, sid)
    view = records.agenda(demo, sam, sid)
    assert view.record["status"] == "agreed"
    assert view.disputes[0]["resolution"] == "kept"
    assert view.disputes[0]["comment"] == "I do not agree the risk is reducing."
    assert not view.record["supervisee_signed_at"]


def test_only_the_supervisor_runs_the_session(demo):
    sid, _view = opened(demo)
    for username in ("sam.taylor", "priya.shah", "marcus.reid", "admin"):
        with pytest.raises(PermissionDenied):
            records.open_session(demo, actor(demo, username), sid)
        with pytest.raises(PermissionDenied):
            records.add_item(demo, actor(demo, username), sid, title="x", function="support")


def test_the_supervisee_signs_only_a_shared_record(demo):
    sid, _view = opened(demo)
    with pytest.raises(ValidationError, match="not been shared"):
        records.sign(demo, actor(demo, "sam.taylor"), sid)
    with pytest.raises(ValidationError):
        records.dispute(demo, actor(demo, "sam.taylor"), sid, "No")
    with pytest.raises(PermissionDenied):
        records.sign(demo, actor(demo, "priya.shah"), sid)


def test_shared_records_wait_for_the_supervisee(demo):
    helen = actor(demo, "helen.carter")
    sid = held_and_shared(demo)
    item = records.agenda(demo, helen, sid).items[-1]
    with pytest.raises(RecordLocked, match="waits for their signature"):
        records.save_item(demo, helen, item["id"], {"minutes": 3}, item["revision"])


def test_opening_twice_builds_the_agenda_once(demo):
    helen = actor(demo, "helen.carter")
    sid, view = opened(demo)
    again = records.open_session(demo, helen, sid)
    assert [i["id"] for i in again.items] == [i["id"] for i in view.items]
    assert demo.execute("SELECT COUNT(*) FROM records WHERE session_id = ?", [sid]).fetchone()[0] == 1
