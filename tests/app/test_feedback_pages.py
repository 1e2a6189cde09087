"""The supervisee's voice on the pages: the form under a signed record, the admin's
statements, and the trend on My balance, My supervisees and Team, for each role."""

from conftest import button, page, texts
from record_fixtures import actor, held_and_shared

from core import records
from core.quality import feedback

ADMIN_PAGE = "app_pages/admin_feedback.py"
SECRET = "Private <b>note</b> for nobody else"


def _record_page(username: str, sid: int):
    return page(username, "app_pages/records.py", sid)


def feedback_section(username: str, path: str, heading: str):
    """The page, run without an error, with its feedback section under this heading."""
    at = page(username, path)
    assert not at.exception, at.exception
    assert heading in texts(at)
    return at


def _radio(at, label):
    return next(r for r in at.radio if r.label == label)


def test_the_supervisee_gives_feedback_under_a_signed_record(demo):
    sid = held_and_shared(demo)
    at = _record_page("sam.taylor", sid)
    assert "Your feedback on this session" not in texts(at)  # not before signing
    button(at, "Sign the record").click().run()
    assert "Your feedback on this session" in texts(at)
    button(at, "Send feedback").click().run()  # nothing chosen
    assert any("at least one statement" in e.value for e in at.error)
    _radio(at, "I had time to reflect.").set_value(2)
    _radio(at, "I felt listened to.").set_value(5)
    next(t for t in at.text_area if t.label == "Comment (optional)").input(SECRET)
    next(c for c in at.checkbox if c.label == "Share my comment with Helen Carter").check()
    button(at, "Send feedback").click().run()
    assert "Thank you. Your feedback is saved." in [s.value for s in at.success]
    assert "You gave feedback on" in texts(at)
    given = feedback.offer(demo, actor(demo, "sam.taylor"), sid)["given"]
    assert {s["text"]: s["score"] for s in given["scores"]} == {
        "I had time to reflect.": 2, "I felt listened to.": 5}
    assert given["comment"] == SECRET and given["comment_shared"] == 1
    assert not [r for r in at.radio if r.label == "I had time to reflect."]
    assert "Send feedback" not in [b.label for b in at.button]


def test_the_form_is_never_shown_to_the_supervisor_or_team_lead(demo):
    sid = held_and_shared(demo)
    records.sign(demo, actor(demo, "sam.taylor"), sid)
    for who in ("helen.carter", "priya.shah"):
        at = _record_page(who, sid)
        assert "Your feedback on this session" not in texts(at)
        assert "Send feedback" not in [b.label for b in at.button]


def test_the_admin_saves_a_new_version_of_the_statements(demo):
    at = page("admin", ADMIN_PAGE)
    assert not at.exception
    assert "In use: version 1" in texts(at)
    boxes = [t for t in at.text_input if t.label.startswith("Statement ")]
    assert [b.value for b in boxes[:4]] == ["I had time to reflect.",
                                           "My wellbeing was considered.",
                                           "Decisions were clear.", "I felt listened to."]
    boxes[0].input("x" * 201)
    button(at, "Save as a new version").click().run()
    assert any("200 characters or fewer" in e.value for e in at.error)
    assert feedback.current(demo)["version"] == 1
    next(t for t in at.text_input if t.label == "Statement 1").input("I had time to think.")
    next(t for t in at.text_input if t.label == "Statement 5").input("I learned something.")
    button(at, "Save as a new version").click().run()
    assert "In use: version 2" in texts(at)
    assert [s["text"] for s in feedback.current(demo)["statements"]][::4] == [
        "I had time to think.", "I learned something."]
    assert list(at.dataframe[0].value["Version"]) == [2, 1]


def test_my_balance_shows_the_supervisees_own_trend(demo):
    at = feedback_section("sam.taylor", "app_pages/my_balance.py", "How my sessions felt")
    assert any("feedback statement per quarter" in m.value for m in at.markdown)
    assert "Download my feedback chart (PNG)" in [b.label for b in at.get("download_button")]


def test_my_balance_explains_when_there_is_no_feedback(demo):
    at = page("jordan.ellis", "app_pages/my_balance.py")
    assert "You have not given feedback on a session yet" in texts(at)


def test_the_supervisor_sees_the_trend_and_only_shared_comments(demo):
    at = feedback_section("helen.carter", "app_pages/my_supervisees.py",
                          "Feedback from your supervisees")
    answers = next(d.value for d in at.dataframe if "Comment" in d.value.columns)
    comments = list(answers["Comment"])
    assert any(c.startswith("Good to have time") for c in comments)  # Sam shared it
    assert "(kept private)" in comments  # Zara kept hers out
    assert not any("Felt rushed" in c for c in comments)


def test_a_supervisor_without_feedback_is_told_so(demo):
    at = page("aisha.begum", "app_pages/my_supervisees.py")
    assert "No supervisee has given feedback" in texts(at)


def test_the_team_lead_sees_averages_only(demo):
    at = feedback_section("priya.shah", "app_pages/team.py", "How sessions felt")
    shown = texts(at)
    assert any("across Assessment and Intervention" in m.value for m in at.markdown)
    everything = shown + " ".join(d.value.to_csv() for d in at.dataframe)
    for comment in ("Good to have time", "Felt rushed"):
        assert comment not in everything
    feedback_tables = [d.value for d in at.dataframe if "Average (1–5)" in d.value.columns]
    assert len(feedback_tables) == 2
    for frame in feedback_tables:
        assert {"Sam Taylor", "Zara Hussain", "Chloe Wright"}.isdisjoint(
            set(frame.to_csv().replace("\n", ",").split(",")))
    by_supervisor = next(d.value for d in at.dataframe if "Supervisor" in d.value.columns)
    assert "Helen Carter" in list(by_supervisor["Supervisor"])


def test_a_team_under_the_threshold_shows_no_average(demo):
    at = page("daniel.okafor", "app_pages/team.py")
    assert not at.exception
    assert "Not enough feedback in Children in Care" in texts(at)
    assert "No supervisor in Children in Care has enough feedback" in texts(at)
