"""The demo's reflections and journals: submitted reflections on held sessions,
varied across prompt sets and functions, a draft in progress for Sam Taylor's
next session, wellbeing that moves over time, and a few journal entries.

It works on whatever sessions exist when it runs, and does nothing for sessions
that do not exist. Cases are named by their case reference only.
"""

import random
from datetime import date, datetime, time, timedelta

from db import journal as journal_table
from db import prompt_sets as prompt_table
from db import reflections as table

from core import clock
from core.admin import audit
from core.preparation.reflections import agenda_item, blank_answers, session_date, version_content

# Answers by prompt set and position: each prompt gets one of these, in turn.
ANSWERS = {
    "kolb_morrison": [
        ["Joint home visit with the health visitor after the missed appointments. Mum was "
         "guarded at first; the baby was clean and settled but the flat was very cold.",
         "Strategy discussion about bruising reported by school (CR-104233). Police, health "
         "and school were there; we agreed a single-agency section 47 enquiry.",
         "Core group meeting where Dad disagreed with the plan and left early. I summarised "
         "the worries in writing afterwards and sent them to both parents."],
        ["Anxious beforehand, and relieved afterwards that it went better than I feared. I "
         "noticed I wanted Mum to be doing well, which may have made me less curious.",
         "I felt out of my depth when the police officer challenged my chronology. It stayed "
         "with me that evening.",
         "Frustrated, honestly. Then worried that my frustration showed and made things worse."],
        ["Research on disguised compliance fits: engagement looks good at visits but the "
         "actions in the plan are not happening. I had been counting visits, not change.",
         "Thinking about attachment and the older child's role as a carer. The "
         "'parentification' literature explains a lot of what school describe.",
         "The Graded Care Profile would give us a clearer picture than my impressions do."],
        ["Risk is rising rather than falling: three missed health appointments and school "
         "attendance at 71%. I am not sure the Child in Need plan is enough any more.",
         "The plan is broadly right, but the contingency plan is vague and needs to say what "
         "happens if Dad returns to the home.",
         "Need is mostly met; the risk is in the evenings, which none of the plan covers."],
        ["Complete the GCP2 assessment within four weeks; ask for a legal planning meeting "
         "if nothing changes by the review.",
         "Rewrite the contingency plan with the family at the next core group, in their words.",
         "Book time with the practice educator to go through my chronology writing."],
    ],
    "gibbs": [
        ["A child in care review where the young person (CR-118902) refused to come in. I "
         "chaired part of it while the IRO was delayed.",
         "First court statement for a PLO case. I wrote it over two weeks and filed it on "
         "time, but legal sent it back twice.",
         "A placement disruption on a Friday afternoon. I found an emergency foster carer "
         "by 8pm."],
        ["Nervous about getting it wrong in front of the parents' solicitor. Afterwards, "
         "proud that the evidence held up.",
         "Exhausted and a bit numb by the end of the day. I felt I had let the young person "
         "down by moving them again.",
         "Unsure of myself, and then more confident once the IRO backed my view."],
        ["The analysis section was strong; the chronology was too long and repeated itself.",
         "Good: the young person's views were central. Less good: I did not prepare the "
         "carers for the meeting.",
         "I kept everyone safe, but the paperwork fell behind for a week."],
        ["Out-of-hours pressure and no placement sufficiency made a poor match likely. The "
         "Children Act duty was met; the quality of the match was not.",
         "I wrote for the court the way I write case notes. The practice direction on "
         "statements expects a different structure.",
         "The meeting drifted because nobody agreed its purpose at the start."],
        ["I could have asked for help earlier instead of trying to do it alone.",
         "I have learned to separate facts, analysis and opinion clearly in anything "
         "written for court.",
         "Preparing everyone beforehand matters more than the meeting itself."],
        ["Use the statement template and book a legal consultation before the first draft.",
         "Next time, call the carers the day before and check what the young person wants "
         "to say.",
         "Ask for a duty colleague at 3pm on a Friday when a placement looks shaky."],
    ],
    "signs_of_safety": [
        ["Domestic abuse: police called out twice since the last conference (MARAC on "
         "CR-120877). The children were in the house both times. Mum minimises it.",
         "Neglect: the two youngest often miss school and arrive hungry. Home conditions "
         "have dipped again since the support worker stopped visiting.",
         "Criminal exploitation: the 15-year-old (CR-131456) goes missing overnight and "
         "came back with new phones and cash. The NRM referral is in."],
        ["Grandmother is protective and has the children most weekends. Mum has kept every "
         "appointment with the domestic abuse service.",
         "The school nurse and the family support worker have a good relationship with "
         "Mum. The eldest talks openly to their teacher.",
         "The young person trusts the youth worker and texts her when he feels unsafe."],
        ["A safety plan the children understand, with Grandmother as a named safe adult; "
         "Dad's contact supervised until the perpetrator programme is complete.",
         "Daily school attendance checked by the school and a weekly home visit, with a "
         "clear review date for step-down.",
         "Disruption plan agreed with police; a return home interview after every missing "
         "episode; a contextual safeguarding meeting for the peer group."],
        ["4: safety is there at weekends, not yet during the week.",
         "6: things are better than in the spring, but it depends on one worker.",
         "3: the risks outside the home are growing faster than our plan."],
        ["If Mum told the children's school about the safety plan herself, I would move "
         "to a 5. I want to learn more about safety planning with children.",
         "A second safe adult in the network. I would like to try a family network "
         "meeting, which I have not run before.",
         "Getting the peer group mapped. Training on contextual safeguarding would help."],
    ],
    "grow": [
        ["To be ready to take on court work by the spring.",
         "To get my caseload back to a level where I can do direct work, not only visits.",
         "To complete the practice educator award this year."],
        ["I have shadowed two hearings. My caseload is 21 children, above the team's "
         "target of 18. Two cases are in pre-proceedings.",
         "Three assessments are overdue. I am working late most days.",
         "I have a student placement arranged but no time blocked out for it."],
        ["Ask to co-work a PLO case with a senior; the legal training in March; a mentor "
         "from the court team.",
         "Transfer two stable Child in Need cases; protect Friday mornings for writing.",
         "Swap a duty day; ask the principal social worker for protected study time."],
        ["Co-work the next PLO case; booked onto the March training; review in June.",
         "Ask for two transfers by the end of the month; we will check the caseload at "
         "every session.",
         "Agree protected time with the team manager by next supervision."],
    ],
    "restorative": [
        ["Tired but steady. A heavy week with two visits that ran late.",
         "Not great. Home life is busy and work has been relentless.",
         "Good, actually. The court case ended well."],
        ["A visit where a young child told me they were scared at bedtime. I keep hearing "
         "it when I am trying to sleep.",
         "The serious case review training brought back a case from my last team.",
         "A parent shouted at me in reception in front of colleagues."],
        ["Talking to colleagues in the office helped. Time to write up properly has been "
         "hard to find.",
         "Walking at lunchtime. The team's group chat. I have not used the employee "
         "assistance line but I know it is there.",
         "Peer supervision on Thursdays. Not much else at the moment."],
        ["Just about, but only because I am working evenings.",
         "No. Two new cases this month and no one has gone off my list.",
         "Yes for now."],
        ["To be asked how I am, like this. And a clear answer about the caseload.",
         "Time back after the court weeks, and to debrief after hard visits the same day.",
         "Some reassurance that the decisions I am making are the right ones."],
    ],
}
# Sets each demo supervisee tends to use, in turn.
HABITS = {
    "sam.taylor": ["kolb_morrison", "signs_of_safety", "restorative"],
    "jordan.ellis": ["gibbs", "kolb_morrison"],
    "chloe.wright": ["grow", "signs_of_safety"],
    "tom.baker": ["restorative", "gibbs"],
    "zara.hussain": ["restorative", "grow"],
    "ravi.patel": ["signs_of_safety", "kolb_morrison"],
    "helen.carter": ["grow", "restorative"],
    "marcus.reid": ["grow"],
}
DEFAULT_HABIT = ["kolb_morrison", "gibbs", "signs_of_safety", "grow", "restorative"]
# Agenda items the demo supervisees propose, by the function each serves:
# (title, case reference or "", what they want from supervision).
TOPICS = {
    "performance": [
        ("Drift in the child protection plan", "CR-104233", "decision"),
        ("Step down to Child in Need?", "CR-120877", "decision"),
        ("Missing episodes and the NRM referral", "CR-131456", "advice"),
        ("Pre-proceedings letter and the PLO meeting", "CR-118902", "advice"),
        ("Caseload and overdue assessments", "", "support"),
    ],
    "development": [
        ("Court skills training in March", "", "advice"),
        ("Reflecting on the strategy discussion", "CR-104233", "reflection"),
        ("Using the Graded Care Profile", "CR-109514", "reflection"),
        ("ASYE portfolio: next piece of evidence", "", "advice"),
    ],
    "support": [
        ("A visit that stayed with me", "", "support"),
        ("Working late and tiredness", "", "support"),
        ("After the complaint from a parent", "CR-127730", "reflection"),
    ],
}
AGENDA = [(title, function, case, want) for function, topics in TOPICS.items()
          for title, case, want in topics]
