"""Admins create teams with leads, and create and end arrangements."""

from datetime import date, timedelta

import pytest

from core import clock
from core.people import arrangements
from core.people import teams
from core.errors import PermissionDenied, ValidationError
from core.access.roles import Role, load_actor


@pytest.fixture
def admin(demo):
    return load_actor(demo, "admin")


def person(demo, username):
    return load_actor(demo, username).id


def errors_of(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.errors


def test_create_team_with_lead_makes_them_a_team_lead(demo, admin):
    sam = person(demo, "sam.taylor")
    teams.create_team(demo, admin, name="Leaving Care", lead_id=sam)
    assert Role.TEAM_LEAD in load_actor(demo, "sam.taylor").roles


def test_team_names_are_unique_regardless_of_case(demo, admin):
    errors = errors_of(lambda: teams.create_team(demo, admin, name="children in care"))
    assert "already a team" in errors["name"]


def test_set_and_clear_a_lead(demo, admin):
    team_id = demo.execute("SELECT id FROM teams WHERE name = 'Children in Care'").fetchone()[0]
    teams.set_lead(demo, admin, team_id, None)
    assert Role.TEAM_LEAD not in load_actor(demo, "daniel.okafor").roles
    errors = errors_of(lambda: teams.set_lead(demo, admin, team_id, 9999))
    assert "active person" in errors["lead"]


def test_a_supervisor_cannot_supervise_themself(demo, admin):
    helen = person(demo, "helen.carter")
    errors = errors_of(lambda: arrangements.create_arrangement(
        demo, admin, supervisor_id=helen, supervisee_id=helen, kind="line",
        start_date=clock.today()))
    assert "own supervisor" in errors["supervisee"]


def test_end_before_start_is_refused(demo, admin):
    errors = errors_of(lambda: arrangements.create_arrangement(
        demo, admin, supervisor_id=person(demo, "aisha.begum"),
        supervisee_id=person(demo, "sam.taylor"), kind="child_protection",
        start_date=date(2026, 5, 1), end_date=date(2026, 4, 1)))
    assert "before the start date" in errors["end_date"]


@pytest.mark.parametrize("start", [date(1899, 1, 1), date(2300, 1, 1)])
def test_dates_far_in_the_past_or_future_are_refused(demo, admin, start):
    errors = errors_of(lambda: arrangements.create_arrangement(
        demo, admin, supervisor_id=person(demo, "aisha.begum"),
        supervisee_id=person(demo, "sam.taylor"), kind="child_protection", start_date=start))
    assert "cannot be" in errors["start_date"]


def test_one_line_supervisor_at_a_time(demo, admin):
    errors = errors_of(lambda: arrangements.create_arrangement(
        demo, admin, supervisor_id=person(demo, "marcus.reid"),
        supervisee_id=person(demo, "sam.taylor"), kind="line", start_date=clock.today()))
    assert "already has a line supervisor" in errors["start_date"]


def test_a_child_protection_supervisor_alongside_line(demo, admin):
    aisha, sam = person(demo, "aisha.begum"), person(demo, "sam.taylor")
    arrangements.create_arrangement(demo, admin, supervisor_id=aisha, supervisee_id=sam,
                                    kind="child_protection", start_date=clock.today())
    errors = errors_of(lambda: arrangements.create_arrangement(
        demo, admin, supervisor_id=aisha, supervisee_id=sam, kind="child_protection",
        start_date=clock.today() + timedelta(days=3)))
    assert "already supervises" in errors["supervisee"]


def test_end_an_arrangement_then_a_new_supervisor_can_start(demo, admin):
    sam = person(demo, "sam.taylor")
    current = demo.execute("SELECT id FROM arrangements WHERE supervisee_id = ? AND kind='line'",
                           [sam]).fetchone()[0]
    today = clock.today()
    errors = errors_of(lambda: arrangements.end_arrangement(demo, admin, current, date(2000, 1, 1)))
    assert "before the start date" in errors["end_date"]
    arrangements.end_arrangement(demo, admin, current, today)
    errors = errors_of(lambda: arrangements.end_arrangement(demo, admin, current, today))
    assert "already ended" in errors["end_date"]
    arrangements.create_arrangement(demo, admin, supervisor_id=person(demo, "marcus.reid"),
                                    supervisee_id=sam, kind="line",
                                    start_date=today + timedelta(days=1))
    # Helen keeps her supervisor role: she wrote records under the ended arrangement.
    assert Role.SUPERVISOR in load_actor(demo, "helen.carter").roles


def test_only_admins_make_arrangements(demo):
    helen = load_actor(demo, "helen.carter")
    with pytest.raises(PermissionDenied):
        arrangements.create_arrangement(demo, helen, supervisor_id=helen.id,
                                        supervisee_id=person(demo, "sam.taylor"),
                                        kind="line", start_date=clock.today())
