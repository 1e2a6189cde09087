"""Supervisor: each supervisee's balance over the last 12 months, neglect alerts,
regularity, next due date, records waiting for a signature and overdue actions;
and, for a supervisor who is supervised too, their own supervision."""

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

actor = guard(Role.SUPERVISOR)
db = context.database()

st.title("My supervisees", anchor=False)

scope = insights.supervisor_scope(db, actor)
if not scope.subjects:
    charts.empty("You have no current supervisees. When an admin sets up an arrangement "
                 "with you as the supervisor, that person's balance shows here.")
    if actor.has(Role.SUPERVISEE):
        compliance.own_supervision_section(db, actor)
    st.stop()
view = charts.cached("supervisor", scope)
rule = scope.rule
name = scope.label

st.header("Neglect alerts", anchor=False)
charts.alerts_table(
    charts.kept("supervisor_alerts", scope, lambda: pd.DataFrame.from_records(
        [{"Supervisee": name(s.arrangement_id), "Function": FUNCTIONS[a.function],
          "Alert": a.describe(rule), "Latest session": clock.day(a.last)}
         for s, a in insights.alert_list(view, scope)])),
    name="neglect-alerts", key="alerts",
    none=f"No neglect alerts: no function is under {rule.share:.0%} of anyone's last "
         f"{rule.window} sessions, or missing from their last {rule.absent}.")

st.header("Summary", anchor=False)


def summary_frame() -> pd.DataFrame:
    rows = []
    for s in scope.subjects:
        latest = view.latest[s.arrangement_id]
        alerts = view.alerts[s.arrangement_id]
        rows.append({
            "Supervisee": s.supervisee, "Supervision": s.kind_label,
            f"Sessions recorded (last {insights.SUPERVISOR_MONTHS} months)":
                view.held[s.arrangement_id],
            "Last recorded session": clock.day(view.last_held[s.arrangement_id]),
            **{f"{FUNCTIONS[f]}, last {rule.window} sessions (%)":
               charts.pct(latest.shares[f]) if latest else None for f in FUNCTIONS},
            "Neglect alert": ", ".join(FUNCTIONS[a.function] for a in alerts) or "None",
        })
    return pd.DataFrame.from_records(rows)


charts.table(charts.kept("supervisor_summary", scope, summary_frame),
             name="supervisees-summary", key="summary")

st.header("Regularity, records and actions", anchor=False)
st.markdown("Regularity is the share of sessions due in the last 12 months that were held "
           "on time. Records wait for a signature once shared; actions are overdue once "
           "past their due date while still open.")
group_time.rule_note(db)
extras = charts.cached("supervisor_extras", scope)
charts.table(charts.kept("supervisor_extras", scope, lambda: pd.DataFrame.from_records(
    [{"Supervisee": name(s.arrangement_id), **extras.get(s.arrangement_id, {})}
     for s in scope.subjects])), name="supervisees-compliance", key="compliance")

st.header(f"Balance over the last {insights.SUPERVISOR_MONTHS} months", anchor=False)
months = [month_label(m) for m in view.months]
with_data = [s for s in scope.subjects if view.monthly[s.arrangement_id]]
without = [name(s.arrangement_id) for s in scope.subjects
           if not view.monthly[s.arrangement_id]]


def multiples_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    frames, figures = [], []
    for s in with_data:
        rows = [(month_label(m), b) for m, b in view.monthly[s.arrangement_id].items()]
        frames.append(charts.shares_frame(rows).assign(Supervisee=name(s.arrangement_id)))
        figures.append(charts.shares_table(rows, "Month").assign(
            Supervisee=name(s.arrangement_id)))
    return (pd.concat(frames),
            pd.concat(figures)[["Supervisee"] + list(figures[0].columns[:-1])])


if with_data:
    frame, figures_frame = charts.kept("supervisor_multiples", scope, multiples_frames)
    watch = [name(s.arrangement_id) for s in with_data if view.alerts[s.arrangement_id]]
    summary = (f"Month by month, the share of each function for {len(with_data)} supervisees, "
               f"from {months[0]} to {months[-1]}. "
               + (f"Neglect alerts now: {', '.join(watch)}." if watch else
                  "No neglect alerts now."))
    charts.show("multiples", frame, months=months, summary=summary,
                figures=figures_frame, name="supervisees-balance", key="multiples")
    st.markdown("P performance management (bottom), D professional development (middle), "
               "S personal support (top). Empty months had no recorded session.")
if without:
    charts.empty(f"No sessions recorded in the last {insights.SUPERVISOR_MONTHS} months for: "
                 + ", ".join(without) + ". Their balance shows once a session is recorded.")

group_time.supervisees_section(db, actor, {s.supervisee_id: s.supervisee
                                             for s in scope.subjects})
feedback.supervisor_section(db, actor)

if actor.has(Role.SUPERVISEE):
    compliance.own_supervision_section(db, actor)
