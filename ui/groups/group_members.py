"""Changing who is in a group, for its facilitator (Group supervision page) and the
admin (Arrangements page): add a member, or record that one left."""

import streamlit as st

from core import clock
from core.groups import group_membership
from ui.kit import forms
from ui.kit.text import inert


def listing(members: list[dict]) -> str:
    """Current members, then who left and when, as inert text."""
    now = [inert(m["name"]) for m in members if m["left_on"] is None]
    gone = [f"{inert(m['name'])} (left {clock.day(m['left_on'])})"
            for m in members if m["left_on"]]
    return ", ".join(now) + (f". **Left:** {', '.join(gone)}" if gone else "")


def change_forms(db, actor, group_id: int, members: list[dict], key: str) -> None:
    """Add a member (search, then choose) and record that a member left."""
    st.markdown(f"A group has {group_membership.MEMBERS[0]} to {group_membership.MEMBERS[1]} "
                "members. A member who left keeps the records of the sessions they "
                "attended, and sees nothing after the day they left.")
    search = st.text_input("Find a person to add", key=f"{key}_find",
                           placeholder="Part of a name or username")
    found = group_membership.candidates(db, actor, group_id, search) if search else {}
    add = f"{key}_add"
    with st.form(add):
        st.selectbox("Person to add", list(found), index=None, format_func=found.get,
                     key=f"{key}_person", placeholder="Search for a person above")
        forms.field_error(add, "member")
        forms.form_error(add)
        if st.form_submit_button("Add to the group"):
            chosen = st.session_state.get(f"{key}_person")
            forms.submit(add, lambda: group_membership.add_member(db, actor, group_id, chosen),
                         success="Member added. They are asked to sign the group's contract.",
                         clear=(f"{key}_person", f"{key}_find"), fields=("member",))
    current = {m["user_id"]: m["name"] for m in members if m["left_on"] is None}
    leave = f"{key}_leave"
    with st.form(leave):
        st.selectbox("Member who left", list(current), index=None, format_func=current.get,
                     key=f"{key}_leaver", placeholder="Choose a member")
        forms.field_error(leave, "leaving")
        forms.form_error(leave)
        if st.form_submit_button("Record that they left today"):
            chosen = st.session_state.get(f"{key}_leaver")
            forms.submit(leave, lambda: group_membership.record_leaving(
                db, actor, group_id, chosen),
                success="Recorded. Their attendance at past sessions stays as it was.",
                clear=(f"{key}_leaver",), fields=("leaving",))
