"""Group supervision: the group's contract, its sessions and the record of each,
for the facilitator and the members. Nobody else sees a group."""

import streamlit as st

from core import clock
from core.groups import group_access, group_contract, group_records, group_sessions
from core.access.roles import Role
from core.errors import PortalError
from ui.groups import group_forms, group_record_view
from ui.kit import forms, params
from ui.kit.page_start import start
from ui.kit.text import inert, inert_block, inert_message

actor, db = start(
    "Group supervision", Role.SUPERVISEE, Role.SUPERVISOR,
    intro="A supervision group meets to think together about a case or theme one member "
          "presents, with the others as advisors or a reflecting team. It works to a "
          "contract of its own. Group sessions never replace your one-to-one supervision.")

seats = {s.group["id"]: s for s in group_access.my_groups(db, actor)}
if not seats:
    st.info("You are not in a supervision group. An admin sets up groups.",
            icon=":material/info:")
    st.stop()

asked = params.id_param("session")
if asked and st.session_state.get("group_session_asked") != asked:
    st.session_state["group_session_asked"] = asked
    try:
        found = group_records.read(db, actor, asked)
        st.session_state["group_open"] = found["seat"].group["id"]
        st.session_state["group_session"] = asked
    except params.HIDDEN:
        params.not_found()
if st.session_state.get("group_open") not in seats:
    st.session_state["group_open"] = next(iter(seats))


def group_label(i: int) -> str:
    s = seats[i]
    role = "you facilitate" if s.facilitates else f"facilitated by {s.group['facilitator_name']}"
    ended = f", ended {clock.day(s.group['end_date'])}" if s.ended else ""
    return f"{s.group['name']} ({role}{ended})"


chosen = st.selectbox("Group", list(seats), format_func=group_label, key="group_open")
seat = seats[chosen]
st.markdown(f"**Facilitator:** {inert(seat.group['facilitator_name'])} · **Members:** "
            + ", ".join(inert(m["name"]) for m in seat.members if m["left_on"] is None))

# ---------------------------------------------------------------- the contract
st.header("The group's contract", anchor=False)
current = group_contract.current(db, actor, chosen)
if current:
    st.markdown(f"Version {current['version']}, drafted and signed by the facilitator "
                f"{clock.local(current['drafted_at'])}. Meets every "
                f"{current['frequency_weeks']} weeks for {current['session_minutes']} minutes.")
    for title, key in (("Purpose", "purpose"), ("Ground rules", "ground_rules"),
                       ("Confidentiality", "confidentiality")):
        st.markdown(f"**{title}**")
        st.markdown(inert_block(current[key]))
    st.markdown("**Still to sign:** " + (", ".join(inert(n) for n in current["unsigned"])
                                         if current["unsigned"] else "nobody; every member has signed."))
    if actor.id in seat.current_member_ids() and actor.id not in current["signatures"]:
        forms.form_error("group_contract_sign")
        if st.button("Sign the group's contract", type="primary"):
            forms.submit("group_contract_sign",
                         lambda: group_contract.sign(db, actor, chosen, current["id"]),
                         success="You signed the group's contract.")
else:
    st.markdown("The facilitator has not drafted the group's contract yet.")
if seat.facilitates and not seat.ended:
    with st.expander("Draft a new version" if current else "Draft the contract",
                     expanded=not current or forms.has_errors("group_contract")):
        group_forms.contract_form(db, actor, seat, current)

# ---------------------------------------------------------------- sessions
st.header("Sessions", anchor=False)
planned = group_sessions.listing(db, actor, chosen)


def when(s: dict) -> str:
    return f"{group_sessions.starts(s):%a} {clock.local(s['scheduled_at'])}"


if planned:
    st.dataframe([{"When": when(s), "Status": group_sessions.STATUSES[s["status"]],
                   "Minutes": s["minutes"], "Venue or mode": s["venue"],
                   "Record": group_records.STATUSES[s["record_status"]]
                   if s["record_status"] else "", "Why cancelled": s["cancel_reason"]}
                  for s in planned], hide_index=True, width="stretch")
else:
    st.markdown("No sessions planned yet.")
if seat.facilitates and not seat.ended and current:
    with st.expander("Plan sessions", expanded=forms.has_errors("group_plan")):
        group_forms.plan_form(db, actor, seat)
    ahead = [s for s in planned if s["status"] == "planned"
             and group_sessions.starts(s).date() >= clock.today()]
    if ahead:
        with st.expander("Cancel a planned session"):
            group_forms.cancel_form(db, actor, ahead[-1], when(ahead[-1]))

# ---------------------------------------------------------------- records
st.header("Records", anchor=False)
st.write(group_records.NO_SUPPORT_NOTE + " Each member who attended signs the record; "
         "it is agreed once the presenter has signed.")
past = {s["id"]: s for s in planned if s["status"] != "cancelled"
        and group_sessions.starts(s).date() <= clock.today()}
if not seat.facilitates:
    past = {i: s for i, s in past.items() if s["record_status"] not in (None, "draft")}
if not past:
    st.markdown("No record to show yet." if not seat.facilitates else
                "No session has been held yet: its record is written here once it has.")
    st.stop()
if st.session_state.get("group_session") not in past:
    st.session_state["group_session"] = next(iter(past))


def session_label(i: int) -> str:
    s = past[i]
    state = group_records.STATUSES[s["record_status"]] if s["record_status"] else "no record yet"
    return f"{when(s)} ({state})"


opened = st.selectbox("Session", list(past), format_func=session_label, key="group_session")
try:
    found = group_records.read(db, actor, opened)
except PortalError as error:
    st.error(inert_message(error), icon=":material/block:")
    st.stop()
record = found["record"]
editable = seat.facilitates and not seat.ended and (record is None or record["status"] == "draft")
if editable:
    group_forms.record_form(db, actor, seat, found["session"], record)
    if record:
        forms.form_error("group_share")
        if st.button("Share the record with the group", type="primary"):
            forms.submit("group_share", lambda: group_records.share(db, actor, opened),
                         success="Record shared. Each member who attended is asked to sign.")
if record and (record["status"] != "draft" or seat.facilitates):
    if editable:
        st.subheader("The draft as it will be shared", anchor=False)
    group_record_view.show(seat, found["session"], record)
    group_record_view.sign_section(db, actor, found["session"], record)
