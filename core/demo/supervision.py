"""The demo's contracts, sessions and informal contacts: about 18 months of them.

The portal "went live" 18 months before the load date. Every arrangement has a
signed contract from then (or from its own start), renewed at each yearly
review. Sessions follow each contract's cadence: mostly held, some cancelled
with who and why, some rescheduled. Set pieces:

- grace.holt's supervision (Marcus Reid) has fallen overdue: the last session
  was cancelled and never replaced;
- chloe.wright's contract was changed early, so its review falls due within 30 days;
- jordan.ellis is on the ASYE cadence from his arrangement's start;
- zara.hussain (0.6 of full time) is on a pro rata cadence;
- tom.baker's new contract with Helen Carter notes the change of supervisor.

Every current arrangement but the overdue one has its next session planned, and
none of them is overdue on the load date, whatever it is: the last six weeks are
settled (every session held on its day), and a due date is missed (cancelled and
never replaced) only when the next one still falls before them, so the last session
before the load date is always held, whatever the cadence (zara.hussain's is 47 days).
Everything is written in a few bulk inserts.
"""

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from db import arrangements as arrangement_table
from db import contracts as contract_table
from db import informal as informal_table
from db import sessions as session_table

from core.contracts import cadence
from core import workdays
from core.contracts.template import DEFAULTS
from core.contracts.contract import stamp_on
from core.sessions.regularity import contract_at
from core.sessions.planning import series_dates
from core.demo.people import GO_LIVE_MONTHS, months_ago

OVERDUE = "grace.holt"
# The weeks before the load date (or an arrangement's end) in which every session is
# held on its day: nothing there is cancelled, moved or missed.
SETTLED = timedelta(days=42)
REVIEW_SOON = "chloe.wright"

# (supervisor, supervisee, kind): contract fields that differ from the template
SPECIAL = {
    ("helen.carter", "jordan.ellis", "line"): {"cadence_kind": "asye"},
    ("helen.carter", "zara.hussain", "line"): {"cadence_kind": "pro_rata", "fte": 0.6},
    ("aisha.begum", "ravi.patel", "child_protection"): {
        "cadence_weeks": 6, "session_minutes": 60,
        "venue": "Safeguarding hub, interview room 3",
        "purpose": ("Child protection supervision, apart from line supervision: reflective, "
                    "case-focused time on the children subject to a child protection plan, "
                    "testing the analysis of risk and the plan for each family.")},
}
VENUES = ["Meeting room 2, Civic Centre", "Quiet room, Riverside office", "Video call (Teams)"]
TIMES = [(9, 30), (10, 0), (11, 0), (13, 30), (14, 0), (15, 0)]
CANCELS = [
    ("supervisee", "Called to an urgent strategy meeting about a child on my caseload."),
    ("supervisor", "Covering the duty desk: two workers off sick."),
    ("supervisee", "Off sick."),
    ("supervisor", "Court hearing ran over."),
    ("supervisee", "Emergency placement move for a child I work with."),
]
MOVES = ["Clash with an initial child protection conference.",
         "Annual leave booked before the session was planned.",
         "The training day moved to that date."]
INFORMAL = [
    ("support", "Debrief after a hostile home visit",
     "Talked it through by phone on the way back. Agreed to pick it up in supervision."),
    ("performance", "Quick check on a section 47 threshold decision",
     "Agreed to convene a strategy discussion today; recorded on the case file."),
    ("development", "Advice on writing a court statement",
     "Shared the template and two good examples."),
    ("support", "Corridor check-in after a difficult week", ""),
]


def load_supervision(db, people: dict, today: date) -> None:
    go_live = months_ago(today, GO_LIVE_MONTHS)
    names = {v: k for k, v in people.items()}
    contracts, sessions, contacts = [], [], []
    next_contract = contract_table.next_id(db)
    next_session = session_table.next_id(db)
    arrangements = sorted(arrangement_table.listing(db), key=lambda a: a["id"])
    previous_supervisor = {}
    for arr in sorted(arrangements, key=lambda a: a["start_date"]):
        key = (arr["supervisee_id"], arr["kind"])
        arr["previous_supervisor"] = previous_supervisor.get(key)
        previous_supervisor[key] = arr["supervisor_name"]
    for arr in arrangements:
        who = (names[arr["supervisor_id"]], names[arr["supervisee_id"]], arr["kind"])
        rng = random.Random("-".join(who))
        versions = _versions(arr, who, go_live, today, next_contract)
        next_contract += len(versions)
        contracts += versions
        made = _sessions(arr, who, versions, today, rng, next_session)
        next_session += len(made)
        sessions += made
        if arr["end_date"] is None:
            contacts += _contacts(arr, today, rng)
    contract_table.insert_many(db, contracts)
    session_table.insert_many(db, sessions)
    informal_table.insert_many(db, contacts)


