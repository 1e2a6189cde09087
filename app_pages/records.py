"""Records: the supervisee reads, signs or disputes; the supervisor follows
disputes and signs; both add addenda to agreed records; the team lead sees
timeliness and minutes, and reads text only through an audited file audit."""

import streamlit as st

from core import clock, records
from core.records import actions
from core.access import arrangement_access
from core.errors import PortalError
from core.access.permissions import Relation
from core.access.roles import Role
from ui.records import action_forms
from ui.kit import arrangement_picker
from ui.kit import context
from ui.records import exports
from ui.records import late_list
from ui.quality import feedback
from ui.kit import forms
from ui.access import history_consent
from ui.kit import params
from ui.records import record_forms
from ui.records import record_view
from ui.kit.guard import guard
from ui.kit.text import inert, inert_block, inert_message

actor = guard(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)
db = context.database()

st.title("Records", anchor=False)
forms.flash()

for notice in records.notices_for(db, actor)[:5]:
    st.info(f"{clock.local(notice['at'])}: {inert(notice['text'])}", icon=":material/policy:")


def open_record(session_id: int) -> None:
    try:
        view = records.agenda(db, actor, session_id)
    except PortalError as error:
        st.error(inert_message(error), icon=":material/block:")
        return
    if view.record is None:
        st.markdown("This session has no record yet.")
        return
    record_view.render(db, actor, view)
    exports.record_downloads(actor, view)
    record_forms.respond(db, actor, view)
    feedback.form(db, actor, session_id, view.supervisor_name)
    record_forms.addendum(db, actor, view)


def follow_choice() -> None:
    st.query_params["session"] = str(st.session_state["records_open"])
    st.session_state["records_asked"] = st.session_state["records_open"]


def label(row: dict) -> str:
    other = row["supervisor_name"] if row["side"] == "supervisee" else row["supervisee_name"]
    if row["side"] == "history":  # an earlier supervisor's record, shared with consent
        other += f" (supervised by {row['supervisor_name']})"
    late = ", late" if row["late"] else ""
    return f"{row['when']} with {other}: {row['status_label']}{late}"


def year_words(year: str, count: int) -> str:
    return f"{year} ({count} record{'' if count == 1 else 's'})" if count else \
        f"{year} (no records)"


if actor.has(Role.SUPERVISEE):
    history_consent.render(db, actor)  # only for someone whose supervisor changed

# The supervisee (and a later supervisor they let read it) sees a record once it is
# shared; its supervisor from the first draft. Ten years of records are listed a
# year at a time: every year from the first record on is offered, with its count.
counts = records.my_record_years(db, actor)
if actor.has(Role.SUPERVISEE, Role.SUPERVISOR):
    st.header("Your records", anchor=False)
    if not counts:
        st.markdown("No records yet. A record is written when a session is run, and you see "
                    "it here once it is shared.")
    else:
        years = [str(y) for y in range(max(int(max(counts)), clock.today().year),
                                       int(min(counts)) - 1, -1)]
        waiting = records.waiting_for_me(db, actor)
        # The address opens a record when it is new (a link followed, a first load);
        # after that the choice leads and the address follows it. The keys are seeded
        # on every run: a selectbox drawn afresh in the browser otherwise shows its
        # first option while the script holds another.
        asked = params.id_param("session")
        asked_year = (records.my_record_year(db, actor, asked)
                      if asked is not None and asked != st.session_state.get("records_asked")
                      else None)
        year = st.session_state.get("records_year")
        if asked_year:
            year = asked_year
        elif year not in years:
            year = records.listed_year(waiting[0]) if waiting else next(iter(counts))
        st.session_state["records_year"] = year
        year = st.selectbox("Year", years, key="records_year",
                            format_func=lambda y: year_words(y, counts.get(y, 0)))
        mine = records.my_records(db, actor, year=year)
        if not mine:
            st.markdown(f"You have no records from {year}. Choose another year: the list "
                        "gives the number of records in each.")
        else:
            by_id = {r["session_id"]: r for r in mine}
            current = st.session_state.get("records_open")
            if asked_year == year and asked in by_id:
                current = asked
            elif current not in by_id:
                current = next((w["session_id"] for w in waiting if w["session_id"] in by_id),
                               next(iter(by_id)))
            st.session_state["records_open"] = current
            chosen = st.selectbox("Open a record", list(by_id), key="records_open",
                                  format_func=lambda i: label(by_id[i]),
                                  on_change=follow_choice)
            st.session_state["records_asked"] = chosen
            st.query_params["session"] = str(chosen)
            open_record(chosen)

own = [a for arr_id in records.own_arrangement_ids(db, actor)
       for a in actions.open_for_arrangement(db, actor, arr_id) if a["mine"]]
if counts or own:
    st.header("Your open actions", anchor=False)
    if not own:
        st.markdown("You have no open actions.")
    for a in sorted(own, key=lambda a: a["due_date"]):
        due = f"Due {clock.day(a['due_date'])}" + (" (overdue)" if a["overdue"] else "")
        st.markdown(f"**{due}:** {inert_block(a['description'])}")
        action_forms.close_form(db, actor, a["id"])

if actor.has(Role.TEAM_LEAD):
    st.header("Your teams' records", anchor=False)
    late_list.section(db, actor)
    team = [a for a in arrangement_access.visible(db, actor)
            if Relation.TEAM_LEAD in arrangement_access.relations(db, actor, a)]
    arr = arrangement_picker.choose(db, actor, key="records_team_arrangement", rows=team,
                                    empty="Nobody in the teams you lead has a supervision "
                                          "arrangement yet.")
    if arr is not None:
        rows = records.records_for(db, actor, arr["id"])
        st.markdown("Dates, status, timeliness and minutes per function. The text of a "
                    "record is read only through a file audit.")
        if rows:
            st.dataframe(record_view.summary_rows(rows), hide_index=True, width="stretch")
        else:
            st.markdown("No records yet.")
        record_forms.file_audit(db, actor, arr, rows)
        exports.file_audit_downloads(actor, arr, rows)
