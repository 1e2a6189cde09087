"""Team lead: for a team, period and kind of supervision, neglect alerts, the
balance of the three functions month by month, regularity, record timeliness,
overdue actions, and one supervisee's timeline. Minutes, counts, dates and
statuses only: no record text is read for this page."""

import pandas as pd
import streamlit as st

from core import clock, insights
from core.insights.balance import month_label
from core.vocabulary import FUNCTIONS
from core.access.roles import Role
from ui.charts import charts
from ui.insights import compliance
from ui.kit import context
from ui.quality import feedback
from ui.kit.guard import guard
from ui.groups import group_time

actor = guard(Role.TEAM_LEAD)
db = context.database()

st.title("Team", anchor=False)
teams = {t["id"]: t["name"] for t in insights.led_teams(db, actor)}
left, middle, right = st.columns(3)
team_id = left.selectbox("Team", list(teams), format_func=teams.get, key="team_filter")
months_back = middle.selectbox("Period", list(insights.PERIODS), index=2, key="team_period",
                               format_func=insights.PERIODS.get)
kind = right.selectbox("Kind of supervision", list(insights.KIND_FILTER), key="team_kind",
                       format_func=insights.KIND_FILTER.get)
period = insights.PERIODS[months_back].lower()
kind_words = insights.KIND_FILTER[kind].lower()

scope = insights.team_scope(db, actor, team_id, months_back=months_back, kind=kind)
if not scope.subjects:
    charts.empty(f"Nobody in {teams[team_id]} had {kind_words} in the {period}. "
                 "Choose another kind of supervision or a longer period.")
    st.stop()
view = charts.cached("team", scope)
rule = scope.rule
months = [month_label(m) for m in view.months]

st.header("Neglect alerts", anchor=False)
charts.alerts_table(
    charts.kept("team_alerts", scope, lambda: pd.DataFrame.from_records(
        [{"Supervisee": scope.label(s.arrangement_id), "Supervisor": s.supervisor,
          "Function": FUNCTIONS[a.function], "Alert": a.describe(rule),
          "Latest session": clock.day(a.last)}
         for s, a in insights.alert_list(view, scope)])),
    name="team-neglect-alerts", key="alerts",
    none=f"No neglect alerts in {teams[team_id]}: no function is under {rule.share:.0%} of "
         f"anyone's last {rule.window} sessions, or missing from their last {rule.absent}.")

st.header("Balance by month", anchor=False)
if view.has_data():
    frame, figures = charts.kept("team_grid", scope, lambda: charts.grid_frames(
        insights.grid(view, scope), scope))
    neglected = frame[frame["State"].str.endswith("neglected")]
    summary = (f"{len(scope.subjects)} supervisees of {teams[team_id]}, {months[0]} to "
               f"{months[-1]}: {int((frame['State'] != 'No session').sum())} supervisee-months "
               f"with a recorded session, {len(neglected)} of them with a function neglected"
               + (f" ({', '.join(sorted(set(neglected['Supervisee'])))})." if len(neglected)
                  else "."))
    charts.show("grid", frame, months=months, summary=summary, figures=figures,
                name="team-balance-by-month", key="grid")
    st.markdown("Each cell is one month. 'ok': balanced; a letter names the neglected "
               "function (P performance management, D professional development, "
               "S personal support); '–': no recorded session that month.")
else:
    charts.empty(f"No sessions of {kind_words} were recorded in {teams[team_id]} in the "
                 f"{period}, so there is no balance to show. The timeline below lists any "
                 "sessions that were planned or cancelled.")

feedback.team_section(db, actor, team_id, teams[team_id], months_back, period)

figures = charts.cached("team_compliance", scope)
compliance.regularity_section(figures, scope, teams[team_id], period)
group_time.rule_note(db)
compliance.timeliness_section(figures, scope, teams[team_id], period)
compliance.actions_section(figures, scope, teams[team_id])
compliance.by_supervisee_section(figures, scope)
group_time.team_section(db, actor, {s.supervisee_id: s.supervisee for s in scope.subjects},
                        teams[team_id])

st.header("One supervisee's timeline", anchor=False)
subjects = {s.arrangement_id: s for s in scope.subjects}
chosen = st.selectbox("Supervisee", list(subjects), key="team_timeline",
                      format_func=lambda i: f"{scope.label(i)}, supervised by "
                                            f"{subjects[i].supervisor}")
timeline_scope = insights.timeline_scope(db, actor, chosen, since=scope.since)
rows = charts.cached("timeline", timeline_scope)
if rows:
    chart_frame, table_frame = charts.kept("timeline", timeline_scope,
                                           lambda: charts.timeline_frames(rows))
    statuses = pd.Series([r.status for r in rows]).value_counts()
    summary = (f"{scope.label(chosen)}: {len(rows)} sessions from "
               f"{table_frame['Date'].iloc[0]} to {table_frame['Date'].iloc[-1]} ("
               + ", ".join(f"{n} {status}" for status, n in statuses.items())
               + "), with the minutes recorded for each function.")
    charts.show("timeline", chart_frame, summary=summary, figures=table_frame,
                name="supervisee-timeline", key="timeline")
    st.markdown("Safeguarding flags are counted, never shown here; the flagged item itself "
               "is read from the record, and that read is audited.")
else:
    charts.empty(f"No sessions were planned or held for {scope.label(chosen)} in the "
                 f"{period}.")
