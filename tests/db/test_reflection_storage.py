"""Reflection storage: one working copy per session, writes guarded by revision,
versions numbered and kept, text stored exactly."""

from reflection_fixtures import actor, session

from db import reflections as table


def start(demo, session_id, user_id):
    return table.start(demo, {"session_id": session_id, "supervisee_id": user_id,
                              "answers": [], "agenda": [], "saved_at": "2026-01-01T00:00:00+00:00"})


def test_one_working_copy_per_session_even_when_two_windows_start_it(demo):
    sam = actor(demo, "sam.taylor")
    session_id = session(demo, "sam.taylor", days=3)
    first = start(demo, session_id, sam.id)
    assert first and start(demo, session_id, sam.id) is None
    assert table.for_session(demo, session_id)["id"] == first


def test_a_write_against_an_old_revision_changes_nothing(demo):
    sam = actor(demo, "sam.taylor")
    rid = start(demo, session(demo, "sam.taylor", days=3), sam.id)
    assert table.update(demo, rid, 0, wellbeing_note="first")
    assert not table.update(demo, rid, 0, wellbeing_note="stale")
    row = table.get(demo, rid)
    assert (row["wellbeing_note"], row["revision"]) == ("first", 1)


def test_versions_are_numbered_in_order_and_kept_with_text_as_typed(demo):
    sam = actor(demo, "sam.taylor")
    rid = start(demo, session(demo, "sam.taylor", days=3), sam.id)
    text = "مرحبا 🧸 <b>x</b>\n" + "z" * 10_000
    assert table.add_version(demo, rid, "2026-01-01T00:00:00+00:00", {"a": text}) == 1
    assert table.add_version(demo, rid, "2026-01-02T00:00:00+00:00", {"a": "two"}) == 2
    versions = table.versions(demo, rid)
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[1]["content"] == {"a": text}
