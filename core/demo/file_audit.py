"""The demo's file audit: Priya Shah drew this quarter's sample of two files in
Assessment and Intervention (Chloe Wright's and Tom Baker's) and finished the
audit of Chloe's, shared with Helen Carter and Chloe; Tom's is still to do."""

import random

from db import users as user_table

from core.quality import file_audits
from core.access.roles import actor_from_user

ACTIONS = ("Give personal support its own time in every session: it has fallen under a "
           "tenth of the minutes.\nShare each record within the contract's working days, "
           "and follow up a record waiting for a signature.")


def load_file_audit(db, people: dict) -> None:
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
