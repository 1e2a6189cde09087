"""A case item gives a plain-text case note marked "Supervision": the date, the
case reference, the decision, the rationale, the actions and the next review."""

from datetime import timedelta

import pytest
from record_fixtures import actor, opened

from core import clock, records
from core.errors import ValidationError


def test_a_case_note_holds_what_the_case_system_needs(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid, view = opened(demo, days=-1)
    item = records.add_item(demo, helen, sid, title="Planning for CR-104233",
                            function="performance", case_ref="CR-104233")
    review = clock.today() + timedelta(days=28)
    records.save_item(demo, helen, item, {
        "situation": "Three missed health appointments.", "risk_score": 4,
        "decision": "Convene a strategy discussion this week.",
        "rationale": "Risk is rising and the plan has not changed anything.",
        "next_review": review.isoformat()}, 0)
    records.add_action(demo, helen, item, owner_id=sam.id, description="Book the strategy meeting",
                       due_date=clock.today() + timedelta(days=3))
    note = records.case_note(demo, sam, item)
    lines = note.splitlines()
    assert lines[0] == "Supervision"
    day = clock.day(clock.today() - timedelta(days=1))
    assert f"Date: {day}" in lines and "Case reference: CR-104233" in lines
    assert "Convene a strategy discussion this week." in lines
    assert "Risk is rising and the plan has not changed anything." in lines
    assert any(line.startswith("- Book the strategy meeting (owner: Sam Taylor") for line in lines)
    assert f"Next review: {clock.day(review)}" in lines
    assert note == records.case_note(demo, helen, item)
    assert records.case_note_filename(demo, sam, item) == \
        f"supervision-CR-104233-{(clock.today() - timedelta(days=1)).isoformat()}.txt"


def test_only_case_items_give_a_case_note(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    item = records.add_item(demo, helen, sid, title="Training plan", function="development")
    with pytest.raises(ValidationError, match="case item"):
        records.case_note(demo, helen, item)


def test_a_case_note_stays_plain_text(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    item = records.add_item(demo, helen, sid, title="x", function="performance",
                            case_ref="CS/2024-77")
    records.save_item(demo, helen, item, {"decision": "<script>alert(1)</script> ✅",
                                          "rationale": "مراجعة [link](http://x)"}, 0)
    note = records.case_note(demo, helen, item)
    assert "<script>alert(1)</script> ✅" in note and "مراجعة [link](http://x)" in note
    assert records.case_note_filename(demo, helen, item).startswith("supervision-CS-2024-77-")
