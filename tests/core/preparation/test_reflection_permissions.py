"""Who may touch a reflection and a journal, for every role: drafts and journal
entries only the supervisee; a submitted reflection the supervisee and that
arrangement's supervisor; never a team lead, an admin or another supervisor."""

import pytest
from reflection_fixtures import actor, mark, session, set_wellbeing

from core.preparation import journal
from core import insights
from core.preparation import reflections
from core.errors import PermissionDenied
from db import prompt_sets as prompt_table

SUPERVISEE, SUPERVISOR = "sam.taylor", "helen.carter"
# another supervisor, the team lead of sam's team, another team's lead, the admin
OUTSIDERS = ["marcus.reid", "priya.shah", "daniel.okafor", "admin", "aisha.begum", "jordan.ellis"]
EVERYONE_ELSE = [SUPERVISOR] + OUTSIDERS


@pytest.fixture
def shared(demo):
    """Sam's submitted reflection with shared wellbeing, and a journal entry."""
    sam = actor(demo, SUPERVISEE)
    session_id = session(demo, SUPERVISEE, days=4)
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "grow")["id"])
    draft = reflections.open_draft(demo, sam, session_id)
    answer = draft["answers"][0]["id"]
    reflections.save_field(demo, sam, draft["id"], f"answers.{answer}.answer", "My goal", was="")
    set_wellbeing(demo, sam, draft["id"], score=6, note="ok", shared=True)
    reflections.submit(demo, sam, draft["id"])
    entry = journal.save(demo, sam, None, title="Private", body="Only mine")
    return {"session": session_id, "reflection": draft["id"], "answer": answer,
            "entry": entry["id"]}


def draft_operations(demo, person, shared):
    rid, answer = shared["reflection"], shared["answer"]
    return {
        "open": lambda: reflections.open_draft(demo, person, shared["session"]),
        "save": lambda: reflections.save_field(demo, person, rid, f"answers.{answer}.answer",
                                               "x", was="My goal"),
        "choose": lambda: reflections.choose_prompt_set(
            demo, person, rid, prompt_table.by_key(demo, "gibbs")["id"], discard=True),
        "agenda": lambda: reflections.add_agenda_item(demo, person, rid, title="t",
                                                      function="support", wants="support"),
        "submit": lambda: reflections.submit(demo, person, rid),
        "copy": lambda: reflections.copy_journal_entry(demo, person, rid, shared["entry"],
                                                       answer),
        "wellbeing": lambda: set_wellbeing(demo, person, rid, score=1),
    }


def journal_operations(demo, person, shared):
    entry = shared["entry"]
    return {
        "read": lambda: journal.entry(demo, person, entry),
        "change": lambda: journal.save(demo, person, entry, title="t", body="b"),
        "delete": lambda: journal.delete(demo, person, entry),
    }


@pytest.mark.parametrize("username", EVERYONE_ELSE)
def test_nobody_but_the_supervisee_touches_the_draft(demo, shared, username):
    person = actor(demo, username)
    for name, operation in draft_operations(demo, person, shared).items():
        with pytest.raises(PermissionDenied):
            operation()
    sam = actor(demo, SUPERVISEE)
    assert reflections.open_draft(demo, sam, shared["session"])["answers"][0]["answer"] \
        == "My goal"


@pytest.mark.parametrize("username", EVERYONE_ELSE)
def test_nobody_but_the_writer_touches_a_journal_entry(demo, shared, username):
    person = actor(demo, username)
    for name, operation in journal_operations(demo, person, shared).items():
        with pytest.raises(PermissionDenied, match="private"):
            operation()
    assert shared["entry"] not in [e["id"] for e in journal.entries(demo, person)]


def test_the_supervisee_does_everything_with_their_own(demo, shared):
    sam = actor(demo, SUPERVISEE)
    for operation in journal_operations(demo, sam, shared).values():
        operation()
    assert reflections.latest_submitted(demo, sam, shared["session"])["number"] == 1


def test_the_supervisor_reads_the_submitted_reflection_with_shared_wellbeing(demo, shared):
    helen = actor(demo, SUPERVISOR)
    shown = reflections.latest_submitted(demo, helen, shared["session"])
    assert shown["answers"][0]["answer"] == "My goal"
    assert shown["wellbeing"] == {"score": 6, "note": "ok"}
    rows = [r for r in reflections.for_supervisor(demo, helen)
            if r["session_id"] == shared["session"]]
    assert rows and rows[0]["ready"]


@pytest.mark.parametrize("username", OUTSIDERS)
def test_outsiders_never_read_a_submitted_reflection(demo, shared, username):
    person = actor(demo, username)
    with pytest.raises(PermissionDenied, match="You do not have access to a submitted "
                                               "reflection"):
        reflections.latest_submitted(demo, person, shared["session"])
    with pytest.raises(PermissionDenied):
        reflections.versions(demo, person, shared["session"])
    assert shared["session"] not in [r["session_id"] for r in
                                     reflections.for_supervisor(demo, person, include_held=True)]
    with pytest.raises(PermissionDenied):
        insights.wellbeing(demo, person, actor(demo, SUPERVISEE).id)
    assert not any("Sam Taylor" in t.text for t in reflections.tasks(demo, person))


def test_the_supervisor_still_reads_it_after_the_session_is_held(demo, shared):
    mark(demo, shared["session"], "held")
    helen = actor(demo, SUPERVISOR)
    assert reflections.latest_submitted(demo, helen, shared["session"])["number"] == 1
    assert shared["session"] in [r["session_id"] for r in
                                 reflections.for_supervisor(demo, helen, include_held=True)]


def test_a_new_supervisor_with_shared_history_still_cannot_read_old_reflections(demo):
    """Tom Baker moved from Marcus to Helen. Marcus keeps his own sessions' reflections;
    Helen sees earlier records once Tom agrees, but never his reflections."""
    tom = actor(demo, "tom.baker")
    old = session(demo, "tom.baker", days=-300, supervisor="marcus.reid")
    draft = reflections.open_draft(demo, tom, old)
    reflections.add_agenda_item(demo, tom, draft["id"], title="Caseload", function="performance",
                                wants="advice")
    reflections.submit(demo, tom, draft["id"])
    mark(demo, old, "held")
    demo.execute("UPDATE arrangements SET history_shared_at = '2026-01-01T00:00:00+00:00' "
                 "WHERE supervisee_id = ? AND end_date IS NULL", [tom.id])
    assert reflections.latest_submitted(demo, actor(demo, "marcus.reid"), old)["number"] == 1
    with pytest.raises(PermissionDenied):
        reflections.latest_submitted(demo, actor(demo, "helen.carter"), old)
