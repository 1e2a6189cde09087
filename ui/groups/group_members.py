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
    _choose_and_do(f"{key}_add", "Person to add", found, "Search for a person above",
                   "member", "Add to the group",
                   lambda chosen: group_membership.add_member(db, actor, group_id, chosen),
                   "Member added. They are asked to sign the group's contract.",
                   clear=(f"{key}_find",))
    current = {m["user_id"]: m["name"] for m in members if m["left_on"] is None}
    _choose_and_do(f"{key}_leave", "Member who left", current, "Choose a member", "leaving",
                   "Record that they left today",
                   lambda chosen: group_membership.record_leaving(db, actor, group_id, chosen),
                   "Recorded. Their attendance at past sessions stays as it was.")


def _choose_and_do(form: str, label: str, options: dict, placeholder: str, field: str,
                   button: str, act, success: str, clear=()) -> None:
    """A form of one person box and a button that acts on the person chosen."""
    with st.form(form):
        st.selectbox(label, list(options), index=None, format_func=options.get,
                     key=f"{form}_who", placeholder=placeholder)
        forms.field_error(form, field)
        forms.form_error(form)
        if st.form_submit_button(button):
            chosen = st.session_state.get(f"{form}_who")
            forms.submit(form, lambda: act(chosen), success=success,
                         clear=(f"{form}_who", *clear), fields=(field,))
