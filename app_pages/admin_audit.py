"""Admin: the audit trail of who did what, and when. It names records, never their content."""

from core.access.roles import Role
from ui.admin import audit_trail
from ui.kit.page_start import start

actor, db = start(
    "Audit log", Role.ADMIN,
    intro="Every change, signature, read of a flagged or file-audited item, export and admin "
          "act. Each event names the record it touched, never what it says.")

chosen = audit_trail.filters(db, actor)
audit_trail.trail(db, actor, chosen)
audit_trail.download(actor, chosen)
