"""The compliance views, run from app.py: the supervisor's summary columns and
own supervision, and the team lead's regularity, record timeliness, overdue
actions and flag count, asserting on the data behind each chart and table."""

import json
from datetime import date, timedelta

import pytest
from conftest import page, texts
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df


import balance_fixtures as bf  # noqa: E402
import compliance_fixtures as cf  # noqa: E402

from core import clock, insights  # noqa: E402
from core.sessions import regularity
from core.insights.balance import add_months, month_label, month_start  # noqa: E402
from core.access.roles import load_actor  # noqa: E402
from core.insights.timeliness import share_by  # noqa: E402

SUPERVISEES, TEAM = "app_pages/my_supervisees.py", "app_pages/team.py"


def charts(at) -> dict:
    """{summary sentence: (spec, biggest dataset)} for every chart on the page."""
    out = {}
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in c.proto.datasets]
        out[spec.get("description", "")] = (spec, max(frames, key=len) if frames else None)
    return out


def chart(at, starts: str):
    return next(v for k, v in charts(at).items() if k.startswith(starts))


def table(at, first_column: str, *also: str):
    for d in at.dataframe:
        columns = list(d.value.columns)
        if columns and columns[0] == first_column and all(c in columns for c in also):
            return d.value
    raise AssertionError(f"no table starting {first_column!r}")


def everything(at) -> str:
    parts = [texts(at)] + [d.value.to_csv() for d in at.dataframe]
    for spec, data in charts(at).values():
        parts.append(json.dumps(spec))
        if data is not None:
            parts.append(data.to_csv())
    return "\n".join(parts)


def held(db, supervisee: str) -> list[tuple[int, date]]:
    arr = bf.arrangement_id(db, supervisee)
    return [(i, date.fromisoformat(d)) for i, d in db.execute(
        "SELECT id, held_on FROM sessions WHERE arrangement_id = ? AND status = 'held' "
        "ORDER BY held_on", [arr]).fetchall()]


@pytest.fixture
def compliance_story(people_only):
    """On the demo's people with a history of our own (so the sums are exact whatever
    the demo holds): Sam Taylor has one record shared on time and agreed, one shared
    late and signed by Helen only; two overdue actions (one his, one Helen's) and one
    not yet due. Helen Carter is supervised too, by Priya Shah."""
    demo = people_only
    today = clock.today()
    bf.seed_story(demo, today)
    bf.add(demo, "helen.carter", bf.monthly(today, 6, bf.balanced))
    sam = [(i, d) for i, d in held(demo, "sam.taylor") if d >= add_months(today, -10)]
    (first, first_on), (second, second_on) = sam[0], sam[1]
    on_time = share_by(first_on, 5)
    cf.record(demo, first, "agreed", shared=on_time, supervisor_signed=on_time,
              supervisee_signed=on_time)
    late = share_by(second_on, 5) + timedelta(days=3)
    cf.record(demo, second, "shared", shared=late, supervisor_signed=late)
    arr = bf.arrangement_id(demo, "sam.taylor")
    cf.action(demo, arr, bf.user_id(demo, "sam.taylor"), today - timedelta(days=40))
    cf.action(demo, arr, bf.user_id(demo, "helen.carter"), today - timedelta(days=10))
    cf.action(demo, arr, bf.user_id(demo, "sam.taylor"), today + timedelta(days=10))
    return {"db": demo, "first": first_on, "second": second_on, "arrangement": arr}


def test_supervisor_summary_has_regularity_due_date_signatures_and_overdue_actions(
        compliance_story):
    db = compliance_story["db"]
    at = page("helen.carter", SUPERVISEES)
    assert not at.exception
    summary = table(at, "Supervisee", "Regularity, last 12 months")
    sam = summary[summary["Supervisee"] == "Sam Taylor"].iloc[0]
    figures = regularity.summary(db, load_actor(db, "helen.carter"),
                                 compliance_story["arrangement"])
    assert sam["Regularity, last 12 months"] == (
        f"{figures['share']:.0%} ({figures['on_time']} of {figures['due']} on time)")
    assert sam["Next session due"].startswith(clock.day(figures["next_due"]))
    assert sam["Records waiting for a signature"] == 1
    assert sam["Who must sign"] == "Sam Taylor (1)"
    assert sam["Overdue actions"] == 2
    assert sam["Oldest overdue action due"] == clock.day(clock.today() - timedelta(days=40))
    chloe = summary[summary["Supervisee"] == "Chloe Wright"].iloc[0]
    assert chloe["Records waiting for a signature"] == 0 and chloe["Overdue actions"] == 0
    assert cf.ACTION_TEXT not in everything(at)


