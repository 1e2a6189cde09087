"""The compliance views in Chromium: the team lead's regularity and record
timeliness charts and the supervisor's summary render, pass axe, and are
saved as screenshots. The demo gets records and actions written into its
database before any browser opens it."""

from datetime import date, timedelta

import pytest
from helpers import assert_accessible, go, sign_in, sign_out
from playwright.sync_api import expect


import balance_fixtures as bf  # noqa: E402
import compliance_fixtures as cf  # noqa: E402

import db as storage  # noqa: E402
from core import clock, insights  # noqa: E402
from core.access.roles import load_actor  # noqa: E402
from core.insights.timeliness import share_by  # noqa: E402

CHART = '[data-testid="stVegaLiteChart"]'


@pytest.fixture
def seeded(fresh_server):
    db = storage.connect(fresh_server.database)
    today = clock.today()
    bf.seed_story(db, today)  # balance history, so the supervisor's chart has data
    arr = bf.arrangement_id(db, "sam.taylor")
    sessions = db.execute(
        "SELECT id, held_on FROM sessions WHERE arrangement_id = ? AND status = 'held' "
        "AND held_on >= ? ORDER BY held_on",
        [arr, (today - timedelta(days=300)).isoformat()]).fetchall()
    for (session_id, held_on), status in zip(sessions[:3], ("agreed", "shared", "disputed")):
        day = share_by(date.fromisoformat(held_on), 5)
        cf.record(db, session_id, status, shared=day, supervisor_signed=day,
                  supervisee_signed=day if status == "agreed" else None)
    cf.action(db, arr, bf.user_id(db, "sam.taylor"), today - timedelta(days=20))
    # What the supervisor's table must say, whatever records the demo itself holds.
    scope = insights.supervisor_scope(db, load_actor(db, "helen.carter"))
    fresh_server.who_must_sign = insights.summary_extras(db, scope)[arr]["Who must sign"]
    db.conn.close()
    return fresh_server


def test_team_lead_and_supervisor_compliance_views_render_and_pass_axe(page, seeded, axe,
                                                                       artifacts):
    page.set_viewport_size({"width": 1400, "height": 3000})
    sign_in(page, seeded.url, "priya.shah")
    go(page, "Team")
    expect(page.get_by_role("heading", name="Regularity")).to_be_visible(timeout=20_000)
    charts = page.locator(CHART)
    expect(charts.nth(2)).to_be_visible(timeout=20_000)  # regularity, timeliness, timeline
    for name in ("Regularity", "Record timeliness", "Overdue actions",
                 "Compliance by supervisee"):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.get_by_text("sessions due were held on time", exact=False)).to_be_visible()
    expect(page.get_by_text("were shared within the contract's working days",
                            exact=False)).to_be_visible()
    for i in range(charts.count()):
        expect(charts.nth(i).locator("canvas, svg").first).to_be_visible()
    assert cf.ACTION_TEXT not in page.content()
    page.screenshot(path=artifacts / "compliance-priya.shah.png", full_page=True)
    assert_accessible(page, axe, "Team as priya.shah")
    sign_out(page)

    sign_in(page, seeded.url, "helen.carter")
    go(page, "My supervisees")
    expect(page.get_by_role("heading", name="Regularity, records and actions")
           ).to_be_visible(timeout=20_000)
    summary = page.get_by_test_id("stDataFrame").filter(has_text="Who must sign")
    assert "disputed, for you to respond" in seeded.who_must_sign
    expect(summary).to_contain_text(seeded.who_must_sign, timeout=10_000)
    expect(page.get_by_role("heading", name="Your own supervision")).to_be_visible()
    expect(page.locator(CHART).first).to_be_visible(timeout=20_000)
    page.screenshot(path=artifacts / "compliance-helen.carter.png", full_page=True)
    assert_accessible(page, axe, "My supervisees as helen.carter")
    sign_out(page)
