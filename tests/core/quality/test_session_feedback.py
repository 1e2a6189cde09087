"""The supervisee's feedback on a session: when it is offered, what is kept, who
reads it, and the admin's versioned statements."""

import pytest
from record_fixtures import actor, held_and_shared

from core import records
from core.admin import audit
from core.quality import feedback
from core.errors import PermissionDenied, ValidationError


def _ids(db) -> list[int]:
    return [s["id"] for s in feedback.current(db)["statements"]]


def _signed(db, supervisee="sam.taylor") -> int:
    sid = held_and_shared(db, supervisee)
    records.sign(db, actor(db, supervisee), sid)
    return sid


def test_the_form_is_offered_to_the_supervisee_only_after_signing_or_disputing(demo):
    sam = actor(demo, "sam.taylor")
    sid = held_and_shared(demo)
    assert feedback.offer(demo, sam, sid) is None  # shared, not yet signed
    with pytest.raises(ValidationError, match="signed or disputed"):
        feedback.give(demo, sam, sid, scores={_ids(demo)[0]: 4})
    records.dispute(demo, sam, sid, "The decision is not what we agreed.")
    offered = feedback.offer(demo, sam, sid)
    assert [s["text"] for s in offered["statements"]] == [
        "I had time to reflect.", "My wellbeing was considered.", "Decisions were clear.",
        "I felt listened to."]
    assert offered["given"] is None
    for other in ("helen.carter", "priya.shah", "admin", "zara.hussain"):
        assert feedback.offer(demo, actor(demo, other), sid) is None


def test_feedback_is_kept_once_with_the_scores_given(demo):
    sam = actor(demo, "sam.taylor")
    sid = _signed(demo)
    ids = _ids(demo)
    feedback.give(demo, sam, sid, scores={ids[0]: 2, ids[1]: None, ids[2]: 5},
                  comment="Rushed 🙂 <b>x</b>", share_comment=False)
    given = feedback.offer(demo, sam, sid)["given"]
    assert [(s["text"], s["score"]) for s in given["scores"]] == [
        ("I had time to reflect.", 2), ("Decisions were clear.", 5)]
    assert given["comment"] == "Rushed 🙂 <b>x</b>" and given["comment_shared"] == 0
    with pytest.raises(ValidationError, match="already given"):
        feedback.give(demo, sam, sid, scores={ids[0]: 4})
    event = demo.execute("SELECT detail FROM audit_events WHERE action = 'feedback_given' "
                         "ORDER BY id DESC").fetchone()[0]
    assert "Rushed" not in event and "feedback_given" in audit.EVENT_NAMES


@pytest.mark.parametrize("scores, field", [
    ("empty", "scores"), ("none", "scores"), ("six", "score"), ("zero", "score")])
def test_bad_scores_are_refused_next_to_the_field(demo, scores, field):
    sid = _signed(demo)
    first = _ids(demo)[0]
    scores = {"empty": {}, "none": {first: None}, "six": {first: 6}, "zero": {first: 0}}[scores]
    with pytest.raises(ValidationError) as error:
        feedback.give(demo, actor(demo, "sam.taylor"), sid, scores=scores)
    assert any(k.startswith(field) for k in error.value.errors)
    assert feedback.offer(demo, actor(demo, "sam.taylor"), sid)["given"] is None


@pytest.mark.parametrize("comment, message", [("x" * 2_001, "limit"),
                                              ("nul\x00here", "control character")])
def test_a_bad_comment_is_refused_and_nothing_is_saved(demo, comment, message):
    sid = _signed(demo)
    with pytest.raises(ValidationError, match=message):
        feedback.give(demo, actor(demo, "sam.taylor"), sid, scores={_ids(demo)[0]: 3},
                      comment=comment)
    assert demo.execute("SELECT count(*) FROM session_feedback WHERE session_id = ?",
                        [sid]).fetchone()[0] == 0


def test_only_the_supervisee_gives_feedback(demo):
    sid = _signed(demo)
    for who in ("helen.carter", "priya.shah", "admin", "zara.hussain"):
        with pytest.raises(PermissionDenied):
            feedback.give(demo, actor(demo, who), sid, scores={_ids(demo)[0]: 5})


