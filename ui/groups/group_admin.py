"""The admin's section of the Arrangements page: set up and end supervision groups.
The admin sees who is in a group, never what it recorded."""

from datetime import timedelta

import streamlit as st

from core import clock
from core.groups import group_membership, group_setup
from core.validation import EARLIEST, LATEST_YEARS_AHEAD, NAME_MAX
from ui.groups import group_members
from ui.kit import forms, paging


def _people(db, actor, search_label: str, key: str, chosen: list) -> dict[int, str]:
    """Options for a people box: who the search finds, plus whoever is chosen already
    (a new search must not drop a member picked from an earlier one)."""
    search = st.text_input(search_label, key=f"{key}_find",
                           placeholder="Part of a name or username")
    found = paging.people_found(db, actor, search)
    known = st.session_state.setdefault(f"{key}_known", {})
    known.update(found)
    return {**{i: known[i] for i in chosen if i in known}, **found}


def section(db, actor) -> None:
    today = clock.today()
    latest = today + timedelta(days=365 * LATEST_YEARS_AHEAD)
    st.header("Group supervision", anchor=False)
    st.write(f"A supervision group has a facilitator (a supervisor) and "
             f"{group_setup.MEMBERS[0]} to {group_setup.MEMBERS[1]} members (supervisees). "
             "The facilitator drafts the group's contract and plans its sessions.")
    st.markdown("**Set up a group**")
    left, right = st.columns(2)
    with left:
        chosen = st.session_state.get("cg_facilitator")
        leaders = _people(db, actor, "Find a facilitator", "cg_facilitator",
                          [chosen] if chosen else [])
    with right:
        members = _people(db, actor, "Find members", "cg_members",
                          st.session_state.get("cg_members") or [])
    with st.form("create_group"):
        st.text_input("Group name", key="cg_name", help=forms.limit(NAME_MAX))
        forms.field_error("create_group", "name")
        st.selectbox("Facilitator", list(leaders), index=None, format_func=leaders.get,
                     key="cg_facilitator", placeholder="Choose a person")
        forms.field_error("create_group", "facilitator")
        st.multiselect("Members", list(members), format_func=members.get, key="cg_members",
                       placeholder="Choose 3 to 10 people")
        forms.field_error("create_group", "members")
        st.date_input("Start date", today, min_value=EARLIEST, max_value=latest,
                      key="cg_start", format="DD/MM/YYYY")
        forms.field_error("create_group", "start_date")
        forms.form_error("create_group")
        if st.form_submit_button("Set up group", type="primary"):
            state = st.session_state
            forms.submit("create_group", lambda: group_setup.create_group(
                db, actor, name=state.get("cg_name"), facilitator_id=state.get("cg_facilitator"),
                member_ids=state.get("cg_members"), start_date=state.get("cg_start")),
                success="Group set up. Its facilitator drafts the group's contract next.",
                clear=("cg_name", "cg_facilitator", "cg_members", "cg_start"),
                fields=("name", "facilitator", "members", "start_date"))
    groups = group_setup.listing(db, actor)
    if not groups:
        st.markdown("No supervision groups yet.")
        return
    st.dataframe([{"Group": g["name"], "Facilitator": g["facilitator_name"],
                   "Members": ", ".join(g["members"]), "Start": clock.day(g["start_date"]),
                   "End": clock.day(g["end_date"]) or "Open"} for g in groups],
                 hide_index=True, width="stretch")
    current = {g["id"]: g for g in groups if not g["end_date"]}
    if current:
        st.markdown("**Change a group's members**")
        changing = st.selectbox("Group to change", list(current), key="am_group",
                                format_func=lambda i: current[i]["name"])
        group_members.change_forms(db, actor, changing,
                                   group_membership.members(db, actor, changing), key="am")
        with st.form("end_group"):
            st.markdown("**End a group**")
            chosen = st.selectbox("Group", list(current), key="eg_group",
                                  format_func=lambda i: current[i]["name"])
            end = st.date_input("End date", today, min_value=EARLIEST, max_value=latest,
                                key="eg_end", format="DD/MM/YYYY")
            forms.field_error("end_group", "end_date")
            forms.form_error("end_group")
            if st.form_submit_button("End group"):
                forms.submit("end_group", lambda: group_setup.end_group(db, actor, chosen, end),
                             success="Group ended. Its members and facilitator keep reading "
                                     "its records.", fields=("end_date",))
