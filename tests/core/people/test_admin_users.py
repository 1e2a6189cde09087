"""Admins create users, edit them and deactivate them; bad input names its field."""

import pytest

from core.people import users
from core.errors import PermissionDenied, ValidationError
from core.access.roles import load_actor

GOOD = dict(username="new.person", name="New Person", password="temporary-pass-1")


@pytest.fixture
def admin(demo):
    return load_actor(demo, "admin")


def errors_of(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.errors


def test_create_user_who_must_choose_a_password(demo, admin):
    user_id = users.create_user(demo, admin, **GOOD, email="new@example.gov.uk")
    person = load_actor(demo, "new.person")
    assert person.id == user_id and person.must_change_password and not person.roles
    assert demo["audit_events"].count_where("action = 'user_created' AND entity_id = ?",
                                            [user_id]) == 1


def test_usernames_are_case_insensitive_and_unique(demo, admin):
    errors = errors_of(lambda: users.create_user(demo, admin, **dict(GOOD, username="Sam.Taylor")))
    assert "taken" in errors["username"]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("username", "", "Enter a username"),
        ("username", "has space", "2 to 40 characters"),
        ("username", "<script>", "2 to 40 characters"),
        ("name", "   ", "Enter a full name"),
        ("name", "x" * 121, "120 characters or fewer"),
        ("name", "two\nlines", "single line"),
        ("email", "not-an-email", "email address like"),
        ("password", "short", "at least 12"),
        ("fte", 0, "share of full time"),
        ("team_id", 999, "Choose a team"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(demo, admin, field, value, message):
    before = demo["users"].count
    errors = errors_of(lambda: users.create_user(demo, admin, **dict(GOOD, **{field: value})))
    assert message in " ".join(errors.values())
    assert demo["users"].count == before


@pytest.mark.parametrize("name", ["<b>Bold</b> Person", "[link](http://x.test)", "Zoë 🙂",
                                  "محمد علي"])
def test_hostile_or_unusual_names_are_stored_exactly(demo, admin, name):
    user_id = users.create_user(demo, admin, **dict(GOOD, name=name))
    assert demo["users"].get(user_id)["name"] == name


def test_every_bad_field_is_reported_at_once(demo, admin):
    errors = errors_of(lambda: users.create_user(demo, admin, username="", name="",
                                                 password="x"))
    assert set(errors) >= {"username", "name", "password"}


def test_only_an_admin_can_manage_users(demo):
    sam = load_actor(demo, "sam.taylor")
    with pytest.raises(PermissionDenied):
        users.create_user(demo, sam, **GOOD)
    with pytest.raises(PermissionDenied):
        users.listing(demo, sam)


def test_deactivate_keeps_the_person_and_their_arrangements(demo, admin):
    sam = load_actor(demo, "sam.taylor")
    users.deactivate_user(demo, admin, sam.id)
    assert load_actor(demo, "sam.taylor") is None
    assert demo["users"].get(sam.id)["active"] == 0
    assert demo["arrangements"].count_where("supervisee_id = ?", [sam.id]) == 1
    errors = errors_of(lambda: users.deactivate_user(demo, admin, sam.id))
    assert "already deactivated" in errors["user"]
    users.reactivate_user(demo, admin, sam.id)
    assert load_actor(demo, "sam.taylor") is not None


def test_an_admin_cannot_lock_themself_out(demo, admin):
    assert "your own account" in errors_of(lambda: users.deactivate_user(demo, admin, admin.id))["user"]
    errors = errors_of(lambda: users.update_user(
        demo, admin, admin.id, name="Alex Morgan", email="", job_title="", team_id=None,
        is_admin=False, fte=1.0))
    assert "own admin flag" in errors["is_admin"]


def test_update_user(demo, admin):
    sam = load_actor(demo, "sam.taylor")
    users.update_user(demo, admin, sam.id, name="Samantha Taylor", email="s@example.gov.uk",
                      job_title="Senior social worker", team_id=None, is_admin=False, fte=0.8)
    row = demo["users"].get(sam.id)
    assert (row["name"], row["team_id"], row["fte"]) == ("Samantha Taylor", None, 0.8)
