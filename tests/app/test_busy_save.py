"""While another writer holds the database beyond the write timeout, saving a
journal entry shows the plain "busy" message next to the field, the typed text
stays in the box, and it saves once the database is free."""

import os
import sqlite3

from conftest import page
from reflection_fixtures import actor

from core.preparation import journal
from db import connection

PAGE = "app_pages/journal.py"
WRITER = "chloe.wright"


def entry_box(at):
    return next(w for w in at.text_area if w.label == "Entry")


def test_a_busy_database_is_said_in_plain_words_and_the_text_stays(demo, monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    at = page(WRITER, PAGE)
    holder = sqlite3.connect(os.environ["SUPERVISION_DB"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        entry_box(at).input("The cold flat stays with me.").run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors == ["The portal is busy and could not save this just now. "
                      "Your text is still here: try again in a moment."]
    assert entry_box(at).value == "The cold flat stays with me."
    assert journal.entries(demo, actor(demo, WRITER)) == []
    entry_box(at).input("The cold flat stays with me. Still.").run()
    assert not at.error
    saved = journal.entries(demo, actor(demo, WRITER))
    assert [e["body"] for e in saved] == ["The cold flat stays with me. Still."]
