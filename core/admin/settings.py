"""Portal settings an admin can change, with their defaults and limits."""

from dataclasses import dataclass

from db import settings as settings_table

from core.admin import audit
from core.errors import ValidationError
from core.access.roles import Actor, require_admin


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    help: str
    default: float
    low: float
    high: float
    whole: bool = True
    refused: tuple = ()  # values inside the limits that make no sense


SETTINGS = {
    s.key: s
    for s in [
        Setting("overdue_grace_days", "Grace period before a session is overdue (days)",
                "A session is overdue when none was held by its due date plus this many days.",
                7, 0, 60),
        Setting("neglect_share", "Neglect alert: lowest share of a function",
                "Alert when a function has less than this share over the window (0.15 = 15%).",
                0.15, 0.01, 0.5, whole=False),
        Setting("neglect_window", "Neglect alert: sessions in the window",
                "How many recent held sessions the share is measured over.", 6, 2, 24),
        Setting("neglect_absent", "Neglect alert: absent from the last … sessions",
                "Alert when a function was not discussed at all in this many recent sessions.",
                3, 1, 12),
        Setting("retention_years", "Keep records after an arrangement ends (years)",
                "Records of an arrangement that ended longer ago than this are listed for "
                "review (Admin → Settings). Nothing is deleted automatically.", 25, 1, 100),
        Setting("reminder_prepare_days", "Reminders: prepare for a session (working days before)",
                "The supervisee is reminded to prepare this many working days before a session.",
                3, 1, 15),
        Setting("reminder_action_days", "Reminders: an action due soon (working days before)",
                "An action's owner is reminded this many working days before it is due "
                "(0: only once it is overdue).", 2, 0, 15),
        Setting("reminder_share_days", "Reminders: a record to share (working days before)",
                "The supervisor is reminded this many working days before a record is due to "
                "be shared (0: on the day).", 1, 0, 10),
        Setting("group_counts_one_in", "Group supervision: counts as one in … formal sessions",
                "0: group sessions never count towards regularity. 2 or more: a group session "
                "attended can stand for at most one in every that many formal sessions due "
                "(it never replaces one-to-one supervision).", 0, 0, 12, refused=(1,)),
    ]
}


def value(db, key: str):
    setting = SETTINGS[key]
    stored = settings_table.get(db, key)
    return setting.default if stored is None else stored


def all_values(db) -> dict:
    return {key: value(db, key) for key in SETTINGS}


def update(db, admin: Actor, changes: dict) -> None:
    require_admin(admin)
    errors, clean = {}, {}
    for key, raw in changes.items():
        setting = SETTINGS[key]
        try:
            number = float(raw)
        except (TypeError, ValueError):
            errors[key] = f"{setting.label} must be a number."
            continue
        if setting.whole and number != int(number):
            errors[key] = f"{setting.label} must be a whole number."
        elif not setting.low <= number <= setting.high:
            errors[key] = f"{setting.label} must be between {setting.low:g} and {setting.high:g}."
        elif number in setting.refused:
            errors[key] = f"{setting.label} cannot be {number:g}."
        else:
            clean[key] = int(number) if setting.whole else number
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        for key, number in clean.items():
            settings_table.put(db, key, number)
        audit.record(db, admin.id, "settings_changed", "settings", None, **clean)
