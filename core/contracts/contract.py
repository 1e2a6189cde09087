"""Supervision contracts: drafted from a template, signed by both, versioned.

- The supervisor drafts the contract for one of their current arrangements,
  from the admin's template (or, when the supervisee had a signed contract
  with an earlier supervisor of the same kind, from that one).
- Every field of a draft can be edited by the supervisor. An edit clears any
  signature already given: both sign the text as it finally stands.
- Both sign from their own accounts. A version both have signed never changes;
  a change is a new version (a draft copy), which both sign again. The
  version in force is the latest one both have signed.
- A review is due within 30 days of the review date (yearly) and whenever the
  supervisor changes.
"""

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from db import contracts as contract_table
from db import users as user_table

from core.access import arrangement_access as access
from core import clock
from core.admin import audit
from core.contracts.fields import TEXT_FIELDS, clean_values
from core.contracts.template import template
from core.errors import NotFound, PermissionDenied, StaleWrite, ValidationError
from core.access.roles import Actor
from core.validation import Checker

REVIEW_NOTICE_DAYS = 30
EDITABLE = tuple(TEXT_FIELDS) + (
    "cadence_kind", "cadence_weeks", "fte", "asye_start", "session_minutes",
    "share_within_days", "start_date", "review_date", "review_reason")


def current_contract(db, arrangement_id: int) -> dict | None:
    """The version in force: the latest one both have signed. Callers check access."""
    return contract_table.latest_signed(db, arrangement_id)


def status(contract: dict) -> str:
    if contract["supervisor_signed_at"] and contract["supervisee_signed_at"]:
        return "signed"
    if contract["supervisor_signed_at"]:
        return "waiting for the supervisee's signature"
    if contract["supervisee_signed_at"]:
        return "waiting for the supervisor's signature"
    return "draft, not signed"


def supervisor_changed(contract: dict) -> bool:
    """The arrangement's supervisor is not the one who drafted this contract."""
    return bool(contract.get("created_by") and contract.get("supervisor_id")
                and contract["created_by"] != contract["supervisor_id"])


def review_due(contract: dict, today: date) -> bool:
    """Within 30 days of the review date (or past it), or the supervisor changed."""
    review = date.fromisoformat(str(contract["review_date"]))
    return (review - today).days <= REVIEW_NOTICE_DAYS or supervisor_changed(contract)


