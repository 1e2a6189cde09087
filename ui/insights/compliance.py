"""The team lead's compliance sections: regularity, record timeliness, overdue
actions and the count of safeguarding flags, drawn from core.compliance figures.
Counts, shares and dates only: no record text and no action description."""

import pandas as pd
import streamlit as st

from core import clock, insights
from core.insights.balance import month_label
from core.tasks import Destination
from core.insights.compliance import MonthShare, TeamCompliance, next_due_words, regularity_words, total
from ui import navigation
from ui.charts import charts
from ui.kit.text import inert
from ui.groups import group_time

HELD_ON_TIME = "Sessions held on time"
SHARED = "Records shared within the working days"
AGREED = "Records agreed (both signed)"


def _pct(share: float | None) -> float | None:
    return None if share is None else charts.pct(share)


def _words(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def regularity_frames(view: TeamCompliance) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(chart frame, figures) of the team's regularity per month."""
    chart, figures = [], []
    for m in view.regularity:
        label = month_label(m.month)
        chart.append({"Month": label, "Measure": HELD_ON_TIME, "Share": m.share,
                      "Label": f"{m.share:.0%} ({m.met}/{m.due})" if m.due else "",
                      "Figures": f"{m.met} of {m.due}", "Empty": "none due"})
        figures.append({"Month": label, "Sessions due": m.due, "Held on time": m.met,
                        "Held on time (%)": _pct(m.share)})
    return pd.DataFrame.from_records(chart), pd.DataFrame.from_records(figures)


def timeliness_frames(view: TeamCompliance) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(chart frame, figures) of record timeliness per month of the session."""
    chart, figures = [], []
    for month, t in view.timeliness.items():
        label = month_label(month)
        for measure, done, share in ((SHARED, t.on_time, t.shared_share),
                                     (AGREED, t.agreed, t.agreed_share)):
            chart.append({"Month": label, "Measure": measure, "Share": share,
                          "Label": f"{share:.0%}" if share is not None else "",
                          "Figures": f"{done} of {t.due}", "Empty": "none due"})
        figures.append({"Month": label, "Records due": t.due,
                        "Shared within the working days": t.on_time,
                        "Shared within the working days (%)": _pct(t.shared_share),
                        "Agreed": t.agreed, "Agreed (%)": _pct(t.agreed_share),
                        "Not yet due": t.pending})
    return pd.DataFrame.from_records(chart), pd.DataFrame.from_records(figures)


def by_supervisee(view: TeamCompliance, scope) -> pd.DataFrame:
    rows = []
    for s in scope.subjects:
        i = s.arrangement_id
        reg = view.regularity_by.get(i) or MonthShare(scope.since, 0, 0)
        rec = view.timeliness_by.get(i)
        act = view.actions.get(i)
        rows.append({
            "Supervisee": scope.label(i), "Supervisor": s.supervisor,
            "Sessions due": reg.due, "Held on time (%)": _pct(reg.share),
            "Records due": rec.due if rec else 0,
            "Shared within the working days (%)": _pct(rec.shared_share) if rec else None,
            "Agreed (%)": _pct(rec.agreed_share) if rec else None,
            "Open actions": act.open if act else 0, "Overdue actions": act.overdue if act else 0,
            "Safeguarding flags": view.flagged.get(i, 0),
        })
    return pd.DataFrame.from_records(rows)


def overdue_rows(view: TeamCompliance, scope) -> list[dict]:
    rows = []
    for s in scope.subjects:
        act = view.actions.get(s.arrangement_id)
        if act and act.overdue:
            rows.append({
                "Supervisee": scope.label(s.arrangement_id), "Supervisor": s.supervisor,
                "Open actions": act.open, "Overdue actions": act.overdue,
                "Oldest overdue action due": clock.day(act.oldest_due),
                "Overdue, by owner": ", ".join(f"{name} ({n})" for name, n in act.by_owner),
            })
    return rows


def regularity_section(view: TeamCompliance, scope, team: str, period: str) -> None:
    st.header("Regularity", anchor=False)
    st.markdown("Formal sessions held on time as a share of the sessions that fell due "
               "each month, under each contract's cadence. Informal contacts never count.")
    if not view.has_regularity():
        charts.empty(f"No sessions fell due in {team} in the {period} (or none has passed its "
                     "grace period yet), so there is no regularity to show. Sessions fall due "
                     "once both sides have signed a contract.")
        return
    months = [month_label(m) for m in view.months]
    frame, figures = charts.kept("regularity", scope, lambda: regularity_frames(view))
    due = sum(m.due for m in view.regularity)
    met = sum(m.met for m in view.regularity)
    known = [m for m in view.regularity if m.due]
    low = min(known, key=lambda m: (m.share, m.month))
    summary = (f"{team}, {period}: {met} of {due} sessions due were held on time "
               f"({met / due:.0%}). Lowest month: {month_label(low.month)}, "
               f"{low.met} of {low.due} ({low.share:.0%}).")
    charts.show("monthly_share", frame, months=months, measures=[HELD_ON_TIME],
                summary=summary, figures=figures, name="team-regularity", key="regularity")


def timeliness_section(view: TeamCompliance, scope, team: str, period: str) -> None:
    st.header("Record timeliness", anchor=False)
    st.markdown("For the sessions held each month: the share of records shared with the "
               "supervisee within the contract's working days, and the share agreed "
               "(signed by both). A record still inside its working days is not counted yet.")
    if not view.has_records():
        charts.empty(f"No formal sessions were held in {team} in the {period}, so no "
                     "records were due to be shared.")
        return
    months = [month_label(m) for m in view.months]
    frame, figures = charts.kept("timeliness", scope, lambda: timeliness_frames(view))
    t = total(view.timeliness.values())
    if t.due:
        summary = (f"{team}, {period}: of {t.due} records due, {t.on_time} "
                   f"({_words(t.shared_share)}) were shared within the contract's working "
                   f"days and {t.agreed} ({_words(t.agreed_share)}) are agreed by both."
                   + (f" {t.pending} more are still inside their working days."
                      if t.pending else ""))
    else:
        summary = (f"{team}, {period}: {t.pending} records are still inside their working "
                   "days; none is due yet.")
    charts.show("monthly_share", frame, months=months, measures=[SHARED, AGREED],
                summary=summary, figures=figures, name="team-record-timeliness",
                key="timeliness")


def actions_section(view: TeamCompliance, scope, team: str) -> None:
    st.header("Overdue actions", anchor=False)
    st.markdown("Open actions past their due date, counted per supervisee. What an action "
               "says stays between the supervisee and the supervisor.")
    overdue = charts.kept("overdue", scope,
                          lambda: pd.DataFrame.from_records(overdue_rows(view, scope)))
    charts.alerts_table(overdue, name="team-overdue-actions",
                        key="overdue", none=f"No overdue actions in {team}.")


def by_supervisee_section(view: TeamCompliance, scope) -> None:
    st.header("Compliance by supervisee", anchor=False)
    charts.table(charts.kept("by_supervisee", scope, lambda: by_supervisee(view, scope)),
                 name="team-compliance-by-supervisee",
                 key="by_supervisee")
    flagged = {scope.label(i): n for i, n in view.flagged.items() if n}
    if flagged:
        count = sum(flagged.values())
        items = "1 agenda item was" if count == 1 else f"{count} agenda items were"
        st.markdown(inert(
            f"{items} flagged as a safeguarding concern in the period (" + ", ".join(f"{who}: {n}" for who, n in flagged.items()) + "). "
            "They are not shown here: a flagged item is read from its record, and every "
            "such read is audited and the supervisee told."))
        navigation.link(Destination.RECORDS, "Read flagged items on the Records page")


def own_supervision_section(db, actor) -> None:
    """A supervisor who is supervised too: their own regularity, next due date and
    records waiting for their signature, with a link to My balance."""
    st.header("Your own supervision", anchor=False)
    today = clock.today().isoformat()
    rows = []
    for s in insights.my_arrangements(db, actor):
        if s.end_date and s.end_date < today:
            continue
        scope = insights.personal_scope(db, actor, s.arrangement_id)
        mine = charts.cached("standing", scope)[s.arrangement_id]
        rows.append({
            "Supervision": f"{s.kind_label} with {s.supervisor}",
            "Regularity, last 12 months": regularity_words(mine),
            "Next session due": next_due_words(mine),
            "Records waiting for your signature": mine.waiting.supervisee,
            "Overdue actions": mine.actions.overdue,
        })
    if rows:
        charts.table(pd.DataFrame.from_records(rows), name="my-own-supervision", key="own")
        group_time.rule_note(db)
    navigation.link(Destination.MY_BALANCE, "Your own balance, as a supervisee")
