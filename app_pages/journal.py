"""The private journal: reflective entries nobody else can read, saved as they are written."""

import streamlit as st

from core import clock
from core.preparation import journal
from core.vocabulary import label as function_label
from core.access.roles import Role
from ui.kit import context
from ui.kit.guard import guard
from ui.preparation.journal_editor import editor, entry_actions
from ui.kit.text import inert, inert_block

actor = guard(Role.SUPERVISEE)
db = context.database()

st.title("Journal", anchor=False)
st.info("Private to you. Nobody else can read your journal: not your supervisor, not your "
        "team lead, not an admin. To share something, copy an entry into a reflection on "
        "the Prepare page; the entry itself stays here, private.", icon=":material/lock:")

st.header("Write", anchor=False)
editor(db, actor)

st.header("Your entries", anchor=False)
entries = journal.entries(db, actor)
if not entries:
    st.markdown("No entries yet.")
for entry in entries:
    heading = entry["title"] or " ".join(entry["body"].split()[:8]) or "Untitled"
    with st.expander(f"{clock.local(entry['created_at'])}: {inert(heading)}"):
        st.markdown(function_label(entry["function"]) + " · last changed "
                   + clock.local(entry["updated_at"]))
        st.markdown(inert_block(entry["body"]) if entry["body"].strip() else "_No text._")
        entry_actions(entry)
