"""The agenda is built from the supervisee's submitted items, every open action
(until it is closed), and a contract review item when the review is due."""

from datetime import timedelta

import pytest
from record_fixtures import actor, arrangement_id, item_of, opened, planned

from core import clock, records
from core.records import actions
from core.preparation import reflections
from core.errors import PermissionDenied, ValidationError


COURT = {"title": "Court statement for CR-118902", "function": "development",
         "case_ref": "CR-118902"}


def _propose(demo, sam, sid, *items: dict, submit: bool = True) -> None:
    """Sam proposes these agenda items (add_agenda_item's fields; each wants advice
    unless it says otherwise), then submits his reflection, unless told not to."""
    draft = reflections.open_draft(demo, sam, sid)
    for item in items:
        reflections.add_agenda_item(demo, sam, draft["id"], **{"wants": "advice", **item})
    if submit:
        reflections.submit(demo, sam, draft["id"])


def test_submitted_agenda_items_come_first(demo):
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, COURT,
             {"title": "Draft only item", "function": "support", "wants": "support"})
    view = records.open_session(demo, helen, sid)
    first = view.items[0]
    assert (first["source"], first["title"], first["function"], first["case_ref"],
            first["wants"]) == ("supervisee", "Court statement for CR-118902", "development",
                                "CR-118902", "advice")
    assert view.items[1]["title"] == "Draft only item"


def test_a_draft_reflection_is_not_on_the_agenda(demo):
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, {"title": "Not shared yet", "function": "support",
                              "wants": "support"}, submit=False)
    view = records.open_session(demo, helen, sid)
    assert all(i["title"] != "Not shared yet" for i in view.items)


