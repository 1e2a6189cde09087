"""The demo's records: every held session gets a full record, written in bulk.

Each record has items tagged with the three functions and minutes that add up
to about the session's length: the supervisee's submitted agenda items, the
open actions carried forward, and the supervisor's own items, among them case
items with a decision and its rationale. Set pieces:

- chloe.wright's personal support fades away: present in her earlier sessions,
  under 15% over her last 6 and absent from her last 3 (a neglect alert);
  everyone else keeps all three functions;
- one disputed record (tom.baker's second-latest with Helen Carter), and one
  older record agreed with the dispute kept (megan.price);
- one record shared late (chloe.wright, a few months back);
- one item flagged as a safeguarding concern (sam.taylor);
- actions that are done, dropped, open and, for sam.taylor and zara.hussain,
  overdue;
- the latest record of each current arrangement is a draft (when still within
  its working days) or shared and waiting for the supervisee's signature.

Cases are named only by references like CS-104233, never by a child's name.
A seeded random generator makes the demo the same on every load.
"""

import random
from datetime import date, datetime, time, timedelta

from db import records as table
from db import reflections as reflection_table

from core import clock
from core.insights.timeliness import share_by
from core.workdays import add_working_days, on_or_after

FADING = "chloe.wright"
DISPUTED = "tom.baker"
KEPT_DISPUTE = "megan.price"
SHARED_LATE = "chloe.wright"
FLAGGED = "sam.taylor"
OVERDUE_OWNERS = ("sam.taylor", "zara.hussain")
DRAFT_LATEST = ("jordan.ellis", "ravi.patel")   # latest record still a draft, if in time

