"""The first line of every page: who may open it. Leaving a page out of the
navigation is not access control; this is."""

import streamlit as st

from core.access.roles import Actor, Role

from ui.kit import auth


def guard(*roles: Role, password_page: bool = False) -> Actor:
    """The signed-in person, if they hold one of these roles (none named: anyone
    signed in). Otherwise the page stops with a clear message."""
    actor = auth.current_actor()
    if actor is None:
        st.error("Sign in to open this page.")
        st.stop()
    if actor.must_change_password and not password_page:
        st.warning("Choose a new password before you go on.")
        st.stop()
    if roles and not actor.has(*roles):
        names = " or ".join(r.plural.lower() for r in roles)
        st.error(f"This page is for {names}. Your account does not have that role.")
        st.stop()
    return actor
