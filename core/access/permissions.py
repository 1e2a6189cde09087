"""Who may see what: the matrix, as data, enforced here.

Every read and write of supervision content goes through `require` (or
`decide`) with the acting user and the arrangement it belongs to.
"""

from dataclasses import dataclass
from enum import Enum

from db import arrangements as arrangement_table

from core.errors import NotFound, PermissionDenied
from core.access.roles import Actor


class Relation(str, Enum):
    SUPERVISEE = "supervisee"          # the supervisee of this arrangement
    SUPERVISOR = "supervisor"          # its supervisor (after it ends: read-only)
    HISTORY = "history"                # a later supervisor the supervisee let read it
    TEAM_LEAD = "team_lead"            # leads the supervisee's team
    AUDITOR = "auditor"                # named to audit files of the supervisee's team
    ADMIN = "admin"


class Access(str, Enum):
    CONTRACT = "contract, session dates and status"
    REFLECTION_SUBMITTED = "a submitted reflection"
    REFLECTION_DRAFT = "a reflection draft or journal"
    RECORD_TEXT = "record text on performance and development items"
    SUPPORT_TEXT = "record text on personal support items"
    SAFEGUARDING_ITEM = "a safeguarding-flagged item"
    METRICS = "minutes per function, counts, dates and action status"
    WELLBEING = "wellbeing scores"


R = Relation
MATRIX: dict[Access, frozenset] = {
    Access.CONTRACT: frozenset({R.SUPERVISEE, R.SUPERVISOR, R.TEAM_LEAD, R.ADMIN}),
    Access.REFLECTION_SUBMITTED: frozenset({R.SUPERVISEE, R.SUPERVISOR}),
    Access.REFLECTION_DRAFT: frozenset({R.SUPERVISEE}),
    Access.RECORD_TEXT: frozenset({R.SUPERVISEE, R.SUPERVISOR, R.HISTORY, R.TEAM_LEAD,
                                   R.AUDITOR}),
    Access.SUPPORT_TEXT: frozenset({R.SUPERVISEE, R.SUPERVISOR, R.HISTORY}),
    Access.SAFEGUARDING_ITEM: frozenset({R.SUPERVISEE, R.SUPERVISOR, R.HISTORY, R.TEAM_LEAD,
                                         R.AUDITOR}),
    Access.METRICS: frozenset({R.SUPERVISEE, R.SUPERVISOR, R.HISTORY, R.TEAM_LEAD}),
    # The supervisor sees wellbeing only when the supervisee shared it (see decide()).
    Access.WELLBEING: frozenset({R.SUPERVISEE, R.SUPERVISOR}),
}
# Reads that are allowed only with an audit event (a file audit). A named auditor
# reads nothing else: the evidence of an audit is gathered by core.quality.file_audits
# for the files in their scope, never through CONTRACT or METRICS.
AUDITED: frozenset = frozenset({(Access.RECORD_TEXT, R.TEAM_LEAD),
                                (Access.SAFEGUARDING_ITEM, R.TEAM_LEAD),
                                (Access.RECORD_TEXT, R.AUDITOR),
                                (Access.SAFEGUARDING_ITEM, R.AUDITOR)})


@dataclass(frozen=True)
class Decision:
    allowed: bool
    audited: bool = False
    reason: str = ""


def arrangement(db, arrangement_id: int) -> dict:
    row = arrangement_table.get(db, arrangement_id)
    if not row:
        raise NotFound("There is no such supervision arrangement.")
    return row


def relations(db, actor: Actor, arr: dict) -> frozenset:
    """How the actor stands to this arrangement (a row from `arrangement()`).
    One person can stand several ways."""
    found = set()
    if actor.id == arr["supervisee_id"]:
        found.add(R.SUPERVISEE)
    if actor.id == arr["supervisor_id"]:
        found.add(R.SUPERVISOR)
    if arr["supervisee_team_id"] in actor.led_team_ids:
        found.add(R.TEAM_LEAD)
    if actor.audits_every_team or arr["supervisee_team_id"] in actor.audited_team_ids:
        found.add(R.AUDITOR)
    if actor.is_admin:
        found.add(R.ADMIN)
    if R.SUPERVISOR not in found and _history_granted(db, actor, arr):
        found.add(R.HISTORY)
    return frozenset(found)


def history_covers(later: dict, earlier: dict) -> bool:
    """Whether the supervisee's consent on `later` (history_shared_at) lets its
    supervisor read `earlier`: an arrangement of the same supervisee and kind, with
    another supervisor, that started no later and has ended (a change of supervisor)."""
    return (earlier["id"] != later["id"] and earlier["supervisee_id"] == later["supervisee_id"]
            and earlier["kind"] == later["kind"]
            and earlier["supervisor_id"] != later["supervisor_id"]
            and earlier["end_date"] is not None and earlier["start_date"] <= later["start_date"])


def _history_granted(db, actor: Actor, arr: dict) -> bool:
    """A later supervisor of the same supervisee, once the supervisee agreed. Read
    on every check, so giving or withdrawing consent counts at once."""
    for later in arrangement_table.as_supervisee(db, arr["supervisee_id"]):
        if (later["supervisor_id"] == actor.id and later["history_shared_at"]
                and history_covers(later, arr)):
            return True
    return False


def decide(access: Access, held: frozenset, *, wellbeing_shared: bool = False) -> Decision:
    allowed = MATRIX[access] & held
    if access is Access.WELLBEING and not wellbeing_shared:
        allowed = allowed & {R.SUPERVISEE}
    if not allowed:
        return Decision(False, reason=f"You do not have access to {access.value} "
                                      "for this supervision arrangement.")
    audited = all((access, r) in AUDITED for r in allowed)
    return Decision(True, audited=audited)


def require(db, actor: Actor, access: Access, arr: dict, **kwargs) -> Decision:
    """Refuse with a clear error what the matrix refuses; say if the read must be audited."""
    decision = decide(access, relations(db, actor, arr), **kwargs)
    if not decision.allowed:
        raise PermissionDenied(decision.reason)
    return decision
