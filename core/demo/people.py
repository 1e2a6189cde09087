"""The demo's people, teams and arrangements."""

from datetime import date, datetime, time, timedelta

from db import arrangements as arrangement_table
from db import teams as team_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.people.sign_in import hash_password

DEMO_PASSWORD = "supervision-demo"
GO_LIVE_MONTHS = 18  # the portal "went live" this long before the load date

TEAMS = [
    ("Assessment and Intervention", "priya.shah"),
    ("Children in Care", "daniel.okafor"),
]

# username, name, job title, team (index into TEAMS or None), admin, fte
PEOPLE = [
    ("admin", "Alex Morgan", "Systems administrator", None, True, 1.0),
    ("priya.shah", "Priya Shah", "Team manager", 0, False, 1.0),
    ("daniel.okafor", "Daniel Okafor", "Team manager", 1, False, 1.0),
    ("helen.carter", "Helen Carter", "Practice supervisor", 0, False, 1.0),
    ("marcus.reid", "Marcus Reid", "Practice supervisor", 1, False, 1.0),
    ("aisha.begum", "Aisha Begum", "Child protection adviser", None, False, 1.0),
    ("sam.taylor", "Sam Taylor", "Social worker", 0, False, 1.0),
    ("jordan.ellis", "Jordan Ellis", "Newly qualified social worker (ASYE)", 0, False, 1.0),
    ("chloe.wright", "Chloe Wright", "Senior social worker", 0, False, 1.0),
    ("tom.baker", "Tom Baker", "Social worker", 0, False, 1.0),
    ("zara.hussain", "Zara Hussain", "Family support worker", 0, False, 0.6),
    ("ollie.grant", "Ollie Grant", "Social worker", 1, False, 1.0),
    ("megan.price", "Megan Price", "Social worker", 1, False, 1.0),
    ("ravi.patel", "Ravi Patel", "Senior social worker", 1, False, 1.0),
    ("grace.holt", "Grace Holt", "Social worker", 1, False, 1.0),
    ("liam.oconnor", "Liam O'Connor", "Personal adviser", 1, False, 1.0),
    ("nadia.khan", "Nadia Khan", "Quality assurance officer", None, False, 1.0),
]

# supervisor, supervisee, kind, months ago it started, months ago it ended
ARRANGEMENTS = [
    ("priya.shah", "helen.carter", "line", 30, None),
    ("daniel.okafor", "marcus.reid", "line", 30, None),
    ("helen.carter", "sam.taylor", "line", 24, None),
    ("helen.carter", "jordan.ellis", "line", 5, None),
    ("helen.carter", "chloe.wright", "line", 26, None),
    ("marcus.reid", "tom.baker", "line", 28, 9),
    ("helen.carter", "tom.baker", "line", 9, None),
    ("helen.carter", "zara.hussain", "line", 20, None),
    ("marcus.reid", "ollie.grant", "line", 22, None),
    ("marcus.reid", "megan.price", "line", 25, None),
    ("marcus.reid", "ravi.patel", "line", 27, None),
    ("aisha.begum", "ravi.patel", "child_protection", 18, None),
    ("marcus.reid", "grace.holt", "line", 21, None),
    ("marcus.reid", "liam.oconnor", "line", 23, None),
]

ACCOUNTS = [
    ("Admin", "admin"),
    ("Team lead (also a supervisor)", "priya.shah"),
    ("Supervisor (also supervised by a team lead)", "helen.carter"),
    ("Child protection supervisor", "aisha.begum"),
    ("Supervisee", "sam.taylor"),
    ("Newly qualified supervisee (ASYE)", "jordan.ellis"),
    ("Supervisee with a child protection supervisor", "ravi.patel"),
    ("File auditor (named for the whole service)", "nadia.khan"),
]


def months_ago(today: date, months: int) -> date:
    return today - timedelta(days=round(months * 30.44))


def load_people(db, today: date) -> dict:
    hashed = hash_password(DEMO_PASSWORD)  # hashed once: every demo account shares it
    # entered when the portal went live: dated from `today`, like everything in the demo
    go_live = months_ago(today, GO_LIVE_MONTHS)
    created = clock.stamp(datetime.combine(go_live, time(9, 0), tzinfo=clock.LONDON))
    people, team_ids = {}, []
    for name, _lead in TEAMS:
        team_ids.append(team_table.insert(db, {"name": name, "created_at": created}))
    for username, name, title, team, is_admin, fte in PEOPLE:
        people[username] = user_table.insert(
            db,
            {
                "username": username, "name": name, "job_title": title,
                "email": f"{username}@example.gov.uk", "password_hash": hashed,
                "is_admin": int(is_admin), "team_id": team_ids[team] if team is not None else None,
                "fte": fte, "created_at": created,
            },
        )
    for team_id, (_name, lead) in zip(team_ids, TEAMS):
        team_table.update(db, team_id, lead_id=people[lead])
    for supervisor, supervisee, kind, started, ended in ARRANGEMENTS:
        arrangement_table.insert(
            db,
            {
                "supervisor_id": people[supervisor], "supervisee_id": people[supervisee],
                "kind": kind, "start_date": months_ago(today, started).isoformat(),
                # ends the day before the next arrangement starts
                "end_date": (months_ago(today, ended) - timedelta(days=1)).isoformat()
                if ended else None,
                "created_at": created,
            },
        )
    audit.record(db, None, "demo_loaded", "organisation", None)
    return people
