"""An agreed record with hostile text in every kind of item, for the export tests:
Sam Taylor's line supervision (Helen Carter supervises; Priya Shah leads the team)."""

from datetime import timedelta

from record_fixtures import opened
from reflection_fixtures import actor

from core import clock, records

HOSTILE = "<script>alert('x')</script> <b>bold</b> [a link](https://example.org) **stars**"
EMOJI = "Feeling 😀👍🏽 today"
ARABIC = "مرحبا بالعالم"
HEBREW = "שלום עולם"
PERFORMANCE_TEXT = "Reviewed the plan for the family at CR-100200."
DEVELOPMENT_TEXT = "Signed up for the court skills course."
SUPPORT_TEXT = "Private: the work on this case has been hard at home."
FLAGGED_TEXT = "Disclosed a worry that must go to the safeguarding lead."
DECISION = "Step the case down to early help."
RATIONALE = "Risk has fallen for three months; the family engages."
ACTION = "Book the court skills course"
ADDENDUM = "Addendum: the review date moved by a week."


def agreed_record(db) -> int:
    """A held, shared and signed (agreed) record with one item of each function,
    a flagged support item, a case decision, an action and an addendum."""
    sid, _view = opened(db)
    boss, sam = actor(db, "helen.carter"), actor(db, "sam.taylor")
    made = {}
    for key, title, function, case_ref, fields in (
        ("perf", f"Caseload {HOSTILE}", "performance", "CR-100200",
         {"discussion": PERFORMANCE_TEXT + " " + HOSTILE, "situation": "Stable.",
          "analysis": "Engaging well.", "risk": "Lower", "risk_score": 3,
          "decision": DECISION, "rationale": RATIONALE,
          "next_review": (clock.today() + timedelta(days=30)).isoformat(), "minutes": 30}),
        ("dev", "Training", "development", "", {"discussion": f"{DEVELOPMENT_TEXT} {EMOJI}",
                                                "minutes": 15}),
        ("support", "How are you", "support", "", {"discussion": f"{SUPPORT_TEXT} {ARABIC}",
                                                   "minutes": 10}),
        ("flagged", "A worry", "support", "", {"discussion": f"{FLAGGED_TEXT} {HEBREW}",
                                               "minutes": 5}),
    ):
        item = records.add_item(db, boss, sid, title=title, function=function,
                                case_ref=case_ref)
        records.save_item(db, boss, item, fields, expected_revision=0)
        made[key] = item
    records.flag_safeguarding(db, boss, made["flagged"], "A disclosure about a child.")
    records.add_action(db, boss, made["dev"], owner_id=sam.id, description=ACTION,
                       due_date=clock.today() + timedelta(days=20))
    records.mark_held(db, boss, sid, clock.today() - timedelta(days=1), 60)
    records.share(db, boss, sid)
    records.sign(db, sam, sid)
    records.add_addendum(db, sam, sid, ADDENDUM)
    return sid
