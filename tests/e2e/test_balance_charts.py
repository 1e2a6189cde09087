"""The balance charts in Chromium, on the demo organisation as loaded: Chloe
Wright's personal support has faded (core/demo/records.py). The alert reaching
her supervisor and team lead, and the team lead seeing none of the support
text, are the story of test_neglect_story.py; here every role's charts render,
pass axe and are saved as screenshots."""

import sqlite3
from pathlib import Path

import pytest
from helpers import assert_accessible, choose, go, open_expander, sign_in, sign_out
from playwright.sync_api import expect

CHART = '[data-testid="stVegaLiteChart"]'
ROLES = [  # username, page title, charts expected, text the page must show
    # per session, per quarter, rolling, wellbeing from her reflections, how sessions felt
    ("chloe.wright", "My balance", 5, "Personal support: not discussed in the last 3 sessions"),
    # the balance of each supervisee, and how her sessions felt
    ("helen.carter", "My supervisees", 2, "Neglect alerts now: Chloe Wright."),
    # The Team page: the balance grid, regularity, record timeliness, the timeline and
    # how sessions felt (averages only).
    ("priya.shah", "Team", 5, "with a function neglected (Chloe Wright)."),
]


@pytest.fixture
def seeded(fresh_server):
    return fresh_server


def flagged_text(database) -> list[str]:
    """The reasons given for safeguarding flags: never on the team lead's charts."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT safeguarding_reason FROM agenda_items "
                            "WHERE safeguarding = 1").fetchall()
    return [r[0] for r in rows if len(r[0]) >= 12]


def test_charts_render_for_each_role_with_the_neglect_alert(page, seeded, axe, artifacts):
    page.set_viewport_size({"width": 1400, "height": 3000})  # the screenshot shows every chart
    hidden = flagged_text(seeded.database)
    assert hidden, "the demo has a safeguarding flag"
    for username, title, count, shown in ROLES:
        sign_in(page, seeded.url, username)
        go(page, title)
        expect(page.locator(CHART)).to_have_count(count, timeout=20_000)
        expect(page.locator(CHART).first.locator("canvas, svg").first).to_be_visible()
        expect(page.get_by_text(shown, exact=False)).to_be_visible()
        page.screenshot(path=artifacts / f"balance-{username}.png", full_page=True)
        assert_accessible(page, axe, f"{title} as {username}")
        if username == "priya.shah":
            for text in hidden:
                assert text not in page.content()
            choose(page, "Supervisee", "Chloe Wright, supervised by Helen Carter")
            expect(page.locator(CHART)).to_have_count(5)
            for text in hidden:
                assert text not in page.content()
            page.screenshot(path=artifacts / "balance-team-timeline.png", full_page=True)
        sign_out(page)


def test_png_and_csv_downloads_are_built_on_click(page, seeded):
    sign_in(page, seeded.url, "chloe.wright")
    go(page, "My balance")
    expect(page.locator(CHART).first).to_be_visible(timeout=20_000)
    png_button = page.get_by_role("button", name="Download balance per session chart (PNG)")
    expect(png_button).to_be_visible()
    # The first PNG starts vl-convert's engine: allow it time on a busy machine.
    with page.expect_download(timeout=60_000) as png:
        png_button.click()
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")
    assert png.value.suggested_filename == "balance-per-session.png"
    open_expander(page, "The figures behind this chart")  # a click while it opens can miss
    csv_button = page.get_by_role("button", name="Download balance per session (CSV)")
    expect(csv_button).to_be_visible(timeout=10_000)
    csv_button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as csv:
        csv_button.click()
    text = Path(csv.value.path()).read_text()
    assert text.startswith("Session,Performance management (%)")
    assert len(text.strip().splitlines()) == 13
