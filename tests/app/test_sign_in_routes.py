"""The server routes that set and clear the password sign-in cookie: HttpOnly,
SameSite=Strict, Secure over https, for a good one-time token only, and never
for a request another site makes."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from core import clock
from core.errors import Busy
from core.access.roles import load_actor
from core.admin.setup import create_first_admin
from core.people import sign_in as rules
from core.people import sign_in_cookie
from ui.kit import sign_in_routes


@pytest.fixture
def client(database):
    create_first_admin(database, username="root", name="Root Admin",
                       password="a-long-password", repeat="a-long-password")
    return TestClient(Starlette(routes=sign_in_routes.ROUTES))


def test_a_good_token_gets_an_http_only_strict_cookie_once(client, database):
    signed_in_at = clock.epoch()
    token = sign_in_cookie.hand_over(database, "root", signed_in_at)
    answer = client.post(sign_in_routes.SIGN_IN_PATH, content=token)
    assert answer.status_code == 204
    flags = answer.headers["set-cookie"]
    assert flags.startswith(f"{sign_in_cookie.COOKIE_NAME}=")
    assert "HttpOnly" in flags and "SameSite=strict" in flags and "Path=/" in flags
    assert "Secure" not in flags  # plain http on this test client
    value = answer.cookies[sign_in_cookie.COOKIE_NAME]
    key = sign_in_routes.signing_key(database)
    assert sign_in_cookie.read(key, value) == ("root", signed_in_at)
    again = client.post(sign_in_routes.SIGN_IN_PATH, content=token)
    assert again.status_code == 403 and "set-cookie" not in again.headers


def test_the_cookie_is_secure_over_https(client, database):
    token = sign_in_cookie.hand_over(database, "root", clock.epoch())
    answer = client.post(sign_in_routes.SIGN_IN_PATH, content=token,
                         headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in answer.headers["set-cookie"]


def test_a_token_for_an_ended_sign_in_gets_no_cookie(client, database):
    token = sign_in_cookie.hand_over(database, "root", clock.epoch() - 5)
    rules.sign_out(database, load_actor(database, "root"))
    assert client.post(sign_in_routes.SIGN_IN_PATH, content=token).status_code == 403


def test_sign_out_deletes_the_cookie(client):
    answer = client.post(sign_in_routes.SIGN_OUT_PATH)
    assert answer.status_code == 204
    flags = answer.headers["set-cookie"]
    assert "Max-Age=0" in flags and "HttpOnly" in flags


@pytest.mark.parametrize("path", [sign_in_routes.SIGN_IN_PATH, sign_in_routes.SIGN_OUT_PATH])
def test_another_site_cannot_set_or_clear_it(client, database, path):
    token = sign_in_cookie.hand_over(database, "root", clock.epoch())
    answer = client.post(path, content=token, headers={"Sec-Fetch-Site": "cross-site"})
    assert answer.status_code == 403 and "set-cookie" not in answer.headers
    assert sign_in_cookie.waiting(database, token)


def test_only_posts_are_answered(client):
    assert client.get(sign_in_routes.SIGN_IN_PATH).status_code == 405


def test_a_busy_database_is_an_answer_to_try_again(client, database, monkeypatch):
    def busy(db, token):
        raise Busy("The portal is busy.")

    monkeypatch.setattr(sign_in_cookie, "redeem", busy)
    answer = client.post(sign_in_routes.SIGN_IN_PATH, content="any-token")
    assert answer.status_code == 503 and "set-cookie" not in answer.headers
