"""The contract template: what a new contract says until the two people change it.

Admins edit it. It is kept as one JSON value in the settings table; fields it
does not hold take the defaults below, so a template saved before a field was
added still works.
"""

from db import settings as settings_table

from core.admin import audit
from core.contracts.fields import clean_values
from core.errors import ValidationError
from core.access.roles import Actor, require_admin

KEY = "contract_template"

# field: (label, longest text allowed)

DEFAULTS = {
    "purpose": (
        "Supervision is a two-way partnership between the supervisee, the supervisor and the "
        "service. Its purpose is to keep children safe and practice good. Over the series of "
        "sessions it keeps three functions in balance: performance management (accountability, "
        "practice standards, safeguarding, the plan for each family, workload), professional "
        "development (learning needs, training, progress on goals) and personal support (the "
        "personal and emotional impact of the work)."),
    "venue": "A private meeting room at the office; by video call when both agree beforehand",
    "protected_time": (
        "Sessions are protected time: phones and email off, no interruptions except an urgent "
        "concern about a child's safety. The supervisor books every session in both calendars "
        "at least two weeks ahead. The supervisee accepts it or offers another date within the "
        "cadence."),
    "preparation": (
        "The supervisee completes a reflection in the portal and proposes agenda items at least "
        "one working day before the session. The supervisor reviews open actions and the cases "
        "due for discussion, and adds their own agenda items."),
    "confidentiality": (
        "What we discuss stays between us. It is recorded in the portal, where only the two of "
        "us can read it; the team lead may read performance and development items in a file "
        "audit, and every such read is recorded. Personal support is not shared with anyone.\n\n"
        "Safeguarding exception: if anything discussed suggests that a child or an adult is at "
        "risk of harm, or that practice puts someone at risk, the supervisor must share it with "
        "the team lead or the designated safeguarding lead. The supervisee will be told, "
        "beforehand whenever that is safe, and the portal records every read of that item."),
    "record_keeping": (
        "The supervisor records the session in the portal as it happens: the discussion, "
        "decisions with their reasons, the time spent on each function, and actions. The record "
        "is shared with the supervisee, who reads it, comments and signs it. Case decisions are "
        "copied to the child's file as a supervision case note."),
    "cancellation_rule": (
        "A session is cancelled only for an emergency or unplanned absence. Whoever cancels "
        "says why, and the supervisor books a new date within five working days. A cancelled "
        "session still counts as due."),
    "disagreement_route": (
        "We first talk it through in supervision. If we still disagree, the supervisee records "
        "their view on the record, and either of us may ask the team lead (or the service "
        "manager, when the team lead is the supervisor) to meet with us both."),
    "cadence_kind": "weeks",
    "cadence_weeks": 4,
    "session_minutes": 90,
    "share_within_days": 5,
}


def template(db) -> dict:
    stored = settings_table.get(db, KEY) or {}
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}


def update_template(db, admin: Actor, values: dict) -> None:
    require_admin(admin)
    clean = clean_values(values, {}, template_only=True)
    if clean["cadence_kind"] == "asye":
        raise ValidationError.single("cadence_kind", "The ASYE pattern is for newly qualified "
                                                     "staff only; the supervisor chooses it "
                                                     "in their contract.")
    current = template(db)
    with db.atomic():
        settings_table.put(db, KEY, clean)
        audit.record(db, admin.id, "contract_template_changed", "settings", None,
                     fields=sorted(k for k in clean if clean[k] != current[k]))
