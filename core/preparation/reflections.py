"""Reflections: the supervisee's preparation for one session.

The working copy (answers to a prompt set, proposed agenda items, an optional
wellbeing check) is private to the supervisee and saved field by field as they
type. Submitting stores a version; the supervisor always sees the latest
submitted version, never the working copy, and earlier versions are kept. The
supervisee can go on editing until the session is held, and submits again to
share the changes.

A field save carries the value the page last saw (`was`): if someone changed
that same field since (another window or computer), the save is refused rather
than silently overwriting; saves to different fields merge.
"""

import secrets
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from db import reflections as table

from core import clock
from core.admin import audit
from core.access import permissions
from core.preparation import journal as journal_rules
from core.preparation import prompt_sets
from core.errors import NotFound, PermissionDenied, PortalError, StaleWrite, ValidationError
from core.access.permissions import Access
from core.vocabulary import FUNCTIONS
from core.access.roles import Actor
from core.tasks import Destination, Task
from core.validation import TEXT_MAX, TITLE_MAX, Checker, must_exist, record_id

WANTS = {"advice": "Advice", "decision": "A decision", "reflection": "Space to reflect",
         "support": "Support"}
# A planned session stays open to preparation this long after its date, until it is held.
OPEN_AFTER_DAYS = 14
NOTE_MAX = 2_000
AGENDA_MAX = 20


class State(str, Enum):
    NOT_STARTED = "Not started"
    DRAFT = "Draft: not shared yet"
    SUBMITTED = "Submitted"
    CHANGED = "Submitted: changes not yet shared"
    CLOSED = "Closed: the session is no longer planned"


class ReflectionClosed(PortalError):
    """The session was held, cancelled or moved: its reflection no longer changes."""


class AnswersWouldBeCleared(ValidationError):
    """Another prompt set was chosen after answers were written: confirm first."""


# ---------------------------------------------------------------- sessions

def session_date(scheduled_at: str) -> date:
    """The day of a session in London."""
    return clock.in_london(scheduled_at).date()


@lru_cache(maxsize=16_384)  # pure; a records list asks it once per session
def when(scheduled_at: str) -> str:
    """A session's date and time in London, e.g. '3 Mar 2026, 10:00'."""
    if not scheduled_at:
        return ""
    if len(scheduled_at) <= 10:
        return clock.day(scheduled_at)
    moment = clock.in_london(scheduled_at)
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def _session_day(scheduled_at: str) -> str:
    return clock.day(session_date(scheduled_at))


def _session(db, session_id) -> dict:
    return must_exist(table.session(db, record_id(session_id) or 0), "session")


def _since() -> str:
    return (clock.today() - timedelta(days=OPEN_AFTER_DAYS)).isoformat()


def upcoming(db, actor: Actor) -> list[dict]:
    """Sessions the actor can prepare for: planned, not held, as their supervisee."""
    return [_listing_row(row) for row in table.planned_for_supervisee(db, actor.id, _since())]


def _listing_row(row: dict) -> dict:
    return {
        "session_id": row["id"], "arrangement_id": row["arrangement_id"],
        "scheduled_at": row["scheduled_at"], "when": when(row["scheduled_at"]),
        "status": row["status"], "kind": row["kind"],
        "supervisor_name": row["supervisor_name"], "supervisee_name": row["supervisee_name"],
        "versions": row["versions"] or 0, "submitted_at": row["submitted_at"],
    }


def for_supervisor(db, actor: Actor, *, include_held: bool = False) -> list[dict]:
    """The actor's supervisees' sessions with whether a reflection is ready. Only
    submission facts: a draft is invisible to the supervisor, even that it exists."""
    rows = table.for_supervisor(db, actor.id, _since(), held=include_held)
    return [dict(_listing_row(row), ready=bool(row["versions"])) for row in rows]


def submitted_sessions(db, actor: Actor) -> list[dict]:
    """The actor's own sessions with a submitted reflection, newest first."""
    return [_listing_row(row) for row in table.submitted_for_supervisee(db, actor.id)]


# ---------------------------------------------------------------- the working copy

def _token() -> str:
    return secrets.token_hex(4)


def _require_draft(db, actor: Actor, found: dict) -> None:
    """Only the session's supervisee works on its draft."""
    permissions.require(db, actor, Access.REFLECTION_DRAFT,
                        permissions.arrangement(db, found["arrangement_id"]))
    if found["supervisee_id"] != actor.id:
        raise PermissionDenied("Only the supervisee can open a reflection draft.")


