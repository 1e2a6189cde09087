"""Supervisee: the balance of the three functions in my supervision, and my wellbeing."""

import pandas as pd
import streamlit as st

from core import clock, insights
from core.insights.balance import balance, quarter_label
from core.access.roles import Role
from ui.charts import charts
from ui.quality import feedback
from ui.kit.page_start import start
from ui.kit.text import inert
from ui.groups import group_time


def stacked(scope, rows, axis: str, summary: str, key: str) -> None:
    """A stacked share chart per session or per quarter, its frames kept per scope."""
    frame, figures = charts.kept(f"balance_{key}", scope,
                                 lambda: charts.shares_frames(rows, axis))
    charts.show("stacked", frame, x_title=axis, summary=summary, figures=figures,
                name=f"balance-per-{axis.lower()}", key=key)


actor, db = start(
    "My balance", Role.SUPERVISEE,
    intro="Over the whole series of sessions, supervision should balance performance "
          "management, professional development and personal support. These charts show "
          "the share of your supervision that went to each.")

subjects = {s.arrangement_id: s for s in insights.my_arrangements(db, actor)}
chosen = next(iter(subjects))
if len(subjects) > 1:
    chosen = st.selectbox(
        "Supervision", list(subjects), key="balance_arrangement",
        format_func=lambda i: f"{subjects[i].kind_label} with {subjects[i].supervisor}")
subject = subjects[chosen]
scope = insights.personal_scope(db, actor, chosen)
view = charts.cached("personal", scope)
rule = scope.rule

st.header("Neglect alerts", anchor=False)
if not view.counted:
    charts.empty(
        f"No sessions with {subject.supervisor} have been recorded yet, so there is no "
        "balance to show. Once a session is held and its agenda items are recorded, "
        "this page shows how your supervision divides between the three functions.")
else:
    for alert in view.alerts:
        st.warning(inert(alert.describe(rule)), icon=":material/warning:")
    if not view.alerts:
        if view.counted < rule.absent:
            charts.empty(f"Neglect alerts start after {rule.absent} recorded sessions; "
                         f"{view.counted} so far.")
        else:
            window = f"your last {rule.window} sessions" if view.counted >= rule.window else \
                f"your last {rule.absent} sessions"
            st.success(f"No neglect alerts: every function had a fair share of {window}.",
                       icon=":material/check_circle:")
    st.markdown(f"An alert shows when a function has under {rule.share:.0%} of your last "
               f"{rule.window} sessions, or none at all in your last {rule.absent}.")

    st.header("Share per session", anchor=False)
    rows = list(zip(charts.unique_labels(t.held_on for t, _ in view.sessions),
                    [b for _, b in view.sessions]))
    shown = balance(t for t, _ in view.sessions)
    summary = (f"Your last {len(rows)} recorded sessions, from {rows[0][0]} to {rows[-1][0]}: "
               f"{charts.mix(shown)} in all, {charts.counted_in(shown)}.")
    stacked(scope, rows, "Session", summary, "sessions")

    st.header("Share per quarter", anchor=False)
    if view.quarters:
        rows = [(quarter_label(q), b) for q, b in view.quarters]
        summary = (f"{len(rows)} quarters with recorded sessions, from {rows[0][0]} to "
                   f"{rows[-1][0]}. In the latest: {charts.mix(rows[-1][1])}.")
        stacked(scope, rows, "Quarter", summary, "quarters")
    else:
        charts.empty("No sessions were recorded in the last two years.")

    st.header(f"Rolling balance over the last {rule.window} sessions", anchor=False)
    rows = list(zip(charts.unique_labels(t.held_on for t, _ in view.rolling),
                    [b for _, b in view.rolling]))
    latest = rows[-1][1]
    summary = (f"Over the {latest.sessions} sessions up to {rows[-1][0]}: {charts.mix(latest)}. "
               f"The dashed line marks the {rule.share:.0%} threshold.")
    frame, figures = charts.kept("balance_rolling", scope, lambda: charts.shares_frames(
        rows, "Window ending at"))
    charts.show("rolling", frame, threshold=rule.share, summary=summary, figures=figures,
                name="rolling-balance", key="rolling")

st.header("My wellbeing over time", anchor=False)
st.write("Only you see these scores, unless you chose to share one with your supervisor "
         "on a reflection. Your team lead never sees them.")
points = insights.wellbeing(db, actor, actor.id)
if points:
    frame, figures = charts.kept("wellbeing", tuple(points), lambda: charts.with_figures(
        pd.DataFrame.from_records([
            {"Date": p.on.isoformat(), "Session date": clock.day(p.on), "Score": p.score,
             "Shared with your supervisor": "Yes" if p.shared else "No"} for p in points]),
        drop=["Date"]))
    summary = (f"{len(points)} wellbeing checks from {clock.day(points[0].on)} to "
               f"{clock.day(points[-1].on)}; the latest is {points[-1].score} out of 10. "
               f"You shared {sum(p.shared for p in points)} of them with your supervisor.")
    charts.show("wellbeing", frame, summary=summary, figures=figures,
                name="my-wellbeing", key="wellbeing")
else:
    charts.empty("You have not recorded a wellbeing check yet. It is an optional part of "
                 "preparing a reflection for a session, and stays private unless you share it.")

group_time.my_section(db, actor)
feedback.mine_section(db, actor)