CASES = [
    {"title": "Child in need plan for {ref}: missed health appointments",
     "situation": "Three missed health appointments since the last review; school "
                  "attendance down to 71%. Mum says the bus fares are the problem.",
     "analysis": "The pattern looks like neglect of health needs rather than a one-off. "
                 "Engagement at visits is good but the plan's actions are not happening.",
     "risk": "Risk is rising slowly: no single incident, but the baby's weight has dropped "
             "a centile.",
     "decision": "Convene a child in need review within two weeks and ask the health "
                 "visitor to attend.",
     "rationale": "The plan is not reducing risk. A review brings health in and tests "
                  "whether the threshold for a strategy discussion is met."},
    {"title": "Section 47 enquiry {ref}: next steps",
     "situation": "Bruising reported by school on Monday; the strategy discussion agreed a "
                  "single-agency section 47 enquiry.",
     "analysis": "The explanation given is plausible but has changed once. The sibling's "
                 "account matches the parent's.",
     "risk": "Significant harm not yet evidenced; the medical found the marks consistent "
             "with the account given.",
     "decision": "Complete the enquiry by Friday and recommend a child in need plan, not "
                 "an initial child protection conference.",
     "rationale": "The medical, the school and the children's own words point the same "
                  "way, and the parents have accepted help with routines."},
    {"title": "Pre-proceedings (PLO) for {ref}",
     "situation": "The PLO letter went out six weeks ago. Two of the four agreed actions "
                  "are done.",
     "analysis": "Dad's engagement has improved since the meeting; Mum's drinking is "
                 "still the main worry and is not yet tested.",
     "risk": "Risk remains high in the evenings, when the children are alone with Mum.",
     "decision": "Extend pre-proceedings by four weeks and commission hair strand testing.",
     "rationale": "There is real progress to build on; issuing now would lose it. Testing "
                  "gives evidence either way before the next legal planning meeting."},
    {"title": "Placement stability for {ref}",
     "situation": "The foster carers have asked for respite after two nights of the young "
                  "person going missing.",
     "analysis": "Missing episodes started after contact with an older peer. The carers "
                 "are committed but exhausted.",
     "risk": "Exploitation risk: the peer is known to police. Return home interviews "
             "have not happened.",
     "decision": "Hold a strategy discussion under the exploitation protocol and arrange "
                 "two weekends of respite with the same carers' support network.",
     "rationale": "The risk is outside the home, so the plan must involve police and the "
                  "exploitation team; keeping the placement is the best protective factor."},
    {"title": "Step down for {ref}",
     "situation": "The family has met every action in the plan for six months.",
     "analysis": "Change looks sustained: school, health and the family all report the "
                 "same improvements.",
     "risk": "Low. The contingency plan is understood by the family.",
     "decision": "Step down to early help with a named lead professional from the school.",
     "rationale": "The threshold for statutory involvement is no longer met and the family "
                  "want to keep the school's support."},
    {"title": "Chronology and assessment for {ref}",
     "situation": "The single assessment is due in eight working days; the chronology is "
                  "not yet up to date.",
     "analysis": "The history matters here: three previous referrals for the same worry "
                 "were each closed after an assessment.",
     "risk": "Cumulative neglect risk that a single-incident view would miss.",
     "decision": "Finish the chronology first, then complete the analysis section with the "
                 "practice supervisor.",
     "rationale": "Without the chronology the assessment would repeat the earlier closures; "
                  "the pattern is the evidence."},
]
PERFORMANCE = [
    ("Caseload and workload", "Caseload at 19, two above the team's agreed level. Agreed "
     "which two cases can transfer at the next allocation meeting."),
    ("Recording up to date", "Case notes are within 48 hours on all but one case. The "
     "outstanding visit notes will be finished this week."),
    ("Timeliness of assessments", "All assessments this month completed within timescales. "
     "One extension was agreed with the team manager in advance."),
]
DEVELOPMENT = [
    ("Court skills training", "Talked through what went well in the last statement and "
     "what legal asked to change. Booked onto the court skills course."),
    ("Learning from the practice audit", "The audit rated the last assessment as good. The "
     "analysis of the father's role was the main learning point."),
    ("Reflective reading: disguised compliance", "Discussed the research and how it fits "
     "two current families. Will bring a reflective log next time."),
    ("Preparing to chair a core group", "Went through the agenda and how to keep the "
     "meeting focused on the child's plan."),
    ("Progress on this year's learning goals", "Two of the three goals on track; the "
     "systemic practice module starts next month."),
]
SUPPORT = [
    ("Impact of a difficult home visit", "Talked about the visit where the parent shouted "
     "and blocked the door. Felt shaken for the rest of the day; agreed on joint visits "
     "for that family for now."),
    ("Workload pressure and leave", "Feeling stretched with court work. Has leave booked "
     "next month and will protect it."),
    ("Managing a complaint", "A parent's complaint is taking up a lot of headspace. Talked "
     "through the process and what support is available."),
    ("How things are going", "Sleeping better since the caseload came down. Wants to keep "
     "the Friday afternoon for recording."),
    ("After a child's death on a colleague's caseload", "The team has been affected. Talked "
     "about how it has landed and the support sessions on offer."),
]
ACTIONS = {
    "performance": ["Update the chronology for {ref}", "Book the review meeting for {ref}",
                    "Send the plan to the family and the school for {ref}",
                    "Ask legal for advice on {ref}"],
    "development": ["Book onto the court skills course", "Bring a reflective log to the next "
                    "session", "Read the briefing on disguised compliance",
                    "Arrange to shadow a conference chair"],
}
OUTCOMES = ["Done: {what}.", "Completed and recorded on the case file.",
            "Done before the deadline.", "Completed; the family have a copy."]
DROPPED = "No longer needed: the case closed before it was due."
SAFEGUARDING_REASON = ("The practitioner described a colleague's conduct towards a young "
                       "person that meets the threshold for a LADO referral.")
DISPUTE_COMMENT = ("The record says I agreed to close the case at the next review. I said I "
                   "would consider it once the school had reported; I did not agree to close.")
KEPT_COMMENT = ("I do not agree that my recording was late: the visit notes were held up by "
                "the system outage that week.")
NOT_REACHED = "Not reached: we ran out of time. Agreed it could wait until next time."


def _stamp(day: date, hour: int, minute: int = 0) -> str:
    return clock.stamp(datetime.combine(day, time(hour, minute), tzinfo=clock.LONDON))


