"""Records and actions for the compliance tests, written straight into the
tables (the records workflow is another part of the portal). Only dates,
statuses and signatures matter here; the text is there to prove it never shows."""

from datetime import date, datetime, time, timezone

STAMP = "2026-01-01T09:00:00+00:00"
ACTION_TEXT = "Chase the Hollis core group minutes with the IRO"


def at(day: date, hour: int = 15) -> str:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc).isoformat()


def record(db, session_id: int, status: str, *, shared: date | None = None,
           supervisor_signed: date | None = None, supervisee_signed: date | None = None) -> int:
    agreed = status == "agreed"
    row = {
        "session_id": session_id, "status": status, "created_at": STAMP, "updated_at": STAMP,
        "first_shared_at": at(shared) if shared else None,
        "shared_at": at(shared) if shared else None,
        "supervisor_signed_at": at(supervisor_signed) if supervisor_signed else None,
        "supervisee_signed_at": at(supervisee_signed) if supervisee_signed else None,
        "agreed_at": at(supervisee_signed or supervisor_signed or shared) if agreed else None,
    }
    found = db.execute("SELECT id FROM records WHERE session_id = ?", [session_id]).fetchone()
    if found:  # the demo's own record of this session: take it over
        db["records"].update(found[0], row)
        return found[0]
    return db["records"].insert(row).last_pk


def action(db, arrangement_id: int, owner_id: int, due: date, *, status: str = "open",
           text: str = ACTION_TEXT) -> int:
    return db["actions"].insert({
        "arrangement_id": arrangement_id, "owner_id": owner_id, "description": text,
        "due_date": due.isoformat(), "status": status, "created_at": STAMP,
        "updated_at": STAMP}).last_pk
