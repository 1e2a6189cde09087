"""Admin → Settings: supervision groups past the retention period, for review, and
their purge, confirmed by typing PURGE (like the arrangements above it)."""

import streamlit as st

from core import clock
from core.admin.retention import CONFIRMATION
from core.groups import group_retention
from ui.kit import forms


def section(db, actor) -> None:
    st.subheader("Supervision groups past the retention period", anchor=False)
    past = group_retention.past_retention(db, actor)
    if not past:
        st.write("None.")
        return
    by_id = {g["id"]: g for g in past}
    st.dataframe([{"Group": g["name"], "Facilitator": g["facilitator_name"],
                   "Ended": clock.day(g["end_date"]), "Sessions": g["sessions"],
                   "Records": g["records"]} for g in past], hide_index=True, width="stretch")
    form = "group_retention"
    forms.form_error(form)
    with st.form(form):
        chosen = st.multiselect("Groups to purge", list(by_id), key=f"{form}_chosen",
                                format_func=lambda i: f"{by_id[i]['name']}, ended "
                                                      f"{clock.day(by_id[i]['end_date'])}")
        forms.field_error(form, "groups")
        st.warning("A purge deletes the group with its members, contract, sessions, records, "
                   "attendance, actions and addenda, for good. The audit log keeps that it "
                   "happened (ids and counts, no content).", icon=":material/warning:")
        typed = st.text_input(f"Type {CONFIRMATION} to confirm the group purge",
                              key=f"{form}_typed")
        forms.field_error(form, "confirmation")
        if st.form_submit_button("Purge the chosen groups"):
            forms.submit(form, lambda: group_retention.purge(db, actor, chosen, typed),
                         success="Purged. The audit log records it.",
                         clear=(f"{form}_chosen", f"{form}_typed"),
                         fields=("groups", "confirmation"))