def _draft_row(db, actor: Actor, reflection_id) -> tuple[dict, dict]:
    """The reflection row and its session, if the actor may work on it."""
    row = must_exist(table.get(db, int(reflection_id)), "reflection")
    found = _session(db, row["session_id"])
    _require_draft(db, actor, found)
    return row, found


def _editable(db, actor: Actor, reflection_id) -> tuple[dict, dict]:
    row, found = _draft_row(db, actor, reflection_id)
    if found["status"] != "planned":
        raise ReflectionClosed(closed_message(found))
    return row, found


def closed_message(found: dict) -> str:
    if found["status"] == "held":
        return ("This session has been held, so its reflection can no longer change. "
                "What you submitted is kept.")
    return f"This session was {found['status']}, so its reflection can no longer change."


def open_draft(db, actor: Actor, session_id) -> dict | None:
    """The actor's working copy for a session, made on first opening (or brought
    across from the session this one replaced). None for a session that is no
    longer planned and was never prepared for."""
    found = _session(db, session_id)
    _require_draft(db, actor, found)
    row = table.for_session(db, found["id"])
    if row is None and found["status"] == "planned":
        with db.atomic():
            moved = table.moved_here(db, found["id"])
            if moved:
                table.move(db, moved["id"], found["id"])
                audit.record(db, actor.id, "reflection_moved", "reflection", moved["id"],
                             session_id=found["id"], from_session_id=moved["session_id"])
            else:
                new_id = table.start(db, {"session_id": found["id"], "supervisee_id": actor.id,
                                          "answers": [], "agenda": [],
                                          "saved_at": clock.stamp()})
                if new_id:  # None: another window started it a moment ago
                    audit.record(db, actor.id, "reflection_started", "reflection", new_id,
                                 session_id=found["id"])
        row = table.for_session(db, found["id"])
    if row is None:
        return None
    return _view(db, row, found)


def _view(db, row: dict, found: dict) -> dict:
    chosen = None
    if row["prompt_set_id"]:
        s = prompt_sets.get(db, row["prompt_set_id"])
        chosen = {"id": s["id"], "name": s["name"], "description": s["description"],
                  "retired": bool(s["retired_at"])}
    versions = table.versions(db, row["id"])
    return {
        "id": row["id"], "revision": row["revision"], "saved_at": row["saved_at"],
        "submitted_at": row["submitted_at"], "versions": len(versions),
        "session": _listing_row(found), "prompt_set": chosen,
        "answers": row["answers"], "agenda": row["agenda"],
        "wellbeing": {"score": row["wellbeing_score"], "note": row["wellbeing_note"],
                      "shared": bool(row["wellbeing_shared"])},
        "state": _state(db, row, found, versions[0]["content"] if versions else None),
        "editable": found["status"] == "planned",
    }


def _state(db, row: dict | None, found: dict, latest: dict | None) -> State:
    if found["status"] != "planned":
        return State.CLOSED
    if row is None:
        return State.NOT_STARTED
    if latest is None:
        return State.DRAFT
    return State.SUBMITTED if _same(_content(db, row), latest) else State.CHANGED


def fields(draft: dict) -> dict:
    """Every field the page edits, by name, with its saved value."""
    out = {}
    for a in draft["answers"]:
        out[f"answers.{a['id']}.answer"] = a["answer"]
        if a["asks_scale"]:
            out[f"answers.{a['id']}.scale"] = a["scale"]
    for item in draft["agenda"]:
        for attr in ("title", "function", "case_ref", "wants"):
            out[f"agenda.{item['id']}.{attr}"] = item[attr]
    wellbeing = draft["wellbeing"]
    out["wellbeing.score"] = wellbeing["score"]
    out["wellbeing.note"] = wellbeing["note"]
    out["wellbeing.shared"] = wellbeing["shared"]
    return out


def answered_count(draft: dict) -> int:
    return sum(1 for a in draft["answers"] if a["answer"].strip() or a["scale"] is not None)


_WELLBEING_COLUMNS = {"score": "wellbeing_score", "note": "wellbeing_note",
                      "shared": "wellbeing_shared"}


