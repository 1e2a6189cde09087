"""Admin → Settings: records past the retention period, for review, and their
purge. Two steps: choose the arrangements, then confirm by typing PURGE."""

import streamlit as st

from core import clock
from core.admin import retention
from ui.kit import forms

KIND = {"line": "line", "child_protection": "child protection", "clinical": "clinical"}


def section(db, actor) -> None:
    st.subheader("Records past the retention period", anchor=False)
    past = retention.past_retention(db, actor)
    st.write(f"Arrangements that ended before {clock.day(retention.cutoff(db))}. Nothing is "
             "deleted automatically: review them, then purge the ones your council's "
             "retention schedule allows.")
    if not past:
        st.write("None.")
        return
    by_id = {a["id"]: a for a in past}
    st.dataframe(
        [{"Arrangement": a["id"], "Supervisee": a["supervisee_name"],
          "Supervisor": a["supervisor_name"], "Kind": KIND.get(a["kind"], a["kind"]),
          "Ended": clock.day(a["end_date"]), "Sessions": a["sessions"], "Records": a["records"]}
         for a in past],
        hide_index=True, width="stretch",
    )
    forms.form_error("retention")
    with st.form("retention"):
        chosen = st.multiselect(
            "Arrangements to purge", list(by_id), key="retention_chosen",
            format_func=lambda i: (f"{i}: {by_id[i]['supervisee_name']} with "
                                   f"{by_id[i]['supervisor_name']}, ended "
                                   f"{clock.day(by_id[i]['end_date'])}"))
        forms.field_error("retention", "arrangements")
        st.warning("A purge deletes the arrangement with its contracts, sessions, records, "
                   "items, actions, addenda and reflections, for good. The audit log keeps "
                   "that it happened (ids and counts, no content).", icon=":material/warning:")
        typed = st.text_input(f"Type {retention.CONFIRMATION} to confirm", key="retention_typed")
        forms.field_error("retention", "confirmation")
        if st.form_submit_button("Purge the chosen arrangements"):
            forms.submit("retention", lambda: retention.purge(db, actor, chosen, typed),
                         success="Purged. The audit log records it.",
                         clear=("retention_chosen", "retention_typed"),
                         fields=("arrangements", "confirmation"))
