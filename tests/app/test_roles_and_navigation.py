"""Roles come from the data, and each person's pages follow their roles."""

from pathlib import Path

import pytest

from ui import navigation
from core.access.roles import Role, load_actor

R = Role
DEMO_ROLES = {
    "admin": {R.ADMIN},
    "priya.shah": {R.TEAM_LEAD, R.SUPERVISOR},
    "daniel.okafor": {R.TEAM_LEAD, R.SUPERVISOR},
    "helen.carter": {R.SUPERVISOR, R.SUPERVISEE},
    "marcus.reid": {R.SUPERVISOR, R.SUPERVISEE},
    "aisha.begum": {R.SUPERVISOR},
    "sam.taylor": {R.SUPERVISEE},
    "ravi.patel": {R.SUPERVISEE},
}


@pytest.mark.parametrize("username, roles", DEMO_ROLES.items())
def test_demo_roles(demo, username, roles):
    assert load_actor(demo, username).roles == frozenset(roles)


def test_inactive_or_unknown_people_are_nobody(demo):
    assert load_actor(demo, "no.such.person") is None
    demo.execute("UPDATE users SET active = 0 WHERE username = 'sam.taylor'")
    assert load_actor(demo, "sam.taylor") is None


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_pages_follow_roles(demo, username):
    actor = load_actor(demo, username)
    paths = {p.path for p in navigation.pages_for(actor)}
    for spec in navigation.PAGES:
        expected = spec.roles is None or bool(spec.roles & actor.roles)
        assert (spec.path in paths) == expected, spec.path
    assert "app_pages/home.py" in paths


def test_signed_out_gets_only_sign_in():
    assert navigation.pages_for(None) == [navigation.SIGN_IN]


def test_a_forced_password_change_comes_first(demo):
    demo.execute("UPDATE users SET must_change_password = 1 WHERE username = 'admin'")
    actor = load_actor(demo, "admin")
    assert [p.path for p in navigation.pages_for(actor)] == ["app_pages/account.py"]


def test_every_registered_page_exists_and_one_is_default():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for spec in navigation.PAGES + [navigation.SIGN_IN]:
        assert (root / spec.path).exists(), spec.path
    assert sum(p.default for p in navigation.PAGES) == 1


def test_each_page_is_served_at_its_destinations_address():
    """Emails link to http://portal/<destination>; Streamlit serves a page at its file's
    name, so the two must agree."""
    for spec in navigation.PAGES + [navigation.SIGN_IN]:
        assert Path(spec.path).stem == spec.destination.value, spec.path
