"""Shared-screen mode on Run session: this arrangement and nothing else. No other
supervisee's name anywhere in what is rendered, no sidebar, no navigation, no
private notes, large text; leaving takes a confirmation; a refresh stays shared."""

import pytest
import streamlit
from conftest import ROOT, button, new_app, registered, texts
from record_fixtures import actor, opened

from core import records

PAGE = "app_pages/run_session.py"
OTHERS = ["Jordan Ellis", "Chloe Wright", "Tom Baker", "Zara Hussain", "Priya Shah",
          "Marcus Reid", "Daniel Okafor", "Ravi Patel"]
NOTES = "Ask about the sickness absence before the review"


@pytest.fixture
def positions(monkeypatch):
    """Where each run put the navigation."""
    seen = []
    real = streamlit.navigation

    def spy(pages, *args, position="sidebar", **kwargs):
        seen.append(position)
        return real(pages, *args, position=position, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", spy)
    return seen


@pytest.fixture
def session(demo):
    sid, _view = opened(demo)
    helen = actor(demo, "helen.carter")
    records.add_item(demo, helen, sid, title="Caseload", function="performance")
    demo.execute("UPDATE sessions SET private_notes = ? WHERE id = ?", [NOTES, sid])
    return sid


def everything(at) -> str:
    """Every rendered element's whole message (labels, values, options, help), as text."""
    parts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def signed(username: str, **params):
    import time

    at = new_app()
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["signed_in_at"] = time.time()
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def shared_screen(sid):
    at = signed("helen.carter")
    at.switch_page(str(ROOT / PAGE))
    at.query_params["session"] = str(sid)
    at.run()
    assert NOTES in everything(at)          # off the shared screen, the notes are there
    assert "Jordan Ellis" in everything(at)  # and so is the choice of other sessions
    button(at, "Show on a shared screen").click().run()
    return at


def test_the_shared_screen_shows_this_arrangement_and_nothing_else(demo, session, positions):
    at = shared_screen(session)
    assert not at.exception
    shown = everything(at)
    assert "Sam Taylor" in shown and "Caseload" in shown
    for name in OTHERS:
        assert name not in shown, name
    assert NOTES not in shown
    assert registered(at) == {PAGE}
    assert positions[-1] == "hidden"
    assert not at.sidebar.children
    assert "Signed in as" not in shown
    assert not [s for s in at.selectbox if s.label in ("Session", "Arrangement")]
    assert "font-size" in shown  # the large-text style block
    assert at.query_params["shared"] == str(session)


def test_a_refresh_stays_on_the_shared_screen(demo, session, positions):
    at = signed("helen.carter", shared=str(session))
    assert at.title[0].value == "Run session"
    assert registered(at) == {PAGE}
    assert positions[-1] == "hidden"
    for name in OTHERS:
        assert name not in everything(at), name


def test_leaving_takes_a_confirmation(demo, session, positions):
    at = shared_screen(session)
    button(at, "Leave shared screen").click().run()
    assert "Leave the shared screen?" in texts(at)
    button(at, "Stay on the shared screen").click().run()
    assert registered(at) == {PAGE}
    button(at, "Leave shared screen").click().run()
    button(at, "Yes, leave the shared screen").click().run()
    assert "app_pages/home.py" in registered(at)
    assert positions[-1] == "sidebar"
    assert NOTES in everything(at)
    assert "shared" not in at.query_params


def test_another_supervisor_gets_nothing_of_the_session_on_a_shared_screen(demo, session):
    at = signed("marcus.reid", shared=str(session))
    shown = everything(at)
    assert "You do not have access" in texts(at)
    assert "Sam Taylor" not in shown and "Caseload" not in shown and NOTES not in shown


def test_a_supervisee_cannot_turn_it_on(demo, session):
    at = signed("sam.taylor", shared=str(session))
    assert "app_pages/home.py" in registered(at)
    assert PAGE not in registered(at)
