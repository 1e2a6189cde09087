"""Supervision contracts: fields, versions, signing, the admin's template, cadence, and
the home tasks for contracts.

Pages import the package (`from core import contracts`); modules inside core import the
module that defines a name, never this package."""

from core.contracts.contract import (  # noqa: F401
    REVIEW_NOTICE_DAYS,
    EDITABLE,
    current_contract,
    status,
    supervisor_changed,
    review_due,
    versions,
    draft_contract,
    new_version,
    update_draft,
    discard_draft,
    sign_contract,
    readiness,
    stamp_on,
    overview,
)

from core.contracts.fields import (  # noqa: F401
    TEXT_FIELDS,
    SESSION_MINUTES,
    SHARE_DAYS,
    FTE,
    clean_values,
)
