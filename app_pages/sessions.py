"""Sessions: regularity, planned sessions (with a calendar file), history, informal contacts."""

from datetime import date

import streamlit as st

from core import clock, sessions
from core.access import arrangement_access
from core.sessions import calendar
from core.sessions import informal
from core.sessions import regularity
from core.sessions import tasks as session_tasks
from core.vocabulary import FUNCTIONS
from core.access.roles import Role
from ui.kit import arrangement_picker
from ui.kit import context
from ui.kit import forms
from ui.sessions import session_forms
from ui.kit.guard import guard
from ui.groups import group_time

actor = guard(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)
db = context.database()
today = clock.today()

st.title("Sessions", anchor=False)
forms.flash()
arr = arrangement_picker.choose(db, actor, key="sessions_arrangement",
                                prefer=session_tasks.overdue_attention(db, actor))
if arr is None:
    st.stop()
side = arrangement_access.side(db, actor, arr)
acting = side is not None and not arrangement_access.ended(arr)
fig = regularity.summary(db, actor, arr["id"], today)

st.header("Regularity", anchor=False)
share = (f"{fig['share']:.0%}" if fig["share"] is not None else "None due yet")
left, middle, right = st.columns(3)
left.metric("Held on time, last 12 months", share, border=True,
            help=f"{fig['on_time']} of the {fig['due']} sessions that fell due.")
left.write(f"{fig['on_time']} of {fig['due']} due sessions held on time.")
middle.metric("Days since the last formal session",
              fig["days_since_last"] if fig["days_since_last"] is not None else "None held",
              border=True)
right.metric("Next due", clock.day(fig["next_due"]) or "Not applicable", border=True)
if fig["overdue"]:
    st.error(f"**Overdue.** A formal session was due by {clock.day(fig['next_due'])} and none "
             f"has been held since (the grace period is {fig['grace_days']} days).",
             icon=":material/warning:")
elif not fig["has_contract"]:
    st.info("No signed contract yet: sessions fall due once both have signed one.")
st.write("The next due date is computed from the contract's cadence and the last held "
           "formal session. A cancelled session still counts as due. Informal contacts never "
           "count.")
group_time.regularity_note(db, actor, fig, arr["supervisee_id"])

st.header("Planned", anchor=False)
ahead = sessions.planned_ahead(db, actor, arr["id"])
if ahead:
    st.dataframe(session_forms.rows(ahead), hide_index=True, width="stretch",
                 column_order=("When", "Planned length", "Venue or mode", "Contract version"))
    st.download_button("Download to your calendar (.ics)",
                       calendar.ics_for(db, actor, arr["id"]),
                       file_name=calendar.file_name(arr), mime="text/calendar",
                       icon=":material/calendar_month:", on_click="ignore",
                       help="Imports into Outlook and other calendars.")
else:
    st.write("No session is planned." + (" Plan one on the Plan sessions page."
                                          if side == "supervisor" and acting else ""))
unmarked = [s for s in sessions.planned(db, actor, arr["id"])
            if sessions.overdue_unmarked(s, today)]
if unmarked:
    st.warning(f"{len(unmarked)} planned session(s) have passed without being marked held or "
               "cancelled.", icon=":material/pending_actions:")
if acting and (ahead or unmarked):
    with st.expander("Cancel a planned session", icon=":material/event_busy:"):
        options = {s["id"]: s for s in unmarked + ahead}
        chosen = st.selectbox("Session", list(options), key="cancel_choice",
                              format_func=lambda i: session_forms.when(options[i]))
        session_forms.cancel_form(db, actor, options[chosen])

st.header("History", anchor=False)
past = [s for s in sessions.sessions_for(db, actor, arr["id"])
        if s["status"] != "planned"]
if past:
    st.dataframe(session_forms.rows(past), hide_index=True, width="stretch",
                 column_order=("When", "Status", "Held on", "Held for",
                               "Cancelled or moved by", "Why", "Venue or mode"))
else:
    st.write("No session has been held or cancelled yet.")

st.header("Informal contacts", anchor=False)
st.info(informal.NOT_COUNTED, icon=":material/info:")
contacts = informal.contacts_for(db, actor, arr["id"])
if contacts:
    shown = contacts[0]["text_shown"]
    st.dataframe([{"Date": clock.day(c["contact_date"]), "Function": FUNCTIONS[c["function"]],
                   "Logged by": c["logged_by_name"]}
                  | ({"Topic": c["topic"], "Note": c["note"]} if shown else {})
                  for c in contacts], hide_index=True, width="stretch")
    if not shown:
        st.write("Only the supervisee and the supervisor read the topics and notes.")
else:
    st.write("No informal contact has been logged.")
if acting:
    with st.expander("Log an informal contact", icon=":material/add_comment:"):
        forms.seed("log_informal", arr["id"], {"ic_on": today, "ic_topic": "",
                                               "ic_function": next(iter(FUNCTIONS)),
                                               "ic_note": ""})
        with st.form("log_informal"):
            on = st.date_input("Date", min_value=date.fromisoformat(arr["start_date"]),
                               max_value=today, format="DD/MM/YYYY", key="ic_on")
            forms.field_error("log_informal", "on")
            topic = st.text_input("Topic", key="ic_topic", help=forms.limit(200))
            forms.field_error("log_informal", "topic")
            function = st.selectbox("Function it served", list(FUNCTIONS),
                                    format_func=FUNCTIONS.get, key="ic_function")
            note = st.text_area("Short note (optional)", key="ic_note",
                                help=forms.limit(informal.NOTE_MAX))
            forms.field_error("log_informal", "note")
            forms.form_error("log_informal")
            if st.form_submit_button("Log the contact"):
                forms.submit("log_informal", lambda: informal.log_contact(
                    db, actor, arr["id"], on=on, topic=topic, function=function, note=note),
                    success="Informal contact logged. It does not count towards regularity.",
                    clear=("ic_on", "ic_topic", "ic_function", "ic_note"),
                    fields=("on", "topic", "function", "note"))