# Wellbeing over the months (oldest first) for people whose story the demo tells.
WELLBEING = {
    "sam.taylor": ([7, 7, 6, 6, 5, 5, 4, 4, 3, 4, 5, 5], True),
    "jordan.ellis": ([5, 6, 6, 7, 7, 8], True),
    "tom.baker": ([6, 5, 5, 6, 4, 5, 6, 6, 7, 7], False),
    "helen.carter": ([6, 6, 7, 5, 6, 6], True),
}
NOTES = {
    "low": ["Struggling to switch off in the evenings.", "Court week and not sleeping well.",
            "Feeling stretched thin with the new cases."],
    "mid": ["Tired but coping.", "Up and down this month.", "Busy, manageable."],
    "high": ["Feeling settled in the team.", "A good month.", "More confident lately."],
}
JOURNAL = {
    "sam.taylor": [
        (40, "After the strategy discussion", "performance",
         "I went in underprepared and it showed. Next time: chronology printed, the "
         "questions I need answered written down first."),
        (21, "The cold flat", "support",
         "I keep thinking about how cold that flat was. I did the right things on the "
         "day, but it is the thing I picture when I cannot sleep."),
        (9, "Why I do this", None,
         "The eldest said thank you at the end of the review. Writing it down so I remember "
         "it on the bad days."),
        (2, "", "development",
         "Want to read more on disguised compliance before supervision; ask Helen for the "
         "briefing she mentioned."),
    ],
    "jordan.ellis": [
        (30, "First week on duty", "support",
         "Overwhelming. Everyone was kind but I did not know where anything was."),
        (12, "Feedback on my assessment", "development",
         "The analysis was thin. I described a lot and concluded little. Practise writing "
         "'what this means for the child' after every section."),
    ],
    "helen.carter": [
        (15, "Holding the team's worry", "support",
         "Three people cried in supervision this month. Who supervises the supervisor? "
         "Take it to Priya."),
    ],
}


