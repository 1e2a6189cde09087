"""Once both have signed, the record is locked: corrections are timestamped
addenda and the original text never changes."""

import pytest
from record_fixtures import actor, held_and_shared

from core import records
from core.errors import PermissionDenied, ValidationError
from core.records.common import RecordLocked


@pytest.fixture
def agreed(demo):
    sid = held_and_shared(demo)
    records.sign(demo, actor(demo, "sam.taylor"), sid)
    return sid


def test_every_edit_is_refused_once_agreed(demo, agreed):
    helen = actor(demo, "helen.carter")
    view = records.agenda(demo, helen, agreed)
    item = view.items[-1]
    before = demo.execute("SELECT * FROM agenda_items WHERE id = ?", [item["id"]]).fetchone()
    attempts = [
        lambda: records.save_item(demo, helen, item["id"], {"discussion": "changed"},
                                  item["revision"]),
        lambda: records.save_item(demo, helen, item["id"], {"function": "support"}, item["revision"]),
        lambda: records.add_item(demo, helen, agreed, title="Late extra", function="support"),
        lambda: records.move_item(demo, helen, item["id"], "up"),
        lambda: records.flag_safeguarding(demo, helen, item["id"], "Worry"),
        lambda: records.add_action(demo, helen, item["id"], owner_id=helen.id,
                                   description="x", due_date=view.held_on),
        lambda: records.share(demo, helen, agreed),
    ]
    for attempt in attempts:
        with pytest.raises(RecordLocked, match="agreed and locked"):
            attempt()
    after = demo.execute("SELECT * FROM agenda_items WHERE id = ?", [item["id"]]).fetchone()
    assert before == after
    assert not records.agenda(demo, helen, agreed).can_edit


def test_either_person_adds_an_addendum_and_the_text_stays(demo, agreed):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    text = records.agenda(demo, helen, agreed).items[-1]["discussion"]
    records.add_addendum(demo, helen, agreed, "Correction: the visit is on Thursday.")
    records.add_addendum(demo, sam, agreed, "I have since booked the training.")
    view = records.agenda(demo, sam, agreed)
    assert [a["author_name"] for a in view.addenda] == ["Helen Carter", "Sam Taylor"]
    assert all(a["created_at"] for a in view.addenda)
    assert view.items[-1]["discussion"] == text
    assert view.can_add_addendum
    for username in ("priya.shah", "marcus.reid", "admin"):
        with pytest.raises(PermissionDenied):
            records.add_addendum(demo, actor(demo, username), agreed, "Not mine to add")


def test_an_addendum_needs_an_agreed_record_and_words(demo):
    helen = actor(demo, "helen.carter")
    sid = held_and_shared(demo)
    with pytest.raises(ValidationError, match="agreed records"):
        records.add_addendum(demo, helen, sid, "Too early")
    records.sign(demo, actor(demo, "sam.taylor"), sid)
    with pytest.raises(ValidationError) as error:
        records.add_addendum(demo, helen, sid, " \n ")
    assert "body" in error.value.errors


def test_a_dispute_reopens_the_record_for_the_supervisor_only(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid = held_and_shared(demo)
    records.dispute(demo, sam, sid, "Not what we agreed.")
    item = records.agenda(demo, helen, sid).items[-1]
    records.save_item(demo, helen, item["id"], {"minutes": 30}, item["revision"])
    with pytest.raises(PermissionDenied):
        records.save_item(demo, sam, item["id"], {"minutes": 35}, item["revision"] + 1)
