"""The password sign-in's server-set cookie: a one-time token swapped within a
minute, a signed value that names the person and when they signed in, and the
server-side record still deciding whether that sign-in holds."""

import pytest

from core import clock
from core.people import sign_in as rules
from core.people import sign_in_cookie as cookie
from core.access.roles import load_actor
from core.admin.setup import create_first_admin

KEY = "k" * 40


@pytest.fixture
def admin(database):
    create_first_admin(database, username="root", name="Root Admin",
                       password="a-long-password", repeat="a-long-password")
    return load_actor(database, "root")


@pytest.fixture
def moment(monkeypatch):
    """The clock's epoch, moved by the test."""
    now = [clock.epoch()]
    monkeypatch.setattr(clock, "epoch", lambda: now[0])
    return now


def test_a_token_is_swapped_once_for_its_sign_in(database, admin, moment):
    token = cookie.hand_over(database, "root", moment[0])
    assert cookie.waiting(database, token)
    assert cookie.redeem(database, token) == ("root", moment[0])
    assert not cookie.waiting(database, token)
    assert cookie.redeem(database, token) is None


def test_a_token_lasts_a_minute(database, admin, moment):
    token = cookie.hand_over(database, "root", moment[0])
    moment[0] += cookie.HANDOFF_SECONDS + 1
    assert not cookie.waiting(database, token)
    assert cookie.redeem(database, token) is None


def test_only_a_hash_of_the_token_is_stored(database, admin, moment):
    token = cookie.hand_over(database, "root", moment[0])
    stored = [row["token_hash"] for row in database["sign_in_handoffs"].rows]
    assert stored and token not in stored


@pytest.mark.parametrize("token", ["", "made-up", "x" * 500])
def test_an_unknown_token_is_refused(database, admin, token):
    assert cookie.redeem(database, token) is None


def test_a_token_for_a_sign_in_ended_since_is_refused(database, admin, moment):
    token = cookie.hand_over(database, "root", moment[0] - 5)
    rules.sign_out(database, admin)
    assert cookie.redeem(database, token) is None


def test_the_cookie_reads_back_only_with_its_key():
    value = cookie.cookie_value(KEY, "sam.taylor", 1_800_000_000.5)
    assert cookie.read(KEY, value) == ("sam.taylor", 1_800_000_000.5)
    assert cookie.read("o" * 40, value) is None


@pytest.mark.parametrize("value", [None, "", "no-dot", "abc.def", ".", "!!!.???"])
def test_anything_else_is_no_cookie(value):
    assert cookie.read(KEY, value) is None


def test_a_changed_payload_breaks_the_signature():
    value = cookie.cookie_value(KEY, "sam.taylor", 1_800_000_000.0)
    other = cookie.cookie_value(KEY, "admin", 1_800_000_000.0)
    forged = other.split(".")[0] + "." + value.split(".")[1]
    assert cookie.read(KEY, forged) is None


def test_the_cookie_lasts_what_is_left_of_the_working_day(moment):
    assert cookie.seconds_left(moment[0]) == rules.SESSION_SECONDS
    assert cookie.seconds_left(moment[0] - 3600) == rules.SESSION_SECONDS - 3600
    assert cookie.seconds_left(moment[0] - rules.SESSION_SECONDS - 1) == 0