def _locate(row: dict, field: str) -> tuple[str, dict | None, str]:
    """(column, item in a JSON list or None, attribute) for a field name."""
    parts = field.split(".")
    if parts[0] == "wellbeing" and len(parts) == 2 and parts[1] in _WELLBEING_COLUMNS:
        return _WELLBEING_COLUMNS[parts[1]], None, parts[1]
    allowed = {"answers": ("answer", "scale"),
               "agenda": ("title", "function", "case_ref", "wants")}
    if len(parts) != 3 or parts[0] not in allowed or parts[2] not in allowed[parts[0]]:
        raise ValueError(f"not a reflection field: {field}")
    for item in row[parts[0]]:
        if item["id"] == parts[1]:
            return parts[0], item, parts[2]
    raise StaleWrite("That part of your reflection was removed in another window. "
                     "Reload the page to see the saved version.")


def _current(row: dict, field: str):
    column, item, attr = _locate(row, field)
    if item is not None:
        return item[attr]
    return bool(row[column]) if attr == "shared" else row[column]


def _score(check: Checker, field: str, value, label: str):
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= 10 or str(value).strip() not in (str(number), f"{number}.0"):
        check.fail(field, f"{label} is a whole number from 0 to 10.")
    return number



def _clean_value(field: str, value):
    check = Checker()
    attr = field.rsplit(".", 1)[-1]
    kind = field.split(".", 1)[0]
    if kind == "answers" and attr == "answer":
        value = check.text(field, value, "your answer", max_len=TEXT_MAX)
    elif attr == "scale":
        value = _score(check, field, value, "The score")
    elif attr == "title":
        value = check.name(field, value, "a title for the agenda item", max_len=TITLE_MAX)
    elif attr == "function":
        check.choice(field, value, FUNCTIONS, "the function this item serves")
    elif attr == "case_ref":
        value = check.case_ref(field, value)
    elif attr == "wants":
        check.choice(field, value, WANTS, "what you want from supervision")
    elif field == "wellbeing.score":
        value = _score(check, field, value, "Your wellbeing score")
    elif field == "wellbeing.note":
        value = check.text(field, value, "the note", max_len=NOTE_MAX)
    elif field == "wellbeing.shared":
        value = bool(value)
    check.done()
    return value


def _write(db, actor: Actor, row: dict, action: str, **columns) -> dict:
    """Store changed columns if nobody wrote since `row` was read; audit without text."""
    columns["saved_at"] = clock.stamp()
    if not table.update(db, row["id"], row["revision"], **columns):
        raise StaleWrite("Your reflection was saved from another window at the same moment. "
                         "Your text is still here: try again.")
    audit.record(db, actor.id, action, "reflection", row["id"], revision=row["revision"] + 1)
    return {"revision": row["revision"] + 1, "saved_at": columns["saved_at"]}


def save_field(db, actor: Actor, reflection_id, field: str, value, *, was) -> dict:
    """Save one field of the working copy. `was` is the value the page last saw.
    Returns the new revision, when it was saved, and the value as stored."""
    value = _clean_value(field, value)
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        current = _current(row, field)
        if current == value:
            return {"revision": row["revision"], "saved_at": row["saved_at"], "value": value}
        if current != was:
            raise StaleWrite("This was changed in another window or on another computer "
                             "after you opened it, so your change is not saved yet.")
        column, item, attr = _locate(row, field)
        if item is not None:
            item[attr] = value
            written = _write(db, actor, row, "reflection_saved", **{column: row[column]})
        else:
            written = _write(db, actor, row, "reflection_saved",
                             **{column: int(value) if attr == "shared" else value})
    return dict(written, value=value)


def choose_prompt_set(db, actor: Actor, reflection_id, prompt_set_id, *,
                      discard: bool = False) -> dict:
    """Answer a different prompt set. Answers already written are cleared only
    when the supervisee confirms it (`discard`)."""
    chosen = prompt_sets.get(db, prompt_set_id)
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        if row["prompt_set_id"] == chosen["id"]:
            return {"revision": row["revision"], "saved_at": row["saved_at"]}
        if chosen["retired_at"]:
            raise ValidationError.single("prompt_set", "That prompt set is retired. "
                                                       "Choose another.")
        answered = answered_count(row)
        if answered and not discard:
            raise AnswersWouldBeCleared({
                "prompt_set": f"You have answered {answered} prompt(s). Switching to "
                              f"'{chosen['name']}' clears those answers."})
        return _write(db, actor, row, "reflection_prompt_set_chosen",
                      prompt_set_id=chosen["id"], answers=blank_answers(chosen))


