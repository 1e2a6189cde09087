"""Admin: the audit log of who did what, and when. It names records, never their content."""

import streamlit as st

from core import audit, clock
from core.roles import Role
from ui import context
from ui.guard import guard

actor = guard(Role.ADMIN)
db = context.database()

st.title("Audit log", anchor=False)
st.write("The latest 200 events. Each names the record it touched, never what it says.")
st.dataframe(
    [
        {"When": clock.local(e["at"]), "Who": e["actor_name"] or "System", "Did": e["action"],
         "To": f"{e['entity']} {e['entity_id'] or ''}".strip()}
        for e in audit.recent(db, actor)
    ],
    hide_index=True, width="stretch",
)
