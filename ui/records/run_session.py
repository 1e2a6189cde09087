"""The sections of the Run session page: running totals, the agenda items with
their autosaved fields, safeguarding flags and actions, adding an item, and
closing the session (mark held, share). The page picks the session."""

from datetime import date, timedelta

import streamlit as st

from core import clock, records, sessions
from core.errors import PortalError
from core.vocabulary import FUNCTIONS
from core.preparation.reflections import session_date
from core.validation import CASE_REF_MAX
from core.validation import TITLE_MAX

from ui.records import action_forms
from ui.kit import auth
from ui.kit import context
from ui.kit import forms
from ui.kit import widget_state
from ui.records.record_editor import Item
from ui.kit.text import inert, inert_block


def people(view: dict) -> dict:
    """The two people who can own an action."""
    return {view.supervisee_id: view.supervisee_name,
            view.supervisor_id: view.supervisor_name}


def totals(view: dict) -> None:
    st.header("Minutes so far", anchor=False)
    columns = st.columns(len(FUNCTIONS) + 1)
    for column, (function, label) in zip(columns, FUNCTIONS.items()):
        column.metric(label, f"{view.minutes[function]} min", border=True)
    planned = view.held_minutes or view.planned_minutes
    columns[-1].metric("Total recorded", f"{view.total_minutes} min", border=True,
                       help=f"The session is {planned} minutes long.")


_NOTES_ERROR = "private_notes_error"


def private_notes(view: dict, session_id: int) -> None:
    """The supervisor's own preparation, saved as written; never on a shared screen."""
    key = f"private_notes_{session_id}"
    widget_state.show(key, view.private_notes or "")

    def save() -> None:
        # A callback runs in the next script run: its own connection, its own actor.
        try:
            sessions.save_private_notes(context.database(), auth.current_actor(), session_id,
                                        st.session_state[key])
            st.session_state.pop(_NOTES_ERROR, None)
        except PortalError as error:  # the typed text stays in the box
            st.session_state[_NOTES_ERROR] = str(error)

    with st.expander("Your private preparation notes (hidden on a shared screen)",
                     icon=":material/lock:", expanded=bool(view.private_notes)):
        st.text_area("Private notes", key=key, on_change=save, height=150,
                     help=forms.limit(sessions.NOTES_MAX, "Only you can read these. Saved "
                                                          "when you move to the next field."))
        if st.session_state.get(_NOTES_ERROR):
            st.error(st.session_state[_NOTES_ERROR], icon=":material/error:")


def move(db, actor, item_id: int, direction: str) -> None:
    forms.submit("agenda_move", lambda: records.move_item(db, actor, item_id, direction),
                 success="Agenda order saved.")


def item(db, actor, view: dict, it: dict, n: int, last: bool) -> None:
    """One agenda item, every field saved as it is written."""
    editable = view.can_edit
    with st.container(border=True):
        title, order = st.columns([4, 1])
        flag = " · Safeguarding concern" if it["safeguarding"] else ""
        title.subheader(f"{n}. {inert(it['title'])}", anchor=False)
        title.markdown(f"{it['source_label']} · {it['function_label']}{flag}")
        if editable:
            if order.button("Up", icon=":material/arrow_upward:", key=f"up_{it['id']}",
                            disabled=n == 1, help=f"Move item {n} up the agenda",
                            width="stretch"):
                move(db, actor, it["id"], "up")
            if order.button("Down", icon=":material/arrow_downward:", key=f"down_{it['id']}",
                            disabled=last, help=f"Move item {n} down the agenda",
                            width="stretch"):
                move(db, actor, it["id"], "down")
            if it["source"] == "supervisor" and not it["actions"] and order.button(
                    "Remove", icon=":material/delete:", key=f"remove_{it['id']}",
                    help=f"Take item {n} off the agenda (items you added, with no actions)",
                    width="stretch"):
                forms.submit("agenda_move", lambda: records.remove_item(db, actor, it["id"]),
                             success="Item removed from the agenda.")
        fields = Item(it, editable)
        left, right = st.columns([3, 1])
        with left:
            fields.text_area("discussion", f"Item {n}: discussion", height=120)
        with right:
            fields.select("function", f"Item {n}: function", list(FUNCTIONS),
                          format_func=FUNCTIONS.get)
            fields.number("minutes", f"Item {n}: minutes", 0, records.MINUTES_MAX,
                          placeholder="Not recorded")
            fields.text_input("case_ref", f"Item {n}: case reference", limit=CASE_REF_MAX,
                              help="The case system's ID, like CR-104233. Never a child's "
                                   "name. A case item records a decision and its rationale.")
        if it["case_ref"]:
            case(fields, n)
        if it["carried"]:
            carried(db, actor, view, it["carried"], editable)
        safeguarding(db, actor, it, n, editable)
        item_actions(db, actor, view, it, n, editable)


