"""Five failed attempts lock an account for 15 minutes; the count is in the database."""

import db as storage
from core.people import sign_in as auth
from core.people import users


def make_user(database, username="kim.lee"):
    from core.admin.setup import create_first_admin

    create_first_admin(database, username=username, name="Kim Lee",
                       password="correct-horse-battery", repeat="correct-horse-battery")


def test_fifth_failure_locks_and_says_until_when(database):
    make_user(database)
    now = 1_800_000_000.0
    for _ in range(4):
        attempt = auth.record_failure(database, "kim.lee", now)
        assert not attempt.locked_until
        assert attempt.message == "The username or password is not right."
    attempt = auth.record_failure(database, "kim.lee", now)
    assert attempt.locked_until == now + 15 * 60
    assert "locked" in attempt.message and "Try again after" in attempt.message
    assert auth.locked_until(database, "kim.lee", now + 60) == now + 900
    assert auth.locked_until(database, "kim.lee", now + 901) is None


def test_the_count_survives_a_restart(database, tmp_path):
    make_user(database)
    for _ in range(3):
        auth.record_failure(database, "kim.lee")
    reopened = storage.connect(tmp_path / "portal.db")
    for _ in range(2):
        last = auth.record_failure(reopened, "kim.lee")
    assert last.locked_until


def test_success_resets_the_count(database):
    make_user(database)
    for _ in range(4):
        auth.record_failure(database, "kim.lee")
    auth.record_success(database, "kim.lee")
    assert not auth.record_failure(database, "kim.lee").locked_until


def test_after_the_lock_ends_the_count_starts_again(database):
    make_user(database)
    now = 1_800_000_000.0
    for _ in range(5):
        auth.record_failure(database, "kim.lee", now)
    later = now + 16 * 60
    assert not auth.record_failure(database, "kim.lee", later).locked_until


def test_unknown_and_inactive_usernames_leave_no_trace(database):
    make_user(database)
    attempt = auth.record_failure(database, "nobody")
    assert attempt.message == "The username or password is not right."
    assert database["audit_events"].count_where("action = 'sign_in_failed'") == 0


def test_lock_is_audited(database):
    make_user(database)
    for _ in range(5):
        auth.record_failure(database, "kim.lee")
    assert database["audit_events"].count_where("action = 'account_locked'") == 1


def test_admin_reset_clears_a_lock(database):
    make_user(database)
    from core.access.roles import load_actor

    admin = load_actor(database, "kim.lee")
    other = users.create_user(database, admin, username="jo.bloggs", name="Jo Bloggs",
                              password="temporary-pass-1")
    for _ in range(5):
        auth.record_failure(database, "jo.bloggs")
    assert auth.locked_until(database, "jo.bloggs")
    auth.reset_password(database, admin, other, "another-temp-pass")
    assert auth.locked_until(database, "jo.bloggs") is None
