"""The sections of the Prepare page: open actions, prompts, agenda, wellbeing,
a journal entry to bring in, and submitting. The page itself picks the session."""

import streamlit as st

from core import clock
from core.records import actions
from core.preparation import journal
from core.preparation import prompt_sets
from core.preparation import reflections
from core.vocabulary import FUNCTIONS, label as function_label
from core.preparation.reflections import WANTS, State
from core.validation import CASE_REF_MAX
from core.validation import TITLE_MAX

from ui.records import action_forms
from ui.kit import forms
from ui.preparation.reflection_draft import Draft, label
from ui.kit.text import inert, inert_block


def open_actions(db, actor, arrangement_id: int) -> None:
    st.header("Open actions", anchor=False)
    listed = actions.open_for_arrangement(db, actor, arrangement_id)
    if not listed:
        st.markdown("No open actions from earlier sessions.")
        return
    st.markdown("Actions from earlier sessions stay open until closed. Close yours with what "
               "came of it, so the session can move on.")
    for item in listed:
        due = f"Due {clock.day(item['due_date'])}" + (" (overdue)" if item["overdue"] else "")
        st.markdown(f"**{due}** · {inert(item['owner_name'])}: "
                    f"{inert_block(item['description'])}")
        if item["mine"]:
            action_forms.close_form(db, actor, item["id"])


def prompts(db, draft: Draft) -> None:
    st.header("Reflection", anchor=False)
    current = draft.draft["prompt_set"]
    options = {s["id"]: s["name"] for s in prompt_sets.choices(db)}
    if current and current["retired"]:
        options[current["id"]] = f"{current['name']} (retired)"
    draft.choose_prompt_set(options)
    if current is None:
        st.markdown("Choose a prompt set to see its prompts. Each prompt shows its stage and "
                   "the function of supervision it serves.")
        return
    if current["description"]:
        st.markdown(inert(current["description"]))
    for n, answer in enumerate(draft.draft["answers"], start=1):
        st.markdown(f"**{n}. {inert(answer['stage'])}** · Function: "
                    f"{function_label(answer['function'])}")
        if answer["asks_scale"]:
            draft.select(f"answers.{answer['id']}.scale", f"Prompt {n}: score from 0 to 10",
                         list(range(11)), placeholder="No score yet")
        draft.text_area(f"answers.{answer['id']}.answer", label(answer["prompt"]), height=140)


def agenda(db, actor, draft: Draft) -> None:
    st.header("Agenda items", anchor=False)
    st.markdown("What you want to bring. Name a case by its case system reference, never by "
               "a child's name.")
    functions = list(FUNCTIONS)
    for n, item in enumerate(draft.draft["agenda"], start=1):
        with st.container(border=True):
            left, right = st.columns(2)
            with left:
                draft.text_input(f"agenda.{item['id']}.title", f"Item {n}: title",
                                 limit=TITLE_MAX)
                draft.text_input(f"agenda.{item['id']}.case_ref",
                                 f"Item {n}: case reference (optional)", limit=CASE_REF_MAX)
            with right:
                draft.select(f"agenda.{item['id']}.function", f"Item {n}: function", functions,
                             format_func=FUNCTIONS.get, required=True)
                draft.select(f"agenda.{item['id']}.wants", f"Item {n}: what you want",
                             list(WANTS), format_func=WANTS.get, required=True)
            if draft.editable and st.button(f"Remove item {n}", key=f"remove_{item['id']}"):
                forms.submit("agenda_remove", lambda: reflections.remove_agenda_item(
                    db, actor, draft.rid, item["id"]), success="Agenda item removed.")
    forms.form_error("agenda_remove")
    if not draft.editable:
        return
    st.subheader("Propose an item", anchor=False)
    form, rid = "agenda_new", draft.rid
    left, right = st.columns(2)
    with left:
        title = st.text_input("Title", key=f"new_title_{rid}", help=forms.limit(TITLE_MAX))
        forms.field_error(form, "title")
        case_ref = st.text_input("Case reference (optional)", key=f"new_case_{rid}",
                                 help=forms.limit(CASE_REF_MAX,
                                                  "The case system's ID, like CR-104233."))
        forms.field_error(form, "case_ref")
    with right:
        function = st.selectbox("Function", functions, index=None, format_func=FUNCTIONS.get,
                                key=f"new_function_{rid}", placeholder="Choose a function")
        forms.field_error(form, "function")
        wants = st.selectbox("What you want from supervision", list(WANTS), index=None,
                             format_func=WANTS.get, key=f"new_wants_{rid}",
                             placeholder="Advice, a decision, reflection or support")
        forms.field_error(form, "wants")
    if st.button("Add to the agenda", icon=":material/add:"):
        forms.submit(form, lambda: reflections.add_agenda_item(
            db, actor, rid, title=title, function=function, case_ref=case_ref, wants=wants),
            success="Added to the agenda.",
            clear={f"new_title_{rid}": "", f"new_case_{rid}": "", f"new_function_{rid}": None,
                   f"new_wants_{rid}": None})


