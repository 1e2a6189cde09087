"""A sign-in lasts a working day at most, and ends on the server at sign-out."""

import pytest

from core.people import sign_in as auth
from core.people import users
from core.access.roles import load_actor
from core.admin.setup import create_first_admin

NOW = 1_800_000_000.0


@pytest.fixture
def admin(database):
    create_first_admin(database, username="root", name="Root Admin",
                       password="a-long-password", repeat="a-long-password")
    return load_actor(database, "root")


def test_token_issue_time_is_expiry_minus_a_working_day():
    assert auth.token_issued_at({"exp_date": NOW + auth.SESSION_SECONDS}) == NOW


def test_a_sign_in_expires_after_one_working_day(database, admin):
    assert auth.sign_in_still_valid(database, "root", NOW, NOW + 9 * 3600)
    assert not auth.sign_in_still_valid(database, "root", NOW, NOW + 10 * 3600 + 1)
    assert auth.SESSION_HOURS <= 24


def test_no_sign_in_time_is_no_sign_in(database, admin):
    assert not auth.sign_in_still_valid(database, "root", None)


def test_sign_out_voids_every_earlier_sign_in(database, admin):
    issued = auth.clock.epoch() - 60
    assert auth.sign_in_still_valid(database, "root", issued)
    signed_out = auth.sign_out(database, admin)
    assert not auth.sign_in_still_valid(database, "root", issued)
    assert auth.sign_in_still_valid(database, "root", signed_out + 1)


def test_deactivation_and_reset_end_sign_ins(database, admin):
    user_id = users.create_user(database, admin, username="pat.doe", name="Pat Doe",
                                password="first-password-1", must_change_password=False)
    issued = auth.clock.epoch() - 60
    assert auth.sign_in_still_valid(database, "pat.doe", issued)
    auth.reset_password(database, admin, user_id, "second-password-2")
    assert not auth.sign_in_still_valid(database, "pat.doe", issued)
    later = auth.clock.epoch() + 1
    users.deactivate_user(database, admin, user_id)
    assert not auth.sign_in_still_valid(database, "pat.doe", later)


def test_change_password_checks_everything_and_ends_other_sign_ins(database, admin):
    with pytest.raises(auth.ValidationError) as error:
        auth.change_password(database, admin, "wrong", "short", "short")
    assert set(error.value.errors) == {"current", "new"}
    with pytest.raises(auth.ValidationError) as error:
        auth.change_password(database, admin, "a-long-password", "new-long-password",
                             "different-password")
    assert "not the same" in error.value.errors["repeat"]
    with pytest.raises(auth.ValidationError) as error:
        auth.change_password(database, admin, "a-long-password", "a-long-password",
                             "a-long-password")
    assert "different" in error.value.errors["new"]
    before = auth.clock.epoch() - 1
    new_start = auth.change_password(database, admin, "a-long-password", "new-long-password",
                                     "new-long-password")
    assert not auth.sign_in_still_valid(database, "root", before)
    assert auth.sign_in_still_valid(database, "root", new_start)
    from db import users as table

    assert auth.verify_password("new-long-password", table.password_hash(database, admin.id))


def test_reset_makes_the_person_choose_a_new_password(database, admin):
    user_id = users.create_user(database, admin, username="pat.doe", name="Pat Doe",
                                password="first-password-1", must_change_password=False)
    assert not load_actor(database, "pat.doe").must_change_password
    auth.reset_password(database, admin, user_id, "temporary-pass-2")
    person = load_actor(database, "pat.doe")
    assert person.must_change_password
    auth.change_password(database, person, "temporary-pass-2", "my-own-password", "my-own-password")
    assert not load_actor(database, "pat.doe").must_change_password


def test_only_admins_reset(database, admin):
    users.create_user(database, admin, username="pat.doe", name="Pat Doe",
                      password="first-password-1")
    pat = load_actor(database, "pat.doe")
    with pytest.raises(auth.PermissionDenied):
        auth.reset_password(database, pat, admin.id, "temporary-pass-2")


def test_no_password_change_where_the_council_keeps_the_password(database, admin):
    before = auth.user_table.password_hash(database, admin.id)
    with pytest.raises(auth.PermissionDenied, match="managed by the council"):
        auth.change_password(database, admin, "a-long-password", "new-long-password",
                             "new-long-password", portal_keeps_password=False)
    assert auth.user_table.password_hash(database, admin.id) == before
    assert auth.verify_password("a-long-password", before)
