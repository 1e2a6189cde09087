"""A group record's lifecycle: the facilitator writes a draft (the session becomes
held), shares it (locked from then), each member who attended signs, and the
presenter's signature agrees it. The record checks what it is given."""

import pytest

from core import home
from core.errors import ValidationError
from core.groups import group_contract, group_records
from core.tasks import Destination
from group_fixtures import actor, demo_group, ids, past_session, record


def _tasks(db, username):
    return [t.text for t in home.tasks_for(db, actor(db, username))
            if t.to is Destination.GROUP_SUPERVISION]


def test_a_record_is_agreed_when_shared_and_the_presenter_signs(demo):
    helen = actor(demo, "helen.carter")
    session = past_session(demo)
    assert any(t.startswith("Write and share the record of the group")
               for t in _tasks(demo, "helen.carter"))
    record(demo, session, presenter="zara.hussain")
    found = group_records.read(demo, helen, session)
    assert found["session"]["status"] == "held" and found["record"]["status"] == "draft"
    assert any("Share the record of the group" in t for t in _tasks(demo, "helen.carter"))
    group_records.share(demo, helen, session)
    assert not any("Share the record" in t for t in _tasks(demo, "helen.carter"))
    with pytest.raises(ValidationError, match="locked"):
        record(demo, session)
    assert group_records.sign_attendance(demo, actor(demo, "sam.taylor"), session) == "shared"
    with pytest.raises(ValidationError, match="already signed"):
        group_records.sign_attendance(demo, actor(demo, "sam.taylor"), session)
    assert any("sign it to agree it" in t for t in _tasks(demo, "zara.hussain"))
    assert group_records.sign_attendance(demo, actor(demo, "zara.hussain"), session) == "agreed"
    after = group_records.read(demo, helen, session)["record"]
    assert after["agreed_at"] and after["presenter_signed_at"]
    assert group_records.sign_attendance(demo, actor(demo, "tom.baker"), session) == "agreed"


def test_the_demo_asks_members_to_sign_the_latest_record(demo):
    assert any(t.startswith("You presented at the group") for t in _tasks(demo, "sam.taylor"))
    for username in ("zara.hussain", "tom.baker"):
        assert any(t.startswith("Sign your attendance") for t in _tasks(demo, username))
    assert _tasks(demo, "chloe.wright") == []
    assert _tasks(demo, "helen.carter") == []


@pytest.mark.parametrize("changes, field", [
    ({"case_ref": "Jane Smith", "theme": ""}, "case_ref"),
    ({"case_ref": "", "theme": ""}, "theme"),
    ({"presenter": "jordan.ellis"}, "presenter"),
    ({"learning": ""}, "learning"),
    ({"learning": "x" * 10_001}, "learning"),
    ({"learning": "bad\x00byte"}, "learning"),
    ({"actions": [{"owner_id": None, "description": "No owner", "due_date": None}]}, "action_1"),
])
def test_the_record_refuses_bad_input_and_saves_nothing(demo, changes, field):
    session = past_session(demo)
    presenter = changes.pop("presenter", "sam.taylor")
    with pytest.raises(ValidationError) as refused:
        record(demo, session, presenter=presenter, **changes)
    assert field in refused.value.errors
    found = group_records.read(demo, actor(demo, "helen.carter"), session)
    assert found["record"] is None and found["session"]["status"] == "planned"


def test_hostile_text_is_kept_exactly(demo):
    session = past_session(demo)
    text = "<script>alert(1)</script> [link](http://x.test) 🧸 مرحبا"
    record(demo, session, learning=text, theme="**bold** <b>x</b>")
    found = group_records.read(demo, actor(demo, "helen.carter"), session)["record"]
    assert found["learning"] == text and found["theme"] == "**bold** <b>x</b>"


def test_a_future_session_has_no_record_yet(demo):
    helen = actor(demo, "helen.carter")
    planned = next(s for s in demo.query("SELECT * FROM group_sessions WHERE status = 'planned'"))
    with pytest.raises(ValidationError, match="once it has been held"):
        record(demo, planned["id"])
    assert helen


def test_members_sign_a_new_contract_version(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    group = demo_group(demo)
    new = group_contract.draft(demo, helen, group, purpose="Reflect together.",
                               ground_rules="Listen first.", confidentiality="Stays here.",
                               frequency_weeks=6, session_minutes=120)
    current = group_contract.current(demo, sam, group)
    assert current["version"] == 2 and len(current["unsigned"]) == 4
    assert any("contract of the group" in t for t in _tasks(demo, "sam.taylor"))
    with pytest.raises(ValidationError, match="changed meanwhile"):
        group_contract.sign(demo, sam, group, new - 1)
    group_contract.sign(demo, sam, group, new)
    assert "Sam Taylor" not in group_contract.current(demo, sam, group)["unsigned"]
    assert not any("contract of the group" in t for t in _tasks(demo, "sam.taylor"))
    with pytest.raises(ValidationError):
        group_contract.sign(demo, helen, group, new)
    assert ids(demo, "sam.taylor")
