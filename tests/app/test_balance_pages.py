"""The balance pages, run from app.py for each role, asserting on the data
behind each chart (its Vega-Lite spec and dataset) and on its figures table."""

import json

import pytest
import vl_convert
from conftest import page, texts
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df


import balance_fixtures as bf  # noqa: E402

from core import clock  # noqa: E402


@pytest.fixture
def demo(people_only):
    """The demo's people and arrangements with no supervision history: these tests
    make their own, and the demo's sessions and records would change their sums."""
    return people_only

MY_BALANCE, SUPERVISEES, TEAM = ("app_pages/my_balance.py", "app_pages/my_supervisees.py",
                                 "app_pages/team.py")


@pytest.fixture
def story(people_only):
    bf.seed_story(people_only, clock.today())
    return people_only


def charts(at):
    """[(spec, [datasets as DataFrames])] for every chart on the page."""
    return [(json.loads(c.proto.spec),
             [convert_arrow_bytes_to_pandas_df(d.data.data) for d in c.proto.datasets])
            for c in at.get("vega_lite_chart")]


def main_data(chart):
    """The chart's biggest dataset: the one its marks are drawn from."""
    return max(chart[1], key=len)


def everything(at) -> str:
    """Every word the page holds: text, tables, chart specs and chart data."""
    parts = [texts(at)] + [d.value.to_csv() for d in at.dataframe]
    for spec, frames in charts(at):
        parts += [json.dumps(spec)] + [f.to_csv() for f in frames]
    return "\n".join(parts)


def test_supervisee_sees_shares_per_session_and_quarter_rolling_and_the_alert(story):
    at = page("sam.taylor", MY_BALANCE)
    assert not at.exception
    assert [h.value for h in at.header][:4] == [
        "Neglect alerts", "Share per session", "Share per quarter",
        "Rolling balance over the last 6 sessions"]
    assert any("Personal support" in w.value and "not discussed in the last 3" in w.value
               for w in at.warning)
    sessions, quarters, rolling = charts(at)
    per_session = main_data(sessions)
    assert len(per_session) == 12 * 3
    support = per_session[per_session["Function"] == "Personal support"]
    assert list(support["Share"].iloc[-4:]) == [0, 0, 0, 0]
    assert support["Share"].iloc[0] > 0
    assert sessions[0]["layer"][0]["encoding"]["y"]["stack"] == "normalize"
    assert quarters[0]["layer"][0]["encoding"]["x"]["title"] == "Quarter"
    rule = next(f for f in rolling[1] if "Label" in f.columns)
    assert list(rule["Share"]) == [0.15] and list(rule["Label"]) == ["15% threshold"]
    table = at.dataframe[0].value
    assert len(table) == 12 and list(table["Personal support (%)"].iloc[-4:]) == [0] * 4
    assert "Your last 12 recorded sessions" in texts(at)
    assert "You have not recorded a wellbeing check" in texts(at).replace("\\", "")


def test_every_chart_has_a_png_and_every_table_a_csv_download(story):
    at = page("sam.taylor", MY_BALANCE)
    labels = [b.label for b in at.download_button]
    assert labels == ["Download balance per session chart (PNG)",
                      "Download balance per session (CSV)",
                      "Download balance per quarter chart (PNG)",
                      "Download balance per quarter (CSV)",
                      "Download rolling balance chart (PNG)", "Download rolling balance (CSV)"]
    assert len(charts(at)) == len(at.dataframe) == 3


