"""First run: an empty database offers the demo organisation or a first admin."""

from db import users as user_table

from core.admin import audit
from core.errors import ValidationError
from core.people.users import _insert_user
from core import demo


def needs_setup(db) -> bool:
    return user_table.count(db) == 0


def create_first_admin(db, *, username: str, name: str, password: str, repeat: str,
                       email: str = "") -> int:
    """Only while nobody exists yet; afterwards admins create accounts."""
    if password != repeat:
        raise ValidationError.single("repeat", "The two passwords are not the same.")
    with db.atomic():
        if not needs_setup(db):
            raise ValidationError.single("username", "The portal is already set up. Sign in.")
        user_id = _insert_user(
            db, None, username=username, name=name, password=password, email=email,
            job_title="Portal administrator", team_id=None, is_admin=True, fte=1.0,
            must_change_password=False,
        )
        audit.record(db, user_id, "first_admin_created", "user", user_id)
    return user_id


def load_demo(db) -> None:
    with db.atomic():
        if not needs_setup(db):
            raise ValidationError.single("demo", "The portal already has people in it.")
        demo.load(db)
