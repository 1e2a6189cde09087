"""The journal page: entries saved as they are written, private, edited and deleted."""

import pytest
from conftest import button, by_label, page, texts
from reflection_fixtures import actor

from core.preparation import journal
from ui.kit.text import inert_block

PAGE = "app_pages/journal.py"
WRITER = "chloe.wright"  # keeps no journal in the demo


def test_an_entry_is_saved_as_it_is_written_and_read_back(demo):
    at = page(WRITER, PAGE)
    assert at.title[0].value == "Journal"
    assert "Nobody else can read your journal" in texts(at)
    by_label(at.text_area, "Entry").input("The cold flat stays with me.").run()
    saved = journal.entries(demo, actor(demo, WRITER))
    assert [e["body"] for e in saved] == ["The cold flat stays with me."]
    by_label(at.text_input, "Title (optional)").input("After the visit").run()
    by_label(at.selectbox, "Function (optional)").select("support").run()
    saved = journal.entries(demo, actor(demo, WRITER))
    assert len(saved) == 1 and saved[0]["title"] == "After the visit"
    assert saved[0]["function"] == "support"
    assert "Saved" in texts(at) and "Only you can read it." in texts(at)
    # a new session lists it
    again = page(WRITER, PAGE)
    assert any("After the visit" in e.label for e in again.expander)


def test_hostile_text_is_kept_exactly_and_shown_inert(demo):
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) 🧸 مرحبا\nsecond line"
    at = page(WRITER, PAGE)
    by_label(at.text_area, "Entry").input(hostile).run()
    assert journal.entries(demo, actor(demo, WRITER))[0]["body"] == hostile
    markdown = "\n".join(m.value for m in at.markdown)
    assert inert_block(hostile) in markdown
    assert "<script>" not in markdown


def test_clearing_an_entry_is_refused_next_to_the_field(demo):
    writer = actor(demo, WRITER)
    made = journal.save(demo, writer, None, body="Keep me")
    at = page(WRITER, PAGE)
    button(at, "Edit").click().run()
    assert by_label(at.text_area, "Entry").value == "Keep me"
    by_label(at.text_area, "Entry").input("").run()
    assert any("Write something in the entry first." in e.value for e in at.error)
    assert journal.entry(demo, writer, made["id"])["body"] == "Keep me"


def test_edit_then_delete_after_confirming(demo):
    writer = actor(demo, WRITER)
    made = journal.save(demo, writer, None, title="Old", body="Text")
    at = page(WRITER, PAGE)
    button(at, "Edit").click().run()
    by_label(at.text_area, "Entry").input("Text, changed").run()
    assert journal.entry(demo, writer, made["id"])["body"] == "Text, changed"
    button(at, "Delete").click().run()
    assert "Delete this entry for good?" in texts(at)
    button(at, "Yes, delete it").click().run()
    assert journal.entries(demo, writer) == []


def test_a_change_from_another_window_is_not_overwritten(demo):
    writer = actor(demo, WRITER)
    made = journal.save(demo, writer, None, body="First")
    desk = page(WRITER, PAGE)
    button(desk, "Edit").click().run()
    journal.save(demo, writer, made["id"], body="From the laptop",
                 was={"title": "", "body": "First", "function": None})
    by_label(desk.text_area, "Entry").input("From the desk").run()
    assert "changed in another window" in texts(desk)
    assert journal.entry(demo, writer, made["id"])["body"] == "From the laptop"
    assert by_label(desk.text_area, "Entry").value == "From the desk"
    button(desk, "Keep my version").click().run()
    assert journal.entry(demo, writer, made["id"])["body"] == "From the desk"


@pytest.mark.parametrize("username", ["helen.carter", "ravi.patel", "sam.taylor"])
def test_others_see_only_their_own_journal(demo, username):
    journal.save(demo, actor(demo, WRITER), None, title="Chloe's secret", body="private")
    at = page(username, PAGE)
    assert "Chloe's secret" not in texts(at)
    assert not any("Chloe's secret" in e.label for e in at.expander)
