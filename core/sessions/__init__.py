"""Formal sessions: planning under the contract, regularity, the calendar file, informal
contacts, and the home tasks for overdue sessions.

Pages import the package (`from core import sessions`); modules inside core import the
module that defines a name, never this package."""

from core.sessions.planning import STATUSES, MINUTES, HELD_MINUTES, HOURS, PLAN_AHEAD_DAYS, SERIES_MAX, REASON_MAX, starts, series_dates, plan_series, reschedule_session, NOTES_MAX, save_private_notes, cancel_session, mark_held, get_session, sessions_for, planned_ahead, planned, suggested_date, overdue_unmarked  # noqa: F401, E501
