"""The balance charts in Chromium, on a fresh server whose demo organisation
gets a seeded history before any browser opens it: Sam Taylor's personal
support fades away."""

import sys
from pathlib import Path

import pytest
from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import balance_fixtures as bf  # noqa: E402

import db as storage  # noqa: E402
from core import clock  # noqa: E402

CHART = '[data-testid="stVegaLiteChart"]'
ROLES = [  # username, page title, charts expected, text the page must show
    # Sam's demo reflections carry wellbeing scores: the fourth chart.
    ("sam.taylor", "My balance", 4, "Personal support: not discussed in the last 3 sessions"),
    ("helen.carter", "My supervisees", 1, "Neglect alerts now: Sam Taylor."),
    # The Team page: the balance grid, regularity, record timeliness and the timeline.
    ("priya.shah", "Team", 4, "of them with a function neglected (Sam Taylor)."),
]


@pytest.fixture
def seeded(fresh_server):
    database = storage.connect(fresh_server.database)
    bf.seed_story(database, clock.today())
    bf.add(database, "sam.taylor", [bf.session(clock.today(), {"performance": 45}, flagged=True)])
    database.conn.close()
    return fresh_server


def test_charts_render_for_each_role_with_the_neglect_alert(page, seeded, axe, artifacts):
    page.set_viewport_size({"width": 1400, "height": 3000})  # the screenshot shows every chart
    for username, title, count, shown in ROLES:
        sign_in(page, seeded.url, username)
        go(page, title)
        expect(page.locator(CHART)).to_have_count(count, timeout=20_000)
        expect(page.locator(CHART).first.locator("canvas, svg").first).to_be_visible()
        expect(page.get_by_text(shown, exact=False)).to_be_visible()
        page.screenshot(path=artifacts / f"balance-{username}.png", full_page=True)
        assert_accessible(page, axe, f"{title} as {username}")
        if username == "priya.shah":
            content = page.content()
            for text in (bf.SUPPORT_TEXT, bf.SUPPORT_TITLE, bf.PERFORMANCE_TEXT,
                         "Risk to a child"):
                assert text not in content
            choose = page.get_by_role("combobox", name="Supervisee")
            # Scrolling while its list is open closes it: scroll first, then open.
            choose.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            choose.click()
            page.get_by_role("option", name="Sam Taylor, supervised by Helen Carter").click()
            settle(page)
            expect(page.locator(CHART)).to_have_count(4)
            for text in (bf.SUPPORT_TEXT, bf.SUPPORT_TITLE, "Risk to a child"):
                assert text not in page.content()
            page.screenshot(path=artifacts / "balance-team-timeline.png", full_page=True)
        sign_out(page)


def test_the_neglect_alert_reaches_the_supervisor_and_team_lead(page, seeded):
    for username, title in (("helen.carter", "My supervisees"), ("priya.shah", "Team")):
        sign_in(page, seeded.url, username)
        go(page, title)
        expect(page.locator(CHART).first).to_be_visible(timeout=20_000)
        alerts = page.get_by_test_id("stDataFrame").first
        expect(alerts).to_be_visible()
        # The table is drawn on a canvas; its accessible copy holds the cell text.
        expect(alerts).to_contain_text("Sam Taylor", timeout=10_000)
        expect(alerts).to_contain_text("Personal support")
        sign_out(page)


def test_png_and_csv_downloads_are_built_on_click(page, seeded):
    sign_in(page, seeded.url, "sam.taylor")
    go(page, "My balance")
    expect(page.locator(CHART).first).to_be_visible(timeout=20_000)
    png_button = page.get_by_role("button", name="Download balance per session chart (PNG)")
    expect(png_button).to_be_visible()
    # The first PNG starts vl-convert's engine: allow it time on a busy machine.
    with page.expect_download(timeout=60_000) as png:
        png_button.click()
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")
    assert png.value.suggested_filename == "balance-per-session.png"
    page.get_by_text("The figures behind this chart").first.click()
    csv_button = page.get_by_role("button", name="Download balance per session (CSV)")
    expect(csv_button).to_be_visible(timeout=10_000)
    with page.expect_download(timeout=60_000) as csv:
        csv_button.click()
    text = Path(csv.value.path()).read_text()
    assert text.startswith("Session,Performance management (%)")
    assert len(text.strip().splitlines()) == 13
