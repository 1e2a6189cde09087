"""History consent: after a change of supervisor the new
supervisor reads the earlier records only once the supervisee agrees. The
supervisee gives and withdraws it; both acts are audited with ids only; access
follows at once; the former supervisor's read-only access never changes."""

import json

import pytest
from record_fixtures import actor, arrangement_id

from core import records
from core.access import history_consent
from core.errors import PermissionDenied
from core.access.permissions import history_covers


@pytest.fixture
def tom(demo):
    """Tom Baker's arrangements: Marcus Reid's (ended), Helen Carter's (current)."""
    return {"old": arrangement_id(demo, "tom.baker", supervisor="marcus.reid"),
            "new": arrangement_id(demo, "tom.baker", supervisor="helen.carter")}


def _old_sessions(demo, old: int) -> set[int]:
    rows = records.records_for(demo, actor(demo, "marcus.reid"), old)
    return {r["session_id"] for r in rows if r["status"]}


def _readable(demo, username: str) -> set[int]:
    return {r["session_id"] for r in records.my_records(demo, actor(demo, username))}


def _events(demo, action: str) -> list[dict]:
    return [dict(r) for r in demo.query(
        "SELECT * FROM audit_events WHERE action = ? ORDER BY id", [action])]


def test_the_supervisee_sees_the_choice_not_given_yet(demo, tom):
    [choice] = history_consent.choices(demo, actor(demo, "tom.baker"))
    assert choice["arrangement_id"] == tom["new"] and choice["current"]
    assert choice["supervisor_name"] == "Helen Carter" and choice["given_at"] is None
    [earlier] = choice["earlier"]
    assert earlier["arrangement_id"] == tom["old"] and earlier["supervisor_name"] == "Marcus Reid"
    assert earlier["records"] == len(_old_sessions(demo, tom["old"])) > 0
    assert history_consent.choices(demo, actor(demo, "sam.taylor")) == []  # never changed


def test_giving_and_withdrawing_change_what_the_new_supervisor_reads_at_once(demo, tom):
    tom_baker, helen = actor(demo, "tom.baker"), actor(demo, "helen.carter")
    old = _old_sessions(demo, tom["old"])
    some = next(iter(old))
    assert not old & _readable(demo, "helen.carter")
    with pytest.raises(PermissionDenied):
        records.agenda(demo, helen, some)

    assert history_consent.give(demo, tom_baker, tom["new"]) is True
    assert old <= _readable(demo, "helen.carter")
    view = records.agenda(demo, helen, some)
    assert not (view.can_edit or view.can_sign or view.can_add_addendum)
    assert history_consent.choices(demo, tom_baker)[0]["given_at"]
    assert history_consent.give(demo, tom_baker, tom["new"]) is False  # no second event

    assert history_consent.withdraw(demo, tom_baker, tom["new"]) is True
    assert not old & _readable(demo, "helen.carter")
    with pytest.raises(PermissionDenied):
        records.agenda(demo, helen, some)
    assert history_consent.choices(demo, tom_baker)[0]["given_at"] is None
    assert history_consent.withdraw(demo, tom_baker, tom["new"]) is False

    for action in ("history_consent_given", "history_consent_withdrawn"):
        [event] = _events(demo, action)
        assert (event["actor_id"], event["entity"], event["entity_id"]) == (
            tom_baker.id, "arrangement", tom["new"])
        assert json.loads(event["detail"]) == {"supervisor_id": helen.id,
                                               "earlier_arrangement_ids": [tom["old"]]}


@pytest.mark.parametrize("given", [False, True])
def test_the_former_supervisor_keeps_read_only_access_either_way(demo, tom, given):
    if given:
        history_consent.give(demo, actor(demo, "tom.baker"), tom["new"])
    marcus = actor(demo, "marcus.reid")
    old = _old_sessions(demo, tom["old"])
    assert old <= _readable(demo, "marcus.reid")
    view = records.agenda(demo, marcus, next(iter(old)))
    assert view.items and not view.can_edit
    # and Marcus never reads Helen's records with Tom
    new = {r["session_id"] for r in records.my_records(demo, actor(demo, "tom.baker"))
           if r["arrangement_id"] == tom["new"]}
    assert not new & _readable(demo, "marcus.reid")


@pytest.mark.parametrize("username", ["helen.carter", "marcus.reid", "priya.shah", "admin",
                                      "sam.taylor"])
def test_only_the_supervisee_gives_or_withdraws(demo, tom, username):
    someone = actor(demo, username)
    with pytest.raises(PermissionDenied):
        history_consent.give(demo, someone, tom["new"])
    history_consent.give(demo, actor(demo, "tom.baker"), tom["new"])
    with pytest.raises(PermissionDenied):
        history_consent.withdraw(demo, someone, tom["new"])
    assert history_consent.choices(demo, actor(demo, "tom.baker"))[0]["given_at"]


def test_consent_cannot_be_given_on_the_old_arrangement(demo, tom):
    """The ended arrangement has nothing earlier to open, and has ended."""
    with pytest.raises(PermissionDenied):
        history_consent.give(demo, actor(demo, "tom.baker"), tom["old"])


def test_consent_opens_only_ended_arrangements_of_the_same_kind_with_another_supervisor():
    later = {"id": 2, "supervisee_id": 9, "supervisor_id": 5, "kind": "line",
             "start_date": "2026-03-01", "end_date": None}
    old = {"id": 1, "supervisee_id": 9, "supervisor_id": 4, "kind": "line",
           "start_date": "2024-01-01", "end_date": "2026-02-28"}
    assert history_covers(later, old)
    assert not history_covers(later, dict(old, kind="child_protection"))
    assert not history_covers(later, dict(old, end_date=None))        # still running
    assert not history_covers(later, dict(old, supervisor_id=5))      # already theirs
    assert not history_covers(later, dict(old, supervisee_id=8))
    assert not history_covers(later, dict(old, start_date="2026-04-01"))  # started later
    assert not history_covers(later, later)
