"""Shared fixtures: temporary databases, fast password hashing, the demo organisation.

`SUPERVISION_TEST_DAY=2027-05-03` (or `2027-03-28T23:30`, London time) runs the
tests in this process as if on that day: the clock is set there for the whole run
(`core.clock.frozen`), collection included. The browser tests' server is another
process, on the real date, so they refuse to run with it.
"""

import os
import sqlite3
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

import db as storage  # noqa: E402
from core import clock  # noqa: E402
from core.people import sign_in as auth
from core.demo import load as load_demo  # noqa: E402

DEMO_PASSWORD = "supervision-demo"
TEST_DAY = os.environ.get("SUPERVISION_TEST_DAY", "")
_frozen = ExitStack()


def pytest_configure(config):
    """Freeze the clock before collection, as parameters may be worked out from today."""
    if TEST_DAY:
        when = datetime.fromisoformat(TEST_DAY) if "T" in TEST_DAY else date.fromisoformat(TEST_DAY)
        _frozen.enter_context(clock.frozen(when))


def pytest_unconfigure(config):
    _frozen.close()


@pytest.fixture(scope="session")
def test_day():
    """Today's date, or the one SUPERVISION_TEST_DAY names, for the whole run."""
    return clock.today()


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """bcrypt's cost is the point in production and a waste of minutes in tests."""
    monkeypatch.setattr(auth, "BCRYPT_ROUNDS", 4)


@pytest.fixture
def database(tmp_path, monkeypatch):
    """An empty, migrated database of our own."""
    path = tmp_path / "portal.db"
    monkeypatch.setenv("SUPERVISION_DB", str(path))
    return storage.connect(path)


@pytest.fixture
def people_only(database):
    """The demo's people, teams and arrangements, with no supervision history."""
    from core.demo.people import load_people

    with database.atomic():
        load_people(database, clock.today())
    return database


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, test_day):
    """The demo organisation, loaded once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    original = auth.BCRYPT_ROUNDS
    auth.BCRYPT_ROUNDS = 4
    try:
        template = storage.connect(path)
        with template.atomic():
            load_demo(template, test_day)
        template.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        template.conn.close()
    finally:
        auth.BCRYPT_ROUNDS = original
    return path


@pytest.fixture
def demo(demo_template, tmp_path, monkeypatch):
    """A fresh copy of the demo organisation for this test."""
    path = tmp_path / "demo.db"
    source = sqlite3.connect(demo_template)
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    monkeypatch.setenv("SUPERVISION_DB", str(path))
    return storage.connect(path)




def pytest_terminal_summary(terminalreporter):
    """The confidentiality matrix's count of checks (tests/core/access/test_confidentiality_matrix.py)."""
    counted = [(r.outcome, v) for reports in terminalreporter.stats.values() for r in reports
               if getattr(r, "when", None) == "call"
               for k, v in getattr(r, "user_properties", ()) if k == "confidentiality_checks"]
    if counted:
        failed = sum(1 for outcome, _ in counted if outcome != "passed")
        terminalreporter.write_line(
            f"Confidentiality matrix: {sum(v for _, v in counted):,} checks, "
            + ("zero leaks." if not failed else f"leaks for {failed} actor(s): see above."))