def _at(day: date, hour: int) -> str:
    return clock.stamp(datetime.combine(day, time(hour), tzinfo=clock.LONDON))


def _answered(chosen: dict, turn: int, partly: bool = False) -> list[dict]:
    answers = blank_answers(chosen)
    bank = ANSWERS.get(chosen["key"], [])
    for n, answer in enumerate(answers):
        if partly and n >= 2:
            break
        if n < len(bank):
            answer["answer"] = bank[n][(turn + n) % len(bank[n])]
        if answer["asks_scale"]:
            answer["scale"] = 3 + (turn * 2) % 5
    return answers


def _agenda(turn: int, count: int) -> list[dict]:
    return [agenda_item(*AGENDA[(turn * 3 + i * 5) % len(AGENDA)]) for i in range(count)]


def _wellbeing(username: str, turn: int, total: int, rng: random.Random) -> tuple:
    """(score, note, shared): a story for some people, a gentle wander for the rest."""
    story = WELLBEING.get(username)
    if story:
        scores, shared = story
        score = scores[max(0, len(scores) - total + turn)] if total else scores[-1]
    else:
        score, shared = max(2, min(9, 6 + rng.choice([-2, -1, 0, 0, 1, 1]))), rng.random() < 0.5
    band = "low" if score <= 4 else "mid" if score <= 6 else "high"
    return score, NOTES[band][turn % 3], shared