def wellbeing(draft: Draft) -> None:
    st.header("Wellbeing check", anchor=False)
    supervisor = draft.draft["session"]["supervisor_name"]
    st.markdown(f"Optional, and private to you unless you share it with {inert(supervisor)}.")
    draft.select("wellbeing.score", "How are you? 0 is struggling, 10 is thriving",
                 list(range(11)), placeholder="Not answered")
    draft.text_area("wellbeing.note", "A note about your wellbeing (optional)", height=90,
                    limit=reflections.NOTE_MAX)
    draft.checkbox("wellbeing.shared", f"Share my wellbeing check with {label(supervisor)}",
                   help="They see it once you submit. If you untick this later, they stop "
                        "seeing it at once.")


def from_journal(db, actor, draft: Draft) -> None:
    st.header("From your journal", anchor=False)
    entries = journal.entries(db, actor)
    answers = draft.draft["answers"]
    if not entries or not answers:
        st.markdown("Entries in your private journal can be copied into an answer here, "
                   "once you have chosen a prompt set." if not answers
                   else "Your journal is empty.")
        return
    st.markdown("The copy becomes part of this reflection, and your supervisor sees it when "
               "you submit. The journal entry itself stays private.")
    by_id = {e["id"]: e for e in entries}
    entry_id = st.selectbox("Journal entry", list(by_id), key=f"copy_entry_{draft.rid}",
                            format_func=lambda i: _entry_label(by_id[i]))
    targets = {a["id"]: f"{n}. {a['stage']}" for n, a in enumerate(answers, start=1)}
    answer_id = st.selectbox("Copy into the answer to", list(targets), format_func=targets.get,
                             key=f"copy_target_{draft.rid}")
    forms.field_error("journal_copy", "entry")
    forms.form_error("journal_copy")
    if st.button("Copy into my reflection", icon=":material/content_copy:"):
        forms.submit("journal_copy", lambda: reflections.copy_journal_entry(
            db, actor, draft.rid, entry_id, answer_id),
            success="Copied into your reflection. The journal entry stays private.",
            fields=("entry",))


def _entry_label(entry: dict) -> str:
    words = entry["title"] or " ".join(entry["body"].split()[:8])
    return f"{clock.local(entry['created_at'])}: {words}"


def submit(db, actor, draft: Draft) -> None:
    st.header("Share with your supervisor", anchor=False)
    state, supervisor = draft.draft["state"], draft.draft["session"]["supervisor_name"]
    versions = draft.draft["versions"]
    if state is State.DRAFT:
        st.info(f"{inert(supervisor)} cannot see any of this until you submit it.",
                icon=":material/lock:")
    elif state is State.CHANGED:
        st.warning(f"Changes not yet shared: {inert(supervisor)} still sees version "
                   f"{versions}.", icon=":material/sync_problem:")
    elif state is State.SUBMITTED:
        st.success(f"{inert(supervisor)} sees version {versions}, which matches your draft.",
                   icon=":material/check_circle:")
    forms.field_error("reflection_submit", "_submit")
    if state in (State.DRAFT, State.CHANGED):
        action = f"Submit to {label(supervisor)}" if state is State.DRAFT else "Share my changes"
        if st.button(action, type="primary", icon=":material/send:"):
            forms.submit("reflection_submit", lambda: reflections.submit(db, actor, draft.rid),
                         success=f"Submitted. {inert(supervisor)} can now see your reflection.",
                         fields=("_submit",))
