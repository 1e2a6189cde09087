"""Every text field the portal stores, against one list of hostile inputs.

For each field and input, saved through core: either the value reads back
through core exactly as typed, or core refuses it with a ValidationError whose
message states the rule (the length limit, or that a control character cannot be
stored). The rule on characters lives in core/validation.py: control characters
(NUL, the other C0 codes but tab and line breaks, DEL) are refused, never
stripped; everything else is kept as typed. The pages that show these values
are in tests/app/test_hostile_input_pages.py, the documents below.
"""

import io
import itertools
import re
import sqlite3
from datetime import time, timedelta

import pytest
from docx import Document
from pypdf import PdfReader
from record_fixtures import item_of, opened
from reflection_fixtures import actor, arrangement_id, session, set_wellbeing

import db as storage
from db import contracts as contract_rows
from core import clock, contracts, records, sessions
from core.records import actions
from core.contracts import fields as contract_fields
from core.contracts import template as contract_template
from core.sessions import informal
from core.preparation import journal
from core.preparation import prompt_sets
from core.preparation import reflections
from core.people import teams
from core.people import users
from core.errors import ValidationError
from core.exports import record_export
from core.quality import feedback, file_audits
from db import prompt_sets as prompt_table

MEGABYTE = "x" * 1_000_000
HOSTILE = {
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>",
    "markdown": "![pic](https://evil.test/x.png) [click](javascript:alert(1)) **b** :red[c]",
    "megabyte": MEGABYTE,
    "control": "before\x00after\x07bell\x1b[31m",
    "rtl_override": "file\u202etxt.exe \u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji": "Feeling 😀👍🏽 👨‍👩‍👧 🌱",
    "sql": "Robert'); DROP TABLE users;-- \" OR 1=1 % _ \\ ;",
}
REFUSED = {"megabyte": "limit", "control": "control character"}
_days = itertools.count(3)
_past = (2 + n % 12 for n in itertools.count())  # days back, within the 14 a session stays open


@pytest.fixture(scope="module")
def world(demo_template, tmp_path_factory):
    """One copy of the demo for the module: each case writes to its own new object."""
    path = tmp_path_factory.mktemp("hostile") / "demo.db"
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = storage.connect(path)
    w = {"db": db, "sam": actor(db, "sam.taylor"), "helen": actor(db, "helen.carter"),
         "admin": actor(db, "admin"), "arr": arrangement_id(db, "sam.taylor")}
    sid, _ = opened(db, days=-1)  # a draft record to add items to
    w["record_session"] = sid
    return w


def _draft(w):
    db, sam = w["db"], w["sam"]
    sid = session(db, "sam.taylor", days=next(_days) % 60 + 3, hour=8 + next(_days) % 9)
    draft = reflections.open_draft(db, sam, sid)
    reflections.choose_prompt_set(db, sam, draft["id"], prompt_table.by_key(db, "gibbs")["id"])
    return sid, reflections.open_draft(db, sam, sid)


def reflection_answer(w, value):
    sid, draft = _draft(w)
    field = f"answers.{draft['answers'][0]['id']}.answer"
    reflections.save_field(w["db"], w["sam"], draft["id"], field, value, was="")
    return reflections.open_draft(w["db"], w["sam"], sid)["answers"][0]["answer"]


def reflection_agenda_title(w, value):
    sid, draft = _draft(w)
    reflections.add_agenda_item(w["db"], w["sam"], draft["id"], title=value, function="support",
                                case_ref="", wants="support")
    return reflections.open_draft(w["db"], w["sam"], sid)["agenda"][0]["title"]


def wellbeing_note(w, value):
    sid, draft = _draft(w)
    set_wellbeing(w["db"], w["sam"], draft["id"], score=5, note=value)
    return reflections.open_draft(w["db"], w["sam"], sid)["wellbeing"]["note"]


def journal_title(w, value):
    saved = journal.save(w["db"], w["sam"], None, title=value, body="Body")
    return journal.entry(w["db"], w["sam"], saved["id"])["title"]


