"""A group session's record as members read it, and their signature."""

import streamlit as st

from core import clock
from core.groups import group_records
from core.groups.group_access import Seat
from ui.kit import forms
from ui.kit.text import inert, inert_block


def show(seat: Seat, session: dict, record: dict) -> None:
    """The record, read-only. Typed text is shown inert (tables show it as text)."""
    st.markdown(f"**Status:** {group_records.STATUSES[record['status']]}"
                + (f", agreed {clock.local(record['agreed_at'])}" if record["agreed_at"] else ""))
    st.markdown(f"**Facilitator:** {inert(seat.group['facilitator_name'])} · "
                f"**Presenter:** {inert(record['presenter_name'] or 'not chosen')}")
    if record["case_ref"]:
        st.markdown(f"**Case reference:** {inert(record['case_ref'])}")
    if record["theme"]:
        st.markdown(f"**Theme:** {inert(record['theme'])}")
    st.dataframe([{
        "Member": a["name"], "Attended": "Yes" if a["attended"] else "No",
        "Role": group_records.ROLES.get(a["role"] or "", ""),
        "Signed": clock.local(a["signed_at"]) if a["signed_at"] else
        ("Not yet" if a["attended"] else "")} for a in record["attendance"]],
        hide_index=True, width="stretch")
    st.markdown("**Learning for the group**")
    st.markdown(inert_block(record["learning"]))
    if record["actions"]:
        st.markdown("**Actions**")
        st.dataframe([{"Owner": x["owner_name"], "Action": x["description"],
                       "Due by": clock.day(x["due_date"]) or "", "Status": x["status"].title(),
                       "Outcome": x["outcome"]}
                      for x in record["actions"]], hide_index=True, width="stretch")
    st.markdown(group_records.NO_SUPPORT_NOTE)


def sign_section(db, actor, session: dict, record: dict) -> None:
    """A member who attended signs a shared record; the presenter's signature agrees it."""
    mine = next((a for a in record["attendance"] if a["user_id"] == actor.id), None)
    if record["status"] == "draft" or not mine or not mine["attended"] or mine["signed_at"]:
        return
    presenting = record["presenter_id"] == actor.id
    form = f"group_sign_{session['id']}"
    st.markdown("You presented at this session: your signature agrees the record."
                if presenting else "Sign to confirm you attended and have read the record.")
    forms.form_error(form)
    if st.button("Sign as presenter" if presenting else "Sign my attendance", type="primary",
                 key=f"{form}_button"):
        forms.submit(form, lambda: group_records.sign_attendance(db, actor, session["id"]),
                     success="Signed. The record is agreed." if presenting else "Signed.")
