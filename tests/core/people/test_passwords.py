"""Passwords are bcrypt hashes of 12 to 72 bytes, with a clear message otherwise."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.people import sign_in as auth
from core.errors import ValidationError


@pytest.mark.parametrize(
    "password, message",
    [
        ("", "at least 12"),
        ("elevenchars", "at least 12"),
        ("x" * 73, "at most 72 bytes"),
        ("é" * 37, "at most 72 bytes"),  # 37 characters, 74 bytes
        ("🙂" * 19, "at most 72 bytes"),
        (" leading-space-pass", "start or end with a space"),
        ("trailing-space-pass ", "start or end with a space"),
    ],
)
def test_bad_passwords_are_refused_with_a_reason(password, message):
    assert message in auth.password_problem(password)
    with pytest.raises(ValidationError) as error:
        auth.hash_password(password)
    assert message in error.value.errors["password"]


@pytest.mark.parametrize("password", ["twelve-chars", "x" * 72, "é" * 36, "مرحبا بالعالم الآن"])
def test_good_passwords_hash_and_verify(password):
    hashed = auth.hash_password(password)
    assert hashed.startswith("$2b$")
    assert password not in hashed
    assert auth.verify_password(password, hashed)
    assert not auth.verify_password(password + "!", hashed)


def test_verify_never_raises_on_an_overlong_guess():
    hashed = auth.hash_password("a-good-password")
    assert auth.verify_password("x" * 500, hashed) is False


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=0, max_size=80))
def test_the_policy_is_exactly_the_byte_length_and_no_edge_spaces(password):
    size = len(password.encode())
    ok = 12 <= size <= 72 and password == password.strip()
    assert (auth.password_problem(password) is None) == ok
