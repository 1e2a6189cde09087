"""First run: the demo organisation or a first admin, from the UI or the command line."""

import subprocess
import sys
from pathlib import Path

import pytest

import db as storage
from core.admin import setup
from core.demo.people import ACCOUNTS, DEMO_PASSWORD
from core.errors import ValidationError
from core.access.roles import Role, load_actor

ROOT = Path(__file__).resolve().parents[3]


def test_an_empty_database_needs_setting_up(database):
    assert setup.needs_setup(database)


def test_first_admin_only_once(database):
    setup.create_first_admin(database, username="root", name="Root", password="a-long-password",
                             repeat="a-long-password")
    assert Role.ADMIN in load_actor(database, "root").roles
    assert not load_actor(database, "root").must_change_password
    with pytest.raises(ValidationError, match="already set up"):
        setup.create_first_admin(database, username="other", name="Other",
                                 password="a-long-password", repeat="a-long-password")
    with pytest.raises(ValidationError, match="already has people"):
        setup.load_demo(database)


def test_first_admin_passwords_must_match(database):
    with pytest.raises(ValidationError) as error:
        setup.create_first_admin(database, username="root", name="Root",
                                 password="a-long-password", repeat="a-long-passwore")
    assert "repeat" in error.value.errors
    assert setup.needs_setup(database)


def test_demo_organisation_has_every_role(demo):
    teams = list(demo.query("SELECT name, lead_id FROM teams"))
    assert len(teams) >= 2 and all(t["lead_id"] for t in teams)
    actors = [load_actor(demo, u["username"]) for u in demo.query("SELECT username FROM users")]
    supervisors = [a for a in actors if Role.SUPERVISOR in a.roles and Role.TEAM_LEAD not in a.roles]
    supervisees = [a for a in actors if a.roles == {Role.SUPERVISEE}]
    assert len(supervisors) >= 3
    assert len(supervisees) >= 10
    assert sum(Role.ADMIN in a.roles for a in actors) == 1
    # one supervisor is also supervised by a team lead
    helen = load_actor(demo, "helen.carter")
    assert Role.SUPERVISEE in helen.roles
    # one supervisee has a child protection supervisor besides their line supervisor
    kinds = {r["kind"] for r in demo.query(
        "SELECT a.kind FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
        "WHERE u.username = 'ravi.patel'")}
    assert kinds == {"line", "child_protection"}
    # one is newly qualified
    assert "ASYE" in demo.execute(
        "SELECT job_title FROM users WHERE username = 'jordan.ellis'").fetchone()[0]


def test_every_listed_demo_account_signs_in_with_the_shared_password(demo):
    from core.people import sign_in as auth
    from db import users as table

    for _role, username in ACCOUNTS:
        user = table.by_username(demo, username)
        assert auth.verify_password(DEMO_PASSWORD, table.password_hash(demo, user["id"]))


def test_the_command_line_loads_the_demo_and_creates_an_admin(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "SUPERVISION_ADMIN_PASSWORD": "a-long-password"}
    demo_db = tmp_path / "demo.db"
    out = subprocess.run([sys.executable, "-m", "core.cli", "--db", str(demo_db), "demo"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert DEMO_PASSWORD in out.stdout and "sam.taylor" in out.stdout
    assert load_actor(storage.connect(demo_db), "sam.taylor")
    again = subprocess.run([sys.executable, "-m", "core.cli", "--db", str(demo_db), "demo"],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "already has people" in again.stderr
    admin_db = tmp_path / "admin.db"
    subprocess.run([sys.executable, "-m", "core.cli", "--db", str(admin_db), "admin", "root",
                    "Root Admin"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert Role.ADMIN in load_actor(storage.connect(admin_db), "root").roles
