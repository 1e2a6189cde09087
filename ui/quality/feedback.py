"""The supervisee's voice on the pages: the optional feedback form under a signed
or disputed record, and the trend of the statements next to the balance charts
(the supervisee's own, the supervisor's sessions, a team's averages)."""

import pandas as pd
import streamlit as st

from core import clock
from core.quality import feedback
from core.quality.feedback import MIN_ANSWERS, MIN_PEOPLE, SCORES

from ui.charts import charts
from ui.kit import forms
from ui.preparation.reflection_draft import label
from ui.kit.text import inert, inert_block

FORM = "session_feedback"


def _score_label(score: int) -> str:
    return f"{score} {SCORES[score].lower()}"


def form(db, actor, session_id: int, supervisor: str) -> None:
    """Under a record the supervisee has signed or disputed: the form, or what they gave."""
    offered = feedback.offer(db, actor, session_id)
    if offered is None:
        return
    st.header("Your feedback on this session", anchor=False)
    given = offered["given"]
    if given:
        st.markdown(f"You gave feedback on {clock.local(given['created_at'])}. Only you and "
                    f"{inert(supervisor)} see your answers; your team lead sees averages only, "
                    "and only over several people.")
        st.dataframe(pd.DataFrame.from_records(
            [{"Statement": s["text"], "Your answer": _score_label(s["score"])}
             for s in given["scores"]]), hide_index=True, width="stretch")
        if given["comment"].strip():
            shared = "shared with" if given["comment_shared"] else "kept out of sight of"
            st.markdown(f"Your comment, {shared} {inert(supervisor)}:")
            st.markdown(inert_block(given["comment"]))
        return
    st.markdown("Optional. How was this session for you? Score what you want to and leave "
                "the rest. Your supervisor sees your scores; your comment only if you "
                "share it. Your team lead sees only averages over several people, never "
                "your answers or your comment.")
    forms.form_error(FORM)
    with st.form(FORM):
        scores = {}
        for s in offered["statements"]:
            scores[s["id"]] = st.radio(label(s["text"]), list(SCORES), index=None, horizontal=True,
                                       format_func=_score_label,
                                       key=f"feedback_{session_id}_{s['id']}")
            forms.field_error(FORM, f"score_{s['id']}")
        forms.field_error(FORM, "scores")
        comment = st.text_area("Comment (optional)", key=f"feedback_{session_id}_comment",
                               help=forms.limit(feedback.COMMENT_MAX))
        forms.field_error(FORM, "comment")
        share = st.checkbox(f"Share my comment with {label(supervisor)}",
                            key=f"feedback_{session_id}_share")
        if st.form_submit_button("Send feedback", icon=":material/send:"):
            forms.submit(FORM, lambda: feedback.give(db, actor, session_id, scores=scores,
                                                      comment=comment, share_comment=share),
                         success="Thank you. Your feedback is saved.",
                         fields=("comment", "scores", *(f"score_{i}" for i in scores)))


# ---------------------------------------------------------------- trends

def _frame(points: list[feedback.Point], numbers: dict[str, int]) -> pd.DataFrame:
    shown = [p for p in points if p.average is not None]
    positions = {g: i for i, g in enumerate(dict.fromkeys(p.group for p in sorted(
        shown, key=lambda p: p.order)))}
    return pd.DataFrame.from_records([
        {"When": p.group, "Position": positions[p.group], "Statement": p.statement,
         "Number": numbers[p.statement], "Average": p.average, "Answers": p.answers,
         "End": f"S{numbers[p.statement]} {p.average:.1f}"} for p in shown])


def _numbers(points: list[feedback.Point]) -> dict[str, int]:
    """S1, S2, … in the order of the current wording, older wordings after it."""
    statements = list(dict.fromkeys(p.statement for p in points))
    return {s: i for i, s in enumerate(statements, start=1)}