def test_supervisor_sees_their_own_supervision_as_a_supervisee(compliance_story):
    at = page("helen.carter", SUPERVISEES)
    assert "Your own supervision" in [h.value for h in at.header]
    own = table(at, "Supervision", "Records waiting for your signature")
    assert list(own["Supervision"]) == ["Line-management supervision with Priya Shah"]
    assert own["Regularity, last 12 months"].iloc[0].endswith("on time)")
    assert [link.label for link in at.get("page_link")] == ["Your own balance, as a supervisee"]


def test_a_new_supervisee_with_no_contract_or_sessions_is_explained(demo):
    helen = bf.user_id(demo, "helen.carter")
    newcomer = demo["users"].insert({"username": "new.person", "name": "New Person",
                                     "password_hash": "x", "team_id": 1,
                                     "created_at": cf.STAMP}).last_pk
    demo["arrangements"].insert({"supervisor_id": helen, "supervisee_id": newcomer,
                                 "kind": "line", "start_date": clock.today().isoformat(),
                                 "created_at": cf.STAMP})
    at = page("helen.carter", SUPERVISEES)
    assert not at.exception
    summary = table(at, "Supervisee", "Regularity, last 12 months")
    row = summary[summary["Supervisee"] == "New Person"].iloc[0]
    assert row["Regularity, last 12 months"] == "No signed contract yet"
    assert row["Next session due"] == "" and row["Overdue actions"] == 0


def test_team_lead_sees_regularity_per_month(compliance_story):
    db = compliance_story["db"]
    at = page("priya.shah", TEAM)
    assert not at.exception
    assert [h.value for h in at.header][:9] == [
        "Neglect alerts", "Balance by month", "How sessions felt", "Regularity",
        "Record timeliness", "Overdue actions", "Compliance by supervisee",
        "Group supervision", "One supervisee's timeline"]
    spec, data = chart(at, "Assessment and Intervention, last 12 months: ")
    today = clock.today()
    first = add_months(month_start(today), -11)
    priya = load_actor(db, "priya.shah")
    scope_ids = insights.team_scope(db, priya, next(iter(priya.led_team_ids))).arrangement_ids
    monthly = regularity.monthly(db, priya, scope_ids, first, today, today=today)
    due = [sum(rows[i]["due"] for rows in monthly.values()) for i in range(12)]
    met = [sum(rows[i]["on_time"] for rows in monthly.values()) for i in range(12)]
    labels = [month_label(add_months(first, i)) for i in range(12)]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == labels
    points = dict(zip(data["Month"], data["Share"]))
    assert points == {labels[i]: pytest.approx(met[i] / due[i]) for i in range(12) if due[i]}
    figures = table(at, "Month", "Sessions due", "Held on time")
    assert list(figures["Sessions due"]) == due and list(figures["Held on time"]) == met
    assert spec["layer"][0]["encoding"]["y"]["axis"]["format"] == "%"
    assert f"{sum(met)} of {sum(due)} sessions due were held on time" in \
        texts(at).replace("\\", "")


def test_team_lead_sees_record_timeliness_shared_and_agreed(compliance_story):
    db = compliance_story["db"]
    at = page("priya.shah", TEAM)
    figures = table(at, "Month", "Records due", "Agreed")
    assert figures["Shared within the working days"].sum() == 1
    assert figures["Agreed"].sum() == 1
    today = clock.today()
    since = add_months(month_start(today), -11).isoformat()
    held_in_team = db.execute(
        "SELECT COUNT(*) FROM sessions s JOIN arrangements a ON a.id = s.arrangement_id "
        "JOIN users u ON u.id = a.supervisee_id JOIN teams t ON t.id = u.team_id "
        "WHERE t.name = 'Assessment and Intervention' AND a.kind = 'line' "
        "AND s.status = 'held' AND s.held_on >= ?", [since]).fetchone()[0]
    assert figures["Records due"].sum() + figures["Not yet due"].sum() == held_in_team
    month = month_label(month_start(compliance_story["first"]))
    row = figures[figures["Month"] == month].iloc[0]
    _spec, data = chart(at, "Assessment and Intervention, last 12 months: of ")
    shared = data[(data["Month"] == month) &
                  (data["Measure"] == "Records shared within the working days")]
    assert shared["Share"].iloc[0] == pytest.approx(
        row["Shared within the working days"] / row["Records due"])
    assert set(data["Measure"]) == {"Records shared within the working days",
                                    "Records agreed (both signed)"}
    by = table(at, "Supervisee", "Records due", "Overdue actions")
    sam = by[by["Supervisee"] == "Sam Taylor"].iloc[0]
    assert sam["Overdue actions"] == 2 and sam["Open actions"] == 3


