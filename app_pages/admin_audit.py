"""Admin: the audit trail of who did what, and when. It names records, never their content."""

import streamlit as st

from core.access.roles import Role
from ui.admin import audit_trail
from ui.kit import context
from ui.kit.guard import guard

actor = guard(Role.ADMIN)
db = context.database()

st.title("Audit log", anchor=False)
st.write("Every change, signature, read of a flagged or file-audited item, export and admin "
         "act. Each event names the record it touched, never what it says.")
chosen = audit_trail.filters(db, actor)
audit_trail.trail(db, actor, chosen)
audit_trail.download(actor, chosen)
