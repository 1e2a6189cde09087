"""The private journal: reflective entries that are never shared with anyone.

Only the person who wrote an entry can read, change or delete it. They can
copy one into a reflection (core.reflections.copy_journal_entry); the copy is
then part of that reflection, and the entry itself stays private.
"""

from db import journal as table

from core import clock
from core.admin import audit
from core.errors import PermissionDenied, StaleWrite, ValidationError
from core.vocabulary import FUNCTIONS
from core.access.roles import Actor
from core.validation import TEXT_MAX, TITLE_MAX, Checker, must_exist

PRIVATE = "A journal entry is private to the person who wrote it."
FIELDS = ("title", "body", "function")


def entries(db, actor: Actor) -> list[dict]:
    """The actor's own entries, newest first. Nobody can list anyone else's."""
    return table.for_user(db, actor.id)


def entry(db, actor: Actor, entry_id: int) -> dict:
    found = must_exist(table.get(db, int(entry_id)), "journal entry")
    if found["user_id"] != actor.id:
        raise PermissionDenied(PRIVATE)
    return found


def _clean(title, body, function) -> dict:
    check = Checker()
    title = title or ""
    if title.strip():
        title = check.name("title", title, "a title", max_len=TITLE_MAX)
    body = check.text("body", body, "the entry", max_len=TEXT_MAX)
    function = function or None
    if function is not None:
        check.choice("function", function, FUNCTIONS, "a function, or none")
    if not title.strip() and not body.strip() and "body" not in check.errors:
        check.fail("body", "Write something in the entry first.")
    check.done()
    return {"title": title.strip(), "body": body, "function": function}


def save(db, actor: Actor, entry_id: int | None, *, title: str = "", body: str = "",
         function: str | None = None, was: dict | None = None) -> dict:
    """Create an entry (no id) or change one. `was` is the entry as the caller last
    saw it; if it changed since (another window), the save is refused."""
    fields = _clean(title, body, function)
    now = clock.stamp()
    with db.atomic():
        if entry_id is None:
            entry_id = table.insert(db, dict(fields, user_id=actor.id, created_at=now,
                                             updated_at=now))
            audit.record(db, actor.id, "journal_entry_created", "journal_entry", entry_id)
            return entry(db, actor, entry_id)
        current = entry(db, actor, entry_id)
        if all(current[f] == fields[f] for f in FIELDS):
            return current
        if was is not None and any(current[f] != was.get(f) for f in FIELDS):
            raise StaleWrite("This entry was changed in another window after you opened it. "
                             "Your text is still here: keep it, or load the saved entry.")
        if not table.update(db, entry_id, current["updated_at"], **fields, updated_at=now):
            raise StaleWrite("This entry was saved somewhere else at the same moment. "
                             "Your text is still here: save it again.")
        audit.record(db, actor.id, "journal_entry_changed", "journal_entry", entry_id)
    return entry(db, actor, entry_id)


def delete(db, actor: Actor, entry_id: int) -> None:
    entry(db, actor, entry_id)
    with db.atomic():
        table.delete(db, int(entry_id))
        audit.record(db, actor.id, "journal_entry_deleted", "journal_entry", int(entry_id))


def copy_text(found: dict) -> str:
    """The text an entry puts into a reflection: its title, if any, then its body."""
    if found["title"] and found["body"].strip():
        return f"{found['title']}\n{found['body']}"
    return found["title"] or found["body"]


def require_words(found: dict) -> None:
    if not copy_text(found).strip():
        raise ValidationError.single("entry", "That journal entry is empty.")
