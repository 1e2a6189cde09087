"""Each case-note download is recorded (who, which item of which record, when) in the
audit trail, in its own transaction; a refused one records nothing. A file audit counts
the case decisions whose note was downloaded."""

import pytest
from reflection_fixtures import actor, arrangement_id

from core import records
from core.errors import PermissionDenied
from core.quality import file_audits


def _case_items(db, supervisee="sam.taylor") -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT i.id FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
        "WHERE s.arrangement_id = ? AND trim(i.case_ref) <> '' AND trim(i.decision) <> '' "
        "AND s.status = 'held' ORDER BY s.scheduled_at DESC, i.id",
        [arrangement_id(db, supervisee)])]


def _downloads(db) -> list[dict]:
    return list(db.query("SELECT actor_id, entity, entity_id, detail FROM audit_events "
                         "WHERE action = 'case_note_downloaded' ORDER BY id"))


def test_a_download_is_recorded_with_who_which_record_and_when(demo):
    before = len(_downloads(demo))
    item = _case_items(demo)[0]
    sam = actor(demo, "sam.taylor")
    note = records.download_case_note(demo, sam, item)
    assert note == records.case_note(demo, sam, item)
    event = _downloads(demo)[-1]
    assert len(_downloads(demo)) == before + 1
    assert (event["actor_id"], event["entity"], event["entity_id"]) == (sam.id, "agenda_item",
                                                                         item)
    session_id = demo.execute("SELECT session_id FROM agenda_items WHERE id = ?",
                              [item]).fetchone()[0]
    assert f'"session_id": {session_id}' in event["detail"]


@pytest.mark.parametrize("who", ["priya.shah", "nadia.khan", "admin", "marcus.reid"])
def test_a_refused_download_records_nothing(demo, who):
    before = len(_downloads(demo))
    with pytest.raises(PermissionDenied):
        records.download_case_note(demo, actor(demo, who), _case_items(demo)[0])
    assert len(_downloads(demo)) == before


def test_the_audit_evidence_counts_the_downloads(demo):
    priya, arr = actor(demo, "priya.shah"), arrangement_id(demo, "sam.taylor")

    def case_item():
        found = file_audits.get(demo, priya, file_audits.start(demo, priya, arr))
        return next(a for a in found["answers"] if a["item_key"] == "case_decisions")

    before = case_item()["evidence"]["lines"][1]
    done = int(before.split()[4])  # "Case notes downloaded for N of M ..."
    missing = [i for i in _case_items(demo) if not demo.execute(
        "SELECT 1 FROM audit_events WHERE action = 'case_note_downloaded' AND entity_id = ?",
        [i]).fetchone()]
    assert missing, "the demo leaves some case notes for the audit to find"
    records.download_case_note(demo, actor(demo, "helen.carter"), missing[0])
    after = case_item()
    assert int(after["evidence"]["lines"][1].split()[4]) == done + 1
