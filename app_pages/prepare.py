"""Prepare for supervision: the supervisee's reflection, agenda and wellbeing check
for a planned session, saved to the database as they type."""

import streamlit as st

from core import clock
from core.preparation import reflections
from core.vocabulary import KINDS
from core.errors import PortalError
from core.access.roles import Role
from ui.kit import params
from ui.preparation import prepare
from ui.preparation import reflection_view
from ui.kit.page_start import start
from ui.preparation.reflection_draft import Draft
from ui.kit.text import inert, inert_message

actor, db = start("Prepare for supervision", Role.SUPERVISEE)


def follow_choice() -> None:
    st.query_params["session"] = str(st.session_state["prepare_session"])


upcoming = {s["session_id"]: s for s in reflections.upcoming(db, actor)}
asked = params.id_param("session")
if params.given("session") and asked is None:
    params.not_found()
    st.stop()
if asked is None or asked in upcoming:
    if not upcoming:
        st.info("You have no planned sessions to prepare for. Your supervisor plans them; "
                "meanwhile your private Journal is always open.", icon=":material/event:")
        st.stop()
    if asked in upcoming:
        st.session_state["prepare_session"] = asked
    session_id = st.selectbox(
        "Session", list(upcoming), key="prepare_session", on_change=follow_choice,
        format_func=lambda i: f"{upcoming[i]['when']} with {upcoming[i]['supervisor_name']} "
                              f"({KINDS[upcoming[i]['kind']].lower()})")
    st.query_params["session"] = str(session_id)
else:
    session_id = asked  # an earlier session, or none of theirs: core decides

try:
    view = reflections.open_draft(db, actor, session_id)
except params.HIDDEN:
    params.not_found()
    st.stop()
except PortalError as error:
    st.error(inert_message(error), icon=":material/block:")
    st.stop()
if view is None:
    st.info("This session is no longer planned, and there was no preparation for it.")
    st.stop()

session = view["session"]
if session_id not in upcoming:
    st.markdown(f"**Session:** {session['when']} with {inert(session['supervisor_name'])}")
st.markdown(f"**Status:** {view['state'].value}")
st.markdown(f"Last saved {clock.local(view['saved_at'])}. Every change is saved as you make "
           "it, so you can leave and come back on any computer.")

if not view["editable"]:
    st.info(reflections.closed_message(session), icon=":material/lock:")
    latest = reflections.latest_submitted(db, actor, session_id)
    if latest:
        reflection_view.render(latest)
    st.stop()

draft = Draft(view)
prepare.prompts(db, draft)
prepare.from_journal(db, actor, draft)
prepare.agenda(db, actor, draft)
prepare.open_actions(db, actor, session["arrangement_id"])
prepare.wellbeing(draft)
prepare.submit(db, actor, draft)

if view["versions"]:
    with st.expander(f"What {inert(session['supervisor_name'])} sees now",
                     icon=":material/visibility:"):
        reflection_view.render(reflections.latest_submitted(db, actor, session_id))