def journal_body(w, value):
    saved = journal.save(w["db"], w["sam"], None, title="Title", body=value)
    return journal.entry(w["db"], w["sam"], saved["id"])["body"]


def _item(w, title="Item"):
    return records.add_item(w["db"], w["helen"], w["record_session"], title=title,
                            function="support", case_ref="")


def _agenda_item(w, item_id):
    return item_of(records.agenda(w["db"], w["helen"], w["record_session"]), id=item_id)


def record_item_title(w, value):
    return _agenda_item(w, _item(w, value))["title"]


def _item_field(name):
    def save(w, value):
        item = _item(w)
        fields = {name: value, **({"rationale": "Because."} if name == "decision" else {})}
        records.save_item(w["db"], w["helen"], item, fields, expected_revision=0)
        return _agenda_item(w, item)[name]
    save.__name__ = f"record_item_{name}"
    return save


def safeguarding_reason(w, value):
    item = _item(w)
    records.flag_safeguarding(w["db"], w["helen"], item, value)
    return _agenda_item(w, item)["safeguarding_reason"]


def _action(w, description="Do it"):
    item = _item(w)
    return records.add_action(w["db"], w["helen"], item, owner_id=w["sam"].id,
                              description=description, due_date=clock.today())


def _action_row(w, action_id):
    view = records.agenda(w["db"], w["helen"], w["record_session"])
    return next(a for a in view.actions if a["id"] == action_id)


def action_description(w, value):
    return _action_row(w, _action(w, value))["description"]


def action_outcome(w, value):
    action_id = _action(w)
    actions.close_action(w["db"], w["sam"], action_id, "done", value)
    return _action_row(w, action_id)["outcome"]


def _shared(w):
    sid, _ = opened(w["db"], days=-next(_past))
    boss = w["helen"]
    records.mark_held(w["db"], boss, sid, clock.today() - timedelta(days=1), 60)
    records.share(w["db"], boss, sid)
    return sid


def dispute_comment(w, value):
    sid = _shared(w)
    records.dispute(w["db"], w["sam"], sid, value)
    return records.agenda(w["db"], w["sam"], sid).disputes[0]["comment"]


def addendum_body(w, value):
    sid = _shared(w)
    records.sign(w["db"], w["sam"], sid)
    records.add_addendum(w["db"], w["sam"], sid, value)
    return records.agenda(w["db"], w["sam"], sid).addenda[0]["body"]


def cancel_reason(w, value):
    sid = session(w["db"], "sam.taylor", days=next(_days) % 60 + 3, hour=8 + next(_days) % 9)
    sessions.cancel_session(w["db"], w["helen"], sid, value)
    return sessions.get_session(w["db"], w["helen"], sid)["cancel_reason"]


def private_notes(w, value):
    sid = session(w["db"], "sam.taylor", days=next(_days) % 60 + 3, hour=8 + next(_days) % 9)
    sessions.save_private_notes(w["db"], w["helen"], sid, value)
    return records.agenda(w["db"], w["helen"], sid).private_notes


def _planned_on_a_free_day(w, plan):
    """Plan with `plan(day)` on the first working day with nothing booked yet."""
    for offset in range(30, 400):
        day = clock.today() + timedelta(days=offset)
        if day in w.setdefault("used_days", set()):
            continue
        try:
            made = plan(day)
        except ValidationError as refused:
            if set(refused.errors) & {"on", "at"}:
                w["used_days"].add(day)
                continue
            raise
        w["used_days"].add(day)
        return made
    raise AssertionError("no free day")


def session_venue(w, value):
    sid = _planned_on_a_free_day(w, lambda day: sessions.plan_series(w["db"], w["helen"], w["arr"], first=day, at=time(10), minutes=60, venue=value, count=1)[0])
    return sessions.get_session(w["db"], w["helen"], sid)["venue"]


def reschedule_reason(w, value):
    sid = session(w["db"], "sam.taylor", days=next(_days) % 60 + 3, hour=8 + next(_days) % 9)
    _planned_on_a_free_day(w, lambda day: sessions.reschedule_session(
        w["db"], w["helen"], sid, on=day, at=time(11), reason=value))
    return sessions.get_session(w["db"], w["helen"], sid)["cancel_reason"]


