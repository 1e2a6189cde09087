"""For a supervisee: who has read their record items outside supervision (file
audits by a team lead, flagged items among them), and when. Account page."""

import streamlit as st

from core.admin import audit


def section(db, actor) -> None:
    reads = audit.reads_of_my_items(db, actor)
    st.subheader("Who has read your record items", anchor=False)
    if not reads:
        st.write("Nobody outside your supervision has read items of your records.")
        return
    st.write("Each time someone other than you and your supervisor read items of your "
             "records: a team lead's file audit (which includes items flagged as a "
             "safeguarding concern) or a subject access export made by an admin.")
    st.dataframe(
        [{"When": r["when"], "Who": r["who"], "What": r["what"], "Session on": r["session"],
          "Items read": r["items"], "Flagged as safeguarding": r["flagged"]} for r in reads],
        hide_index=True, width="stretch",
    )
