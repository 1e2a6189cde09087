"""Admin: create and end supervision arrangements."""

from datetime import timedelta

import streamlit as st

from core import clock
from core.people import arrangements
from core.people.arrangements import KINDS
from core.access.roles import Role
from core.validation import EARLIEST, LATEST_YEARS_AHEAD
from ui.kit import context
from ui.kit import forms
from ui.kit import paging
from ui.groups import group_admin
from ui.kit.guard import guard

actor = guard(Role.ADMIN)
db = context.database()
today = clock.today()
LATEST = today + timedelta(days=365 * LATEST_YEARS_AHEAD)

st.title("Arrangements", anchor=False)
st.write("An arrangement is one supervisor and one supervisee, for one kind of supervision.")
forms.flash()

# The people to choose from are searched: an authority has thousands of staff.
st.markdown("**Create an arrangement**")
find_left, find_right = st.columns(2)
with find_left:
    supervisors = paging.people_found(db, actor, st.text_input(
        "Find a supervisor", key="ca_find_supervisor", placeholder="Part of a name or username"))
with find_right:
    supervisees = paging.people_found(db, actor, st.text_input(
        "Find a supervisee", key="ca_find_supervisee", placeholder="Part of a name or username"))

with st.form("create_arrangement"):
    left, right = st.columns(2)
    with left:
        supervisor = st.selectbox("Supervisor", list(supervisors), index=None,
                                  format_func=supervisors.get, key="ca_supervisor",
                                  placeholder="Choose a person")
        forms.field_error("create_arrangement", "supervisor")
        supervisee = st.selectbox("Supervisee", list(supervisees), index=None,
                                  format_func=supervisees.get, key="ca_supervisee",
                                  placeholder="Choose a person")
        forms.field_error("create_arrangement", "supervisee")
        kind = st.selectbox("Kind", list(KINDS), format_func=KINDS.get, key="ca_kind")
        forms.field_error("create_arrangement", "kind")
    with right:
        start = st.date_input("Start date", today, min_value=EARLIEST, max_value=LATEST,
                              key="ca_start", format="DD/MM/YYYY")
        forms.field_error("create_arrangement", "start_date")
        end = st.date_input("End date (optional)", None, min_value=EARLIEST, max_value=LATEST,
                            key="ca_end", format="DD/MM/YYYY")
        forms.field_error("create_arrangement", "end_date")
    if st.form_submit_button("Create arrangement", type="primary"):
        forms.submit(
            "create_arrangement",
            lambda: arrangements.create_arrangement(
                db, actor, supervisor_id=supervisor, supervisee_id=supervisee, kind=kind,
                start_date=start, end_date=end),
            success="Arrangement created.",
            clear=("ca_supervisor", "ca_supervisee", "ca_kind", "ca_start", "ca_end"),
        )

st.subheader("Arrangements", anchor=False)
search = st.text_input("Find arrangements", key="arrangement_search",
                       placeholder="Part of the supervisor's or supervisee's name")
start = paging.offset(f"arrangement_page:{search.strip().lower()}",
                      arrangements.count_found(db, actor, search))
rows, found = arrangements.find(db, actor, search, limit=paging.PAGE_SIZE, offset=start)
st.dataframe(
    [
        {"Supervisor": a["supervisor_name"], "Supervisee": a["supervisee_name"],
         "Kind": KINDS[a["kind"]], "Start": clock.day(a["start_date"]),
         "End": clock.day(a["end_date"]) or "Open"}
        for a in rows
    ],
    hide_index=True, width="stretch",
)
paging.showing(start, len(rows), found, "arrangements")
current, running = arrangements.find(db, actor, search, limit=paging.CHOICES,
                                     current_on=today.isoformat())

if current:
    with st.form("end_arrangement"):
        st.markdown("**End an arrangement**")
        paging.more_to_choose(len(current), running, "running arrangements found")
        by_id = {a["id"]: a for a in current}
        chosen = st.selectbox(
            "Arrangement", list(by_id), key="ea_arrangement",
            format_func=lambda i: f"{by_id[i]['supervisor_name']} supervising "
                                  f"{by_id[i]['supervisee_name']} ({KINDS[by_id[i]['kind']]})")
        end = st.date_input("End date", today, min_value=EARLIEST, max_value=LATEST,
                            key="ea_end", format="DD/MM/YYYY")
        forms.field_error("end_arrangement", "end_date")
        if st.form_submit_button("End arrangement"):
            forms.submit("end_arrangement",
                         lambda: arrangements.end_arrangement(db, actor, chosen, end),
                         success="Arrangement ended. The supervisor keeps read-only access "
                                 "to the records they wrote.")

group_admin.section(db, actor)
