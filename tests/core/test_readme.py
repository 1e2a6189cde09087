"""The README stays true: its demo accounts sign in with the password it
prints and hold the roles it names; the commands and settings it shows exist."""

import os
import re
from pathlib import Path

import pytest

from core.people import sign_in as auth
from core.demo import DEMO_PASSWORD
from core.access.roles import Role, load_actor

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
ROLES = {"Admin": {Role.ADMIN}, "Team lead": {Role.TEAM_LEAD}, "Supervisor": {Role.SUPERVISOR},
         "Child protection supervisor": {Role.SUPERVISOR}, "Supervisee": {Role.SUPERVISEE},
         "Newly qualified supervisee": {Role.SUPERVISEE}, "File auditor": {Role.AUDITOR}}
ACCOUNTS = re.findall(r"^\| ([^|]+?) \| `([a-z.]+)` \|$", README, re.M)


def test_the_readme_prints_the_demo_password():
    assert f"**`{DEMO_PASSWORD}`**" in README


def test_the_accounts_table_has_one_account_per_role():
    assert len(ACCOUNTS) >= 7
    named = {role.split(" (")[0] for role, _ in ACCOUNTS}
    assert {"Admin", "Team lead", "Supervisor", "Supervisee"} <= named


@pytest.mark.parametrize("role, username", ACCOUNTS)
def test_each_demo_account_signs_in_and_holds_its_role(demo, role, username):
    actor = load_actor(demo, username)
    assert actor is not None, username
    assert auth.verify_password(DEMO_PASSWORD, demo["users"].get(actor.id)["password_hash"])
    assert ROLES.get(role.split(" (")[0], set()) <= actor.roles
    if "also a supervisor" in role or "Child protection" in role:
        assert Role.SUPERVISOR in actor.roles
    if "also supervised" in role:
        assert Role.SUPERVISEE in actor.roles


def test_the_two_commands_exist_and_run():
    for command in ("run", "test"):
        path = ROOT / command
        assert path.exists() and os.access(path, os.X_OK), command
        assert f"./{command}" in README.split("\n## ")[0]
    assert "./test" in (ROOT / ".ci" / "run").read_text()


def test_the_settings_it_names_are_read_by_the_code():
    code = "".join(p.read_text() for p in list(ROOT.glob("db/*.py")) + list(ROOT.glob("core/**/*.py"))
                   + list(ROOT.glob("ui/**/*.py"))
                   + [ROOT / "run", ROOT / "test", ROOT / "tests" / "conftest.py"])
    names = set(re.findall(r"`(SUPERVISION_[A-Z_]+|PORT)=?", README))
    assert {"SUPERVISION_DB", "SUPERVISION_COOKIE_KEY", "PORT"} <= names
    for name in names:
        assert name in code, name


def test_the_cli_commands_it_shows_exist():
    cli = (ROOT / "core" / "cli.py").read_text()
    shown = set(re.findall(r"-m core\.cli (\w+)", README))
    assert {"demo", "admin", "backup"} <= shown
    for command in shown:
        assert f'add_parser("{command}"' in cli, command
