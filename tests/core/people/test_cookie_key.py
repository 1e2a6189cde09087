"""The cookie key is random per installation, kept, and can be overridden."""

import pytest

import db as storage
from core.people import sign_in as auth


def test_generated_on_first_use_and_kept(database, tmp_path, monkeypatch):
    monkeypatch.delenv(auth.COOKIE_KEY_ENV, raising=False)
    key = auth.cookie_key(database)
    assert len(key) >= 48
    assert auth.cookie_key(storage.connect(tmp_path / "portal.db")) == key


def test_each_installation_gets_its_own(tmp_path, monkeypatch):
    monkeypatch.delenv(auth.COOKIE_KEY_ENV, raising=False)
    first = auth.cookie_key(storage.connect(tmp_path / "a.db"))
    second = auth.cookie_key(storage.connect(tmp_path / "b.db"))
    assert first != second


def test_environment_then_secrets_override(database, monkeypatch):
    monkeypatch.delenv(auth.COOKIE_KEY_ENV, raising=False)
    assert auth.cookie_key(database, "s" * 40) == "s" * 40
    monkeypatch.setenv(auth.COOKIE_KEY_ENV, "e" * 40)
    assert auth.cookie_key(database, "s" * 40) == "e" * 40


def test_a_short_override_is_refused(database, monkeypatch):
    monkeypatch.setenv(auth.COOKIE_KEY_ENV, "short")
    with pytest.raises(ValueError, match="at least 32"):
        auth.cookie_key(database)


def test_the_credentials_dict_holds_only_the_one_active_user_tried(demo):
    creds = auth.credentials(demo, " Sam.Taylor ")["usernames"]
    assert list(creds) == ["sam.taylor"]
    assert creds["sam.taylor"]["password"].startswith("$2b$")
    assert auth.credentials(demo, "")["usernames"] == {}
    assert auth.credentials(demo, "nobody.here")["usernames"] == {}
    from db import users as table

    table.update(demo, table.by_username(demo, "sam.taylor")["id"], active=0)
    assert "sam.taylor" not in auth.credentials(demo, "sam.taylor")["usernames"]
