"""After a password sign-in the page asks the browser to swap a one-time token for
the server's HttpOnly cookie, and after sign-out to clear it (the browser side is in
tests/e2e/test_sign_in_cookie_http_only.py)."""

from conftest import button, sign_in_through_form

from core.people import sign_in_cookie
from ui.kit import auth, sign_in_routes


def _posts(at) -> list[str]:
    return [e.proto.body for e in at.get("html") if "fetch(" in e.proto.body]


def test_a_password_sign_in_hands_the_browser_a_token_to_swap(demo):
    at = sign_in_through_form("sam.taylor")
    assert at.title[0].value == "Hello, Sam Taylor"
    token = at.session_state[auth.HANDOFF]
    assert sign_in_cookie.waiting(demo, token)
    (post,) = _posts(at)
    assert sign_in_routes.SIGN_IN_PATH in post and token in post
    assert sign_in_cookie.redeem(demo, token) == ("sam.taylor", at.session_state["signed_in_at"])
    at.run()  # swapped: the page stops asking
    assert _posts(at) == [] and auth.HANDOFF not in at.session_state


def test_sign_out_asks_the_browser_to_clear_the_cookie(demo):
    at = sign_in_through_form("sam.taylor")
    button(at, "Sign out").click().run()
    (post,) = _posts(at)
    assert sign_in_routes.SIGN_OUT_PATH in post
    assert auth.HANDOFF not in at.session_state
