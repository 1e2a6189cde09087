"""Run session: the supervisor works through the agenda with the supervisee,
every field saved as it is written, then marks the session held and shares the
record. On a shared screen the page shows this arrangement and nothing else."""

import streamlit as st

from core import records
from core.vocabulary import KINDS
from core.errors import PortalError
from core.access.roles import Role
from ui.kit import context
from ui.kit import forms
from ui.kit import params
from ui.records import run_session
from ui.records import shared_screen
from ui.kit.guard import guard
from ui.kit.text import inert, inert_message

actor = guard(Role.SUPERVISOR)
db = context.database()
shared = shared_screen.session_id(actor)
if shared is not None:
    shared_screen.style()

st.title("Run session", anchor=False)
forms.flash()


def leave_shared_screen() -> None:
    """Leaving is deliberate: a button, then a confirmation."""
    if not st.session_state.get("confirm_leave"):
        if st.button("Leave shared screen", icon=":material/cancel_presentation:"):
            st.session_state["confirm_leave"] = True
            st.rerun()
        return
    st.warning("Leave the shared screen? The navigation, your private notes and other "
               "people's names come back on this screen. Stop sharing it first.",
               icon=":material/visibility:")
    yes, no = st.columns(2)
    if yes.button("Yes, leave the shared screen", type="primary"):
        st.session_state.pop("confirm_leave", None)
        shared_screen.leave()
        st.rerun()
    if no.button("Stay on the shared screen"):
        st.session_state.pop("confirm_leave", None)
        st.rerun()


def follow_choice() -> None:
    st.query_params["session"] = str(st.session_state["run_session"])


if shared is None:
    rows = records.runnable_sessions(db, actor)
    # Planned sessions first, soonest first; then held ones still to finish, latest first.
    rows = ([r for r in rows if r["status"] == "planned"]
            + sorted((r for r in rows if r["status"] != "planned"),
                     key=lambda r: r["scheduled_at"], reverse=True))
    runnable = {r["session_id"]: r for r in rows}
    if not runnable:
        st.info("You have no planned session to run and no record waiting to be shared. "
                "Plan sessions on the Plan sessions page.", icon=":material/event:")
        st.stop()
    asked = params.id_param("session")
    if asked in runnable:
        st.session_state["run_session"] = asked
    sid = st.selectbox(
        "Session", list(runnable), key="run_session", on_change=follow_choice,
        format_func=lambda i: f"{runnable[i]['supervisee_name']}: {runnable[i]['when']} "
                              f"({runnable[i]['status']}, record "
                              f"{(runnable[i]['record_status'] or 'not started')})")
    st.query_params["session"] = str(sid)
else:
    leave_shared_screen()
    sid = shared

try:
    view = records.agenda(db, actor, sid)
    if view.side != "supervisor":
        raise PortalError("Only the supervisor of this arrangement runs its sessions.")
except PortalError as error:
    st.error(inert_message(error), icon=":material/block:")
    st.stop()

record = view.record
st.markdown(f"**{inert(view.supervisee_name)}** · {KINDS[view.kind]} · "
            f"{view.when} · Session {view.session_status} · Record: "
            f"{record['status_label'] if record else 'not started'}")
if shared is None:
    if st.button("Show on a shared screen", icon=":material/cast:",
                 help="Hides the navigation, other people's names and your private notes, "
                      "and makes the text large. Leaving it takes a confirmation."):
        shared_screen.enter(sid)
        st.rerun()
    if view.side == "supervisor" and view.session_status != "cancelled":
        run_session.private_notes(view, sid)

if record is None:
    st.info("Opening the session builds its agenda: the supervisee's submitted items, every "
            "open action carried forward, a contract review when one is due, then your own "
            "items.", icon=":material/list:")
    forms.form_error("open_session")
    if st.button("Open the session", type="primary", icon=":material/play_arrow:"):
        forms.submit("open_session", lambda: records.open_session(db, actor, sid),
                     success="Session opened. Every field is saved as you write it.")
    st.stop()

if view.can_edit:
    st.markdown("Every field is saved as you write it, when you move to the next field. "
                "Sessions are recorded as they happen, never only at the end.")
run_session.totals(view)
st.header("Agenda", anchor=False)
if view.new_proposals:
    count = view.new_proposals
    st.info(f"{inert(view.supervisee_name)} submitted {count} more agenda "
            f"item{'s' if count > 1 else ''} after this agenda was built.",
            icon=":material/playlist_add:")
    forms.form_error("new_proposals")
    if st.button("Add them to the agenda", icon=":material/playlist_add:"):
        forms.submit("new_proposals", lambda: records.add_new_proposals(db, actor, sid),
                     success="The supervisee's new items are on the agenda.")
forms.form_error("agenda_move")
items = view.items
if not items:
    st.markdown("Nothing on the agenda yet. Add an item below.")
for n, it in enumerate(items, start=1):
    run_session.item(db, actor, view, it, n, last=n == len(items))
if view.can_edit:
    run_session.add_item(db, actor, view)
run_session.close(db, actor, view)
