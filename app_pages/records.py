"""Records: read, sign or dispute, revise, and add addenda to session records."""

import streamlit as st

from core.roles import Role
from ui.guard import guard

actor = guard(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)

st.title("Records", anchor=False)
