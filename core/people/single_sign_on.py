"""Single sign-on: who a person signed in through the council's identity
provider is in the portal, and whether password sign-in is still offered.

The provider proves who the person is; the portal decides whether they may come
in. The identity is matched to one portal account by a configured claim (the
email address or the user principal name, UPN), and roles still come from the
portal's data. Nobody unknown is let in, and closed accounts are refused.
The Streamlit side (st.login, st.user, st.logout) is in ui/people/single_sign_on.py.
"""

from dataclasses import dataclass

from db import settings as settings_table
from db import sign_in_accounts

from core.admin import audit
from core.errors import PortalError, ValidationError
from core.access.roles import Actor, require_admin

# The keys Streamlit needs in [auth] (or in [auth.<provider>]) for st.login.
AUTH_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
ACCOUNT_FIELDS = ("email", "username")
PASSWORD_SETTING = "password_sign_in"
ASK_ADMIN = "Ask the portal's admin"


class SignInRefused(PortalError):
    """The provider knows this person, but the portal will not let them in."""


@dataclass(frozen=True)
class SingleSignOn:
    """How the portal reads the provider's identity (the [single_sign_on] secrets)."""

    provider_name: str = "your council account"
    provider: str | None = None      # a named [auth.<provider>] section, or the flat [auth]
    claim: str = "email"             # the claim that names the person: email, upn, preferred_username
    account_field: str = "email"     # what the claim is compared with: email or username


def configured(secrets: dict) -> SingleSignOn | None:
    """The single sign-on set-up from the secrets, or None when it is not set up.

    `secrets` is a plain dict of the whole secrets file."""
    auth = secrets.get("auth")
    if not isinstance(auth, dict) or any(not auth.get(k) for k in AUTH_KEYS):
        return None
    options = secrets.get("single_sign_on") or {}
    provider = options.get("provider") or None
    section = auth.get(provider) if provider else auth
    if not isinstance(section, dict) or any(not section.get(k) for k in PROVIDER_KEYS):
        return None
    account_field = options.get("account_field", "email")
    if account_field not in ACCOUNT_FIELDS:
        raise ValueError(f"[single_sign_on] account_field must be one of {ACCOUNT_FIELDS}.")
    return SingleSignOn(
        provider_name=options.get("provider_name") or SingleSignOn.provider_name,
        provider=provider,
        claim=options.get("claim") or "email",
        account_field=account_field,
    )


def identity_value(claims: dict, sso: SingleSignOn) -> str | None:
    """The value of the configured claim, if the provider sent one."""
    value = claims.get(sso.claim)
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower()


def match(db, claims: dict, sso: SingleSignOn) -> str:
    """The username of the one active account this identity belongs to.

    Refuses, with a message for the person, an identity with no such claim, an
    unverified email, no account, a closed account, or more than one account."""
    value = identity_value(claims, sso)
    if value is None:
        raise SignInRefused(
            f"{sso.provider_name} did not say who you are ({sso.claim} is missing). "
            f"{ASK_ADMIN} to check the single sign-on set-up."
        )
    if sso.claim == "email" and claims.get("email_verified") is False:
        raise SignInRefused(
            f"{sso.provider_name} has not verified your email address, so the portal "
            f"cannot match it to an account. {ASK_ADMIN} for help."
        )
    accounts = sign_in_accounts.matching(db, sso.account_field, value)
    active = [a for a in accounts if a["active"]]
    if len(active) == 1:
        return active[0]["username"]
    if len(active) > 1:
        raise SignInRefused(
            f"More than one portal account has the {sso.account_field} {value}. "
            f"{ASK_ADMIN} to give each account its own."
        )
    if accounts:
        raise SignInRefused(
            f"Your portal account ({value}) is closed. {ASK_ADMIN} if you need it again."
        )
    raise SignInRefused(
        f"There is no portal account for {value}. {ASK_ADMIN} to add you, "
        "then sign in again."
    )


def signed_in_at(claims: dict) -> float | None:
    """When the provider issued this identity (its `iat`), for the portal's own
    rules on how long a sign-in lasts and on sign-out (core/people/sign_in.py).

    `iat` is in whole seconds: a sign-in in the same second as a sign-out counts
    as after it, or signing in again at once would be refused."""
    issued = claims.get("iat")
    if isinstance(issued, bool) or not isinstance(issued, (int, float)):
        return None
    return float(issued) + 0.999


def record_sign_in(db, user_id: int) -> None:
    with db.atomic():
        audit.record(db, user_id, "signed_in", "user", user_id, method="single_sign_on")


# ---- password sign-in on or off --------------------------------------------


def password_sign_in_allowed(db, sso_on: bool) -> bool:
    """Password sign-in can be off only while single sign-on is set up: a portal
    whose provider was removed from the secrets never locks everyone out."""
    if not sso_on:
        return True
    return bool(settings_table.get(db, PASSWORD_SETTING, True))


def set_password_sign_in(db, admin: Actor, allowed: bool, *, sso_on: bool,
                         admin_used_sso: bool) -> None:
    """Turn password sign-in on or off. Off needs single sign-on set up, and the
    admin signed in through it, so they know it works before passwords stop."""
    require_admin(admin)
    if not allowed:
        if not sso_on:
            raise ValidationError.single(
                PASSWORD_SETTING,
                "Password sign-in can only be turned off when single sign-on is set up.",
            )
        if not admin_used_sso:
            raise ValidationError.single(
                PASSWORD_SETTING,
                "Sign in through single sign-on yourself before turning password "
                "sign-in off, so you know it works.",
            )
    with db.atomic():
        settings_table.put(db, PASSWORD_SETTING, bool(allowed))
        audit.record(db, admin.id, "settings_changed", "settings", None,
                     **{PASSWORD_SETTING: bool(allowed)})

