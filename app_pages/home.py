"""Home: who you are, your roles, and the people you work with."""

import streamlit as st

from core import clock, home
from core.people import profile as people
from ui.kit import context
from ui.kit.guard import guard
from ui.kit.text import inert
from ui.navigation import link

actor = guard()
db = context.database()
me = people.profile(db, actor)

st.title(f"Hello, {inert(me.name)}", anchor=False)
facts = [inert(me.job_title) if me.job_title else None,
         f"Team: {inert(me.team)}" if me.team else None,
         f"Username: {inert(me.username)}"]
st.markdown(" · ".join(f for f in facts if f))
st.markdown("**Your roles:** " + (", ".join(me.roles) if me.roles else
                                  "none yet. An admin sets up arrangements and teams."))

to_do = home.tasks_for(db, actor)
if to_do:
    st.header("To do", anchor=False)
    for task in to_do:
        if task.urgent and task.text.startswith("Overdue"):
            line = f"**{inert(task.text)}**"  # says so already
        else:
            line = ("**Overdue:** " if task.urgent else "") + inert(task.text)
        link(task.to, line, query_params={"session": str(task.session_id)}
             if task.session_id else None)


def people_table(rows: list[dict], *, until: bool = False):
    st.dataframe(
        [
            {"Name": r["name"], "Kind": r["kind"], "Since": clock.day(r["since"])}
            | ({"Until": clock.day(r["until"])} if until else {})
            for r in rows
        ],
        hide_index=True,
        width="stretch",
    )


def people_section(heading: str, rows: list[dict], nobody: str) -> None:
    st.header(heading, anchor=False)
    if rows:
        people_table(rows)
    else:
        st.write(nobody)


left, right = st.columns(2, gap="large")
with left:
    people_section("Your supervisors", me.supervisors,
                   "Nobody supervises you in the portal at present.")
with right:
    people_section("People you supervise", me.supervisees,
                   "You do not supervise anyone at present.")
    if me.former_supervisees:
        st.write("Earlier arrangements: you keep read-only access to the records you wrote.")
        people_table(me.former_supervisees, until=True)

if me.teams_led:
    st.header("Teams you lead", anchor=False)
    for team in me.teams_led:
        st.markdown(f"**{inert(team['name'])}**: {len(team['members'])} people")
        st.dataframe([{"Name": n} for n in team["members"]], hide_index=True, width="stretch")
