"""The demo's file audit: Priya Shah drew this quarter's sample of two files in
Assessment and Intervention (Chloe Wright's and Tom Baker's) and finished the
audit of Chloe's, shared with Helen Carter and Chloe; Tom's is still to do. Before
it, Helen Carter downloaded the case notes of most case decisions of the last four
months (the evidence counts them). Nadia Khan is the admin's named file auditor for
the whole service."""

import random
from datetime import date, timedelta

from db import arrangements as arrangement_table
from db import records as record_table
from db import users as user_table
from db import file_audits as facts

from core.records import case_notes
from core.quality import auditors, file_audits
from core.access.roles import actor_from_user

DOWNLOADS_SINCE_DAYS = 120
ACTIONS = ("Give personal support its own time in every session: it has fallen under a "
           "tenth of the minutes.\nShare each record within the contract's working days, "
           "and follow up a record waiting for a signature.")


def _download_case_notes(db, people: dict, today: date) -> None:
    """Helen began downloading case notes for the case system four months ago: the
    note of each case decision in her supervisees' sessions since, all but every
    fourth (left for the audit to find)."""
    helen = actor_from_user(db, user_table.get(db, people["helen.carter"]))
    mine = [a["id"] for a in arrangement_table.as_supervisor(db, helen.id)]
    since = (today - timedelta(days=DOWNLOADS_SINCE_DAYS)).isoformat()
    sessions = [r["session_id"] for r in record_table.summaries(db, mine)
                if r["session_status"] == "held" and (r["held_on"] or "") >= since]
    decided = [it["id"] for it in facts.item_facts(db, sessions)
               if it["is_case"] and it["has_decision"]]
    for n, item_id in enumerate(sorted(decided)):
        if n % 4 != 3:
            case_notes.download_case_note(db, helen, item_id)


def load_file_audit(db, people: dict, today: date) -> None:
    _download_case_notes(db, people, today)
    admin = actor_from_user(db, user_table.get(db, people["admin"]))
    auditors.name_auditor(db, admin, people["nadia.khan"])
    priya = actor_from_user(db, user_table.get(db, people["priya.shah"]))
    team = next(iter(priya.led_team_ids))
    drawn = file_audits.draw_sample(db, priya, team, 2, rng=random.Random("demo sample"))
    audit_id = file_audits.start(db, priya, drawn[0]["arrangement_id"])
    found = file_audits.get(db, priya, audit_id)
    grades = {a["position"]: a["suggested"] or "good" for a in found["answers"]}
    file_audits.save(db, priya, audit_id, grades=grades, reasons={},
                     overall=found["suggested_overall"] or "good", overall_reason="",
                     actions=ACTIONS)
    file_audits.share(db, priya, audit_id)
