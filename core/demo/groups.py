"""The demo's supervision group: Helen Carter facilitates Sam Taylor, Chloe Wright,
Zara Hussain and Tom Baker, every four weeks since five months ago.

Three sessions were held: the two older records are agreed (every member who
attended signed, the presenter last); the latest is shared, signed so far by
Chloe only, so Sam (who presented) is asked to sign it to agree it, and Zara and
Tom to sign their attendance. The next session is planned. The records name
cases by reference only, and hold nothing about any one member's wellbeing.
"""

from datetime import date, datetime, time, timedelta

from db import groups as table

from core import clock, workdays
from core.demo.people import months_ago
from core.groups.group_contract import CONFIDENTIALITY

NAME = "Assessment team case group"
MEMBERS = ["sam.taylor", "chloe.wright", "zara.hussain", "tom.baker"]
PURPOSE = ("To think together about the cases we find hardest, using the Signs of Safety "
           "group process: what are we worried about, what is working well, what needs "
           "to happen.")
RULES = ("One presenter a session, chosen the session before. Advisors ask questions "
         "before offering views; the reflecting team talks while the presenter listens. "
         "Phones away. We start and finish on time.")

# days ago, presenter, case reference, theme, learning, who signed (None: everyone),
# actions as (owner, text, due in days from the session, status)
HELD = [
    (84, "chloe.wright", "CR-204117", "Drift in a child in need plan",
     "Name the drift out loud with the family and agree one next step each.",
     None, [("chloe.wright", "Agree a review date with the family", 14, "done")]),
    (56, "zara.hussain", "", "Engaging fathers in early help",
     "Invite fathers by name, at times they can come; record who was invited.",
     None, [("tom.baker", "Share the fathers' engagement checklist", 21, "done")]),
    (28, "sam.taylor", "CR-104233", "Neglect: when is enough enough?",
     "Use the graded care profile before the review, and write the bottom lines in the "
     "family's words.", ["chloe.wright"],
     [("sam.taylor", "Complete the graded care profile before the review", 60, "open")]),
]
ROLES = {"sam.taylor": "advisor", "chloe.wright": "reflecting_team",
         "zara.hussain": "reflecting_team", "tom.baker": "advisor"}


def _working_day(day: date) -> date:
    while not workdays.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _at(day: date, hour: int = 14) -> str:
    return clock.stamp(datetime.combine(day, time(hour, 0), tzinfo=clock.LONDON))


def load_groups(db, people: dict, today: date) -> None:
    helen = people["helen.carter"]
    start = months_ago(today, 5)
    group_id = table.insert_group(db, {"name": NAME, "facilitator_id": helen,
                                       "start_date": start.isoformat(),
                                       "created_at": _at(start, 9)},
                                  [people[m] for m in MEMBERS])
    contract_id = table.insert_contract(db, {
        "group_id": group_id, "purpose": PURPOSE, "ground_rules": RULES,
        "confidentiality": CONFIDENTIALITY, "frequency_weeks": 4, "session_minutes": 90,
        "drafted_by": helen, "drafted_at": _at(start, 10)})
    for user_id in [helen] + [people[m] for m in MEMBERS]:
        table.sign_contract(db, contract_id, user_id, _at(start + timedelta(days=2), 11))
    for days, presenter, case_ref, theme, learning, signed, actions in HELD:
        held = _working_day(today - timedelta(days=days))
        session_id = table.insert_session(db, {
            "group_id": group_id, "scheduled_at": _at(held), "minutes": 90,
            "venue": "Team room 2", "status": "held", "held_on": held.isoformat(),
            "created_at": _at(held - timedelta(days=28), 9)})
        shared = _at(min(held + timedelta(days=1), today - timedelta(days=1)), 10)
        signers = MEMBERS if signed is None else signed
        attendance = [{"user_id": people[m], "attended": 1,
                       "role": "presenter" if m == presenter else ROLES[m],
                       "signed_at": shared if m in signers else None} for m in MEMBERS]
        rows = [{"owner_id": people[o], "description": text,
                 "due_date": (held + timedelta(days=due)).isoformat(), "status": status,
                 "closed_at": shared if status == "done" else None}
                for o, text, due, status in actions]
        agreed = shared if presenter in signers else None
        table.save_record(db, session_id, {
            "theme": theme, "case_ref": case_ref, "presenter_id": people[presenter],
            "learning": learning, "status": "agreed" if agreed else "shared",
            "updated_at": shared, "shared_at": shared, "presenter_signed_at": agreed,
            "agreed_at": agreed}, attendance, rows)
    upcoming = today + timedelta(days=14)
    while not workdays.is_working_day(upcoming):
        upcoming += timedelta(days=1)
    table.insert_session(db, {"group_id": group_id, "scheduled_at": _at(upcoming),
                              "minutes": 90, "venue": "Team room 2", "status": "planned",
                              "created_at": _at(today - timedelta(days=28), 9)})
