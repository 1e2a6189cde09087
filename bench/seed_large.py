"""Seed a large authority for the benchmark: 5,000 staff, 10 years of monthly sessions.

    .venv/bin/python bench/seed_large.py data/large.db [--staff 5000] [--years 10]

The demo organisation is loaded first, so the same demo people can be timed on
a small and a large database. Then the authority is added in bulk: teams of
ten (a team lead, a practice supervisor, eight practitioners), each
practitioner supervised monthly for ten years, with records, agenda items
across the three functions, actions and submitted reflections.
"""

import argparse
import json
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import db as storage  # noqa: E402
from core import clock  # noqa: E402
from core.people import sign_in as auth
from core.admin import setup
from core.preparation.reflections import version_content  # noqa: E402
from db import bulk  # noqa: E402

FUNCTIONS = ("performance", "development", "support")
# A submitted version in the shape the portal stores (wellbeing kept private).
EMPTY_VERSION = json.dumps(version_content(
    {"prompt_set_id": None, "answers": [], "agenda": [], "wellbeing_shared": 0,
     "wellbeing_score": None, "wellbeing_note": ""}, None))
TEAM_SIZE = 10


def stamp(d: date, hour: int = 10) -> str:
    return datetime(d.year, d.month, d.day, hour, tzinfo=timezone.utc).isoformat()


def seed(path: Path, staff: int, years: int) -> dict:
    rng = random.Random(20261123)
    database = storage.connect(path)
    if setup.needs_setup(database):
        setup.load_demo(database)
    today = clock.today()
    start = today - timedelta(days=365 * years)
    created = clock.stamp()
    hashed = auth.hash_password("benchmark-password")
    counts = {}
    with database.atomic():
        team_id = bulk.next_id(database, "teams")
        user_id = bulk.next_id(database, "users")
        teams_n = staff // TEAM_SIZE
        teams, users, arrangements = [], [], []
        for t in range(teams_n):
            lead = user_id
            teams.append({"id": team_id + t, "name": f"Locality team {t + 1:04d}",
                          "lead_id": None, "created_at": created})
            for m in range(TEAM_SIZE):
                users.append({
                    "id": user_id, "username": f"staff{user_id:05d}",
                    "name": f"Staff Member {user_id:05d}", "email": "",
                    "job_title": ["Team manager", "Practice supervisor"][m] if m < 2
                    else "Social worker",
                    "password_hash": hashed, "team_id": team_id + t,
                    "fte": 1.0 if m % 5 else 0.6, "created_at": created,
                })
                user_id += 1
            supervisor = lead + 1
            arrangements.append((lead, supervisor))
            arrangements += [(supervisor, lead + m) for m in range(2, TEAM_SIZE)]
            teams[-1]["lead_id"] = lead
        bulk.insert_rows(database, "teams", [dict(t, lead_id=None) for t in teams])
        bulk.insert_rows(database, "users", users)
        for t in teams:
            database["teams"].update(t["id"], {"lead_id": t["lead_id"]})
        counts["staff"] = len(users)

        arrangement_id = bulk.next_id(database, "arrangements")
        contract_id = bulk.next_id(database, "contracts")
        arr_rows, contract_rows = [], []
        for i, (sup, see) in enumerate(arrangements):
            arr_rows.append({"id": arrangement_id + i, "supervisor_id": sup, "supervisee_id": see,
                             "kind": "line", "start_date": start.isoformat(), "created_at": created})
            contract_rows.append({
                "id": contract_id + i, "arrangement_id": arrangement_id + i, "version": 1,
                "cadence_kind": "weeks", "cadence_weeks": 4, "session_minutes": 90,
                "share_within_days": 5, "start_date": start.isoformat(),
                "review_date": (today + timedelta(days=rng.randint(31, 330))).isoformat(),
                "supervisor_signed_at": stamp(start), "supervisee_signed_at": stamp(start),
                "created_at": created, "updated_at": created,
            })
        bulk.insert_rows(database, "arrangements", arr_rows)
        bulk.insert_rows(database, "contracts", contract_rows)
        counts["arrangements"] = len(arr_rows)

        counts.update(_sessions(database, rng, arrangements, arrangement_id, contract_id,
                                start, today, created))
    bulk.analyse(database)
    return counts