def test_the_supervisor_reads_scores_and_only_shared_comments(demo):
    ids = _ids(demo)
    shared, kept = _signed(demo), _signed(demo, "zara.hussain")
    feedback.give(demo, actor(demo, "sam.taylor"), shared, scores={ids[0]: 4},
                  comment="Shared with Helen", share_comment=True)
    feedback.give(demo, actor(demo, "zara.hussain"), kept, scores={ids[0]: 1},
                  comment="Kept from Helen", share_comment=False)
    seen = {a.session_id: a for a in feedback.for_supervisor(demo, actor(demo, "helen.carter"))}
    assert seen[shared].comment == "Shared with Helen" and not seen[shared].comment_kept_out
    assert seen[kept].comment is None and seen[kept].comment_kept_out
    assert seen[kept].scores == {"I had time to reflect.": 1}
    # Another supervisor, and the team lead as a supervisor, see none of them.
    for other in ("marcus.reid", "priya.shah", "aisha.begum"):
        assert not {shared, kept} & {a.session_id for a in
                                     feedback.for_supervisor(demo, actor(demo, other))}
    # The supervisee sees their own, with the comment they kept.
    mine = {a.session_id: a for a in feedback.mine(demo, actor(demo, "zara.hussain"))}
    assert mine[kept].comment == "Kept from Helen"
    assert shared not in mine


def test_a_share_without_a_comment_shares_nothing(demo):
    sid = _signed(demo)
    feedback.give(demo, actor(demo, "sam.taylor"), sid, scores={_ids(demo)[0]: 4},
                  comment="   ", share_comment=True)
    assert feedback.offer(demo, actor(demo, "sam.taylor"), sid)["given"]["comment_shared"] == 0


def test_new_wording_is_a_new_version_and_old_answers_keep_theirs(demo):
    admin, sam = actor(demo, "admin"), actor(demo, "sam.taylor")
    old = _signed(demo)
    feedback.give(demo, sam, old, scores={_ids(demo)[0]: 3})
    version = feedback.update_statements(demo, admin, [
        "I had protected time to think.", "", "Decisions were clear."])
    assert version == 2
    assert [s["text"] for s in feedback.current(demo)["statements"]] == [
        "I had protected time to think.", "Decisions were clear."]
    assert [s["text"] for s in feedback.offer(demo, sam, old)["given"]["scores"]] == [
        "I had time to reflect."]
    new = _signed(demo)
    assert [s["text"] for s in feedback.offer(demo, sam, new)["statements"]][0] == \
        "I had protected time to think."
    with pytest.raises(ValidationError, match="changed"):  # an answer to the old wording
        feedback.give(demo, sam, new, scores={_ids_of_version_1(demo)[0]: 4})
    listed = feedback.versions(demo, admin)
    assert [v["version"] for v in listed][:2] == [2, 1] and listed[1]["answers"] >= 1


def _ids_of_version_1(db) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT t.id FROM feedback_statements t JOIN feedback_sets s ON s.id = t.set_id "
        "WHERE s.version = 1 ORDER BY t.position")]


@pytest.mark.parametrize("texts, field", [
    ([], "statements"), (["", "  "], "statements"), (["Same.", "Same."], "statements"),
    (["x" * 201], "statement_1"), (["two\nlines"], "statement_1"),
    ([f"Statement {n}" for n in range(9)], "statements"),
    (["I had time to reflect.", "My wellbeing was considered.", "Decisions were clear.",
      "I felt listened to."], "statements")])
def test_bad_statements_are_refused(demo, texts, field):
    with pytest.raises(ValidationError) as error:
        feedback.update_statements(demo, actor(demo, "admin"), texts)
    assert field in error.value.errors
    assert feedback.current(demo)["version"] == 1


def test_only_an_admin_changes_or_lists_the_statements(demo):
    for who in ("sam.taylor", "helen.carter", "priya.shah"):
        with pytest.raises(PermissionDenied):
            feedback.update_statements(demo, actor(demo, who), ["New."])
        with pytest.raises(PermissionDenied):
            feedback.versions(demo, actor(demo, who))


def test_the_trend_averages_each_statement_per_quarter(demo):
    answers = feedback.mine(demo, actor(demo, "sam.taylor"))
    assert len(answers) == 6  # the demo's
    points = feedback.trend(answers)
    for p in points:
        scores = [a.scores[p.statement] for a in answers
                  if p.statement in a.scores and p.group == _quarter(a.day)]
        assert p.answers == len(scores) and p.average == round(sum(scores) / len(scores), 2)


def _quarter(day):
    from core.insights.balance import quarter_label, quarter_start
    return quarter_label(quarter_start(day))
