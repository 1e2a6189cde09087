"""The page half of the hostile input suite (the core half is
tests/core/test_hostile_input.py): every stored text field holds hostile text
(HTML and script, markdown images and javascript: links, right-to-left override,
emoji, SQL), and every page each role can open is drawn with it.

In every place Streamlit renders as markdown (bodies of markdown, captions,
alerts and headings; labels, help and radio options), the text must be inert:
no raw tag, image or link syntax survives, only its escaped form. No element
allows HTML except the one static style of the shared screen.
"""

import re
import sqlite3
from datetime import timedelta

import pytest
from conftest import button, page, page_views
from record_fixtures import held_and_shared, opened
from reflection_fixtures import actor, arrangement_id, session, set_wellbeing

import db as storage
from db import contracts as contract_rows
from core import clock, contracts, records, sessions
from core.records import actions
from core.sessions import informal
from core.preparation import journal
from core.preparation import prompt_sets
from core.preparation import reflections
from core.people import teams
from core.people import users
from core.quality import feedback, file_audits
from db import prompt_sets as prompt_table
from ui.kit import focus
from ui.records import shared_screen

HTML = "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>"
MARKDOWN = "![pic](https://evil.test/x.png) [click](javascript:alert(1)) **b** :red[c]"
OTHER = "file\u202etxt.exe \u05e9\u05dc\u05d5\u05dd 😀👍🏽 Robert'); DROP TABLE users;-- \" OR 1=1"
TEXT = f"{HTML} {MARKDOWN} {OTHER}"
NAME = "Sam <b>T</b> ![i](javascript:alert(1)) 😀\u202e'; --"  # fits every name field
# Markup that survived: a tag whose "<" is not backslash-escaped, or image, link,
# colour and emphasis syntax with nothing escaped inside it.
RAW = re.compile(r"(?<!\\)<(script|img|b>|/)|!\[|\]\(javascript:|:red\[|\*\*b\*\*")
MARKDOWN_FIELDS = {"body", "label", "help", "captions"}
# Style blocks the portal writes itself: constants, never typed text.
CONSTANT_STYLES = {focus.STYLE, shared_screen.STYLE}


def _build(db) -> dict:
    sam, helen, admin = (actor(db, u) for u in ("sam.taylor", "helen.carter", "admin"))
    arr = arrangement_id(db, "sam.taylor")
    row = next(u for u in users.listing(db, admin) if u["id"] == sam.id)
    users.update_user(db, admin, sam.id, name=NAME, email=row["email"] or "",
                      job_title=TEXT[:120], team_id=row["team_id"], is_admin=False,
                      fte=row["fte"])
    teams.create_team(db, admin, name=NAME)
    prompt_sets.create(db, admin, name=NAME, description=TEXT,
                       prompts=[{"stage": NAME, "function": "support", "text": TEXT}])
    hostile_set = prompt_table.by_name(db, NAME)["id"]

    def prepared(days, submit=True):
        sid = session(db, "sam.taylor", days=days, hour=7)
        draft = reflections.open_draft(db, sam, sid)
        reflections.choose_prompt_set(db, sam, draft["id"], hostile_set)
        draft = reflections.open_draft(db, sam, sid)
        reflections.save_field(db, sam, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                               TEXT, was="")
        reflections.add_agenda_item(db, sam, draft["id"], title=NAME, function="support",
                                    case_ref="", wants="support")
        set_wellbeing(db, sam, draft["id"], score=4, note=TEXT, shared=True)
        if submit:
            reflections.submit(db, sam, draft["id"])
        return sid

    sid = prepared(-2)
    records.open_session(db, helen, sid)
    items = []
    for function in ("performance", "support"):
        item = records.add_item(db, helen, sid, title=NAME, function=function, case_ref="")
        records.save_item(db, helen, item, {name: TEXT for name in records.TEXT_FIELDS},
                          expected_revision=0)
        items.append(item)
    records.flag_safeguarding(db, helen, items[0], TEXT)
    for item in items:
        records.add_action(db, helen, item, owner_id=sam.id, description=TEXT,
                           due_date=clock.today() + timedelta(days=5))
    records.mark_held(db, helen, sid, clock.today() - timedelta(days=2), 60)
    records.share(db, helen, sid)
    records.sign(db, sam, sid)
    records.add_addendum(db, sam, sid, TEXT)
    done = records.agenda(db, sam, sid).actions[0]["id"]
    actions.close_action(db, sam, done, "done", TEXT)

    disputed, _ = opened(db, days=-1)
    item = records.add_item(db, helen, disputed, title=NAME, function="development", case_ref="")
    records.save_item(db, helen, item, {"discussion": TEXT}, expected_revision=0)
    records.mark_held(db, helen, disputed, clock.today() - timedelta(days=1), 60)
    records.share(db, helen, disputed)
    records.dispute(db, sam, disputed, TEXT)

    planned = prepared(6)
    draft = prepared(13, submit=False)
    sessions.save_private_notes(db, helen, planned, TEXT)
    cancelled = session(db, "sam.taylor", days=20, hour=7)
    sessions.cancel_session(db, helen, cancelled, TEXT)
    journal.save(db, sam, None, title=NAME, body=TEXT)
    informal.log_contact(db, helen, arr, on=clock.today(), topic=NAME, function="support",
                         note=TEXT)
    cid = contracts.new_version(db, helen, arr, TEXT[:500])
    current = contract_rows.get(db, cid)
    values = {k: current[k] for k in contracts.EDITABLE}
    values.update({k: TEXT + " Safeguarding comes first." for k in contracts.TEXT_FIELDS
                   if k != "venue"}, venue=NAME)
    contracts.update_draft(db, helen, cid, values, current["updated_at"])
    _feedback_and_audits(db, sam, sid, arr)
    return {"sessions": [sid, disputed, planned, draft]}


