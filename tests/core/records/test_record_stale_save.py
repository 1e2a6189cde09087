"""Two windows on one record: the stale save is refused with a clear message and
nothing is overwritten; saves from the current copy go through."""

import pytest
from record_fixtures import actor, opened

from core import records
from core.errors import StaleWrite


def test_a_stale_copy_is_refused(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    item = records.add_item(demo, helen, sid, title="Workload", function="performance")
    first = records.save_item(demo, helen, item, {"discussion": "From window one"}, 0)
    with pytest.raises(StaleWrite, match="changed in another window") as error:
        records.save_item(demo, helen, item, {"discussion": "From window two"}, 0)
    assert "still here" in str(error.value)
    stored = demo.execute("SELECT discussion, revision FROM agenda_items WHERE id = ?",
                          [item]).fetchone()
    assert stored == ("From window one", first["revision"])
    records.save_item(demo, helen, item, {"discussion": "Window two, reloaded"},
                      first["revision"])


def test_every_save_bumps_the_item_and_the_record(demo):
    helen = actor(demo, "helen.carter")
    sid, view = opened(demo)
    before = view.record["revision"]
    item = records.add_item(demo, helen, sid, title="Workload", function="performance")
    one = records.save_item(demo, helen, item, {"minutes": 10}, 0)
    two = records.save_item(demo, helen, item, {"function": "development"}, one["revision"])
    assert (one["revision"], two["revision"]) == (1, 2)
    assert before < one["record_revision"] < two["record_revision"]
    same = records.save_item(demo, helen, item, {"minutes": 10}, two["revision"])
    assert same["revision"] == 2  # nothing changed: nothing written


def test_a_signature_on_text_that_changed_is_refused(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    from record_fixtures import held_and_shared

    sid = held_and_shared(demo)
    seen = records.agenda(demo, sam, sid).record["revision"]
    records.dispute(demo, sam, sid, "Wrong date")
    records.share(demo, helen, sid)
    with pytest.raises(StaleWrite, match="changed while you were reading"):
        records.sign(demo, sam, sid, expected_revision=seen)
    assert records.agenda(demo, sam, sid).record["status"] == "shared"