def _table(points: list[feedback.Point], first: str, numbers: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame.from_records([
        {first: p.group, "Statement": f"S{numbers[p.statement]} {p.statement}",
         "Average (1–5)": f"{p.average:.1f}" if p.average is not None else
         f"Not shown: fewer than {MIN_ANSWERS} answers from {MIN_PEOPLE} or more people",
         "Answers": str(p.answers) if p.answers is not None else "–"} for p in points])


def _latest_words(points: list[feedback.Point]) -> str:
    shown = [p for p in points if p.average is not None]
    if not shown:
        return ""
    last = max(p.order for p in shown)
    latest = [p for p in shown if p.order == last]
    return (f" In {latest[0].group}: "
            + "; ".join(f"'{p.statement}' {p.average:.1f}" for p in latest) + ".")


def _trend_frames(points) -> tuple[pd.DataFrame, pd.DataFrame]:
    numbers = _numbers(points)
    return _frame(points, numbers), _table(points, "Quarter", numbers)


def _chart(points, *, who: str, name: str, key: str) -> None:
    # Kept on the points themselves (plain values): the same answers, the same frames.
    frame, figures = charts.kept("feedback_trend", tuple(points),
                                 lambda: _trend_frames(points))
    quarters = list(dict.fromkeys(frame.sort_values("Position")["When"]))
    summary = (f"Average score (1 strongly disagree to 5 strongly agree) of each feedback "
               f"statement per quarter, {who}, from {quarters[0]} to {quarters[-1]}."
               + _latest_words(points))
    charts.show("feedback_trend", frame, summary=summary, figures=figures, name=name,
                key=key)


def mine_section(db, actor) -> None:
    """My balance: the supervisee's own feedback, quarter by quarter."""
    st.header("How my sessions felt", anchor=False)
    st.write("Your own feedback after signing or disputing a record. Your supervisor sees "
             "your scores; your team lead only averages over several people.")
    answers = feedback.mine(db, actor)
    if not answers:
        charts.empty("You have not given feedback on a session yet. After you sign or "
                      "dispute a record, the Records page offers a short, optional form.")
        return
    _chart(feedback.trend(answers), who=f"over your {len(answers)} answered sessions",
           name="my-feedback", key="feedback_mine")


def supervisor_section(db, actor) -> None:
    """My supervisees: feedback on the supervisor's own sessions, with a trend and
    each answer (comments only where the supervisee shared them)."""
    st.header("Feedback from your supervisees", anchor=False)
    answers = feedback.for_supervisor(db, actor)
    if not answers:
        charts.empty("No supervisee has given feedback on a session with you yet. They are "
                     "offered a short, optional form after they sign or dispute a record.")
        return
    st.write("Supervisees may score a few statements after signing or disputing a record. "
             "A comment shows only when they chose to share it with you.")
    _chart(feedback.trend(answers), who=f"over {len(answers)} answered sessions with you",
           name="supervisee-feedback", key="feedback_supervisor")
    rows = []
    for a in reversed(answers):
        comment = a.comment if a.comment is not None else (
            "(kept private)" if a.comment_kept_out else "")
        rows.append({"Session date": clock.day(a.day), "Supervisee": a.supervisee,
                     **{s: v for s, v in a.scores.items()}, "Comment": comment})
    st.subheader("Each answer", anchor=False)
    charts.table(pd.DataFrame.from_records(rows), name="supervisee-feedback-answers",
                 key="feedback_answers")


def team_section(db, actor, team_id: int, team: str, months_back: int, period: str) -> None:
    """Team: averages only, each withheld below the thresholds; never a comment."""
    st.header("How sessions felt", anchor=False)
    st.write(f"Averages of the supervisees' feedback on their sessions. An average shows "
             f"only when it covers at least {MIN_ANSWERS} answers from at least "
             f"{MIN_PEOPLE} people; comments and single answers are never shown here.")
    found = feedback.team_summary(db, actor, team_id, feedback.since_months(months_back))
    if any(p.average is not None for p in found.by_quarter):
        _chart(found.by_quarter, who=f"across {team}", name="team-feedback",
               key="feedback_team")
    else:
        charts.empty(f"Not enough feedback in {team} in the {period} for a quarter's "
                     f"average without pointing at one person: each needs at least "
                     f"{MIN_ANSWERS} answers from {MIN_PEOPLE} or more people.")
    st.subheader("By supervisor, over the period", anchor=False)
    if any(p.average is not None for p in found.by_supervisor):
        by_supervisor = tuple(found.by_supervisor)
        charts.table(charts.kept("feedback_by_supervisor", by_supervisor, lambda: _table(
                         by_supervisor, "Supervisor", _numbers(by_supervisor))),
                     name="team-feedback-by-supervisor", key="feedback_by_supervisor")
    else:
        charts.empty(f"No supervisor in {team} has enough feedback in the {period} for an "
                     "average to show.")
