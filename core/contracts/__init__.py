"""Supervision contracts: fields, versions, signing, the admin's template, cadence, and
the home tasks for contracts.

Pages import the package (`from core import contracts`); modules inside core import the
module that defines a name, never this package."""

from core.contracts.contract import REVIEW_NOTICE_DAYS, EDITABLE, current_contract, status, supervisor_changed, review_due, versions, draft_contract, new_version, update_draft, discard_draft, sign_contract, readiness, stamp_on, overview  # noqa: F401, E501
from core.contracts.fields import TEXT_FIELDS, SESSION_MINUTES, SHARE_DAYS, FTE, clean_values  # noqa: F401, E501
