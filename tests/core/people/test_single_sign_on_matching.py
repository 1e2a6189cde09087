"""Single sign-on: the provider's identity is matched to one active portal account
by the configured claim; nobody unknown gets in, and closed accounts are refused."""

import pytest

from core.people import sign_in as auth
from core.people import single_sign_on
from core.people import users
from core.errors import PermissionDenied, ValidationError
from core.access.roles import load_actor
from core.admin.setup import create_first_admin
from core.people.single_sign_on import SignInRefused, SingleSignOn

AUTH = {"redirect_uri": "https://portal.example/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "portal", "client_secret": "secret",
        "server_metadata_url": "https://login.example/v2.0/.well-known/openid-configuration"}
BY_EMAIL = SingleSignOn(provider_name="Microsoft")
BY_UPN = SingleSignOn(provider_name="Microsoft", claim="upn")


@pytest.fixture
def admin(database):
    create_first_admin(database, username="root", name="Root Admin",
                       password="a-long-password", repeat="a-long-password")
    return load_actor(database, "root")


def add(database, admin, username, email):
    return users.create_user(database, admin, username=username, name=username.title(),
                             password="a-long-password", email=email)


# ---- the set-up, read from the secrets ---------------------------------------


def test_without_auth_in_the_secrets_there_is_no_single_sign_on():
    assert single_sign_on.configured({}) is None
    assert single_sign_on.configured({"cookie_key": "k" * 40}) is None
    assert single_sign_on.configured({"auth": {**AUTH, "client_secret": ""}}) is None


def test_the_flat_auth_section_with_defaults():
    sso = single_sign_on.configured({"auth": AUTH})
    assert sso == SingleSignOn(provider_name="your council account", provider=None,
                               claim="email", account_field="email")


def test_a_named_provider_and_the_claim_are_read_from_single_sign_on():
    secrets = {"auth": {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": "s" * 32,
                        "microsoft": {k: AUTH[k] for k in single_sign_on.PROVIDER_KEYS}},
               "single_sign_on": {"provider": "microsoft", "provider_name": "Microsoft",
                                  "claim": "upn", "account_field": "username"}}
    assert single_sign_on.configured(secrets) == SingleSignOn(
        provider_name="Microsoft", provider="microsoft", claim="upn", account_field="username")


def test_an_unknown_account_field_is_a_set_up_error():
    with pytest.raises(ValueError):
        single_sign_on.configured({"auth": AUTH, "single_sign_on": {"account_field": "name"}})


# ---- matching -------------------------------------------------------------------


def test_the_email_claim_matches_the_account_ignoring_case_and_spaces(database, admin):
    add(database, admin, "sam.taylor", "sam.taylor@council.gov.uk")
    claims = {"email": " Sam.Taylor@Council.gov.uk ", "email_verified": True}
    assert single_sign_on.match(database, claims, BY_EMAIL) == "sam.taylor"


def test_the_upn_claim_can_name_the_person(database, admin):
    add(database, admin, "sam.taylor", "sam.taylor@council.gov.uk")
    claims = {"upn": "sam.taylor@council.gov.uk", "email": "someone.else@council.gov.uk"}
    assert single_sign_on.match(database, claims, BY_UPN) == "sam.taylor"


def test_the_claim_can_be_matched_to_the_username(database, admin):
    add(database, admin, "staff0042", "")
    sso = SingleSignOn(claim="preferred_username", account_field="username")
    assert single_sign_on.match(database, {"preferred_username": "STAFF0042"}, sso) == "staff0042"


def test_an_unknown_person_is_refused_and_told_to_ask_the_admin(database, admin):
    with pytest.raises(SignInRefused) as refused:
        single_sign_on.match(database, {"email": "stranger@elsewhere.example"}, BY_EMAIL)
    assert "no portal account for stranger@elsewhere.example" in str(refused.value)
    assert "Ask the portal's admin to add you" in str(refused.value)


def test_a_closed_account_is_refused(database, admin):
    user_id = add(database, admin, "left.council", "left@council.gov.uk")
    users.deactivate_user(database, admin, user_id)
    with pytest.raises(SignInRefused, match="is closed. Ask the portal's admin"):
        single_sign_on.match(database, {"email": "left@council.gov.uk"}, BY_EMAIL)