def _sessions(database, rng, arrangements, arrangement_id, contract_id, start, today, created):
    session_id = bulk.next_id(database, "sessions")
    item_id = bulk.next_id(database, "agenda_items")
    sessions, records, items, actions, reflections, versions = [], [], [], [], [], []
    n = {"sessions": 0, "agenda_items": 0, "actions": 0, "reflections": 0}

    def flush():
        for table, rows in (("sessions", sessions), ("records", records),
                            ("agenda_items", items), ("actions", actions),
                            ("reflections", reflections), ("reflection_versions", versions)):
            bulk.insert_rows(database, table, rows)
            rows.clear()

    for i, (sup, see) in enumerate(arrangements):
        day = start + timedelta(days=rng.randint(0, 27))
        while day <= today + timedelta(days=28):
            held = day < today and rng.random() > 0.06
            status = "held" if held else ("planned" if day >= today else "cancelled")
            sessions.append({
                "id": session_id, "arrangement_id": arrangement_id + i,
                "contract_id": contract_id + i, "scheduled_at": f"{day.isoformat()}T10:00",
                "planned_minutes": 90, "status": status,
                "held_on": day.isoformat() if held else None,
                "held_minutes": 90 if held else None,
                "cancelled_by": sup if status == "cancelled" else None,
                "cancel_reason": "Court hearing" if status == "cancelled" else None,
                "created_at": created, "updated_at": created,
            })
            if held:
                shared = day + timedelta(days=rng.randint(1, 8))
                records.append({"session_id": session_id, "status": "agreed",
                                "created_at": stamp(day), "updated_at": stamp(shared),
                                "first_shared_at": stamp(shared), "shared_at": stamp(shared),
                                "supervisor_signed_at": stamp(shared),
                                "supervisee_signed_at": stamp(shared + timedelta(days=1)),
                                "agreed_at": stamp(shared + timedelta(days=1))})
                for position in range(3):
                    function = FUNCTIONS[(position + rng.randint(0, 2)) % 3]
                    items.append({
                        "id": item_id, "session_id": session_id, "position": position,
                        "source": "supervisor", "title": f"Item {position + 1}",
                        "function": function, "case_ref": f"CR-{rng.randint(100000, 999999)}",
                        "discussion": "Discussed the plan and what needs to happen next.",
                        "minutes": rng.choice([10, 15, 20, 25, 30]),
                        "decision": "Continue the plan." if position == 0 else "",
                        "rationale": "Progress is steady." if position == 0 else "",
                        "created_at": stamp(day), "updated_at": stamp(day),
                    })
                    if position == 0:
                        done = day < today - timedelta(days=60)
                        actions.append({
                            "arrangement_id": arrangement_id + i, "session_id": session_id,
                            "agenda_item_id": item_id, "owner_id": see,
                            "description": "Update the plan and share it with the family.",
                            "due_date": (day + timedelta(days=21)).isoformat(),
                            "status": "done" if done else "open",
                            "outcome": "Shared at the review." if done else "",
                            "closed_at": stamp(day + timedelta(days=20)) if done else None,
                            "created_at": stamp(day), "updated_at": stamp(day),
                        })
                    item_id += 1
                reflections.append({
                    "id": session_id, "session_id": session_id, "supervisee_id": see,
                    "answers": "[]", "agenda": "[]", "wellbeing_score": rng.randint(4, 9),
                    "saved_at": stamp(day - timedelta(days=1)),
                    "submitted_at": stamp(day - timedelta(days=1)), "revision": 1,
                })
                versions.append({"reflection_id": session_id, "number": 1,
                                 "submitted_at": stamp(day - timedelta(days=1)),
                                 "content": EMPTY_VERSION})
                n["reflections"] += 1
            n["sessions"] += 1
            session_id += 1
            day += timedelta(days=28)
        if len(sessions) > 20_000:
            n["agenda_items"] += len(items)
            n["actions"] += len(actions)
            flush()
    n["agenda_items"] += len(items)
    n["actions"] += len(actions)
    flush()
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"{args.path} exists; the seed only fills a new database.")
    began = time.perf_counter()
    counts = seed(args.path, args.staff, args.years)
    print(f"Seeded {args.path} in {time.perf_counter() - began:.0f} s: "
          + ", ".join(f"{v:,} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
