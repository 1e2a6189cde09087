"""Run session: the supervisor works through the agenda with the supervisee."""

import streamlit as st

from core.roles import Role
from ui.guard import guard

actor = guard(Role.SUPERVISOR)

st.title("Run session", anchor=False)
