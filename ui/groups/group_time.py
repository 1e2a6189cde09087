"""Group supervision next to the one-to-one figures: the counting rule wherever
regularity shows (while the council has it on), and group time in its own table,
never mixed into the balance of the three functions."""

import pandas as pd
import streamlit as st

from core import clock
from core.errors import PermissionDenied
from core.groups import group_counting
from ui.charts import charts


def rule_note(db) -> None:
    """The stated rule, while group sessions count towards regularity."""
    rule = group_counting.rule(db)
    if rule.on:
        st.info(rule.describe(), icon=":material/groups:")


def counted_words(db, due: int, on_time: int, attended: int) -> str | None:
    """Regularity with group sessions counted, in words, or None while the rule is off."""
    rule = group_counting.rule(db)
    if not rule.on:
        return None
    figure = group_counting.counted(due, on_time, attended, rule.one_in)
    if not figure.due:
        return None
    return (f"With group supervision counted: {figure.met} of {figure.due} "
            f"({figure.share:.0%}), of which {figure.by_group} by group sessions attended.")


def my_section(db, actor) -> None:
    """My balance: the group sessions I attended, apart from the balance above."""
    st.header("Group supervision", anchor=False)
    st.write("Group sessions are shown apart: they are not divided between the three "
             "functions, and nothing said in a group is recorded about you alone.")
    rows = group_counting.attended(db, actor, [actor.id])[actor.id]
    if not rows:
        charts.empty("You attended no group supervision session in the last 12 months.")
        return
    frame = pd.DataFrame.from_records(
        [{"Date": clock.day(r["held_on"]), "Group": r["group_name"], "Minutes": r["minutes"]}
         for r in rows])
    st.markdown(f"In the last 12 months you attended {len(rows)} group sessions, "
                f"{sum(r['minutes'] for r in rows)} minutes in all.")
    charts.table(frame, name="my-group-supervision", key="group_time")
    rule_note(db)


def _people_table(found: dict[int, list], people: dict[int, str], name: str) -> None:
    frame = pd.DataFrame.from_records(
        [{"Supervisee": person, "Group sessions attended": len(found[i]),
          "Minutes": sum(r["minutes"] for r in found[i])}
         for i, person in people.items()])
    charts.table(frame, name=name, key="group_time")


def supervisees_section(db, actor, supervisees: dict[int, str]) -> None:
    """My supervisees: each one's group sessions attended (counts and minutes only)."""
    st.header("Group supervision", anchor=False)
    st.write("Group sessions each supervisee attended in the last 12 months, apart from "
             "the balance of the three functions. Only the group sees what a group recorded.")
    _people_table(group_counting.attended(db, actor, list(supervisees)), supervisees,
                  "supervisees-group-supervision")
    rule_note(db)


@st.cache_data(ttl=300, max_entries=200, show_spinner=False)
def _team_attended(_db, _actor, actor_id: int, ids: tuple, version: tuple, today) -> dict:
    """Cached on the people, the group data's fingerprint and the day: the actor's
    permission is checked inside, on the first call for these people."""
    return group_counting.attended(_db, _actor, ids, today)


def team_section(db, actor, people: dict[int, str], team_name: str) -> None:
    """Team: each supervisee's group sessions attended, apart from the balance above
    (counts and minutes only; a team lead never sees what a group recorded)."""
    st.header("Group supervision", anchor=False)
    st.write(f"Group sessions each supervisee of {team_name} attended in the last 12 "
             "months, shown apart from the balance of the three functions: group time "
             "is not divided between them. Only the group sees what a group recorded.")
    if not people:
        charts.empty("Nobody to show.")
        return
    found = _team_attended(db, actor, actor.id, tuple(sorted(people)),
                           group_counting.version(db), clock.today())
    _people_table(found, dict(sorted(people.items(), key=lambda p: p[1])),
                  "team-group-supervision")


def regularity_note(db, actor, fig: dict, supervisee_id: int) -> None:
    """Under one arrangement's regularity: the rule and, for those who may see the
    supervisee's group counts, the figure with group sessions counted."""
    rule = group_counting.rule(db)
    if not rule.on:
        return
    st.info(rule.describe(), icon=":material/groups:")
    try:
        found = group_counting.attended(db, actor, [supervisee_id])[supervisee_id]
    except PermissionDenied:
        return
    words = counted_words(db, fig["due"], fig["on_time"], len(found))
    if words:
        st.write(words)
