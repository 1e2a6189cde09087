"""File audits: the team lead, or an auditor the admin named, samples files, audits
one over a chosen period against the checklist with the portal's evidence
pre-filled, and shares it; the supervisor and the
supervisee read the audits of their supervision once shared."""

import streamlit as st

from core import clock
from core.quality import file_audits
from core.errors import PortalError
from core.quality.file_audit_evidence import GRADES
from core.access.roles import Role
from ui.kit import context
from ui.quality import file_audit_view
from ui.kit import forms
from ui.kit import params
from ui.kit.guard import guard
from ui.kit.text import inert, inert_message

actor = guard(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.AUDITOR)
db = context.database()

st.title("File audits", anchor=False)
st.write("A file audit checks a supervision file against the organisation's checklist. "
         "The portal pre-fills what it can judge from its own data; the auditor confirms "
         "or overrides each item with a reason, then shares the audit with the supervisor "
         "and the supervisee.")
forms.flash()

teams = {t["id"]: t["name"] for t in file_audits.audited_teams(db, actor)}
if teams:
    team_id = next(iter(teams))
    if len(teams) > 1:
        team_id = st.selectbox("Team", list(teams), format_func=teams.get, key="audit_team")
    file_audit_view.sample_section(db, actor, team_id, teams[team_id])
    file_audit_view.start_section(db, actor)

st.header("Audits", anchor=False)
listed = {a["id"]: a for a in file_audits.listing(db, actor)}
if not listed:
    st.markdown("No file audits to show. The supervisor and the supervisee see an audit "
                "of their supervision once the auditor shares it.")
    st.stop()
asked = params.id_param("audit")
if asked in listed and st.session_state.get("audit_open") is None:
    st.session_state["audit_open"] = asked
if st.session_state.get("audit_open") not in listed:
    st.session_state["audit_open"] = next(iter(listed))


def label(i: int) -> str:
    a = listed[i]
    state = (f"{GRADES[a['overall_grade']]}, shared {clock.day(a['shared_at'][:10])}"
             if a["shared_at"] else "in progress")
    return (f"{a['supervisee_name']}, supervised by {a['supervisor_name']}: started "
            f"{clock.day(a['started_at'][:10])} ({state})")


chosen = st.selectbox("Open an audit", list(listed), key="audit_open", format_func=label)
try:
    found = file_audits.get(db, actor, chosen)
except PortalError as error:
    st.error(inert_message(error), icon=":material/block:")
    st.stop()
st.subheader(f"The file of {inert(found['supervisee_name'])}, supervised by "
             f"{inert(found['supervisor_name'])}, from {clock.day(found['period_start'])} to "
             f"{clock.day(found['period_end'])}", anchor=False)
if found["editable"]:
    file_audit_view.editor(db, actor, found)
else:
    file_audit_view.read_only(found)