def versions(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """Every version of the arrangement's contract, newest first."""
    access.readable(db, actor, arrangement_id)
    return contract_table.versions(db, arrangement_id)


def _stamp_after(previous: str | None) -> str:
    """Now, but always later than `previous`, so every edit has its own stamp."""
    stamp = clock.stamp()
    if previous and stamp <= previous:
        later = clock.parse_stamp(previous) + timedelta(seconds=1)
        stamp = clock.stamp(later)
    return stamp


def draft_contract(db, actor: Actor, arrangement_id: int) -> int:
    """Start version 1 for an arrangement that has no contract yet."""
    arr = access.require_supervisor(db, actor, arrangement_id, "draft its contract")
    if contract_table.versions(db, arrangement_id):
        raise ValidationError.single("_", "This arrangement already has a contract. "
                                          "Edit the draft or start a new version.")
    today = clock.today()
    start = max(today, date.fromisoformat(arr["start_date"]))
    supervisee = user_table.get(db, arr["supervisee_id"])
    previous = contract_table.previous_for_supervisee(db, arr["supervisee_id"], arr["kind"],
                                                      arrangement_id)
    if previous:
        values = {k: previous[k] for k in EDITABLE}
        values["review_reason"] = (f"Supervisor changed from {previous['supervisor_name']} "
                                   f"to {arr['supervisor_name']}.")
    else:
        values = dict(template(db), fte=supervisee["fte"], asye_start=arr["start_date"],
                      review_reason="")
        if supervisee["fte"] < 1 and values["cadence_kind"] == "weeks":
            values["cadence_kind"] = "pro_rata"
    stamp = clock.stamp()
    row = dict(values, arrangement_id=arrangement_id, version=1,
               start_date=start.isoformat(),
               review_date=(start + relativedelta(years=1)).isoformat(),
               created_by=actor.id, created_at=stamp, updated_at=stamp)
    with db.atomic():
        contract_id = contract_table.insert(db, row)
        audit.record(db, actor.id, "contract_drafted", "contract", contract_id,
                     arrangement_id=arrangement_id, version=1)
    return contract_id


def new_version(db, actor: Actor, arrangement_id: int, reason: str) -> int:
    """A draft copy of the version in force, to change and sign again."""
    access.require_supervisor(db, actor, arrangement_id, "change its contract")
    check = Checker()
    reason = check.text("review_reason", reason, "why the contract changes", required=True,
                        max_len=500)
    check.done()
    if contract_table.draft(db, arrangement_id):
        raise ValidationError.single("_", "A new version is already being drafted. "
                                          "Edit that draft, or discard it first.")
    current = current_contract(db, arrangement_id)
    if not current:
        raise ValidationError.single("_", "There is no signed contract to change yet.")
    today = clock.today()
    start = max(today, date.fromisoformat(current["start_date"]))
    version = contract_table.next_version(db, arrangement_id)
    stamp = clock.stamp()
    row = {k: current[k] for k in EDITABLE}
    row.update(arrangement_id=arrangement_id, version=version, start_date=start.isoformat(),
               review_date=(start + relativedelta(years=1)).isoformat(), review_reason=reason,
               created_by=actor.id, created_at=stamp, updated_at=stamp)
    with db.atomic():
        contract_id = contract_table.insert(db, row)
        audit.record(db, actor.id, "contract_version_started", "contract", contract_id,
                     arrangement_id=arrangement_id, version=version,
                     replaces=current["id"])
    return contract_id


def _draft_for_supervisor(db, actor: Actor, contract_id: int, doing: str) -> dict:
    contract = contract_table.get(db, contract_id)
    if not contract:
        raise NotFound("There is no such contract.")
    access.require_supervisor(db, actor, contract["arrangement_id"], doing)
    if status(contract) == "signed":
        raise PermissionDenied("Both have signed this version, so it cannot change. "
                               "Start a new version instead.")
    return contract








def update_draft(db, actor: Actor, contract_id: int, values: dict, seen_updated_at: str) -> None:
    """Save the supervisor's edits to a draft. Signatures already given are cleared."""
    contract = _draft_for_supervisor(db, actor, contract_id, "edit its contract")
    arr = access.readable(db, actor, contract["arrangement_id"])
    clean = clean_values(values, arr)
    changed = sorted(k for k in clean if clean[k] != contract[k])
    with db.atomic():
        written = contract_table.update_if_unchanged(
            db, contract_id, seen_updated_at, **clean, supervisor_signed_at=None,
            supervisee_signed_at=None, updated_at=_stamp_after(contract["updated_at"]))
        if not written:
            raise StaleWrite("The contract was changed by someone else after you opened it. "
                             "Your edits are still on screen: copy them, reload, and apply them "
                             "to the new text.")
        audit.record(db, actor.id, "contract_edited", "contract", contract_id,
                     version=contract["version"], fields=changed,
                     signatures_cleared=bool(contract["supervisor_signed_at"]
                                             or contract["supervisee_signed_at"]))


def discard_draft(db, actor: Actor, contract_id: int) -> None:
    """Throw away a draft nobody needs (a signed version is never discarded)."""
    contract = _draft_for_supervisor(db, actor, contract_id, "discard a draft")
    with db.atomic():
        contract_table.delete(db, contract_id)
        audit.record(db, actor.id, "contract_draft_discarded", "contract", contract_id,
                     arrangement_id=contract["arrangement_id"], version=contract["version"])


def sign_contract(db, actor: Actor, contract_id: int, seen_updated_at: str) -> None:
    """Sign the version the person read (`seen_updated_at` names it) from their own account."""
    contract = contract_table.get(db, contract_id)
    if not contract:
        raise NotFound("There is no such contract.")
    _arr, side = access.require_party(db, actor, contract["arrangement_id"], "sign its contract")
    column = f"{side}_signed_at"
    if contract[column]:
        raise ValidationError.single("_", "You signed this version on "
                                          f"{clock.local(contract[column])}.")
    with db.atomic():
        written = contract_table.update_if_unchanged(db, contract_id, seen_updated_at,
                                                     **{column: clock.stamp()})
        if not written:
            raise StaleWrite("The contract was changed after you opened it, so your signature "
                             "was not added. Read the new text, then sign.")
        signed = contract_table.get(db, contract_id)
        audit.record(db, actor.id, "contract_signed", "contract", contract_id,
                     version=contract["version"], side=side, in_force=status(signed) == "signed")


def readiness(db, arrangement_id: int) -> str | None:
    """Why sessions cannot be planned yet, or None when a signed contract is in force."""
    if current_contract(db, arrangement_id):
        return None
    pending = contract_table.draft(db, arrangement_id)
    if not pending:
        return ("Sessions can be planned only under a signed contract, and this arrangement "
                "has none yet. The supervisor drafts it on the Contracts page.")
    waiting = [who for who in ("supervisor", "supervisee") if not pending[f"{who}_signed_at"]]
    return ("Sessions can be planned only under a signed contract. Version "
            f"{pending['version']} is still waiting for the {' and the '.join(waiting)} "
            "to sign it on the Contracts page.")


def stamp_on(day: date, hour: int = 10, minute: int = 0) -> str:
    """A stored UTC stamp for a London wall-clock time on a day (used by the demo)."""
    return clock.stamp(datetime.combine(day, time(hour, minute), tzinfo=clock.LONDON))


def overview(db, actor: Actor, arrangement_id: int, today: date | None = None) -> dict:
    """Everything the Contracts page needs about one arrangement, and what this person
    may do there."""
    today = today or clock.today()
    arr = access.readable(db, actor, arrangement_id)
    side = access.side(db, actor, arr)
    is_open = not access.ended(arr, today)
    all_versions = contract_table.versions(db, arrangement_id)
    current = next((v for v in all_versions if status(v) == "signed"), None)
    draft = next((v for v in all_versions if status(v) != "signed"), None)
    acting = side is not None and is_open
    return {
        "arrangement": arr, "side": side, "open": is_open, "versions": all_versions,
        "current": current, "draft": draft,
        "names": {"supervisor": arr["supervisor_name"], "supervisee": arr["supervisee_name"]},
        "may_draft": acting and side == "supervisor" and not all_versions,
        "may_edit": acting and side == "supervisor" and draft is not None,
        "may_new_version": acting and side == "supervisor" and bool(current) and not draft,
        "may_sign": acting and draft is not None and not draft[f"{side}_signed_at"],
        "review_due": bool(current) and is_open and review_due(current, today),
        "readiness": readiness(db, arrangement_id),
    }