def blank_answers(chosen: dict) -> list[dict]:
    """A reflection's own copy of a set's prompts, each waiting for its answer."""
    return [{"id": _token(), "stage": p["stage"], "function": p["function"],
             "prompt": p["text"], "asks_scale": bool(p["scale"]), "scale": None,
             "answer": ""} for p in chosen["prompts"]]


def agenda_item(title: str, function: str, case_ref: str, wants: str) -> dict:
    return {"id": _token(), "title": title, "function": function, "case_ref": case_ref,
            "wants": wants}


def add_agenda_item(db, actor: Actor, reflection_id, *, title: str, function: str,
                    case_ref: str = "", wants: str) -> str:
    """Propose an agenda item; returns its id within the reflection."""
    check = Checker()
    title = check.name("title", title, "a title for the agenda item", max_len=TITLE_MAX)
    check.choice("function", function, FUNCTIONS, "the function this item serves")
    case_ref = check.case_ref("case_ref", case_ref)
    check.choice("wants", wants, WANTS, "what you want from supervision")
    check.done()
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        if len(row["agenda"]) >= AGENDA_MAX:
            raise ValidationError.single("title", f"An agenda has at most {AGENDA_MAX} items.")
        item = agenda_item(title, function, case_ref, wants)
        _write(db, actor, row, "reflection_agenda_item_added", agenda=row["agenda"] + [item])
    return item["id"]


def remove_agenda_item(db, actor: Actor, reflection_id, item_id: str) -> None:
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        kept = [i for i in row["agenda"] if i["id"] != item_id]
        if len(kept) == len(row["agenda"]):
            raise NotFound("That agenda item was already removed.")
        _write(db, actor, row, "reflection_agenda_item_removed", agenda=kept)


def copy_journal_entry(db, actor: Actor, reflection_id, entry_id: int, answer_id: str) -> str:
    """Copy a journal entry into one answer, deliberately. The copy becomes part of
    the reflection; the entry stays private. Returns the answer's new text."""
    entry = journal_rules.entry(db, actor, entry_id)
    journal_rules.require_words(entry)
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        field = f"answers.{answer_id}.answer"
        _column, item, _attr = _locate(row, field)
        before = item["answer"].rstrip()
        text = journal_rules.copy_text(entry)
        item["answer"] = f"{before}\n\n{text}" if before else text
        check = Checker()
        check.text(field, item["answer"], "your answer", max_len=TEXT_MAX)
        check.done()
        _write(db, actor, row, "reflection_journal_copied", answers=row["answers"])
        audit.record(db, actor.id, "journal_entry_copied", "journal_entry", entry["id"],
                     reflection_id=row["id"])
    return item["answer"]


# ---------------------------------------------------------------- submitting

def _content(db, row: dict) -> dict:
    name = prompt_sets.get(db, row["prompt_set_id"])["name"] if row["prompt_set_id"] else None
    return version_content(row, name)


def version_content(row: dict, name: str | None) -> dict:
    """What a submitted version holds, from a reflection row and its set's name.
    Wellbeing goes in only when shared."""
    wellbeing = None
    if row["wellbeing_shared"] and (row["wellbeing_score"] is not None
                                    or row["wellbeing_note"].strip()):
        wellbeing = {"score": row["wellbeing_score"], "note": row["wellbeing_note"]}
    return {
        "prompt_set": {"id": row["prompt_set_id"], "name": name} if name else None,
        "answers": [{k: a[k] for k in ("stage", "function", "prompt", "asks_scale", "scale",
                                        "answer")} for a in row["answers"]],
        # Each item keeps its id: the agenda built from it knows which item came
        # from which proposal, whatever the supervisor changes on it later.
        "agenda": [{k: i[k] for k in ("id", "title", "function", "case_ref", "wants")}
                   for i in row["agenda"]],
        "wellbeing": wellbeing,
    }


def _same(content: dict, version: dict) -> bool:
    """Equal apart from the set's name, which an admin may have changed since, and
    the items' ids (an item removed and proposed again as it was is no change;
    versions submitted before items kept their ids have none)."""
    def strip(c):
        return dict(c, prompt_set=(c["prompt_set"] or {}).get("id"),
                    agenda=[{k: v for k, v in i.items() if k != "id"} for i in c["agenda"]])
    return strip(content) == strip(version)


