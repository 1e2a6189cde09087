"""A team lead sees only averages of at least 5 answers from at least 2 people,
never a single answer and never a comment."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from record_fixtures import actor, held_and_shared

from core import clock, records
from core.quality import feedback
from core.errors import PermissionDenied
from core.quality.feedback import MIN_ANSWERS, MIN_PEOPLE

STATEMENT = "I had time to reflect."


def _rows(answers: list[tuple[int, int]]) -> list[dict]:
    return [{"supervisee_id": person, "position": 1, "text": STATEMENT, "score": score,
             "supervisor_id": 7, "supervisor_name": "A supervisor"} for person, score in answers]


answers = st.lists(st.tuples(st.integers(1, 4), st.integers(1, 5)), max_size=14)


@given(answers)
def test_an_average_shows_only_over_enough_answers_and_people(given_answers):
    points = feedback.averages(_rows(given_answers), lambda r: r["supervisor_id"],
                               lambda r: r["supervisor_name"])
    people = {p for p, _ in given_answers}
    enough = len(given_answers) >= MIN_ANSWERS and len(people) >= MIN_PEOPLE
    if not given_answers:
        assert points == []
        return
    [point] = points
    if enough:
        assert point.answers == len(given_answers)
        assert point.average == round(sum(s for _, s in given_answers) / len(given_answers), 2)
    else:
        assert point.average is None and point.answers is None  # not even the count


@given(st.integers(1, 5), st.integers(MIN_ANSWERS, 20))
def test_one_persons_answers_never_make_an_average_however_many(score, count):
    [point] = feedback.averages(_rows([(1, score)] * count), lambda r: 0, lambda r: "All")
    assert point.average is None


def test_four_answers_from_four_people_are_withheld_and_five_shown():
    four = feedback.averages(_rows([(p, 4) for p in range(1, 5)]), lambda r: 0, lambda r: "")
    five = feedback.averages(_rows([(p, 4) for p in range(1, 6)]), lambda r: 0, lambda r: "")
    assert four[0].average is None and five[0].average == 4


# ------------------------------------------------------------ on the database

def _answered(db, supervisee: str, days: int, score: int, comment: str = "") -> int:
    sid = held_and_shared(db, supervisee, days=days)
    person = actor(db, supervisee)
    records.sign(db, person, sid)
    ids = [s["id"] for s in feedback.current(db)["statements"]]
    feedback.give(db, person, sid, scores={i: score for i in ids}, comment=comment,
                  share_comment=bool(comment))
    return sid


@pytest.fixture
def quiet_team(demo):
    """The demo without its feedback, so the counts below are the test's own."""
    demo.execute("DELETE FROM feedback_scores")
    demo.execute("DELETE FROM session_feedback")
    return demo


def _team_of(db, lead: str) -> int:
    return next(iter(actor(db, lead).led_team_ids))


def test_the_team_lead_sees_nothing_under_five_answers(quiet_team):
    db = quiet_team
    for n, who in enumerate(["sam.taylor", "zara.hussain", "sam.taylor", "zara.hussain"]):
        _answered(db, who, days=-(n + 1), score=5)
    priya = actor(db, "priya.shah")
    found = feedback.team_summary(db, priya, _team_of(db, "priya.shah"),
                                  clock.today() - timedelta(days=90))
    assert found.by_quarter and all(p.average is None and p.answers is None
                                     for p in found.by_quarter + found.by_supervisor)
    _answered(db, "chloe.wright", days=-6, score=1)
    found = feedback.team_summary(db, priya, _team_of(db, "priya.shah"),
                                  clock.today() - timedelta(days=90))
    helen = [p for p in found.by_supervisor if p.group == "Helen Carter"]
    assert helen and all(p.average == 4.2 and p.answers == 5 for p in helen)


def test_no_comment_and_no_name_of_a_supervisee_reaches_the_team_lead(quiet_team):
    db = quiet_team
    secret = "Only for Helen: I am struggling at home."
    for n, who in enumerate(["sam.taylor", "zara.hussain", "chloe.wright", "sam.taylor",
                             "zara.hussain", "chloe.wright"]):
        _answered(db, who, days=-(n + 1), score=3, comment=secret)
    found = feedback.team_summary(db, actor(db, "priya.shah"), _team_of(db, "priya.shah"),
                                  clock.today() - timedelta(days=90))
    told = repr(found)
    assert secret not in told
    for name in ("Sam Taylor", "Zara Hussain", "Chloe Wright"):
        assert name not in told
    assert any(p.average == 3 for p in found.by_supervisor)


def test_only_the_lead_of_the_team_gets_its_summary(demo):
    team = _team_of(demo, "priya.shah")
    for who in ("daniel.okafor", "helen.carter", "sam.taylor", "admin"):
        with pytest.raises(PermissionDenied):
            feedback.team_summary(demo, actor(demo, who), team, date(2000, 1, 1))


def test_the_demo_passes_the_threshold_for_helen_and_not_for_marcus(demo):
    since = clock.today() - timedelta(days=365)
    helen = feedback.team_summary(demo, actor(demo, "priya.shah"),
                                  _team_of(demo, "priya.shah"), since)
    assert any(p.average is not None for p in helen.by_quarter)
    assert all(p.average is not None for p in helen.by_supervisor
               if p.group == "Helen Carter")
    marcus = feedback.team_summary(demo, actor(demo, "daniel.okafor"),
                                   _team_of(demo, "daniel.okafor"), since)
    assert marcus.answered > 0
    assert all(p.average is None for p in marcus.by_quarter + marcus.by_supervisor)
