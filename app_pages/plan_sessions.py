"""Plan sessions: the supervisor plans one or several ahead, reschedules, cancels, and
marks a session held."""

from datetime import time, timedelta

import streamlit as st

from core import clock, contracts, sessions
from core.access import arrangement_access
from core.contracts import cadence
from core.sessions import regularity
from core.access.roles import Role
from core.tasks import Destination
from ui import navigation
from ui.kit import arrangement_picker
from ui.kit import context
from ui.kit import forms
from ui.sessions import session_forms
from ui.kit.guard import guard
from ui.kit.text import inert
from ui.groups import group_time

actor = guard(Role.SUPERVISOR)
db = context.database()
today = clock.today()
LATEST = today + timedelta(days=sessions.PLAN_AHEAD_DAYS)

st.title("Plan sessions", anchor=False)
forms.flash()
mine = [a for a in arrangement_access.visible(db, actor)
        if a["supervisor_id"] == actor.id and not arrangement_access.ended(a)]
arr = arrangement_picker.choose(db, actor, key="plan_arrangement", rows=mine,
                                empty="You supervise nobody at present, so there is nothing "
                                      "to plan.")
if arr is None:
    st.stop()
view = contracts.overview(db, actor, arr["id"])
if view["readiness"]:
    st.warning(view["readiness"], icon=":material/contract:")
    navigation.link(Destination.CONTRACTS, "Go to Contracts")
    st.stop()
contract = view["current"]
fig = regularity.summary(db, actor, arr["id"], today)
st.markdown(f"**Cadence:** {inert(cadence.describe(contract))} (contract version "
            f"{contract['version']}).  \n**Next due:** {clock.day(fig['next_due'])}, "
            "computed from the cadence and the last held session"
            + (f" ({clock.day(fig['last_held'])})." if fig["last_held"] else "."))
group_time.rule_note(db)
if fig["overdue"]:
    st.error("**Overdue:** no formal session has been held since it fell due. "
             "Plan one as soon as you can.", icon=":material/warning:")

planned = sessions.planned(db, actor, arr["id"])
st.header("Plan", anchor=False)
suggested = sessions.suggested_date(
    contract, fig["next_due"], [sessions.starts(s).date() for s in planned], today)
# The form starts from this arrangement's next due date and its contract, and starts
# again from them when another arrangement (or a new contract version) is chosen.
forms.seed("plan", (arr["id"], contract["id"]), {
    "plan_on": suggested, "plan_at": time(10, 0), "plan_count": 1,
    "plan_minutes": int(contract["session_minutes"]), "plan_venue": contract["venue"]})
with st.form("plan"):
    left, right = st.columns(2)
    with left:
        on = st.date_input("Date", min_value=today, max_value=LATEST, format="DD/MM/YYYY",
                           key="plan_on")
        forms.field_error("plan", "on")
        at = st.time_input("Start time", step=timedelta(minutes=15), key="plan_at")
        forms.field_error("plan", "at")
        count = st.number_input("How many sessions to plan", 1, sessions.SERIES_MAX, step=1,
                                key="plan_count",
                                help="The first on this date; each later one a cadence gap "
                                     "after the one before, on a working day.")
        forms.field_error("plan", "count")
    with right:
        minutes = st.number_input("Length (minutes)", *sessions.MINUTES, step=15,
                                  key="plan_minutes")
        forms.field_error("plan", "minutes")
        venue = st.text_input("Venue or mode", help=forms.limit(200), key="plan_venue")
        forms.field_error("plan", "venue")
    forms.form_error("plan")
    if st.form_submit_button("Plan", type="primary"):
        forms.submit("plan", lambda: sessions.plan_series(
            db, actor, arr["id"], first=on, at=at, minutes=minutes, venue=venue,
            count=int(count)), success="Planned. Both of you see it on the Sessions page.",
            clear=("plan_on", "plan_at", "plan_count", "plan_minutes", "plan_venue"),
            fields=("on", "at", "count", "minutes", "venue"))

st.header("Planned sessions", anchor=False)
if not planned:
    st.write("Nothing is planned yet.")
for session in planned:
    sid = session["id"]
    passed = sessions.overdue_unmarked(session, today)
    with st.expander(session_forms.label(session) + (" (passed: mark it held or cancel it)"
                                                      if passed else ""), expanded=passed):
        start = sessions.starts(session)
        if start.date() <= today:
            form = f"held_{sid}"
            forms.seed(form, session["scheduled_at"], {
                f"{form}_on": start.date(), f"{form}_minutes": session["planned_minutes"]})
            with st.form(form):
                st.markdown("**Mark held**")
                held_on = st.date_input("Held on", max_value=today,
                                        format="DD/MM/YYYY", key=f"{form}_on")
                forms.field_error(form, "held_on")
                held_minutes = st.number_input("How long it took (minutes)", 5, 480, step=5,
                                               key=f"{form}_minutes")
                forms.field_error(form, "held_minutes")
                forms.form_error(form)
                if st.form_submit_button("Mark held", type="primary"):
                    forms.submit(form, lambda: sessions.mark_held(
                        db, actor, sid, held_on, held_minutes), success="Marked held.",
                        fields=("held_on", "held_minutes"))
        form = f"move_{sid}"
        forms.seed(form, session["scheduled_at"], {
            f"{form}_on": max(start.date(), today),
            f"{form}_at": start.time().replace(tzinfo=None)})
        with st.form(form):
            st.markdown("**Reschedule**")
            left, right = st.columns(2)
            new_on = left.date_input("New date", min_value=today, max_value=LATEST,
                                     format="DD/MM/YYYY", key=f"{form}_on")
            new_at = right.time_input("New start time", step=timedelta(minutes=15),
                                      key=f"{form}_at")
            forms.field_error(form, "on")
            forms.field_error(form, "at")
            why = st.text_input("Why it moves (optional)", key=f"{form}_reason",
                                help=forms.limit(sessions.REASON_MAX))
            forms.field_error(form, "reason")
            forms.form_error(form)
            if st.form_submit_button("Reschedule"):
                forms.submit(form, lambda: sessions.reschedule_session(
                    db, actor, sid, on=new_on, at=new_at, reason=why),
                    success="Rescheduled. The old date is kept in the history.",
                    clear=(f"{form}_on", f"{form}_at", f"{form}_reason"),
                    fields=("on", "at", "reason"))
        session_forms.cancel_form(db, actor, session)
