"""Errors a person can be shown, from the lowest layer up.

PortalError lives here, below core/, so that storage itself can raise one:
when the database stays busy beyond the write timeout, the caller gets a
`Busy` in plain words rather than sqlite3's "database is locked". core/errors.py
re-exports both, and pages catch them like every other PortalError.
"""


class PortalError(Exception):
    """Base for errors a person can be shown."""


class Busy(PortalError):
    """The database stayed busy with other writers beyond the write timeout.
    Nothing of the failed write was kept: it can simply be tried again."""

    MESSAGE = ("The portal is busy and could not save this just now. "
               "Your text is still here: try again in a moment.")

    def __init__(self, message: str = MESSAGE):
        super().__init__(message)