def _feedback_and_audits(db, sam, sid, arr) -> None:
    """Sam's feedback with a shared comment; Priya's and Nadia's shared audits of his
    file, every text field of both hostile."""
    statement = feedback.current(db)["statements"][0]["id"]
    feedback.give(db, sam, sid, scores={statement: 2}, comment=TEXT, share_comment=True)
    for who in ("priya.shah", "nadia.khan"):
        auditor = actor(db, who)
        aid = file_audits.start(db, auditor, arr)
        found = file_audits.get(db, auditor, aid)
        file_audits.save(db, auditor, aid, grades={a["position"]: "inadequate"
                                                   for a in found["answers"]},
                         reasons={a["position"]: TEXT for a in found["answers"]},
                         overall="inadequate", overall_reason=TEXT, actions=TEXT)
        file_audits.share(db, auditor, aid)


@pytest.fixture(scope="module")
def world(demo_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile_pages") / "demo.db"
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = storage.connect(path)
    made = _build(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, made


def _values(value) -> list:
    if isinstance(value, (str, bytes)) or hasattr(value, "ListFields"):
        return [value]
    try:
        return list(value)  # a repeated field
    except TypeError:
        return [value]


def markdown_strings(proto, kind: str = ""):
    """The strings of a protobuf message that Streamlit renders as markdown."""
    for field, value in proto.ListFields():
        values = _values(value)
        if field.message_type is not None:
            for v in values:
                yield from markdown_strings(v, field.name)
        elif isinstance(values[0] if values else None, str) and (
                field.name in MARKDOWN_FIELDS or (kind == "radio" and field.name == "options")):
            yield from values


def html_allowed(proto):
    for field, value in proto.ListFields():
        values = _values(value)
        if field.message_type is not None:
            for v in values:
                yield from html_allowed(v)
        elif field.name in ("allow_html", "unsafe_allow_html") and value:
            yield proto


def inert_problems(at, where: str, problems: list, shown: list) -> None:
    """Add to `problems` any typed markup that survived on this run's elements, and to
    `shown` every markdown string they render (the portal's own styles aside)."""
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        for body in markdown_strings(proto):
            if body in CONSTANT_STYLES:
                continue
            shown.append(body)
            problems += [f"{where}: raw {m[0]!r} in {body[:80]!r}" for m in RAW.finditer(body)]
        for found in html_allowed(proto):
            if "alert" in str(found) or "Sam " in str(found):
                problems.append(f"{where}: HTML allowed on typed text {str(found)[:80]!r}")


def views(username, sids):
    return page_views(username, sids, lambda o: str(o).startswith("Sam "))


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "priya.shah", "admin",
                                      "nadia.khan"])
def test_every_page_shows_hostile_text_inert(world, username, monkeypatch):
    path, made = world
    monkeypatch.setenv("SUPERVISION_DB", str(path))
    problems, shown = [], []
    for where, at in views(username, made["sessions"]):
        assert not at.exception, (where, at.exception)
        inert_problems(at, where, problems, shown)
    assert not problems, "\n".join(sorted(set(problems))[:40])
    # The hostile text was on the pages, escaped: the check above had something to see.
    assert any("onerror=alert(1)" in s.replace("\\", "") for s in shown)


LONG = "x" * 20_001  # over every limit of these fields


def test_an_over_long_feedback_comment_is_refused_and_kept(demo):
    sid = held_and_shared(demo)
    records.sign(demo, actor(demo, "sam.taylor"), sid)
    at = page("sam.taylor", "app_pages/records.py")
    at.query_params["session"] = str(sid)
    at.run()
    next(r for r in at.radio if r.label == "I felt listened to.").set_value(4)
    next(t for t in at.text_area if t.label == "Comment (optional)").input(LONG)
    button(at, "Send feedback").click().run()
    assert any("characters" in e.value for e in at.error)
    assert next(t for t in at.text_area if t.label == "Comment (optional)").value == LONG
    assert feedback.offer(demo, actor(demo, "sam.taylor"), sid)["given"] is None


def test_over_long_audit_text_is_refused_next_to_its_field_and_kept(demo):
    nadia = actor(demo, "nadia.khan")
    file_audits.start(demo, nadia, arrangement_id(demo, "sam.taylor"))
    at = page("nadia.khan", "app_pages/file_audits.py")
    for label in ("Item 1: reason", "Reason for the overall grade",
                  "Actions for the supervisor"):
        next(t for t in at.text_area if t.label == label).input(LONG)
    button(at, "Save the audit").click().run()
    assert not at.exception
    assert len([e for e in at.error if "characters" in e.value]) == 3
    for label in ("Item 1: reason", "Reason for the overall grade",
                  "Actions for the supervisor"):
        assert next(t for t in at.text_area if t.label == label).value == LONG
    found = file_audits.listing(demo, nadia)[0]
    assert file_audits.get(demo, nadia, found["id"])["actions"] == ""