def case(fields: Item, n: int) -> None:
    st.markdown(f"**Case {inert(fields.item['case_ref'])}**")
    left, right = st.columns(2)
    with left:
        fields.text_area("situation", f"Item {n}: current situation", height=100)
        fields.text_area("risk", f"Item {n}: risk", height=100)
        fields.text_area("decision", f"Item {n}: decision", height=100)
    with right:
        fields.text_area("analysis", f"Item {n}: analysis", height=100)
        fields.select("risk_score", f"Item {n}: Signs of Safety scale, 0 to 10 (optional)",
                      list(range(11)), index=None, placeholder="No score",
                      help="0: the child is not safe enough to stay; 10: everyone agrees "
                           "the child is safe enough to close the case.")
        fields.text_area("rationale", f"Item {n}: rationale for the decision", height=100,
                         help="Required with a decision: records are disclosable in court.")
    fields.day("next_review", f"Item {n}: next review (optional)", value=None)


def carried(db, actor, view: dict, action: dict, editable: bool) -> None:
    due = f"due {clock.day(action['due_date'])}" + (" (overdue)" if action["overdue"] else "")
    st.markdown(f"**Carried action** · {inert(action['owner_name'])} · {due} · "
                f"{action['status'].capitalize()}")
    if action["status"] != "open" or not editable:
        return
    action_forms.close_form(db, actor, action["id"])


def safeguarding(db, actor, it: dict, n: int, editable: bool) -> None:
    if it["safeguarding"]:
        st.warning(f"**Flagged as a safeguarding concern** on "
                   f"{clock.local(it['safeguarding_at'])}. Reason: "
                   f"{inert_block(it['safeguarding_reason'])}", icon=":material/shield:")
    if not editable:
        return
    form = f"flag_{it['id']}"
    label = "Withdraw the safeguarding flag" if it["safeguarding"] else \
        "Flag as a safeguarding concern"
    with st.expander(label, icon=":material/flag:", expanded=forms.has_errors(form)):
        with st.form(form):
            st.markdown("The team lead can then read this item, and every read is audited."
                        if not it["safeguarding"] else
                        "Say why the flag was set in error. The original reason stays in "
                        "the audit log.")
            reason = st.text_area(f"Item {n}: reason", key=f"{form}_reason",
                                  help=forms.limit(records.REASON_MAX))
            forms.field_error(form, "reason")
            forms.form_error(form)
            if st.form_submit_button(label, key=f"{form}_submit"):
                act = records.unflag_safeguarding if it["safeguarding"] else \
                    records.flag_safeguarding
                forms.submit(form, lambda: act(db, actor, it["id"], reason),
                             success="Safeguarding flag withdrawn." if it["safeguarding"]
                             else "Flagged as a safeguarding concern.",
                             clear={f"{form}_reason": ""}, fields=("reason",))


def item_actions(db, actor, view: dict, it: dict, n: int, editable: bool) -> None:
    for a in it["actions"]:
        st.markdown(f"**Action** · {inert(a['owner_name'])} · due {clock.day(a['due_date'])}"
                    f" · {a['status'].capitalize()}: {inert_block(a['description'])}")
    if not editable:
        return
    form = f"action_{it['id']}"
    owners = people(view)
    with st.expander(f"Add an action on item {n}", icon=":material/add_task:",
                     expanded=forms.has_errors(form)):
        with st.form(form):
            owner = st.selectbox("Owner", list(owners), format_func=owners.get,
                                 key=f"{form}_owner")
            forms.field_error(form, "owner_id")
            description = st.text_area("What is to be done", key=f"{form}_description",
                                       help=forms.limit(records.ACTION_MAX))
            forms.field_error(form, "description")
            due = st.date_input("Due date", clock.today() + timedelta(days=14),
                                min_value=date(1900, 1, 1), max_value=date(2199, 12, 31),
                                format="DD/MM/YYYY", key=f"{form}_due")
            forms.field_error(form, "due_date")
            forms.form_error(form)
            if st.form_submit_button("Add the action", key=f"{form}_submit"):
                forms.submit(form, lambda: records.add_action(
                    db, actor, it["id"], owner_id=owner, description=description,
                    due_date=due), success="Action added.",
                    clear={f"{form}_description": "",
                           f"{form}_due": clock.today() + timedelta(days=14)},
                    fields=("owner_id", "description", "due_date"))


