"""Reminders by email: what is due to whom (due), the email (message, invite),
the relay (relay), sending each once (outbox), and each person's choices
(preferences)."""

from core.reminders.kinds import KINDS

__all__ = ["KINDS"]