def _split(total: int, parts: int, rng) -> list[int]:
    """`total` minutes over `parts` items, in fives, none zero when it can be helped."""
    if parts <= 0:
        return []
    units = max(total // 5, parts)
    cuts = sorted(rng.sample(range(1, units), parts - 1)) if parts > 1 and units > parts else []
    if parts > 1 and not cuts:
        cuts = list(range(1, parts))
    edges = [0] + cuts + [units]
    return [5 * (b - a) for a, b in zip(edges, edges[1:])]


def _shares(username: str, index: int, count: int, rng) -> dict:
    """The share of each function in one session; Chloe's support fades."""
    performance = rng.uniform(0.38, 0.52)
    development = rng.uniform(0.2, 0.3)
    support = 1 - performance - development
    if username == FADING:
        back = count - index  # 1 = her latest session
        if back <= 3:
            support = 0.0
        elif back <= 6:
            support = 0.06
        elif back <= 9:
            support = 0.15
        else:
            support = rng.uniform(0.28, 0.36)
        rest = 1 - support
        performance, development = rest * 0.62, rest * 0.38
    return {"performance": performance, "development": development, "support": support}


def load_records(db, people: dict, today: date) -> None:
    names = {v: k for k, v in people.items()}
    rng = random.Random("records")
    rows = table.summaries(db, _arrangement_ids(db))
    by_arrangement: dict[int, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["held_on"] or "", r["session_id"])):
        if row["session_status"] == "held" and row["record_id"] is None:
            by_arrangement.setdefault(row["arrangement_id"], []).append(row)
    ids = table.next_ids(db)
    out = {"records": [], "agenda_items": [], "actions": [], "record_disputes": [],
           "addenda": []}
    flagged = False
    for arrangement_id in sorted(by_arrangement):
        held = by_arrangement[arrangement_id]
        supervisee = names[held[0]["supervisee_id"]]
        ended = table.arrangement_ended(db, arrangement_id)
        open_actions: list[dict] = []
        for index, row in enumerate(held):
            day = date.fromisoformat(row["held_on"])
            latest = index == len(held) - 1
            _close_before(open_actions, day, rng)
            record, items, actions = _record(db, row, ids, supervisee, index, len(held),
                                             open_actions, rng)
            out["records"].append(record)
            out["agenda_items"] += items
            out["actions"] += actions
            open_actions = [a for a in open_actions if a["status"] == "open"] + actions
            mine_all = [a for a in out["actions"] if a["arrangement_id"] == arrangement_id]
            recent = latest and not ended and day > today - timedelta(days=30)
            _lifecycle(record, row, supervisee, index, len(held), recent, ended, today, ids,
                       out, rng)
            if supervisee == FLAGGED and not flagged and len(held) - index <= 4 and not ended:
                flagged = _flag(items, row, day)
        # Past the last session: everything due before today is closed, except the
        # overdue set pieces; later ones stay open for the next session.
        keep_overdue = supervisee in OVERDUE_OWNERS and not ended
        kept = False
        for a in open_actions:
            if a["due_date"] < today.isoformat():
                if keep_overdue and not kept and a["owner_id"] == people[supervisee]:
                    kept = True
                    continue
                _close(a, date.fromisoformat(a["due_date"]), "done", rng)
        if keep_overdue and not kept:  # reopen the supervisee's latest action already due
            mine = [a for a in mine_all if a["owner_id"] == people[supervisee]
                    and a["due_date"] < today.isoformat()]
            if mine:
                mine[-1].update(status="open", outcome="", closed_at=None, closed_by=None)
    out["actions"] = [{k: v for k, v in a.items() if k != "function"} for a in out["actions"]]
    table.insert_demo(db, out)


def _arrangement_ids(db) -> list[int]:
    return table.all_arrangement_ids(db)


def _close_before(open_actions: list[dict], day: date, rng) -> None:
    """Most actions due before this session were closed by then; some carry on."""
    for a in open_actions:
        if a["status"] != "open" or a["due_date"] >= day.isoformat():
            continue
        roll = rng.random()
        if roll < 0.75:
            _close(a, date.fromisoformat(a["due_date"]), "done", rng)
        elif roll < 0.82:
            _close(a, day, "dropped", rng)


def _close(a: dict, on: date, status: str, rng) -> None:
    outcome = DROPPED if status == "dropped" else rng.choice(OUTCOMES).format(
        what=a["description"][0].lower() + a["description"][1:])
    a.update(status=status, outcome=outcome, closed_at=_stamp(on, 16, 10),
             closed_by=a["owner_id"], updated_at=_stamp(on, 16, 10))