def test_a_closed_account_does_not_hide_an_active_one_with_the_same_email(database, admin):
    old = add(database, admin, "sam.old", "sam@council.gov.uk")
    users.deactivate_user(database, admin, old)
    add(database, admin, "sam.new", "sam@council.gov.uk")
    assert single_sign_on.match(database, {"email": "sam@council.gov.uk"}, BY_EMAIL) == "sam.new"


def test_two_active_accounts_with_one_email_are_refused(database, admin):
    add(database, admin, "sam.one", "sam@council.gov.uk")
    add(database, admin, "sam.two", "sam@council.gov.uk")
    with pytest.raises(SignInRefused, match="More than one portal account"):
        single_sign_on.match(database, {"email": "sam@council.gov.uk"}, BY_EMAIL)


@pytest.mark.parametrize("claims", [{}, {"email": ""}, {"email": "   "}, {"email": 42},
                                    {"upn": "sam@council.gov.uk"}])
def test_an_identity_without_the_claim_is_refused(database, admin, claims):
    with pytest.raises(SignInRefused, match="email is missing"):
        single_sign_on.match(database, claims, BY_EMAIL)


def test_an_account_with_no_email_never_matches_an_empty_claim(database, admin):
    add(database, admin, "no.email", "")
    with pytest.raises(SignInRefused):
        single_sign_on.match(database, {"preferred_username": ""},
                             SingleSignOn(claim="preferred_username"))


def test_an_unverified_email_is_refused(database, admin):
    add(database, admin, "sam.taylor", "sam.taylor@council.gov.uk")
    with pytest.raises(SignInRefused, match="not verified"):
        single_sign_on.match(database, {"email": "sam.taylor@council.gov.uk",
                                        "email_verified": False}, BY_EMAIL)


# ---- the portal's rules on how long a sign-in lasts ---------------------------------


def test_the_provider_sign_in_time_is_its_iat():
    assert single_sign_on.signed_in_at({"iat": 1_800_000_000}) == pytest.approx(1_800_000_000, abs=1)
    assert single_sign_on.signed_in_at({}) is None
    assert single_sign_on.signed_in_at({"iat": "soon"}) is None
    assert single_sign_on.signed_in_at({"iat": True}) is None


def test_sign_out_refuses_an_identity_issued_before_it(database, admin):
    before = single_sign_on.signed_in_at({"iat": int(auth.clock.epoch()) - 60})
    assert auth.sign_in_still_valid(database, "root", before)
    auth.sign_out(database, admin)
    assert not auth.sign_in_still_valid(database, "root", before)
    again = single_sign_on.signed_in_at({"iat": int(auth.clock.epoch())})
    assert auth.sign_in_still_valid(database, "root", again), "signing in again at once works"


# ---- password sign-in on or off -------------------------------------------------------


def test_password_sign_in_stays_on_without_single_sign_on(database, admin):
    assert single_sign_on.password_sign_in_allowed(database, sso_on=False)
    with pytest.raises(ValidationError, match="only be turned off when single sign-on"):
        single_sign_on.set_password_sign_in(database, admin, False, sso_on=False,
                                            admin_used_sso=True)


def test_the_admin_must_have_used_single_sign_on_to_turn_passwords_off(database, admin):
    with pytest.raises(ValidationError, match="Sign in through single sign-on yourself"):
        single_sign_on.set_password_sign_in(database, admin, False, sso_on=True,
                                            admin_used_sso=False)
    assert single_sign_on.password_sign_in_allowed(database, sso_on=True)


def test_passwords_off_holds_only_while_single_sign_on_is_set_up(database, admin):
    single_sign_on.set_password_sign_in(database, admin, False, sso_on=True, admin_used_sso=True)
    assert not single_sign_on.password_sign_in_allowed(database, sso_on=True)
    assert single_sign_on.password_sign_in_allowed(database, sso_on=False)
    single_sign_on.set_password_sign_in(database, admin, True, sso_on=True, admin_used_sso=False)
    assert single_sign_on.password_sign_in_allowed(database, sso_on=True)


def test_only_an_admin_changes_it(database, admin):
    add(database, admin, "sam.taylor", "sam.taylor@council.gov.uk")
    with pytest.raises(PermissionDenied):
        single_sign_on.set_password_sign_in(database, load_actor(database, "sam.taylor"),
                                            False, sso_on=True, admin_used_sso=True)
