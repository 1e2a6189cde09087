"""The demo's neglect story, on the demo organisation as loaded (nothing seeded):
Chloe Wright's personal support has faded, so a neglect alert for her shows on
her supervisor's (Helen Carter's) My supervisees page and on her team lead's
(Priya Shah's) Team page; and the team lead's page holds none of the text of
the demo's personal support items.

The demo's records come from core/demo/records.py; the support text searched
for is read from the database, so it follows the demo as it changes.
"""

import sqlite3

import pytest
from helpers import choose, go, settle, sign_in, sign_out
from playwright.sync_api import expect

from core.demo.people import ARRANGEMENTS, TEAMS

STORY = "chloe.wright"
SUPERVISOR = next(sr for sr, se, kind, _s, _e in ARRANGEMENTS if se == STORY and kind == "line")
TEAM_LEAD = TEAMS[0][1]  # chloe.wright is in the first team (core/demo/people.py PEOPLE)
CHART = '[data-testid="stVegaLiteChart"]'


def demo_support_text(database) -> list[str]:
    """The titles and discussion of the demo's personal support items in the team
    lead's team: text the team lead must never see."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            """SELECT i.title, i.discussion FROM agenda_items i
               JOIN sessions s ON s.id = i.session_id
               JOIN arrangements a ON a.id = s.arrangement_id
               JOIN users u ON u.id = a.supervisee_id
               JOIN teams t ON t.id = u.team_id
               JOIN users lead ON lead.id = t.lead_id
               WHERE i.function = 'support' AND lead.username = ?""",
            [TEAM_LEAD]).fetchall()
    # Long enough to be the item's own words, not a word any page could hold.
    return sorted({text for row in rows for text in row if text and len(text) >= 12})


@pytest.fixture(scope="module")
def story_server(server):
    assert demo_support_text(server.database), "the demo has personal support items"
    return server


def test_the_faded_support_raises_an_alert_for_supervisor_and_team_lead(page, story_server):
    for username, title in ((SUPERVISOR, "My supervisees"), (TEAM_LEAD, "Team")):
        sign_in(page, story_server.url, username)
        go(page, title)
        expect(page.get_by_role("heading", name="Neglect alerts")).to_be_visible(timeout=20_000)
        alerts = page.get_by_test_id("stDataFrame").first
        # The table is drawn on a canvas; its accessible copy holds the cell text.
        expect(alerts).to_contain_text("Chloe Wright", timeout=10_000)
        expect(alerts).to_contain_text("Personal support")
        sign_out(page)


def test_the_team_lead_sees_no_support_item_text(page, story_server):
    known = demo_support_text(story_server.database)
    sign_in(page, story_server.url, TEAM_LEAD)
    go(page, "Team")
    expect(page.locator(CHART).first).to_be_visible(timeout=20_000)
    shown = [page.content()]
    choose(page, "Supervisee", "Chloe Wright, supervised by Helen Carter")
    shown.append(page.content())
    page.get_by_text("The figures behind this chart").last.click()
    settle(page)
    shown.append(page.content())
    for html in shown:
        leaked = [text for text in known if text in html]
        assert not leaked, f"support item text on the team lead's page: {leaked[:3]}"
    sign_out(page)
