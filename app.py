"""The supervision portal: sign-in, then the pages this person's roles open."""

import streamlit as st

from core.errors import Busy
from core.tasks import Destination
from ui.kit import auth
from ui.kit import context
from ui.kit import focus
from ui.kit import forms
from ui import navigation as nav
from ui.records import shared_screen
from ui.kit.text import inert, inert_message

st.set_page_config(
    page_title="Supervision portal",
    page_icon=":material/diversity_1:",
    layout="wide",
)

focus.style()
db = context.database()
try:
    actor = auth.signed_in_actor(db)
except Busy as error:  # a sign-in that could not be recorded in time: try again
    st.error(inert_message(error), icon=":material/hourglass_top:")
    actor = None
# On a shared screen: the Run session page alone, no sidebar, no navigation.
shared = shared_screen.session_id(actor) is not None
if actor is not None and not shared:
    with st.sidebar:
        st.markdown(f"Signed in as **{inert(actor.name)}**")
        if st.button("Sign out", key="sign_out_button", icon=":material/logout:"):
            auth.sign_out(db, actor)
            actor = None

forms.apply_resets()
# expanded: past twelve pages Streamlit folds the menu behind "View more", hiding pages
# a supervisor who is also supervised (and a team lead) needs in plain sight.
page = st.navigation(nav.pages(actor, only=Destination.RUN_SESSION if shared else None),
                     position="sidebar" if actor and not shared else "hidden", expanded=True)
try:
    page.run()
except Busy as error:  # a save path that does not catch it: still plain words, never a trace
    st.error(inert_message(error), icon=":material/hourglass_top:")