def submit(db, actor: Actor, reflection_id) -> int:
    """Share the working copy with the supervisor as a new version; returns its number."""
    with db.atomic():
        row, _found = _editable(db, actor, reflection_id)
        content = _content(db, row)
        if not any(a["answer"].strip() or a["scale"] is not None for a in content["answers"]) \
                and not content["agenda"]:
            raise ValidationError.single(
                "_submit", "There is nothing to share yet: answer at least one prompt or "
                           "propose an agenda item.")
        versions = table.versions(db, row["id"])
        if versions and _same(content, versions[0]["content"]):
            raise ValidationError.single(
                "_submit", f"Nothing has changed since you shared version "
                           f"{versions[0]['number']}.")
        now = clock.stamp()
        number = table.add_version(db, row["id"], now, content)
        if not table.update(db, row["id"], row["revision"], submitted_at=now):
            raise StaleWrite("Your reflection changed in another window while you submitted. "
                             "Check it and submit again.")
        audit.record(db, actor.id, "reflection_submitted", "reflection", row["id"],
                     version=number, session_id=row["session_id"])
    return number


# ---------------------------------------------------------------- reading what was shared

def _public(db, actor: Actor, arr: dict, row: dict, version: dict) -> dict:
    content = version["content"]
    wellbeing = None
    if content.get("wellbeing") and row["wellbeing_shared"]:
        held = permissions.relations(db, actor, arr)
        if permissions.decide(Access.WELLBEING, held, wellbeing_shared=True).allowed:
            wellbeing = dict(content["wellbeing"])
    return {
        "number": version["number"], "submitted_at": version["submitted_at"],
        "prompt_set": (content["prompt_set"] or {}).get("name"),
        "answers": [{"stage": a["stage"], "function": a["function"], "prompt": a["prompt"],
                     "scale": a["scale"], "answer": a["answer"]} for a in content["answers"]],
        "agenda": [dict(i) for i in content["agenda"]],
        "wellbeing": wellbeing,
    }


def versions(db, actor: Actor, session_id) -> list[dict]:
    """Every submitted version of the session's reflection, newest first, for the
    supervisee and the arrangement's supervisor only."""
    found = _session(db, session_id)
    arr = permissions.arrangement(db, found["arrangement_id"])
    permissions.require(db, actor, Access.REFLECTION_SUBMITTED, arr)
    row = table.for_session(db, found["id"])
    if not row or not row["submitted_at"]:
        return []
    return [_public(db, actor, arr, row, v) for v in table.versions(db, row["id"])]


def latest_submitted(db, actor: Actor, session_id) -> dict | None:
    """The latest submitted version: {number, submitted_at, prompt_set, answers
    [{stage, function, prompt, scale, answer}], agenda [{id, title, function, case_ref,
    wants}] (id is missing in versions submitted before items kept it), wellbeing
    {score, note} or None}. `scale` is the 0-10 score given to a
    scale prompt, else None. Wellbeing only when the supervisee shares it."""
    shown = versions(db, actor, session_id)
    return shown[0] if shown else None


# ---------------------------------------------------------------- home tasks

def tasks(db, actor: Actor) -> list[Task]:
    out = []
    today = clock.today()
    seen = set()
    for s in upcoming(db, actor):
        if session_date(s["scheduled_at"]) < today or s["arrangement_id"] in seen:
            continue
        seen.add(s["arrangement_id"])
        day = _session_day(s["scheduled_at"])
        draft = table.for_session(db, s["session_id"])
        state = State.NOT_STARTED
        if draft:
            versions = table.versions(db, draft["id"])
            state = _state(db, draft, _session(db, s["session_id"]),
                           versions[0]["content"] if versions else None)
        if state in (State.NOT_STARTED, State.DRAFT):
            out.append(Task(f"Prepare for your session on {day} with {s['supervisor_name']}",
                            Destination.PREPARE, session_id=s["session_id"]))
        elif state is State.CHANGED:
            out.append(Task(f"Your reflection for the session on {day} has changes not yet "
                            f"shared with {s['supervisor_name']}", Destination.PREPARE,
                            session_id=s["session_id"]))
    for s in for_supervisor(db, actor):
        if s["ready"]:
            out.append(Task(f"Reflection ready: {s['supervisee_name']}, session on "
                            f"{_session_day(s['scheduled_at'])}", Destination.REFLECTIONS,
                            session_id=s["session_id"]))
    return out