def _versions(arr: dict, who: tuple, go_live: date, today: date, first_id: int) -> list[dict]:
    start = max(date.fromisoformat(arr["start_date"]), go_live)
    end = date.fromisoformat(arr["end_date"]) if arr["end_date"] else today
    fields = {k: DEFAULTS[k] for k in DEFAULTS}
    fields.update(fte=1.0, asye_start=arr["start_date"], venue=VENUES[arr["id"] % 3])
    fields.update(SPECIAL.get(who, {}))
    reason = ""
    if arr["previous_supervisor"]:
        reason = (f"Supervisor changed from {arr['previous_supervisor']} to "
                  f"{arr['supervisor_name']}.")
    out = []
    while True:
        review = start + relativedelta(years=1)
        if who[1] == REVIEW_SOON and not out:
            review = today + timedelta(days=20) + relativedelta(years=-1)  # changed early
        signed = workdays.on_or_after(start)
        out.append(dict(
            fields, id=first_id + len(out), arrangement_id=arr["id"], version=len(out) + 1,
            start_date=start.isoformat(), review_date=review.isoformat(),
            review_reason=reason, supervisor_signed_at=stamp_on(signed, 9, 30),
            supervisee_signed_at=stamp_on(signed, 11, 15), created_by=arr["supervisor_id"],
            created_at=stamp_on(signed - timedelta(days=7)),
            updated_at=stamp_on(signed - timedelta(days=7))))
        if review > end:
            return out
        start, reason = review, "Yearly review."
        if who[1] == REVIEW_SOON:
            fields["cadence_weeks"] = 6
            reason = "Chloe became a senior social worker: sessions every 6 weeks from now on."


def _row(arr: dict, contract: dict, day: date, hour_minute, **fields) -> dict:
    stamp = stamp_on(day - timedelta(days=14))
    return dict({"arrangement_id": arr["id"], "contract_id": contract["id"],
                 "scheduled_at": stamp_on(day, *hour_minute), "venue": contract["venue"],
                 "status": "planned", "created_at": stamp, "updated_at": stamp}, **fields)


def _held(row: dict, day: date, planned: int, rng) -> dict:
    minutes = max(30, min(planned + 15, planned + 5 * rng.randint(-6, 2)))
    return dict(row, status="held", held_on=day.isoformat(), held_minutes=minutes,
                updated_at=stamp_on(day, 17, 0))


def _sessions(arr: dict, who: tuple, versions: list[dict], today: date, rng,
              first_id: int) -> list[dict]:
    out = []
    overdue = who[1] == OVERDUE
    ended = arr["end_date"] is not None
    stop = date.fromisoformat(arr["end_date"]) if ended else today
    if overdue:
        stop = today - timedelta(days=60)
    anchor = date.fromisoformat(versions[0]["start_date"])
    party = {"supervisor": arr["supervisor_id"], "supervisee": arr["supervisee_id"]}

    def add(row):
        out.append(dict(row, id=first_id + len(out)))
        return out[-1]

    while True:
        contract = contract_at(versions, anchor)
        due = cadence.due_after(contract, anchor)
        day = workdays.add_working_days(due, -rng.choice([0, 0, 1, 2, 3]))
        if day <= anchor:
            day = due
        if day >= stop:
            break
        planned = contract["session_minutes"]
        row = _row(arr, contract, day, rng.choice(TIMES), planned_minutes=planned)
        settled = day > today - SETTLED or ended and day > stop - SETTLED
        roll = 1.0 if settled else rng.random()
        if roll < 0.04 and not _followed(contract_at(versions, due), due, stop):
            roll = 1.0         # a missed due date must be made up before the settled weeks
        if roll < 0.04:        # cancelled and never replaced: that due date is missed
            side, why = rng.choice(CANCELS)
            add(dict(row, status="cancelled", cancelled_by=party[side], cancel_reason=why))
            anchor = due
            continue
        if roll < 0.14:        # cancelled or moved, then held a few working days later
            later = workdays.add_working_days(day, rng.randint(2, 6))
            new = _held(_row(arr, contract, later, rng.choice(TIMES),
                             planned_minutes=planned), later, planned, rng)
            new = add(new)  # first: the moved session refers to it
            old = add(row)
            if roll < 0.08:
                side, why = rng.choice(CANCELS)
                old.update(status="cancelled", cancelled_by=party[side], cancel_reason=why)
            else:
                old.update(status="rescheduled", rescheduled_to=new["id"],
                           cancelled_by=arr["supervisor_id"], cancel_reason=rng.choice(MOVES))
            anchor = later
            continue
        add(_held(row, day, planned, rng))
        anchor = day
    if overdue:  # the next one was cancelled by the supervisor and never replanned
        contract = contract_at(versions, anchor)
        due = cadence.due_after(contract, anchor)
        add(_row(arr, contract, due, (14, 0), planned_minutes=90, status="cancelled",
                 cancelled_by=arr["supervisor_id"], cancel_reason=CANCELS[3][1]))
    elif not ended:
        ahead = max(day, workdays.add_working_days(today, 1))
        count = 2 if who[0] == "helen.carter" else 1
        contract = versions[-1]
        for when in series_dates(contract, ahead, count):
            add(_row(arr, contract, when, rng.choice(TIMES),
                     planned_minutes=contract["session_minutes"]))
    return out


def _followed(contract: dict, missed: date, stop: date) -> bool:
    """Whether the session due after a missed due date still falls before the settled
    weeks: then it is rolled for like any other, so the last one before `stop` is held
    and the arrangement is not overdue on the load date, whatever its cadence."""
    return cadence.due_after(contract, missed) <= stop - SETTLED


def _contacts(arr: dict, today: date, rng) -> list[dict]:
    out = []
    for n in range(rng.randint(1, 3)):
        function, topic, note = INFORMAL[(arr["id"] + n) % len(INFORMAL)]
        day = workdays.on_or_after(today - timedelta(days=rng.randint(5, 170)))
        day = min(today, max(day, date.fromisoformat(arr["start_date"])))
        out.append({"arrangement_id": arr["id"],
                    "logged_by": arr["supervisee_id"] if n % 2 else arr["supervisor_id"],
                    "contact_date": day.isoformat(), "topic": topic, "function": function,
                    "note": note, "created_at": stamp_on(day, 16, 30)})
    return out