def _contact(w, **kw):
    fields = dict(on=clock.today(), topic="Catch-up", function="support", note="")
    contact_id = informal.log_contact(w["db"], w["helen"], w["arr"], **dict(fields, **kw))
    return next(c for c in informal.contacts_for(w["db"], w["helen"], w["arr"])
                if c["id"] == contact_id)


def informal_topic(w, value):
    return _contact(w, topic=value)["topic"]


def informal_note(w, value):
    return _contact(w, note=value)["note"]


def _user(w, **kw):
    fields = dict(username=f"hostile{next(_days)}", name="Hostile Test",
                  password="a-long-password-1", job_title="")
    user_id = users.create_user(w["db"], w["admin"], **dict(fields, **kw))
    return next(u for u in users.listing(w["db"], w["admin"]) if u["id"] == user_id)


def user_name(w, value):
    return _user(w, name=value)["name"]


def user_job_title(w, value):
    return _user(w, job_title=value)["job_title"]


def team_name(w, value):
    team_id = teams.create_team(w["db"], w["admin"], name=value)
    return next(t for t in teams.listing(w["db"]) if t["id"] == team_id)["name"]


def _prompt_set(w, name=None, description="", stage="Stage", text="A prompt?"):
    set_id = prompt_sets.create(w["db"], w["admin"], name=name or f"Set {next(_days)}",
                                description=description,
                                prompts=[{"stage": stage, "function": "support", "text": text}])
    return prompt_sets.get(w["db"], set_id)


def prompt_set_name(w, value):
    return _prompt_set(w, name=value)["name"]


def prompt_set_description(w, value):
    return _prompt_set(w, description=value)["description"]


def prompt_stage(w, value):
    return _prompt_set(w, stage=value)["prompts"][0]["stage"]


def prompt_text(w, value):
    return _prompt_set(w, text=value)["prompts"][0]["text"]


def _contract_field(key):
    def save(w, value):
        db, helen = w["db"], w["helen"]
        drafts = [c for c in contracts.versions(db, helen, w["arr"]) if not c["supervisor_signed_at"]
                  or not c["supervisee_signed_at"]]
        cid = drafts[0]["id"] if drafts else contracts.new_version(db, helen, w["arr"],
                                                                   "Hostile input test")
        current = contract_rows.get(db, cid)
        values = {k: current[k] for k in contracts.EDITABLE}
        values[key] = value
        contracts.update_draft(db, helen, cid, values, current["updated_at"])
        return contract_rows.get(db, cid)[key]
    save.__name__ = f"contract_{key}"
    return save


def _template_field(key):
    def save(w, value):
        values = dict(contract_template.template(w["db"]), **{key: value})
        contract_template.update_template(w["db"], w["admin"], values)
        return contract_template.template(w["db"])[key]
    save.__name__ = f"contract_template_{key}"
    return save


FIELDS = [
    reflection_answer, reflection_agenda_title, wellbeing_note, journal_title, journal_body,
    record_item_title, *[_item_field(n) for n in records.TEXT_FIELDS], safeguarding_reason,
    action_description, action_outcome, dispute_comment, addendum_body, cancel_reason,
    reschedule_reason, session_venue, private_notes, informal_topic, informal_note, user_name, user_job_title, team_name,
    prompt_set_name, prompt_set_description, prompt_stage, prompt_text,
    *[_contract_field(k) for k in (*contract_fields.TEXT_FIELDS, "review_reason")],
    *[_template_field(k) for k in contract_fields.TEXT_FIELDS],
]
def feedback_comment(w, value):
    sid = _shared(w)
    records.sign(w["db"], w["sam"], sid)
    statement = feedback.current(w["db"])["statements"][0]["id"]
    feedback.give(w["db"], w["sam"], sid, scores={statement: 4}, comment=value,
                  share_comment=True)
    return feedback.mine(w["db"], w["sam"])[-1].comment


