"""The supervision portal: sign-in, then the pages this person's roles open."""

import streamlit as st

from ui import auth, context, nav
from ui.text import inert

st.set_page_config(
    page_title="Supervision portal",
    page_icon=":material/diversity_1:",
    layout="wide",
)

db = context.database()
actor = auth.signed_in_actor(db)
if actor is not None:
    with st.sidebar:
        st.markdown(f"Signed in as **{inert(actor.name)}**")
        if st.button("Sign out", key="sign_out_button", icon=":material/logout:"):
            auth.sign_out(db, actor)
            actor = None

page = st.navigation(nav.pages(actor), position="sidebar" if actor else "hidden")
page.run()
