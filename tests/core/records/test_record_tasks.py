"""Home tasks from records: overdue actions for their owner, records to sign for
the supervisee, disputed records and records to share for the supervisor."""

from datetime import timedelta

from record_fixtures import actor, held_and_shared, opened

from core import clock, records, home
from core.tasks import Destination


def texts(db, username):
    return [(t.text, t.to, t.urgent) for t in home.tasks_for(db, actor(db, username))]


def test_overdue_actions_are_flagged_for_their_owner_only(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    sid, _view = opened(demo, days=-20)
    item = records.add_item(demo, helen, sid, title="x", function="performance")
    records.add_action(demo, helen, item, owner_id=sam.id, description="Send the chronology to legal",
                       due_date=clock.today() - timedelta(days=2))
    mine = [t for t in texts(demo, "sam.taylor") if "Send the chronology" in t[0]]
    assert len(mine) == 1 and mine[0][2] and mine[0][1] == Destination.RECORDS
    assert "Overdue action" in mine[0][0] and "Helen Carter" in mine[0][0]
    for other in ("helen.carter", "priya.shah"):
        assert not [t for t in texts(demo, other) if "Send the chronology" in t[0]]


def test_records_to_sign_and_disputed_records(demo):
    sam = actor(demo, "sam.taylor")
    sid = held_and_shared(demo)
    day = clock.day(records.agenda(demo, sam, sid).held_on)
    sign = f"Read and sign the record of your session on {day} with Helen Carter"
    assert sign in [t[0] for t in texts(demo, "sam.taylor")]
    records.dispute(demo, sam, sid, "Not right")
    assert sign not in [t[0] for t in texts(demo, "sam.taylor")]
    assert any(t[0].startswith(f"Sam Taylor disputed the record of the session on {day}")
               for t in texts(demo, "helen.carter"))
    records.sign(demo, actor(demo, "helen.carter"), sid)
    assert not any("disputed the record of the session on " + day in t[0]
                   for t in texts(demo, "helen.carter"))


def test_a_held_session_waits_to_be_shared(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    records.mark_held(demo, helen, sid, clock.today(), 60)
    share = [t for t in texts(demo, "helen.carter")
             if t[0].startswith(f"Share the record of the session on {clock.day(clock.today())} "
                                "with Sam Taylor")]
    assert share and not share[0][2] and share[0][1] == Destination.RUN_SESSION