def _audit_text(name, **save):
    def saved(w, value):
        lead = actor(w["db"], "priya.shah")
        aid = file_audits.start(w["db"], lead, w["arr"])
        args = dict(grades={}, reasons={}, overall=None, overall_reason="", actions="")
        args.update({k: (value if v is None else {1: value}) for k, v in save.items()})
        file_audits.save(w["db"], lead, aid, **args)
        found = file_audits.get(w["db"], lead, aid)
        return found["answers"][0]["reason"] if "reasons" in save else found[name]
    saved.__name__ = f"file_audit_{name}"
    return saved


FIELDS += [feedback_comment, _audit_text("reason", reasons=1),
           _audit_text("overall_reason", overall_reason=None),
           _audit_text("actions", actions=None)]

# What a field asks of its text besides the hostile part (the confidentiality
# statement must spell out the safeguarding exception).
SUFFIX = {"contract_confidentiality": " Safeguarding comes first.",
          "contract_template_confidentiality": " Safeguarding comes first."}


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("save", FIELDS, ids=lambda f: f.__name__)
def test_kept_exactly_or_refused_with_the_rule(world, save, kind):
    value = HOSTILE[kind] + SUFFIX.get(save.__name__, "")
    if kind in REFUSED:
        with pytest.raises(ValidationError) as refused:
            save(world, value)
        message = " ".join(refused.value.errors.values())
        assert REFUSED[kind] in message or "characters or fewer" in message, message
        if kind == "megabyte":
            assert any(ch.isdigit() for ch in message), message  # the limit, in figures
        else:
            assert "U+0000" in message, message
    else:
        try:
            assert save(world, value) == value
        except ValidationError as refused:  # only a field shorter than the input may refuse
            message = str(refused)
            limit = re.search(r"(\d[\d,]*) characters or fewer|the limit is (\d[\d,]*)", message)
            assert limit, message
            assert len(value) > int((limit[1] or limit[2]).replace(",", "")), message


def test_every_refusal_keeps_the_database_whole(world):
    """The SQL input was stored as text, and nothing it says ran."""
    assert world["db"]["users"].count > 0
    assert world["db"].execute("PRAGMA integrity_check").fetchone()[0] == "ok"


KEPT = [v for k, v in HOSTILE.items() if k not in REFUSED]


@pytest.fixture(scope="module")
def hostile_record(world):
    """An agreed record with every storable hostile input in its text fields."""
    db, boss, sam = world["db"], world["helen"], world["sam"]
    sid, _ = opened(db, days=-next(_past))
    for n, value in enumerate(KEPT):
        item = records.add_item(db, boss, sid, title=value[:200], function="performance",
                                case_ref="")
        records.save_item(db, boss, item, {name: value for name in records.TEXT_FIELDS},
                          expected_revision=0)
        records.add_action(db, boss, item, owner_id=sam.id, description=value,
                           due_date=clock.today())
        if n == 0:
            records.flag_safeguarding(db, boss, item, value)
    records.mark_held(db, boss, sid, clock.today() - timedelta(days=1), 60)
    records.share(db, boss, sid)
    records.sign(db, sam, sid)
    records.add_addendum(db, sam, sid, "\n".join(KEPT))
    return sid


def _flat(text):
    return " ".join(text.split())


def test_the_docx_holds_every_value_as_typed(world, hostile_record):
    made = record_export.record_file(world["db"], world["sam"], hostile_record, "docx")
    document = Document(io.BytesIO(made.data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    text = "\n".join(parts)
    for value in KEPT:
        assert value in text, value[:40]


def test_the_pdf_is_made_and_holds_the_plain_values(world, hostile_record):
    made = record_export.record_file(world["db"], world["sam"], hostile_record, "pdf")
    text = _flat("".join(page.extract_text() for page in PdfReader(io.BytesIO(made.data)).pages))
    # Text extraction re-orders right-to-left runs and splits emoji clusters, so
    # only the left-to-right values are compared word for word.
    for kind in ("html", "markdown", "sql"):
        for word in HOSTILE[kind].split():
            assert word in text, word
