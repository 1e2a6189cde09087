"""Errors that pages turn into clear messages."""

# PortalError is defined in storage, the lowest layer, so that storage can raise
# Busy (a PortalError) when the database stays locked; re-exported here.
from db.errors import Busy, PortalError  # noqa: F401


class PermissionDenied(PortalError):
    """The acting user may not do or see this (see the matrix in core/access/permissions.py)."""


class NotFound(PortalError):
    pass


class StaleWrite(PortalError):
    """Someone else saved first; the caller's copy is out of date."""


class ValidationError(PortalError):
    """Bad input. `errors` maps a field name to the message shown next to it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @classmethod
    def single(cls, field: str, message: str) -> "ValidationError":
        return cls({field: message})
