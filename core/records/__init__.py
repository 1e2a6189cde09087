"""Records of formal sessions: the agenda run from the shared screen, its items and actions,
sharing, signing and disputes, addenda, case notes and file audits.

Pages import the package (`from core import records`); modules inside core import the
module that defines a name, never this package."""

from core.records.common import (  # noqa: F401
    STATUSES,
    SOURCES,
    ITEM_FIELDS,
    CASE_FIELDS,
    MINUTES_MAX,
    RISK_SCALE,
    TEXT_FIELDS,
    ACTION_MAX,
    REASON_MAX,
    COMMENT_MAX,
    EDITABLE,
    RUN_SINCE_DAYS,
    RATIONALE_NEEDED,
    RecordLocked,
)

from core.records.agenda import (  # noqa: F401
    open_session,
    add_new_proposals,
    runnable_sessions,
    agenda,
)

from core.records.items import (  # noqa: F401
    add_item,
    remove_item,
    move_item,
    save_item,
    flag_safeguarding,
    unflag_safeguarding,
    add_action,
)

from core.records.signing import (  # noqa: F401
    mark_held,
    share,
    sign,
    dispute,
    add_addendum,
)

from core.records.history import (  # noqa: F401
    records_for,
    my_records,
    late_records,
)

from core.records.case_notes import (  # noqa: F401
    case_note,
    case_note_filename,
)

from core.records.file_audit import (  # noqa: F401
    file_audit,
    notices_for,
)

from core.records.actions import (  # noqa: F401
    CLOSED,
    OUTCOME_MAX,
    open_for_arrangement,
    close_action,
)