def load_reflections(db, people: dict, today: date | None = None) -> None:
    today = today or clock.today()
    _journal(db, people, today)
    targets = table.demo_targets(db)
    if not targets:
        return
    usernames = {user_id: name for name, user_id in people.items()}
    sets = {s["key"]: prompt_table.get(db, s["id"]) for s in prompt_table.listing(db)
            if not s["retired_at"]}
    next_id = table.next_id(db)
    rows, versions = [], []
    by_person: dict[int, list[dict]] = {}
    for target in targets:
        by_person.setdefault(target["supervisee_id"], []).append(target)
    for supervisee_id, sessions in by_person.items():
        username = usernames.get(supervisee_id, "")
        rng = random.Random(supervisee_id)
        habit = [k for k in HABITS.get(username, DEFAULT_HABIT) if k in sets] or list(sets)
        held = [s for s in sessions if s["status"] == "held"]
        upcoming = [s for s in sessions if s["status"] == "planned"
                    and session_date(s["scheduled_at"]) >= today]
        for turn, target in enumerate(held):
            if not sets or rng.random() < 0.15:
                continue  # not everyone prepares every time
            chosen = sets[habit[turn % len(habit)]]
            score, note, shared = _wellbeing(username, turn, len(held), rng)
            row = _row(next_id, target, chosen, _answered(chosen, turn),
                       _agenda(turn, 1 + turn % 3), score, note, shared)
            day_before = session_date(target["scheduled_at"]) - timedelta(days=1 + turn % 2)
            submitted = _at(day_before, 17)
            row.update(saved_at=submitted, submitted_at=submitted)
            versions.append({"reflection_id": next_id, "number": 1, "submitted_at": submitted,
                             "content": version_content(row, chosen["name"])})
            rows.append(row)
            next_id += 1
        if upcoming and sets and username == "sam.taylor":
            chosen = sets.get("signs_of_safety") or next(iter(sets.values()))
            row = _row(next_id, upcoming[0], chosen, _answered(chosen, 1, partly=True),
                       _agenda(4, 1), 5, "Court week coming up.", False)
            row.update(saved_at=_at(today - timedelta(days=1), 20))
            rows.append(row)  # a draft in progress: never submitted
            next_id += 1
        elif upcoming and sets and username == "jordan.ellis":
            # ready for the supervisor, submitted twice: earlier versions are kept
            chosen = sets.get("gibbs") or next(iter(sets.values()))
            row = _row(next_id, upcoming[0], chosen, _answered(chosen, 2), _agenda(2, 1),
                       8, "More confident lately.", True)
            first = _at(today - timedelta(days=2), 18)
            versions.append({"reflection_id": next_id, "number": 1, "submitted_at": first,
                             "content": version_content(row, chosen["name"])})
            row["agenda"] = row["agenda"] + _agenda(5, 1)
            latest = _at(today - timedelta(days=1), 9)
            row.update(saved_at=latest, submitted_at=latest)
            versions.append({"reflection_id": next_id, "number": 2, "submitted_at": latest,
                             "content": version_content(row, chosen["name"])})
            rows.append(row)
            next_id += 1
    table.insert_many(db, rows, versions)
    audit.record(db, None, "demo_reflections_loaded", "reflection", None, reflections=len(rows))


def _row(rid: int, target: dict, chosen: dict, answers: list, agenda: list, score, note,
         shared) -> dict:
    return {"id": rid, "session_id": target["id"], "supervisee_id": target["supervisee_id"],
            "prompt_set_id": chosen["id"], "answers": answers, "agenda": agenda,
            "wellbeing_score": score, "wellbeing_note": note, "wellbeing_shared": int(shared),
            "revision": 3}


def _journal(db, people: dict, today: date) -> None:
    rows = []
    for username, entries in JOURNAL.items():
        if username not in people:
            continue
        for days_ago, title, function, body in entries:
            written = _at(today - timedelta(days=days_ago), 19)
            rows.append({"user_id": people[username], "title": title, "body": body,
                         "function": function, "created_at": written, "updated_at": written})
    journal_table.insert_many(db, rows)
