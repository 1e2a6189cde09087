"""Admin: create teams and set each team's lead."""

import streamlit as st

from core.people import teams
from core.access.roles import Role
from core.validation import NAME_MAX
from ui.kit import forms
from ui.kit import paging
from ui.kit.page_start import start
from ui.kit.text import inert

actor, db = start("Teams", Role.ADMIN)

search = st.text_input("Find teams", key="team_search",
                       placeholder="Part of the team's or its lead's name")
start = paging.offset(f"team_page:{search.strip().lower()}", teams.count_found(db, search))
rows, found = teams.find(db, search, limit=paging.PAGE_SIZE, offset=start)
if rows:
    st.dataframe(
        [{"Team": t["name"], "Lead": t["lead_name"] or "No lead yet", "People": t["members"]}
         for t in rows],
        hide_index=True, width="stretch",
    )
    paging.showing(start, len(rows), found, "teams")
elif search.strip():
    st.write("No teams found.")
else:
    st.info("There are no teams yet. Create the first one below.")

names = paging.people_found(db, actor, st.text_input(
    "Find a team lead", key="team_find_lead", placeholder="Part of a name or username"))
lead_options = [None] + list(names)


def lead_label(user_id):
    return "No lead yet" if user_id is None else names.get(user_id, "A deactivated person")


with st.form("create_team"):
    st.markdown("**Create a team**")
    name = st.text_input("Team name", key="ct_name", help=forms.limit(NAME_MAX))
    forms.field_error("create_team", "name")
    lead = st.selectbox("Team lead", lead_options, format_func=lead_label, key="ct_lead")
    forms.field_error("create_team", "lead")
    if st.form_submit_button("Create team", type="primary"):
        forms.submit("create_team", lambda: teams.create_team(db, actor, name=name, lead_id=lead),
                     success=f"Created the team '{inert(name.strip())}'.",
                     clear=("ct_name", "ct_lead"))

if rows:
    with st.form("set_lead"):
        st.markdown("**Change a team's lead**")
        by_id = {t["id"]: t for t in rows}
        team_id = st.selectbox("Team", list(by_id), format_func=lambda i: by_id[i]["name"],
                               key="sl_team")
        lead = st.selectbox("New team lead", lead_options, format_func=lead_label, key="sl_lead")
        forms.field_error("set_lead", "lead")
        if st.form_submit_button("Set lead"):
            forms.submit("set_lead", lambda: teams.set_lead(db, actor, team_id, lead),
                         success=f"{inert(by_id[team_id]['name'])} now has "
                                 f"{inert(lead_label(lead))} as lead.")
    st.write("People join a team from the Users page.")
