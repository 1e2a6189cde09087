"""Admin work on people: create, deactivate (never delete), team and admin flag."""

from functools import partial

from db import teams as team_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.people.search import needle, page_of
from core.people.sign_in import hash_password, password_problem
from core.errors import NotFound, ValidationError
from core.access.roles import Actor, require_admin
from core.validation import Checker

JOB_TITLE_MAX = 120


def _team_id(check: Checker, db, team_id) -> int | None:
    if team_id in (None, ""):
        return None
    if not team_table.get(db, int(team_id)):
        check.fail("team", "Choose a team from the list.")
    return int(team_id)


def _fte(check: Checker, fte) -> float:
    try:
        value = float(fte)
    except (TypeError, ValueError):
        value = 0
    if not 0.1 <= value <= 1:
        check.fail("fte", "Working hours are a share of full time, from 0.1 to 1.0.")
    return value


def create_user(
    db, admin: Actor, *, username: str, name: str, password: str, email: str = "",
    job_title: str = "", team_id: int | None = None, is_admin: bool = False,
    fte: float = 1.0, must_change_password: bool = True,
) -> int:
    """Create an account. By default the person must choose their own password."""
    require_admin(admin)
    return _insert_user(
        db, admin.id, username=username, name=name, password=password, email=email,
        job_title=job_title, team_id=team_id, is_admin=is_admin, fte=fte,
        must_change_password=must_change_password,
    )


def _insert_user(db, actor_id, *, username, name, password, email, job_title, team_id,
                 is_admin, fte, must_change_password) -> int:
    check = Checker()
    username = check.username("username", username)
    name = check.name("name", name, "a full name")
    email = check.email("email", email)
    job_title = check.text("job_title", job_title, "the job title", max_len=JOB_TITLE_MAX)
    problem = password_problem(password)
    if problem:
        check.fail("password", problem)
    team_id = _team_id(check, db, team_id)
    fte = _fte(check, fte)
    if "username" not in check.errors and user_table.by_username(db, username):
        check.fail("username", f"The username '{username}' is taken. Choose another.")
    check.done()
    with db.atomic():
        user_id = user_table.insert(
            db,
            {
                "username": username, "name": name, "email": email, "job_title": job_title,
                "password_hash": hash_password(password), "is_admin": int(bool(is_admin)),
                "active": 1, "must_change_password": int(bool(must_change_password)),
                "team_id": team_id, "fte": fte, "created_at": clock.stamp(),
            },
        )
        audit.record(db, actor_id, "user_created", "user", user_id, username=username,
                     is_admin=bool(is_admin))
    return user_id


def update_user(db, admin: Actor, user_id: int, *, name: str, email: str, job_title: str,
                team_id: int | None, is_admin: bool, fte: float) -> None:
    require_admin(admin)
    user = _get(db, user_id)
    check = Checker()
    name = check.name("name", name, "a full name")
    email = check.email("email", email)
    job_title = check.text("job_title", job_title, "the job title", max_len=JOB_TITLE_MAX)
    team_id = _team_id(check, db, team_id)
    fte = _fte(check, fte)
    if user_id == admin.id and not is_admin:
        check.fail("is_admin", "You cannot remove your own admin flag.")
    check.done()
    _store(db, admin, user_id, "user_updated",
           {"name": name, "email": email, "job_title": job_title, "team_id": team_id,
            "is_admin": int(bool(is_admin)), "fte": fte},
           is_admin=bool(is_admin), was_admin=bool(user["is_admin"]))


def deactivate_user(db, admin: Actor, user_id: int) -> None:
    """Stop a person signing in. Their records stay: records outlive people."""
    require_admin(admin)
    user = _get(db, user_id)
    if user_id == admin.id:
        raise ValidationError.single("user", "You cannot deactivate your own account.")
    if not user["active"]:
        raise ValidationError.single("user", f"{user['name']} is already deactivated.")
    _store(db, admin, user_id, "user_deactivated",
           {"active": 0, "deactivated_at": clock.stamp(), "signed_out_at": clock.epoch()})


def reactivate_user(db, admin: Actor, user_id: int) -> None:
    require_admin(admin)
    user = _get(db, user_id)
    if user["active"]:
        raise ValidationError.single("user", f"{user['name']} is already active.")
    _store(db, admin, user_id, "user_reactivated",
           {"active": 1, "deactivated_at": None, "failed_attempts": 0, "locked_until": None})


def _store(db, admin: Actor, user_id: int, action: str, fields: dict, **details) -> None:
    """The change to the account and its audit event, in one transaction."""
    with db.atomic():
        user_table.update(db, user_id, **fields)
        audit.record(db, admin.id, action, "user", user_id, **details)


def listing(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return user_table.listing(db)


def find(db, admin: Actor, search: str, *, limit: int, offset: int = 0,
         active_only: bool = False) -> tuple[list[dict], int]:
    """One page of the people a search finds, and how many it finds in all: the
    list of an authority's staff is searched and paged, never drawn whole."""
    require_admin(admin)
    return page_of(partial(user_table.find, db, active_only=active_only),
                   partial(user_table.count_found, db, active_only=active_only),
                   search, limit=limit, offset=offset)


def count_found(db, admin: Actor, search: str, *, active_only: bool = False) -> int:
    require_admin(admin)
    return user_table.count_found(db, needle(search), active_only=active_only)


def _get(db, user_id: int) -> dict:
    user = user_table.get(db, user_id)
    if not user:
        raise NotFound("There is no such user.")
    return user

