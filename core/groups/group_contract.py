"""The group's contract: purpose, ground rules, confidentiality and frequency.

The facilitator drafts it (drafting is the facilitator's signature) and each
member signs it. A change makes a new version, which every member signs again.
Sessions are planned once a version exists: a member who has not signed yet is
reminded on their home page, as a member who joins later would be."""

from db import groups as table

from core import clock
from core.admin import audit
from core.groups.group_access import Seat, facilitator_seat, seat
from core.access.roles import Actor
from core.errors import ValidationError
from core.validation import Checker

TEXT_LIMIT = 4_000
FREQUENCY_WEEKS = (1, 26)
MINUTES = (30, 240)
CONFIDENTIALITY = (
    "What members say in the group stays in the group. The record holds the case "
    "reference presented, the roles taken, the learning for the group and the actions; "
    "personal support said in the group is never recorded about any one member. The "
    "exception is a safeguarding concern, which the facilitator takes to the member's "
    "supervisor or the designated safeguarding lead, and tells the member.")


def current(db, actor: Actor, group_id: int) -> dict | None:
    """The latest version with who signed it, or None before the first draft."""
    found = seat(db, actor, group_id)
    versions = table.contracts(db, found.group["id"])
    if not versions:
        return None
    latest = versions[0]
    return dict(latest, unsigned=[m["name"] for m in found.members if m["left_on"] is None
                                  and m["user_id"] not in latest["signatures"]])


def draft(db, actor: Actor, group_id: int, *, purpose, ground_rules, confidentiality,
          frequency_weeks, session_minutes) -> int:
    found = facilitator_seat(db, actor, group_id, "draft the group's contract")
    check = Checker()
    purpose = check.text("purpose", purpose, "the purpose", required=True, max_len=TEXT_LIMIT)
    rules = check.text("ground_rules", ground_rules, "the ground rules", required=True,
                       max_len=TEXT_LIMIT)
    secret = check.text("confidentiality", confidentiality, "the confidentiality statement",
                        required=True, max_len=TEXT_LIMIT)
    weeks = _whole(check, "frequency_weeks", frequency_weeks, FREQUENCY_WEEKS,
                   "The group meets every 1 to 26 weeks.")
    minutes = _whole(check, "session_minutes", session_minutes, MINUTES,
                     f"A group session lasts {MINUTES[0]} to {MINUTES[1]} minutes.")
    check.done()
    now = clock.stamp()
    with db.atomic():
        contract_id = table.insert_contract(db, {
            "group_id": found.group["id"], "purpose": purpose, "ground_rules": rules,
            "confidentiality": secret, "frequency_weeks": weeks, "session_minutes": minutes,
            "drafted_by": actor.id, "drafted_at": now})
        table.sign_contract(db, contract_id, actor.id, now)
        audit.record(db, actor.id, "group_contract_drafted", "group", found.group["id"],
                     contract_id=contract_id)
    return contract_id


def _whole(check: Checker, field: str, value, bounds: tuple, message: str) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not bounds[0] <= number <= bounds[1]:
        check.fail(field, message)
    return number


def sign(db, actor: Actor, group_id: int, contract_id: int) -> None:
    """A current member signs the latest version."""
    found: Seat = seat(db, actor, group_id)
    if actor.id not in found.current_member_ids():
        raise ValidationError.single("_", "Only the group's current members sign its contract.")
    latest = table.contracts(db, found.group["id"])
    if not latest or latest[0]["id"] != int(contract_id):
        raise ValidationError.single("_", "The contract changed meanwhile. Read the new "
                                          "version before you sign.")
    if actor.id in latest[0]["signatures"]:
        raise ValidationError.single("_", "You have already signed this version.")
    with db.atomic():
        table.sign_contract(db, latest[0]["id"], actor.id, clock.stamp())
        audit.record(db, actor.id, "group_contract_signed", "group", found.group["id"],
                     contract_id=latest[0]["id"])
