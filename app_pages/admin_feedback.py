"""Admin: the statements supervisees score after a session. Every change is a new
version; answers keep the wording they answered."""

import pandas as pd
import streamlit as st

from core import clock
from core.quality import feedback
from core.quality.feedback import MAX_STATEMENTS, STATEMENT_MAX
from core.access.roles import Role
from ui.kit import forms
from ui.kit.page_start import start

actor, db = start(
    "Feedback statements", Role.ADMIN,
    intro="After signing or disputing a record, a supervisee may score these statements "
          "from 1 (strongly disagree) to 5 (strongly agree). Saving a change makes a new "
          "version: answers already given keep the wording they answered, and a reworded "
          "statement starts a new line on the charts. Admins never see the answers.")
FORM = "feedback_statements"

now = feedback.current(db)
st.header(f"In use: version {now['version']}", anchor=False)
stored = [s["text"] for s in now["statements"]]
# Re-seeded when a new version is saved, here or elsewhere.
forms.seed(FORM, now["version"], {f"feedback_statement_{n}": stored[n - 1] if n <= len(stored)
                                  else "" for n in range(1, MAX_STATEMENTS + 1)})
with st.form(FORM):
    typed = []
    for n in range(1, MAX_STATEMENTS + 1):
        key = f"feedback_statement_{n}"
        typed.append(st.text_input(f"Statement {n}", key=key, help=forms.limit(STATEMENT_MAX)))
        forms.field_error(FORM, f"statement_{n}")
    forms.field_error(FORM, "statements")
    forms.form_error(FORM)
    if st.form_submit_button("Save as a new version", type="primary"):
        forms.submit(FORM, lambda: feedback.update_statements(db, actor, typed),
                     success="Saved. Supervisees are offered the new wording from now on.",
                     fields=("statements", *(f"statement_{n}" for n in
                                             range(1, MAX_STATEMENTS + 1))))
st.markdown("Leave a row empty to drop it.")

st.header("Versions", anchor=False)
st.dataframe(pd.DataFrame.from_records(
    [{"Version": v["version"], "Saved": clock.local(v["created_at"]),
      "By": v["created_by_name"] or "Installed with the portal",
      "Statements": v["statements"], "Times answered": v["answers"]}
     for v in feedback.versions(db, actor)]), hide_index=True, width="stretch")
