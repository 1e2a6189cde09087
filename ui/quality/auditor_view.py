"""The admin's list of named file auditors, with forms to name and remove one."""

import streamlit as st

from core.people import teams
from core.quality import auditors
from ui.kit import forms
from ui.kit import paging
from ui.kit.text import inert

NAME_FORM = "name_auditor"
REMOVE_FORM = "remove_auditor"


def named_auditors(db, actor) -> None:
    rows = auditors.listing(db, actor)
    if rows:
        st.dataframe([{"Auditor": f"{r['name']} ({r['username']})", "Audits": r["scope"],
                       "Account": "Active" if r["active"] else "Deactivated"} for r in rows],
                     hide_index=True, width="stretch")
    else:
        st.markdown("No file auditors are named. Team leads audit their own teams' files.")
    people = paging.people_found(db, actor, st.text_input(
        "Find a person to name", key="auditor_find", placeholder="Part of a name or username"))
    scopes = {None: auditors.WHOLE_SERVICE.capitalize()} | {
        t["id"]: t["name"] for t in teams.names(db)}
    forms.form_error(NAME_FORM)
    with st.form(NAME_FORM):
        person = st.selectbox("Person", list(people), format_func=people.get,
                              key="auditor_person", placeholder="Find a person above")
        forms.field_error(NAME_FORM, "auditor")
        scope = st.selectbox("Audits the files of", list(scopes), format_func=scopes.get,
                             key="auditor_scope")
        forms.field_error(NAME_FORM, "scope")
        if st.form_submit_button("Name as auditor", icon=":material/person_add:"):
            forms.submit(NAME_FORM, lambda: auditors.name_auditor(db, actor, person, scope),
                         success=f"Named {inert(people.get(person, 'them'))} file auditor: "
                                 f"{inert(scopes[scope])}.", fields=("auditor", "scope"))
    if not rows:
        return
    by_id = {r["id"]: f"{r['name']}: {r['scope']}" for r in rows}
    forms.form_error(REMOVE_FORM)
    with st.form(REMOVE_FORM):
        chosen = st.selectbox("Auditor to remove", list(by_id), format_func=by_id.get,
                              key="auditor_remove")
        if st.form_submit_button("Remove as auditor", icon=":material/person_remove:"):
            forms.submit(REMOVE_FORM, lambda: auditors.remove_auditor(db, actor, chosen),
                         success=f"Removed {inert(by_id[chosen])}. Audits they shared stay.")
