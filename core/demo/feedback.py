"""The demo's feedback: supervisees' scores on their latest signed records.

Helen Carter's supervisees Sam Taylor, Chloe Wright and Zara Hussain answered
on their last few sessions, enough answers from enough people for her team
lead to see averages. Chloe's "wellbeing was considered" falls as her personal
support fades. Sam shared one comment with Helen; Zara kept hers out. Ollie
Grant answered twice for Marcus Reid: too few for Daniel Okafor to see any
average of Marcus's sessions.
"""

import random
from datetime import date, datetime, time, timedelta

from db import arrangements as arrangement_table
from db import feedback as table
from db import records as record_table

from core import clock

# supervisee, supervisor, sessions answered, base scores per statement (in order)
ANSWERING = [
    ("sam.taylor", "helen.carter", 6, [4, 4, 4, 5]),
    ("chloe.wright", "helen.carter", 6, [3, 3, 4, 4]),
    ("zara.hussain", "helen.carter", 5, [4, 4, 3, 4]),
    ("ollie.grant", "marcus.reid", 2, [3, 4, 4, 4]),
]
COMMENTS = {  # (supervisee, answers from the latest) -> (comment, shared)
    ("sam.taylor", 1): ("Good to have time on the Ahmed family. I would like more time "
                        "on my learning goals next month.", True),
    ("zara.hussain", 0): ("Felt rushed at the end; I did not raise what was on my mind.",
                          False),
}


def _stamp(day: date) -> str:
    return clock.stamp(datetime.combine(day, time(16, 30), tzinfo=clock.LONDON))


def load_feedback(db, people: dict, today: date) -> None:
    rng = random.Random("feedback")
    statements = table.current_set(db)
    for supervisee, supervisor, count, base in ANSWERING:
        arr = next(a for a in arrangement_table.as_supervisee(db, people[supervisee])
                   if a["supervisor_id"] == people[supervisor] and a["end_date"] is None)
        rows = [r for r in record_table.summaries(db, [arr["id"]])
                if r["status"] in ("agreed", "disputed")][:count]  # newest first
        for back, row in enumerate(rows):
            scores = {}
            for position, s in enumerate(statements["statements"]):
                score = base[position % len(base)] + rng.choice([-1, 0, 0, 0, 1])
                if supervisee == "chloe.wright" and position == 1:
                    score = 2 if back < 3 else 3  # her wellbeing less and less considered
                scores[s["id"]] = max(1, min(5, score))
            comment, shared = COMMENTS.get((supervisee, back), ("", False))
            held = date.fromisoformat(row["held_on"])
            given = max(held, min(held + timedelta(days=3), today - timedelta(days=1)))
            table.insert(db, {"session_id": row["session_id"], "arrangement_id": arr["id"],
                              "supervisee_id": people[supervisee],
                              "set_id": statements["id"], "comment": comment,
                              "comment_shared": 1 if shared else 0,
                              "created_at": _stamp(given)}, scores)
