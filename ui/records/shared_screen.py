"""Shared-screen mode: the Run session page on a projector or a shared call.

While it is on, app.py registers the Run session page alone, hides the
navigation and skips the sidebar, so nothing on screen names anyone outside
this arrangement. The session is remembered in session state and mirrored in
the address (`?shared=<session id>`), so a browser refresh stays on the shared
screen. Only leaving it, with a confirmation, turns it off.
"""

import streamlit as st

from core.access.roles import Actor, Role

from ui.kit import params

KEY = "shared_screen_session"
PARAM = "shared"

# A constant style block, never user text: large type for reading across a room.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stWidgetLabel"] p, textarea, input, [data-baseweb="select"] div,
[data-testid="stMetricValue"], button p { font-size: 1.45rem !important; line-height: 1.5; }
[data-testid="stMetricLabel"] p { font-size: 1.2rem !important; }
h1 { font-size: 2.8rem !important; }
h2 { font-size: 2.2rem !important; }
h3 { font-size: 1.8rem !important; }
</style>"""


def session_id(actor: Actor | None) -> int | None:
    """The session shown on the shared screen, if this person turned it on."""
    if actor is None or not actor.has(Role.SUPERVISOR):
        return None
    held = st.session_state.get(KEY)
    if held is None:
        held = params.id_param(PARAM)
        if held is None:
            return None
        st.session_state[KEY] = held
    if str(st.query_params.get(PARAM, "")) != str(held):
        st.query_params[PARAM] = str(held)
    return held


def enter(session: int) -> None:
    st.session_state[KEY] = int(session)
    st.query_params[PARAM] = str(session)


def leave() -> None:
    st.session_state.pop(KEY, None)
    st.query_params.pop(PARAM, None)


def style() -> None:
    st.html(STYLE)