def _item(ids: dict, session_id: int, position: int, stamp: str, **fields) -> dict:
    ids["agenda_items"] += 1
    row = {"id": ids["agenda_items"], "session_id": session_id, "position": position,
           "source": "supervisor", "title": "", "function": "performance", "case_ref": "",
           "wants": "", "action_id": None, "discussion": "", "minutes": None,
           "situation": "", "analysis": "", "risk": "", "risk_score": None, "decision": "",
           "rationale": "", "next_review": None, "safeguarding": 0, "safeguarding_reason": "",
           "safeguarding_by": None, "safeguarding_at": None, "revision": 1,
           "created_at": stamp, "updated_at": stamp}
    row.update(fields)
    return row


def _record(db, row: dict, ids: dict, supervisee: str, index: int, count: int,
            open_actions: list[dict], rng) -> tuple[dict, list[dict], list[dict]]:
    day = date.fromisoformat(row["held_on"])
    stamp = _stamp(day, 17, 30)
    sid = row["session_id"]
    ids["records"] += 1
    record = {"id": ids["records"], "session_id": sid, "status": "draft", "revision": 1,
              "created_at": _stamp(day, 9, 0), "updated_at": stamp, "first_shared_at": None,
              "shared_at": None, "supervisor_signed_at": None, "supervisee_signed_at": None,
              "agreed_at": None}
    shares = _shares(supervisee, index, count, rng)
    minutes_total = row["held_minutes"] or 90
    budget = {f: int(round(minutes_total * s / 5)) * 5 for f, s in shares.items()}
    planned: dict[str, list[dict]] = {"performance": [], "development": [], "support": []}
    items: list[dict] = []

    def place(function: str, **fields):
        item = _item(ids, sid, 0, stamp, function=function, **fields)
        planned[function].append(item)
        return item

    reflection = reflection_table.for_session(db, sid)
    if reflection and reflection["submitted_at"]:
        versions = reflection_table.versions(db, reflection["id"])
        for proposed in versions[0]["content"]["agenda"] if versions else []:
            f = proposed["function"]
            item = place(f, source="supervisee", title=proposed["title"],
                         case_ref=proposed.get("case_ref") or "",
                         wants=proposed.get("wants") or "",
                         discussion=_discussion_for(f, rng))
            if not budget[f]:
                item["discussion"] = NOT_REACHED
    for a in open_actions:
        if a["status"] == "open":
            place(a["function"], source="action", action_id=a["id"],
                  title=f"Action: {a['description']}",
                  discussion="Progress checked; the action stays open." if a["due_date"] >=
                  day.isoformat() else "Overdue: agreed what is in the way and a new plan.")
    ref = f"CS-{rng.randint(100000, 199999)}"
    case = rng.choice(CASES)
    review = add_working_days(day, rng.choice([10, 15, 20]))
    place("performance", title=case["title"].format(ref=ref), case_ref=ref,
          discussion="Talked through the case, using the Signs of Safety framework.",
          situation=case["situation"], analysis=case["analysis"], risk=case["risk"],
          risk_score=rng.randint(3, 8), decision=case["decision"],
          rationale=case["rationale"], next_review=review.isoformat())
    if rng.random() < 0.5:
        title, text = rng.choice(PERFORMANCE)
        place("performance", title=title, discussion=text)
    if not planned["development"] and budget["development"]:
        title, text = DEVELOPMENT[(index + rng.randint(0, 4)) % len(DEVELOPMENT)]
        place("development", title=title, discussion=text)
    if not planned["support"] and budget["support"]:
        title, text = SUPPORT[(index + rng.randint(0, 4)) % len(SUPPORT)]
        place("support", title=title, discussion=text)
    for function, placed in planned.items():
        reached = [i for i in placed if i["discussion"] != NOT_REACHED]
        for item, m in zip(reached, _split(budget[function], len(reached), rng)):
            item["minutes"] = m
        for item in placed:
            if item["minutes"] is None:
                item["minutes"] = 0
        items += placed
    rng.shuffle(items)
    items.sort(key=lambda i: {"supervisee": 0, "action": 1}.get(i["source"], 2))
    for position, item in enumerate(items):
        item["position"] = position
    actions = []
    for item in [i for i in items if i["source"] != "action" and i["function"] != "support"]:
        if rng.random() < (0.9 if item["case_ref"] else 0.35):
            ids["actions"] += 1
            owner = row["supervisee_id"] if rng.random() < 0.75 else row["supervisor_id"]
            text = rng.choice(ACTIONS[item["function"]]).format(ref=item["case_ref"] or ref)
            actions.append({"id": ids["actions"], "arrangement_id": row["arrangement_id"],
                            "session_id": sid, "agenda_item_id": item["id"],
                            "owner_id": owner, "description": text,
                            "due_date": on_or_after(day + timedelta(days=rng.randint(7, 28))
                                                    ).isoformat(),
                            "status": "open", "outcome": "", "closed_at": None,
                            "closed_by": None, "created_at": stamp, "updated_at": stamp,
                            "function": item["function"]})
    return record, items, actions


