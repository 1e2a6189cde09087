"""Records of formal sessions: the agenda run from the shared screen, its items and actions,
sharing, signing and disputes, addenda, case notes and file audits.

Pages import the package (`from core import records`); modules inside core import the
module that defines a name, never this package."""

from core.records.common import STATUSES, SOURCES, ITEM_FIELDS, CASE_FIELDS, MINUTES_MAX, RISK_SCALE, TEXT_FIELDS, ACTION_MAX, REASON_MAX, COMMENT_MAX, EDITABLE, RUN_SINCE_DAYS, RATIONALE_NEEDED, RecordLocked, session_row, arrangement_of, has_ended, session_day, require_supervisor, editable_record, item_row, editable_item, bump_revision, text_access, may_read_text, whole_number, record_row, stale_record  # noqa: F401, E501
from core.records.running import AgendaView, action_view, build_agenda, open_session, add_new_proposals, runnable_sessions, item_view, agenda  # noqa: F401, E501
from core.records.items import add_item, remove_item, move_item, save_item, flag_safeguarding, unflag_safeguarding, add_action  # noqa: F401, E501
from core.records.signing import mark_held, share, sign, dispute, add_addendum  # noqa: F401, E501
from core.records.history import summary, records_for, unagreed, my_records, my_record_years, my_record_year, own_arrangement_ids, listed_year, waiting_for_me, late_records, LateScope, late_scope, late_session_ids, late_records_by_id  # noqa: F401, E501
from core.records.case_notes import case_note, case_note_filename, download_case_note  # noqa: F401, E501
from core.records.audit_reads import file_audit, notices_for  # noqa: F401, E501
from core.records.actions import CLOSED, OUTCOME_MAX, open_for_arrangement, close_action  # noqa: F401, E501
