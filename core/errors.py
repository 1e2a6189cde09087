"""Errors that pages turn into clear messages."""


class PortalError(Exception):
    """Base for errors a person can be shown."""


class PermissionDenied(PortalError):
    """The acting user may not do or see this (see the matrix in DESIGN.md)."""


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