def _discussion_for(function: str, rng) -> str:
    bank = {"performance": PERFORMANCE, "development": DEVELOPMENT, "support": SUPPORT}[function]
    return rng.choice(bank)[1]


def _lifecycle(record: dict, row: dict, supervisee: str, index: int, count: int,
               latest_open: bool, ended: bool, today: date, ids: dict, out: dict,
               rng) -> None:
    """Shared within the contract's working days, then signed: agreed. Set pieces aside."""
    day = date.fromisoformat(row["held_on"])
    due = share_by(day, row["share_within_days"])
    back = count - index
    if latest_open:
        if supervisee in DRAFT_LATEST and due >= today:
            return  # still a draft, and not late
        shared = min(add_working_days(day, rng.randint(1, 2)), today)
        record.update(status="shared", first_shared_at=_stamp(shared, 15, 20),
                      shared_at=_stamp(shared, 15, 20),
                      supervisor_signed_at=_stamp(shared, 15, 20))
        return
    late = supervisee == SHARED_LATE and index == max(0, count - 12)
    shared = add_working_days(due, 3) if late else \
        add_working_days(day, rng.randint(1, max(1, row["share_within_days"] - 1)))
    shared = min(shared, today)
    signed = min(add_working_days(shared, rng.randint(1, 4)), today)
    record.update(status="agreed", first_shared_at=_stamp(shared, 15, 20),
                  shared_at=_stamp(shared, 15, 20), supervisor_signed_at=_stamp(shared, 15, 20),
                  supervisee_signed_at=_stamp(signed, 10, 5), agreed_at=_stamp(signed, 10, 5),
                  revision=3)
    if supervisee == DISPUTED and back == 2 and not ended:
        ids["record_disputes"] += 1
        record.update(status="disputed", supervisor_signed_at=None, supervisee_signed_at=None,
                      agreed_at=None)
        out["record_disputes"].append({
            "id": ids["record_disputes"], "record_id": record["id"],
            "by_id": row["supervisee_id"], "comment": DISPUTE_COMMENT,
            "created_at": _stamp(signed, 10, 5), "resolved_at": None, "resolution": None})
    elif supervisee == KEPT_DISPUTE and back == 8:
        ids["record_disputes"] += 1
        out["record_disputes"].append({
            "id": ids["record_disputes"], "record_id": record["id"],
            "by_id": row["supervisee_id"], "comment": KEPT_COMMENT,
            "created_at": _stamp(signed, 10, 5), "resolved_at": _stamp(signed, 14, 0),
            "resolution": "kept"})
        record.update(supervisee_signed_at=None, supervisor_signed_at=_stamp(signed, 14, 0),
                      agreed_at=_stamp(signed, 14, 0))
    elif back == 5 and supervisee in ("sam.taylor", "ollie.grant"):
        ids["addenda"] += 1
        out["addenda"].append({
            "id": ids["addenda"], "record_id": record["id"], "author_id": row["supervisor_id"],
            "body": "Correction: the review meeting is on the 14th, not the 4th as recorded.",
            "created_at": _stamp(signed + timedelta(days=3), 11, 0)})


def _flag(items: list[dict], row: dict, day: date) -> bool:
    support = [i for i in items if i["function"] == "support" and i["minutes"]]
    if not support:
        return False
    support[0].update(safeguarding=1, safeguarding_reason=SAFEGUARDING_REASON,
                      safeguarding_by=row["supervisor_id"], safeguarding_at=_stamp(day, 16, 0),
                      title="A colleague's conduct with a young person",
                      discussion="Talked about what was seen on the joint visit and how it "
                                 "has affected the practitioner. Agreed the concern must go "
                                 "to the LADO today; the supervisor will make the referral.")
    return True
