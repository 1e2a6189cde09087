"""What follows a group session: open actions reviewed and closed by their owner or
the facilitator, and addenda to an agreed record."""

import streamlit as st

from core import clock
from core.groups import group_actions, group_records
from core.groups.group_access import Seat
from core.records.actions import CLOSED, OUTCOME_MAX
from ui.kit import forms
from ui.kit.text import inert, inert_block


def open_actions(db, actor, seat: Seat) -> None:
    """The group's open actions, to review at the next session, and the form that
    closes one (for its owner, or any of them for the facilitator)."""
    found = group_actions.to_review(db, actor, seat.group["id"])
    st.header("Open actions", anchor=False)
    if not found:
        st.markdown("No open group actions." if not seat.left_on else
                    "You left this group: its later actions are the group's business.")
        return
    st.write("Open actions carry forward: review them at the next group session until "
             "their owner marks them done or dropped.")
    st.dataframe([{"Owner": a["owner_name"], "Action": a["description"],
                   "From the session on": clock.day(a["held_on"]),
                   "Due by": clock.day(a["due_date"]) or "",
                   "Overdue": "Yes" if a["overdue"] else ""} for a in found],
                 hide_index=True, width="stretch")
    mine = {a["id"]: a for a in found if a["mine"] or seat.facilitates}
    if not mine or seat.ended:
        return
    form = "group_action_close"
    with st.form(form):
        st.markdown("**Close an action,** saying what came of it.")
        chosen = st.selectbox("Action", list(mine), key=f"{form}_action",
                              format_func=lambda i: f"{mine[i]['owner_name']}: "
                                                    f"{mine[i]['description']}")
        status = st.radio("It is", list(CLOSED), format_func=CLOSED.get, key=f"{form}_status",
                          horizontal=True)
        forms.field_error(form, "status")
        outcome = forms.text(form, "outcome", "Evidence or outcome", f"{form}_outcome",
                             OUTCOME_MAX, area=True)
        forms.form_error(form)
        if st.form_submit_button("Close the action"):
            forms.submit(form, lambda: group_actions.close(db, actor, chosen, status, outcome),
                         success="Action closed.", clear=(f"{form}_outcome",),
                         fields=("status", "outcome"))


def addenda(db, actor, seat: Seat, session: dict, record: dict) -> None:
    """Addenda under an agreed record, and the form that adds one (the facilitator
    and the members who attended)."""
    if record["status"] != "agreed":
        return
    st.subheader("Addenda", anchor=False)
    if not record["addenda"]:
        st.markdown("No addenda. The agreed record never changes: a correction is added here.")
    for a in record["addenda"]:
        st.markdown(f"**Added {clock.local(a['created_at'])} by {inert(a['author_name'])}**")
        st.markdown(inert_block(a["body"]))
    attended = any(a["user_id"] == actor.id and a["attended"] for a in record["attendance"])
    if seat.ended or not (seat.facilitates or attended):
        return
    form = f"group_addendum_{session['id']}"
    with st.form(form):
        body = forms.text(form, "body", "Add an addendum", f"{form}_body",
                          group_records.ADDENDUM_MAX, area=True,
                          help="Everyone who reads the record reads it.")
        forms.form_error(form)
        if st.form_submit_button("Add the addendum"):
            forms.submit(form, lambda: group_records.add_addendum(db, actor, session["id"], body),
                         success="Addendum added.", clear={f"{form}_body": ""},
                         fields=("body",))
