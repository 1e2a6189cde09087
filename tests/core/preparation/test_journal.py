"""The private journal: entries only their writer sees, copied into a reflection on purpose."""

import pytest
from reflection_fixtures import actor, session

from core.preparation import journal
from core.preparation import reflections
from core.errors import StaleWrite, ValidationError
from db import prompt_sets as prompt_table


def test_write_change_and_delete_an_entry(demo):
    writer = actor(demo, "chloe.wright")  # keeps no journal in the demo
    made = journal.save(demo, writer, None, title="After the strategy meeting",
                        body="I felt unheard.", function="support")
    assert made["user_id"] == writer.id and made["function"] == "support"
    changed = journal.save(demo, writer, made["id"], title=made["title"], body="I felt unheard. "
                           "Next time I will say so.", function=None,
                           was={"title": made["title"], "body": made["body"],
                                "function": "support"})
    assert changed["function"] is None and changed["body"].endswith("say so.")
    assert [e["id"] for e in journal.entries(demo, writer)] == [made["id"]]
    journal.delete(demo, writer, made["id"])
    assert journal.entries(demo, writer) == []
    actions = [r["action"] for r in demo.query(
        "SELECT action FROM audit_events WHERE entity = 'journal_entry'")]
    assert actions == ["journal_entry_created", "journal_entry_changed", "journal_entry_deleted"]


def test_entries_are_listed_newest_first_and_only_their_writers(demo):
    writer, jordan = actor(demo, "chloe.wright"), actor(demo, "jordan.ellis")
    first = journal.save(demo, writer, None, body="one")
    second = journal.save(demo, writer, None, body="two")
    journal.save(demo, jordan, None, body="jordan's")
    assert [e["id"] for e in journal.entries(demo, writer)] == [second["id"], first["id"]]


@pytest.mark.parametrize("title, body, function, field", [
    ("", "   ", None, "body"),
    ("a" * 201, "text", None, "title"),
    ("two\nlines", "text", None, "title"),
    ("", "x" * 20_001, None, "body"),
    ("", "text", "gossip", "function"),
])
def test_bad_entries_are_refused_with_the_field(demo, title, body, function, field):
    sam = actor(demo, "sam.taylor")
    before = journal.entries(demo, sam)
    with pytest.raises(ValidationError) as error:
        journal.save(demo, sam, None, title=title, body=body, function=function)
    assert field in error.value.errors
    assert journal.entries(demo, sam) == before


def test_a_stale_change_from_another_window_is_refused(demo):
    sam = actor(demo, "sam.taylor")
    made = journal.save(demo, sam, None, body="first")
    seen = {"title": "", "body": "first", "function": None}
    journal.save(demo, sam, made["id"], body="from the laptop", was=seen)
    with pytest.raises(StaleWrite, match="another window"):
        journal.save(demo, sam, made["id"], body="from the desktop", was=seen)
    assert journal.entry(demo, sam, made["id"])["body"] == "from the laptop"


def test_copying_into_a_reflection_shares_the_copy_and_keeps_the_entry_private(demo):
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    session_id = session(demo, "sam.taylor", days=8)
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.choose_prompt_set(demo, sam, draft["id"],
                                  prompt_table.by_key(demo, "restorative")["id"])
    draft = reflections.open_draft(demo, sam, session_id)
    answer = draft["answers"][1]["id"]
    reflections.save_field(demo, sam, draft["id"], f"answers.{answer}.answer", "Already here.",
                           was="")
    entry = journal.save(demo, sam, None, title="The home visit",
                         body="The baby's room was cold and I keep thinking about it.")
    text = reflections.copy_journal_entry(demo, sam, draft["id"], entry["id"], answer)
    assert text == "Already here.\n\nThe home visit\nThe baby's room was cold and I keep " \
                   "thinking about it."
    reflections.submit(demo, sam, draft["id"])
    shown = reflections.latest_submitted(demo, helen, session_id)
    assert "baby's room was cold" in shown["answers"][1]["answer"]
    # the entry is unchanged and still private
    assert journal.entry(demo, sam, entry["id"])["body"].startswith("The baby's room")
    assert entry["id"] not in [e["id"] for e in journal.entries(demo, helen)]
    events = [r["action"] for r in demo.query(
        "SELECT action FROM audit_events WHERE entity = 'journal_entry' AND entity_id = ?",
        [entry["id"]])]
    assert "journal_entry_copied" in events
