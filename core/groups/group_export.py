"""Group supervision in a person's subject access export: the groups they facilitate
or were a member of, and, for each, what the portal shows them and no more: the
group's contract versions, the sessions they see, and the records they may read
(a member: shared and agreed records, and after leaving only those they attended;
the facilitator: drafts too), with attendance, actions and addenda. A group record
also names the other members and what the group learned together, so each record
is marked `third_party_data` for whoever sends the export to review."""

from core.access.roles import Actor
from core.groups import group_access, group_contract, group_records, group_sessions


def about(db, subject: Actor) -> list[dict]:
    out = []
    for seat in group_access.my_groups(db, subject):
        group_id = seat.group["id"]
        sessions = group_sessions.listing(db, subject, group_id)
        records = []
        for s in sessions:
            if not s["record_id"] or (not seat.facilitates and s["record_status"] == "draft"):
                continue
            record = group_records.read(db, subject, s["id"])["record"]
            records.append(dict(record, third_party_data=True))
        current = group_contract.current(db, subject, group_id)
        out.append({
            "group": {k: seat.group[k] for k in ("id", "name", "facilitator_name",
                                                 "start_date", "end_date")},
            "subject_is": seat.side,
            "membership": ({k: seat.me[k] for k in ("joined_on", "left_on")}
                           if seat.me else None),
            "contract": current and {k: v for k, v in current.items()
                                     if k not in ("signatures", "unsigned")},
            "contract_signed_at": current and current["signatures"].get(subject.id),
            "sessions": [{k: s[k] for k in ("id", "scheduled_at", "minutes", "venue", "status",
                                            "held_on", "cancel_reason", "moved_from",
                                            "move_reason", "record_status")}
                         for s in sessions],
            "records": records,
        })
    return out
