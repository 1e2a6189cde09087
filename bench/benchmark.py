"""Time every page's script run on the demo organisation and on a large authority.

    .venv/bin/python bench/benchmark.py [--large data/large.db] [--runs 5]

Makes a fresh demo database, and the large one with bench/seed_large.py if it
is missing (5,000 staff, 10 years of monthly sessions: a few minutes, ~1 GB).
Each page is opened through AppTest from app.py as a person who may open it;
the figure is the median wall time of a script run, in milliseconds. Run it on
an idle machine; compare columns, not machines.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

import db as storage  # noqa: E402
from ui import navigation  # noqa: E402
from core.admin import setup  # noqa: E402
from core.access.roles import load_actor  # noqa: E402

DEMO_PEOPLE = ["sam.taylor", "helen.carter", "priya.shah", "admin"]


def large_people(database) -> list[str]:
    """A team lead, a practice supervisor and a practitioner with ten years of history."""
    row = database.execute(
        "SELECT min(id) FROM users WHERE username LIKE 'staff%'").fetchone()
    first = row[0]
    return [f"staff{first:05d}", f"staff{first + 1:05d}", f"staff{first + 2:05d}"]


def time_page(path: str, username: str, runs: int) -> float:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["signed_in_at"] = time.time()
    at.run()
    at.switch_page(str(ROOT / path))
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - began) * 1000)
        if at.exception:
            raise RuntimeError(f"{path} as {username}: {at.exception[0].message}")
    return statistics.median(timings)


def measure(db_path: Path, people: list[str], runs: int) -> dict:
    os.environ["SUPERVISION_DB"] = str(db_path)
    database = storage.connect(db_path)
    results = {}
    for username in people:
        actor = load_actor(database, username)
        for spec in navigation.pages_for(actor):
            results[(spec.title, username)] = time_page(spec.path, username, runs)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", type=Path, default=ROOT / "data" / "large.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.large.exists():
        from bench.seed_large import seed

        print(f"Seeding {args.large} (a few minutes)…", file=sys.stderr)
        seed(args.large, 5000, 10)
    demo_path = Path(tempfile.mkdtemp()) / "demo.db"
    setup.load_demo(storage.connect(demo_path))

    large_db = storage.connect(args.large)
    staff = large_db.execute("SELECT count(*) FROM users").fetchone()[0]
    sessions = large_db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    demo = measure(demo_path, DEMO_PEOPLE, args.runs)
    large = measure(args.large, DEMO_PEOPLE + large_people(large_db), args.runs)

    print(f"Median script run in ms ({args.runs} runs); large: {staff:,} people, "
          f"{sessions:,} sessions.\n")
    print("| Page | Person | Demo | Large |")
    print("|---|---|---:|---:|")
    for key in sorted(large, key=lambda k: (k[1], k[0])):
        title, username = key
        small = f"{demo[key]:.0f}" if key in demo else "–"
        print(f"| {title} | {username} | {small} | {large[key]:.0f} |")


if __name__ == "__main__":
    main()