def add_item(db, actor, view: dict) -> None:
    form = "add_item"
    with st.expander("Add an item to the agenda", icon=":material/playlist_add:",
                     expanded=forms.has_errors(form)):
        with st.form(form):
            title = st.text_input("Title", key=f"{form}_title", help=forms.limit(TITLE_MAX))
            forms.field_error(form, "title")
            function = st.selectbox("Function", list(FUNCTIONS), index=None,
                                    format_func=FUNCTIONS.get, key=f"{form}_function",
                                    placeholder="Choose a function")
            forms.field_error(form, "function")
            case_ref = st.text_input("Case reference (optional)", key=f"{form}_case",
                                     help=forms.limit(CASE_REF_MAX))
            forms.field_error(form, "case_ref")
            forms.form_error(form)
            if st.form_submit_button("Add the item"):
                forms.submit(form, lambda: records.add_item(
                    db, actor, view.session_id, title=title, function=function,
                    case_ref=case_ref), success="Item added to the agenda.",
                    clear={f"{form}_title": "", f"{form}_function": None, f"{form}_case": ""},
                    fields=("title", "function", "case_ref"))


def close(db, actor, view: dict) -> None:
    """Mark the session held, then share the record."""
    st.header("After the session", anchor=False)
    record, sid = view.record, view.session_id
    today = clock.today()
    scheduled = session_date(view.scheduled_at)
    if view.session_status == "planned" and view.can_edit and scheduled > today:
        st.markdown(f"Mark the session held once it has taken place, from "
                    f"{clock.day(scheduled)}. Then share the record.")
    elif view.session_status == "planned" and view.can_edit:
        with st.form("mark_held"):
            st.markdown("**Mark the session held** with how long it took.")
            held_on = st.date_input("Held on", scheduled, max_value=today,
                                    format="DD/MM/YYYY", key="held_on")
            forms.field_error("mark_held", "held_on")
            minutes = st.number_input("How long it took (minutes)", 5, 480,
                                      view.planned_minutes,
                                      5, key="held_minutes")
            forms.field_error("mark_held", "held_minutes")
            forms.form_error("mark_held")
            if st.form_submit_button("Mark held", type="primary"):
                forms.submit("mark_held", lambda: records.mark_held(
                    db, actor, sid, held_on, minutes), success="Marked held.",
                    fields=("held_on", "held_minutes"))
    elif view.session_status == "held":
        st.markdown(f"Held on {clock.day(view.held_on)} for {view.held_minutes} "
                    f"minutes. Share the record by {clock.day(view.share_by)}.")
    if view.late:
        st.warning("This record was not shared within the contract's working days: it is "
                   "shown as late to you and to the team lead.", icon=":material/schedule:")
    if record["status"] == "disputed":
        st.warning("The supervisee disputed this record. Revise it above and share it "
                   "again, or sign it as it stands on the Records page, with the dispute "
                   "kept on the record.", icon=":material/rate_review:")
        for d in view.disputes:
            if d["resolved_at"] is None and d["comment"] is not None:
                st.markdown(f"**{inert(d['by_name'])}, {clock.local(d['created_at'])}:** "
                            f"{inert_block(d['comment'])}")
    if view.can_share:
        forms.form_error("share")
        if st.button("Share the record with " + inert(view.supervisee_name), type="primary",
                     icon=":material/send:", key="share_record",
                     help="Sharing is your signature on the record as it stands."):
            forms.submit("share", lambda: records.share(db, actor, sid),
                         success="Shared. The supervisee can now read and sign it.")
    elif record["status"] == "shared":
        st.info(f"Shared on {clock.local(record['shared_at'])}. It waits for the "
                "supervisee's signature or comment, so it cannot change now.",
                icon=":material/hourglass_top:")
    elif record["status"] == "agreed":
        st.success("Agreed by both and locked. Corrections are added as addenda on the "
                   "Records page.", icon=":material/lock:")
