"""Which reminders each person gets: every kind is on until they turn it off,
except the kinds the council makes mandatory (an admin setting)."""

from dataclasses import dataclass

from db import reminders as table
from db import settings as settings_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.errors import ValidationError
from core.access.roles import Actor, Role, require_admin
from core.reminders.kinds import (BOTH, FACILITATOR, GROUP_MEMBER, KINDS, SUPERVISEE,
                                  SUPERVISOR, TEAM_LEAD, Kind)

MANDATORY_SETTING = "reminders_mandatory"


@dataclass(frozen=True)
class Choice:
    kind: Kind
    on: bool
    mandatory: bool


def mandatory(db) -> set[str]:
    return {k for k in settings_table.get(db, MANDATORY_SETTING, []) if k in KINDS}


def opted_out(db, user_id: int) -> set[str]:
    return table.opted_out(db, user_id)


def address(db, actor: Actor) -> str:
    """Where this person's reminders go ('' when their account has no address)."""
    user = user_table.get(db, actor.id)
    return (user["email"] or "").strip() if user else ""


def kinds_for(actor: Actor) -> list[Kind]:
    """The kinds this person can receive, from the roles they hold."""
    audiences = set()
    if actor.has(Role.SUPERVISEE):
        audiences |= {SUPERVISEE, BOTH, GROUP_MEMBER}  # a group's members are supervisees
    if actor.has(Role.SUPERVISOR):
        audiences |= {SUPERVISOR, BOTH, FACILITATOR}  # and its facilitator a supervisor
    if actor.has(Role.TEAM_LEAD):
        audiences.add(TEAM_LEAD)
    kinds = [k for k in KINDS.values() if k.audience in audiences]
    if actor.has(Role.SUPERVISOR) and not actor.has(Role.SUPERVISEE):
        kinds.insert(0, KINDS["action_due"])  # a supervisor can own an action too
    return kinds


def choices(db, actor: Actor) -> list[Choice]:
    off, forced = opted_out(db, actor.id), mandatory(db)
    return [Choice(k, k.key in forced or k.key not in off, k.key in forced)
            for k in kinds_for(actor)]


def set_choices(db, actor: Actor, on: dict[str, bool]) -> None:
    """Turn kinds on and off for oneself. A mandatory kind cannot be turned off."""
    allowed = {k.key for k in kinds_for(actor)}
    unknown = set(on) - allowed
    if unknown:
        raise ValidationError.single("_", "That kind of reminder is not one you receive.")
    forced = mandatory(db)
    refused = [KINDS[k].label for k, wanted in on.items() if not wanted and k in forced]
    if refused:
        raise ValidationError.single(
            "_", f"Your council sends this reminder to everyone: {refused[0]}.")
    off = (opted_out(db, actor.id) - set(on)) | {k for k, wanted in on.items() if not wanted}
    with db.atomic():
        table.replace_opt_outs(db, actor.id, sorted(off), clock.stamp())
        audit.record(db, actor.id, "reminder_choices_changed", "user", actor.id,
                     off=sorted(off))


def set_mandatory(db, admin: Actor, kinds: list[str]) -> None:
    require_admin(admin)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValidationError.single("_", "Unknown kind of reminder.")
    with db.atomic():
        settings_table.put(db, MANDATORY_SETTING, sorted(set(kinds)))
        audit.record(db, admin.id, "reminder_rules_changed", "settings", None,
                     mandatory=sorted(set(kinds)))