def test_no_file_is_built_until_the_download_is_asked_for(story, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a PNG was built during the page run")
    monkeypatch.setattr(vl_convert, "vegalite_to_png", refuse)
    at = page("sam.taylor", MY_BALANCE)
    assert not at.exception and len(charts(at)) == 3


def test_supervisee_sees_their_own_wellbeing_over_time(story):
    at = page("chloe.wright", MY_BALANCE)
    assert not at.exception
    wellbeing = charts(at)[-1]
    data = main_data(wellbeing)
    assert list(data["Score"]) == [5, 4, 8, 7, 6, 5]
    assert list(data["Shared with your supervisor"]) == ["Yes", "No"] * 3
    assert "You shared 3 of them with your supervisor" in texts(at)
    assert not at.warning  # Chloe's balance is fine


def test_a_new_supervisee_gets_an_explanation_not_an_empty_chart(story):
    at = page("jordan.ellis", MY_BALANCE)
    assert not at.exception and not charts(at) and not at.dataframe
    words = texts(at).replace("\\", "")
    assert "No sessions with Helen Carter have been recorded yet" in words
    assert "You have not recorded a wellbeing check yet" in words


def test_a_supervisee_with_two_arrangements_chooses_one(story):
    at = page("ravi.patel", MY_BALANCE)
    assert not at.exception
    choice = at.selectbox(key="balance_arrangement")
    assert choice.options == ["Line-management supervision with Marcus Reid",
                              "Child protection supervision with Aisha Begum"]


def test_supervisor_sees_small_multiples_summary_and_the_alert(story):
    at = page("helen.carter", SUPERVISEES)
    assert not at.exception
    alerts = at.dataframe[0].value
    assert list(zip(alerts["Supervisee"], alerts["Function"])) == [
        ("Sam Taylor", "Personal support")]
    summary = at.dataframe[1].value
    assert set(summary["Supervisee"]) == {"Sam Taylor", "Jordan Ellis", "Chloe Wright",
                                          "Tom Baker", "Zara Hussain"}
    assert dict(zip(summary["Supervisee"], summary["Neglect alert"]))["Sam Taylor"] == \
        "Personal support"
    [multiples] = charts(at)
    assert multiples[0]["facet"]["field"] == "Supervisee"
    data = main_data(multiples)
    assert set(data["Supervisee"]) == {"Sam Taylor", "Chloe Wright"}
    assert len(multiples[0]["spec"]["layer"][0]["encoding"]["x"]["scale"]["domain"]) == 12
    assert "Jordan Ellis" in texts(at).replace("\\", "")  # named as having no sessions yet
    assert [link.label for link in at.get("page_link")] == ["Your own balance, as a supervisee"]


def test_a_supervisor_with_no_recorded_sessions_gets_an_explanation(story):
    at = page("aisha.begum", SUPERVISEES)
    assert not at.exception and not charts(at)
    assert "No sessions recorded in the last 12 months for" in texts(at).replace("\\", "")
    assert not at.get("page_link")  # Aisha is nobody's supervisee


def test_team_lead_sees_the_grid_alerts_and_a_timeline(story):
    at = page("priya.shah", TEAM)
    assert not at.exception
    alerts = at.dataframe[0].value
    assert list(zip(alerts["Supervisee"], alerts["Supervisor"], alerts["Function"])) == [
        ("Sam Taylor", "Helen Carter", "Personal support")]
    grid, _regularity, _timeliness, timeline = charts(at)
    cells = main_data(grid)
    sam = cells[cells["Supervisee"] == "Sam Taylor"]
    assert len(sam) == 12 and sam["State"].iloc[-1] == "Personal support neglected"
    assert sam["Mark"].iloc[-1] == "S"
    assert set(cells[cells["Supervisee"] == "Jordan Ellis"]["State"]) == {"No session"}
    assert main_data(timeline)["Minutes"].sum() > 0
    assert "Safeguarding flags" in at.dataframe[-1].value.columns


def test_team_lead_drills_into_one_supervisee(story):
    at = page("priya.shah", TEAM)
    assert "Sam Taylor, supervised by Helen Carter" in at.selectbox(key="team_timeline").options
    at.selectbox(key="team_timeline").set_value(bf.arrangement_id(story, "sam.taylor")).run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert len(table) == 12 and set(table["Status"]) == {"held"}
    assert list(table["Personal support (minutes)"].iloc[-4:]) == [0] * 4


def test_team_lead_pages_hold_no_record_text(story):
    bf.add(story, "sam.taylor", [bf.session(clock.today(), {"support": 20}, flagged=True)])
    at = page("priya.shah", TEAM)
    at.selectbox(key="team_timeline").set_value(bf.arrangement_id(story, "sam.taylor")).run()
    assert at.dataframe[-1].value["Safeguarding flags"].iloc[-1] == 1
    pages = [at, page("priya.shah", SUPERVISEES)]
    for shown in pages:
        assert not shown.exception
        words = everything(shown)
        for text in (bf.SUPPORT_TEXT, bf.SUPPORT_TITLE, bf.PERFORMANCE_TEXT, "Risk to a child"):
            assert text not in words


def test_team_filters_with_nothing_in_them_explain_themselves(story):
    at = page("priya.shah", TEAM)
    at.selectbox(key="team_kind").set_value("clinical").run()
    assert not at.exception and not charts(at)
    assert "had clinical supervision in the last 12 months" in texts(at).replace("\\", "")


def test_a_team_with_no_sessions_in_the_period_explains_itself(story):
    at = page("daniel.okafor", TEAM)
    assert not at.exception and not charts(at)
    words = texts(at).replace("\\", "")
    assert "no balance to show" in words and "No neglect alerts in Children in Care" in words


def test_a_write_shows_at_once_despite_the_cache(story):
    at = page("sam.taylor", MY_BALANCE)
    assert main_data(charts(at)[0]).iloc[-1]["Share"] == 0
    bf.add(story, "sam.taylor", [bf.session(clock.today(), bf.balanced(0))])
    at.run()
    support = main_data(charts(at)[0])
    support = support[support["Function"] == "Personal support"]
    assert support["Share"].iloc[-1] == pytest.approx(25 / 90)
    assert not any("not discussed" in w.value for w in at.warning)