def test_team_lead_sees_overdue_action_counts_never_their_text(compliance_story):
    at = page("priya.shah", TEAM)
    overdue = table(at, "Supervisee", "Overdue, by owner")
    assert list(overdue["Supervisee"]) == ["Sam Taylor"]
    assert overdue["Overdue actions"].iloc[0] == 2
    assert overdue["Overdue, by owner"].iloc[0] == "Helen Carter (1), Sam Taylor (1)"
    assert cf.ACTION_TEXT not in everything(at)


def test_team_lead_sees_only_the_count_of_flagged_items(compliance_story):
    db = compliance_story["db"]
    bf.add(db, "sam.taylor", [bf.session(clock.today(), {"support": 20, "performance": 30},
                                         flagged=True)])
    at = page("priya.shah", TEAM)
    assert not at.exception
    words = everything(at).replace("\\", "")
    assert "1 agenda item was flagged as a safeguarding concern in the period (Sam Taylor: 1)" \
        in words
    for text in (bf.SUPPORT_TEXT, bf.SUPPORT_TITLE, bf.PERFORMANCE_TEXT, "Risk to a child"):
        assert text not in words
    table_ = at.dataframe[-1].value  # the drill-in timeline
    assert {"Status", "Record", "Safeguarding flags"} <= set(table_.columns)


def test_the_timeline_shows_dates_statuses_minutes_and_record_status(compliance_story):
    at = page("priya.shah", TEAM)
    at.selectbox(key="team_timeline").set_value(compliance_story["arrangement"]).run()
    assert not at.exception
    timeline = at.dataframe[-1].value
    records = dict(zip(timeline["Date"], timeline["Record"]))
    assert records[clock.day(compliance_story["first"])] == "Agreed"
    assert records[clock.day(compliance_story["second"])] == "Shared, not signed by both"
    statuses = set(timeline["Status"])
    assert "held" in statuses
    assert set(timeline.loc[timeline["Status"] != "held", "Record"]) <= {"–"}
    assert "Performance management (minutes)" in timeline.columns


def test_filters_change_the_period_and_kind(demo):
    at = page("daniel.okafor", TEAM)
    at.selectbox(key="team_period").set_value(3).run()
    assert not at.exception
    assert len(table(at, "Month", "Sessions due")) == 3
    assert len(table(at, "Month", "Records due")) == 3
    at.selectbox(key="team_kind").set_value("all").run()
    by = table(at, "Supervisee", "Records due", "Overdue actions")
    assert "Ravi Patel (child protection supervision)" in set(by["Supervisee"])
    at.selectbox(key="team_kind").set_value("child_protection").run()
    by = table(at, "Supervisee", "Records due", "Overdue actions")
    assert list(by["Supervisee"]) == ["Ravi Patel (child protection supervision)"]


def test_a_team_with_no_data_in_the_period_gets_explanations(people_only):
    at = page("priya.shah", TEAM)
    assert not at.exception and not charts(at)
    words = texts(at).replace("\\", "")
    assert "so there is no regularity to show" in words
    assert "so no records were due to be shared" in words
    assert "No overdue actions in Assessment and Intervention." in words


def test_a_record_signed_elsewhere_shows_at_once_despite_the_cache(compliance_story):
    db = compliance_story["db"]
    at = page("helen.carter", SUPERVISEES)
    summary = table(at, "Supervisee", "Records waiting for a signature")
    assert summary.set_index("Supervisee").loc["Sam Taylor",
                                               "Records waiting for a signature"] == 1
    db.execute("UPDATE records SET status = 'agreed', supervisee_signed_at = 'now' "
               "WHERE status = 'shared'")
    at.run()
    summary = table(at, "Supervisee", "Records waiting for a signature")
    assert summary.set_index("Supervisee").loc["Sam Taylor",
                                               "Records waiting for a signature"] == 0
