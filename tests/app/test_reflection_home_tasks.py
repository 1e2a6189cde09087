"""Home: the supervisee is asked to prepare; the supervisor sees "reflection ready"."""

from conftest import signed_in
from reflection_fixtures import actor, session

from core.preparation import reflections


def links(at) -> list[str]:
    """The task links, as typed (the page escapes them for markdown)."""
    return [str(e.proto.label).replace("\\", "") for e in at.get("page_link")]


def test_home_pages_show_the_reflection_tasks(demo):
    session_id = session(demo, "sam.taylor", days=3)
    sam = signed_in("sam.taylor")
    assert any(label.startswith("Prepare for your session on") and "Helen Carter" in label
               for label in links(sam))
    draft = reflections.open_draft(demo, actor(demo, "sam.taylor"), session_id)
    reflections.add_agenda_item(demo, actor(demo, "sam.taylor"), draft["id"], title="Leave",
                                function="support", wants="support")
    reflections.submit(demo, actor(demo, "sam.taylor"), draft["id"])
    helen = signed_in("helen.carter")
    assert any(label.startswith("Reflection ready: Sam Taylor") for label in links(helen))
    priya = signed_in("priya.shah")
    assert not any("Sam Taylor" in label for label in links(priya))


def test_each_reflection_task_opens_its_own_session(demo):
    session_id = session(demo, "sam.taylor", days=3)
    sam = signed_in("sam.taylor")
    prepare = [e.proto for e in sam.get("page_link")
               if str(e.proto.label).replace("\\", "").startswith("Prepare for your session on")
               and "Helen Carter" in str(e.proto.label)]
    assert [p.query_string for p in prepare] == [f"session={session_id}"]
    draft = reflections.open_draft(demo, actor(demo, "sam.taylor"), session_id)
    reflections.add_agenda_item(demo, actor(demo, "sam.taylor"), draft["id"], title="Leave",
                                function="support", wants="support")
    reflections.submit(demo, actor(demo, "sam.taylor"), draft["id"])
    ready = [e.proto for e in signed_in("helen.carter").get("page_link")
             if str(e.proto.label).replace("\\", "").startswith("Reflection ready: Sam Taylor")]
    assert f"session={session_id}" in [p.query_string for p in ready]