def test_open_actions_carry_forward_until_closed(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    first, view = opened(demo, days=-10)
    item = records.add_item(demo, helen, first, title="Supporting the ASYE", function="development")
    kept = records.add_action(demo, helen, item, owner_id=sam.id,
                              description="Book the GCP2 training", due_date=clock.today())
    closed = records.add_action(demo, helen, item, owner_id=helen.id,
                                description="Ask legal about the PLO letter",
                                due_date=clock.today() + timedelta(days=5))
    actions.close_action(demo, helen, closed, "done", "Legal replied: letter sent.")
    _second, later = opened(demo, days=-2)
    carried = [i for i in later.items if i["source"] == "action"]
    assert kept in [i["action_id"] for i in carried]
    assert closed not in [i["action_id"] for i in carried]
    mine = item_of(later, action_id=kept)
    assert mine["function"] == "development"  # the function of the item it came from
    assert mine["carried"]["description"] == "Book the GCP2 training"
    assert mine["carried"]["status"] == "open" and mine["carried"]["owner_name"] == "Sam Taylor"
    # Closed during the later session: the item stays, showing the outcome.
    actions.close_action(demo, helen, kept, "done", "Booked for May.")
    shown = item_of(records.agenda(demo, helen, _second), action_id=kept)
    assert shown["carried"]["status"] == "done" and shown["carried"]["outcome"] == "Booked for May."
    _third, third = opened(demo, days=-1)
    assert kept not in [i["action_id"] for i in third.items]


def test_either_person_owns_an_action_but_nobody_else(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    item = records.add_item(demo, helen, sid, title="x", function="performance")
    from core.errors import ValidationError
    with pytest.raises(ValidationError) as error:
        records.add_action(demo, helen, item, owner_id=actor(demo, "priya.shah").id,
                           description="", due_date="not a date")
    assert set(error.value.errors) == {"owner_id", "description", "due_date"}


def test_the_owner_or_the_supervisor_closes_an_action(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid, _view = opened(demo)
    item = records.add_item(demo, helen, sid, title="x", function="performance")
    theirs = records.add_action(demo, helen, item, owner_id=sam.id, description="Visit",
                                due_date=clock.today())
    hers = records.add_action(demo, helen, item, owner_id=helen.id, description="Ask",
                              due_date=clock.today())
    with pytest.raises(PermissionDenied, match="Only the action's owner, Helen Carter"):
        actions.close_action(demo, sam, hers, "done", "Did it")
    actions.close_action(demo, helen, theirs, "dropped", "Family moved out of area.")
    assert demo["actions"].get(theirs)["closed_by"] == helen.id


def test_a_contract_review_item_when_the_review_is_due(demo):
    helen = actor(demo, "helen.carter")
    arrangement = arrangement_id(demo, "sam.taylor")
    soon = (clock.today() + timedelta(days=10)).isoformat()
    demo.execute("UPDATE contracts SET review_date = ? WHERE arrangement_id = ?",
                 [soon, arrangement])
    _sid, view = opened(demo)
    review = [i for i in view.items if i["source"] == "contract_review"]
    assert len(review) == 1 and "Review the supervision contract" in review[0]["title"]
    far = (clock.today() + timedelta(days=200)).isoformat()
    demo.execute("UPDATE contracts SET review_date = ? WHERE arrangement_id = ?",
                 [far, arrangement])
    _sid, view = opened(demo, days=-3)
    assert not [i for i in view.items if i["source"] == "contract_review"]


def test_marking_held_without_opening_still_makes_a_record(demo):
    helen = actor(demo, "helen.carter")
    sid = planned(demo, days=-1)
    records.mark_held(demo, helen, sid, clock.today() - timedelta(days=1), 60)
    view = records.agenda(demo, helen, sid)
    assert view.record["status"] == "draft" and view.session_status == "held"


def test_items_submitted_after_the_agenda_was_built_are_offered_and_added_once(demo):
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, COURT)
    view = records.open_session(demo, helen, sid)
    assert view.new_proposals == 0
    _propose(demo, sam, sid, {"title": "Feeling stretched 😓", "function": "support",
                              "wants": "support"})
    assert records.agenda(demo, helen, sid).new_proposals == 1
    assert records.agenda(demo, sam, sid).new_proposals == 0  # the supervisor's to add
    with pytest.raises(PermissionDenied):
        records.add_new_proposals(demo, sam, sid)
    assert records.add_new_proposals(demo, helen, sid) == 1
    assert records.add_new_proposals(demo, helen, sid) == 0
    view = records.agenda(demo, helen, sid)
    titles = [i["title"] for i in view.items]
    assert titles.count("Court statement for CR-118902") == 1
    assert item_of(view, title="Feeling stretched 😓")["source"] == "supervisee"
    assert view.new_proposals == 0


def test_an_item_from_the_reflection_stays_itself_when_the_supervisor_retags_it(demo):
    """Re-tagging (or renaming) a supervisee's item never makes their
    proposal look new, so it is never offered again as a duplicate."""
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, {"title": "Workload since the merger", "function": "performance"})
    view = records.open_session(demo, helen, sid)
    theirs = item_of(view, source="supervisee")
    records.save_item(demo, helen, theirs["id"], {"function": "support"}, theirs["revision"])
    assert records.agenda(demo, helen, sid).new_proposals == 0
    theirs = item_of(records.agenda(demo, helen, sid), source="supervisee")
    records.save_item(demo, helen, theirs["id"], {"title": "Workload and sleep"},
                      theirs["revision"])
    assert records.agenda(demo, helen, sid).new_proposals == 0
    assert records.add_new_proposals(demo, helen, sid) == 0
    # a later, genuinely new item is still offered, and only that one
    _propose(demo, sam, sid, {"title": "Court skills course", "function": "development"})
    assert records.agenda(demo, helen, sid).new_proposals == 1
    assert records.add_new_proposals(demo, helen, sid) == 1
    titles = [i["title"] for i in records.agenda(demo, helen, sid).items
              if i["source"] == "supervisee"]
    assert titles == ["Workload and sleep", "Court skills course"]


def test_an_item_proposed_again_as_it_was_is_not_new(demo):
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, {"title": "Workload since the merger", "function": "performance"})
    records.open_session(demo, helen, sid)
    draft = reflections.open_draft(demo, sam, sid)
    reflections.remove_agenda_item(demo, sam, draft["id"], draft["agenda"][0]["id"])
    reflections.add_agenda_item(demo, sam, draft["id"], title="Workload since the merger",
                                function="performance", wants="advice")
    with pytest.raises(ValidationError, match="Nothing has changed"):
        reflections.submit(demo, sam, draft["id"])
    assert records.agenda(demo, helen, sid).new_proposals == 0


def test_an_agenda_built_before_items_kept_their_id_still_matches_them(demo):
    """Versions and items from before the upgrade have no ids: a re-tagged item
    still covers its proposal by title and case reference."""
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    sid = planned(demo, days=3)
    _propose(demo, sam, sid, {"title": "Workload since the merger", "function": "performance"})
    view = records.open_session(demo, helen, sid)
    demo.execute("UPDATE agenda_items SET proposal_id = NULL WHERE session_id = ?", [sid])
    theirs = item_of(view, source="supervisee")
    records.save_item(demo, helen, theirs["id"], {"function": "support"}, theirs["revision"])
    assert records.agenda(demo, helen, sid).new_proposals == 0
    # the supervisee submits again after the upgrade: their item now has an id
    _propose(demo, sam, sid, {"title": "Court skills course", "function": "development"})
    assert records.agenda(demo, helen, sid).new_proposals == 1
