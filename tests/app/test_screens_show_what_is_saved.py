"""Every autosaving screen tells the browser the stored value of every field on
every run, not only on the run that first loaded it.

A browser that did not draw that first run (a sign-in cookie, a click or a
server restart interrupted it) otherwise builds each widget from its default:
empty boxes, the first prompt set, "Performance management", 0 minutes. The
next change the person makes sends those defaults back and autosave writes
them over the record. What a browser shows for a widget it builds is the
value sent with the element when `set_value` is on, else the element's default;
these tests read exactly that from the page's second run."""

import pytest
from conftest import page
from record_fixtures import actor, opened
from reflection_fixtures import session

from core import records
from core.preparation import journal
from core.preparation import reflections
from core.vocabulary import FUNCTIONS
from db import prompt_sets as prompt_table


def shown(widget):
    """What a browser that builds this widget now would show."""
    proto = widget.proto
    if proto.set_value:
        if hasattr(proto, "raw_value"):  # a selectbox sends the option's label
            return proto.raw_value
        return proto.value
    if hasattr(proto, "raw_value"):
        return proto.options[proto.default] if proto.HasField("default") else None
    return proto.default


def revision(db, session_id, item_id):
    view = records.agenda(db, actor(db, "helen.carter"), session_id)
    return next(i for i in view.items if i["id"] == item_id)["revision"]


def send_what_is_shown(at, keys):
    """The browser sends back what it shows with the next change the person makes."""
    for key in keys:
        widget = _by_key(at, key)
        value = shown(widget)
        if hasattr(widget.proto, "raw_value"):  # the selects here are functions
            widget.set_value({label: f for f, label in FUNCTIONS.items()}[value])
        elif hasattr(widget, "input"):
            widget.input(value)
        else:
            widget.set_value(value)


def _by_key(at, key):
    for kind in (at.selectbox, at.text_area, at.text_input, at.number_input):
        for widget in kind:
            if widget.key == key:
                return widget
    raise KeyError(key)


def rerun(at):
    """A second run with nothing changed: what a browser sees if it missed the first."""
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def written_draft(demo):
    """Sam's draft on the GROW set, every kind of field answered."""
    sid = session(demo, "sam.taylor", days=6)
    sam = actor(demo, "sam.taylor")
    draft = reflections.open_draft(demo, sam, sid)
    grow = prompt_table.by_key(demo, "grow")["id"]
    reflections.choose_prompt_set(demo, sam, draft["id"], grow)
    draft = reflections.open_draft(demo, sam, sid)
    for n, answer in enumerate(draft["answers"]):
        reflections.save_field(demo, sam, draft["id"], f"answers.{answer['id']}.answer",
                               f"Answer {n}: what was saved", was=answer["answer"])
    wellbeing = reflections.fields(draft)
    reflections.save_field(demo, sam, draft["id"], "wellbeing.note", "Tired but coping.",
                           was=wellbeing["wellbeing.note"])
    reflections.save_field(demo, sam, draft["id"], "wellbeing.score", 6,
                           was=wellbeing["wellbeing.score"])
    reflections.add_agenda_item(demo, sam, draft["id"], title="Court statement",
                                function="development", case_ref="CR-2040", wants="advice")
    return sid, reflections.open_draft(demo, sam, sid)


def test_prepare_tells_the_browser_every_saved_answer_on_every_run(demo, written_draft):
    sid, draft = written_draft
    at = rerun(page("sam.taylor", "app_pages/prepare.py", sid))
    prompt_set = next(w for w in at.selectbox if w.label == "Prompt set")
    assert shown(prompt_set) == "GROW coaching model"
    rid = draft["id"]
    for answer in draft["answers"]:
        box = at.text_area(key=f"rf:{rid}:answers.{answer['id']}.answer")
        assert shown(box) == answer["answer"] != ""
    assert shown(at.text_area(key=f"rf:{rid}:wellbeing.note")) == "Tired but coping."
    assert shown(at.selectbox(key=f"rf:{rid}:wellbeing.score")) == "6"
    item = draft["agenda"][0]
    assert shown(at.text_input(key=f"rf:{rid}:agenda.{item['id']}.title")) == "Court statement"
    assert shown(at.text_input(key=f"rf:{rid}:agenda.{item['id']}.case_ref")) == "CR-2040"
    function = at.selectbox(key=f"rf:{rid}:agenda.{item['id']}.function")
    assert shown(function) == "Professional development"


def test_prepare_names_the_drafts_own_prompt_set_not_the_first(demo):
    """Sam's demo draft uses Signs of Safety; the list starts with Gibbs."""
    at = page("sam.taylor", "app_pages/prepare.py")
    for run in (at, rerun(at)):
        prompt_set = next(w for w in run.selectbox if w.label == "Prompt set")
        assert shown(prompt_set) == "Signs of Safety mapping"
        assert prompt_set.proto.options[0] != "Signs of Safety mapping"


def test_run_session_tells_the_browser_every_saved_field_on_every_run(demo):
    sid, _view = opened(demo)
    helen = actor(demo, "helen.carter")
    item = records.add_item(demo, helen, sid, title="Learning from the audit",
                            function="development", case_ref="CR-7001")
    records.save_item(demo, helen, item, {"discussion": "Talked through the audit findings.",
                                          "minutes": 20, "situation": "Stable at home."},
                      expected_revision=revision(demo, sid, item))
    at = rerun(page("helen.carter", "app_pages/run_session.py", sid))
    assert shown(at.selectbox(key=f"ri:{item}:function")) == "Professional development"
    assert shown(at.text_area(key=f"ri:{item}:discussion")) == "Talked through the audit findings."
    assert shown(at.number_input(key=f"ri:{item}:minutes")) == 20
    assert shown(at.text_area(key=f"ri:{item}:situation")) == "Stable at home."
    assert shown(at.text_input(key=f"ri:{item}:case_ref")) == "CR-7001"


def test_run_session_a_second_change_leaves_untouched_fields_as_saved(demo):
    """The click after a missed first run used to save the defaults over the record."""
    sid, _view = opened(demo)
    helen = actor(demo, "helen.carter")
    item = records.add_item(demo, helen, sid, title="Workload", function="development")
    records.save_item(demo, helen, item, {"discussion": "Caseload of 19.", "minutes": 20},
                      expected_revision=revision(demo, sid, item))
    at = rerun(page("helen.carter", "app_pages/run_session.py", sid))
    send_what_is_shown(at, [f"ri:{item}:{f}" for f in ("function", "discussion", "minutes")])
    at.text_input(key=f"ri:{item}:case_ref").input("CR-3003").run()
    saved = next(i for i in records.agenda(demo, helen, sid).items if i["id"] == item)
    assert (saved["function"], saved["discussion"], saved["minutes"]) == \
        ("development", "Caseload of 19.", 20)
    assert saved["case_ref"] == "CR-3003"


def test_journal_tells_the_browser_the_entry_being_edited_on_every_run(demo):
    sam = actor(demo, "sam.taylor")
    entry = journal.save(demo, sam, None, title="After the visit", body="Shaken, then calm.",
                         function="support")
    at = page("sam.taylor", "app_pages/journal.py")
    edit = next(b for b in at.button if b.key == f"jr_edit_{entry['id']}")
    edit.click().run()
    rerun(at)
    assert shown(at.text_input(key="jr:title")) == "After the visit"
    assert shown(at.text_area(key="jr:body")) == "Shaken, then calm."
    assert shown(at.selectbox(key="jr:function")) == "Personal support"
