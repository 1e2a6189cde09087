"""A contract's fields and the one check of their values, shared by a contract and
the admin's template for new contracts."""

from datetime import date

from dateutil.relativedelta import relativedelta

from core import clock
from core.contracts import cadence
from core.validation import Checker

TEXT_FIELDS = {
    "purpose": ("Purpose", 4000),
    "venue": ("Venue or mode", 200),
    "protected_time": ("Protected time, and who books it", 4000),
    "preparation": ("What each side prepares", 4000),
    "confidentiality": ("Confidentiality, with its safeguarding exception", 4000),
    "record_keeping": ("How and where the record is kept", 4000),
    "cancellation_rule": ("Cancellation and rescheduling", 4000),
    "disagreement_route": ("If we disagree", 4000),
}

SESSION_MINUTES = (30, 240)
SHARE_DAYS = (1, 20)
FTE = (0.1, 1.0)


def clean_values(values: dict, arr: dict, *, template_only: bool = False) -> dict:
    """Check a contract's fields; every bad field is reported at once."""
    check = Checker()
    out = {}
    for key, (label, limit) in TEXT_FIELDS.items():
        if key == "venue":
            out[key] = check.name(key, values.get(key), label.lower(), max_len=limit)
        else:
            out[key] = check.text(key, values.get(key), label.lower(), required=True,
                                  max_len=limit)
    if "confidentiality" not in check.errors and "safeguard" not in out["confidentiality"].lower():
        check.fail("confidentiality", "Write out the safeguarding exception: when what is said "
                                      "must be shared, and with whom.")
    out["cadence_kind"] = check.choice("cadence_kind", values.get("cadence_kind"),
                                       cadence.KINDS, "a cadence")
    out["cadence_weeks"] = _whole(check, "cadence_weeks", values.get("cadence_weeks"), 1, 26,
                                  "The gap between sessions", "weeks")
    out["session_minutes"] = _whole(check, "session_minutes", values.get("session_minutes"),
                                    *SESSION_MINUTES, "A session", "minutes")
    out["share_within_days"] = _whole(check, "share_within_days",
                                      values.get("share_within_days"), *SHARE_DAYS,
                                      "The time to share the record", "working days")
    if template_only:
        check.done()
        return out
    out["fte"] = _fte(check, values.get("fte"))
    arr_start = date.fromisoformat(arr["start_date"])
    out["asye_start"] = None
    if out["cadence_kind"] == "asye":
        day = check.day("asye_start", values.get("asye_start"), "the date the ASYE year began")
        out["asye_start"] = day.isoformat() if day else None
    start = check.day("start_date", values.get("start_date"), "the start date",
                      earliest=arr_start)
    review = check.day("review_date", values.get("review_date"), "the review date")
    if start and review and not start < review <= start + relativedelta(years=1):
        check.fail("review_date", "The review date must fall after the start date and within "
                                  "a year of it: contracts are reviewed at least yearly.")
    if start and arr["end_date"] and start.isoformat() > arr["end_date"]:
        check.fail("start_date", f"The arrangement ends on {clock.day(arr['end_date'])}.")
    out["start_date"] = start.isoformat() if start else None
    out["review_date"] = review.isoformat() if review else None
    out["review_reason"] = check.text("review_reason", values.get("review_reason"),
                                      "the reason for this version", max_len=500)
    check.done()
    return out


def _whole(check: Checker, field: str, value, low: int, high: int, label: str, unit: str):
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or number != int(number) or not low <= number <= high:
        check.fail(field, f"{label} must be a whole number of {unit}, from {low} to {high}.")
        return None
    return int(number)


def _fte(check: Checker, value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not FTE[0] <= number <= FTE[1]:
        check.fail("fte", "Working hours are a share of full time, from 0.1 to 1.0.")
        return None
    return round(number, 2)
