"""Home tasks: prepare for your next session; a supervisee's reflection is ready."""

from datetime import timedelta

from reflection_fixtures import actor, mark, session

from core import home
from core.preparation import reflections
from core.clock import day, today
from core.tasks import Destination


def texts(demo, username):
    return [t.text for t in home.tasks_for(demo, actor(demo, username))]


def test_the_supervisee_is_asked_to_prepare_for_the_next_session_only(demo):
    session(demo, "sam.taylor", days=9)
    session(demo, "sam.taylor", days=37)
    wanted = f"Prepare for your session on {day(today() + timedelta(days=9))} with Helen Carter"
    assert wanted in texts(demo, "sam.taylor")
    assert not any(day(today() + timedelta(days=37)) in t for t in texts(demo, "sam.taylor"))
    prepare = [t for t in home.tasks_for(demo, actor(demo, "sam.taylor")) if t.text == wanted]
    assert prepare[0].to is Destination.PREPARE


def test_reflection_ready_once_submitted_then_gone_when_held(demo):
    sam = actor(demo, "sam.taylor")
    session_id = session(demo, "sam.taylor", days=9)
    ready = f"Reflection ready: Sam Taylor, session on {day(today() + timedelta(days=9))}"
    assert ready not in texts(demo, "helen.carter")
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Workload", function="performance",
                                wants="support")
    assert ready not in texts(demo, "helen.carter")  # a draft is not ready
    reflections.submit(demo, sam, draft["id"])
    assert ready in texts(demo, "helen.carter")
    assert not any(t.startswith("Prepare for your session") for t in texts(demo, "sam.taylor"))
    for outsider in ("priya.shah", "marcus.reid", "admin"):
        assert ready not in texts(demo, outsider)
    # changes after submitting remind the supervisee to share them
    reflections.add_agenda_item(demo, sam, draft["id"], title="Leave", function="support",
                                wants="support")
    assert any("changes not yet shared" in t for t in texts(demo, "sam.taylor"))
    mark(demo, session_id, "held")
    assert ready not in texts(demo, "helen.carter")
