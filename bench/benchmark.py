"""Time every page's script run on the demo organisation and on a large authority,
and check the targets: a check, not only a table.

    .venv/bin/python bench/benchmark.py [--large data/large.db] [--runs 5]

Makes a fresh demo database, and the large one with bench/seed_large.py if it
is missing (5,000 staff, 10 years of monthly sessions: a few minutes, ~1 GB).
Each page is opened through AppTest from app.py as a person who may open it;
the figure is the median wall time of a script run, in milliseconds. A trivial
one-line Streamlit script is timed in the same run as the floor.

Targets (exit status 1 when one is missed):
- growth: a page on the large authority takes at most 1.5 times its time on the
  demo organisation, for the same kind of person;
- ceiling: no page takes more than 100 ms on the large authority.
Run it on an idle machine; compare columns, not machines.
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
from core import navigation, setup  # noqa: E402
from core.roles import load_actor  # noqa: E402

GROWTH = 1.5
CEILING_MS = 100.0
# Each kind of person, as the demo organisation's example of it.
KINDS = {"practitioner": "sam.taylor", "supervisor": "helen.carter",
         "team lead": "priya.shah", "admin": "admin"}
TRIVIAL = 'import streamlit as st\nst.write("A trivial page.")\n'


def large_people(database) -> dict[str, str]:
    """From the large authority: a team lead, a practice supervisor and a practitioner
    with ten years of history, each with the kind of demo person they compare to."""
    row = database.execute(
        "SELECT min(id) FROM users WHERE username LIKE 'staff%'").fetchone()
    first = row[0]
    return {f"staff{first:05d}": "team lead", f"staff{first + 1:05d}": "supervisor",
            f"staff{first + 2:05d}": "practitioner"}


def _timed_runs(at: AppTest, runs: int, what: str) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - began) * 1000)
        if at.exception:
            raise RuntimeError(f"{what}: {at.exception[0].message}")
    return statistics.median(timings)


def time_page(path: str, username: str, runs: int) -> float:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["signed_in_at"] = time.time()
    at.run()
    at.switch_page(str(ROOT / path))
    at.run()  # the page's first run compiles it and fills its caches: not timed
    return _timed_runs(at, runs, f"{path} as {username}")


def floor(runs: int) -> float:
    """The script time of a page that does nothing, in this process, now."""
    script = Path(tempfile.mkdtemp()) / "trivial.py"
    script.write_text(TRIVIAL)
    at = AppTest.from_file(str(script), default_timeout=30)
    at.run()
    return _timed_runs(at, runs, "trivial page")


def measure(db_path: Path, people: list[str], runs: int, only: str | None = None) -> dict:
    os.environ["SUPERVISION_DB"] = str(db_path)
    database = storage.connect(db_path)
    results = {}
    for username in people:
        actor = load_actor(database, username)
        for spec in navigation.pages_for(actor):
            if only is None or spec.title == only:
                results[(spec.title, username)] = time_page(spec.path, username, runs)
    return results


def verdicts(demo: dict, large: dict, kinds: dict[str, str]) -> list[dict]:
    """One row per page and person on the large authority, against the demo time of
    the same page for the same kind of person."""
    rows = []
    for (title, username), large_ms in sorted(large.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        kind = kinds[username]
        demo_ms = demo.get((title, KINDS[kind]))
        ratio = large_ms / demo_ms if demo_ms else None
        missed = []
        if large_ms > CEILING_MS:
            missed.append(f"over {CEILING_MS:.0f} ms")
        if ratio is not None and ratio > GROWTH:
            missed.append(f"grew over {GROWTH}×")
        rows.append({"page": title, "person": username, "kind": kind, "demo": demo_ms,
                     "large": large_ms, "ratio": ratio, "missed": missed})
    return rows


def report(rows: list[dict], floor_ms: float, runs: int, staff: int, sessions: int) -> str:
    lines = [f"Median script run in ms ({runs} runs); large: {staff:,} people, "
             f"{sessions:,} sessions. Trivial-page floor in this run: {floor_ms:.1f} ms.",
             f"Targets: large ≤ {GROWTH}× demo for the same kind of person; "
             f"large ≤ {CEILING_MS:.0f} ms.", "",
             "| Page | Person (kind) | Demo | Large | Ratio | Target |",
             "|---|---|---:|---:|---:|---|"]
    for r in rows:
        demo = f"{r['demo']:.0f}" if r["demo"] is not None else "–"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "–"
        verdict = "MISSED: " + ", ".join(r["missed"]) if r["missed"] else "met"
        lines.append(f"| {r['page']} | {r['person']} ({r['kind']}) | {demo} | "
                     f"{r['large']:.0f} | {ratio} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", type=Path, default=ROOT / "data" / "large.db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="time only the page with this title")
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
    kinds = {person: kind for kind, person in KINDS.items()} | large_people(large_db)
    floor_ms = floor(args.runs)
    demo = measure(demo_path, list(KINDS.values()), args.runs, args.only)
    large = measure(args.large, list(kinds), args.runs, args.only)
    rows = verdicts(demo, large, kinds)
    print(report(rows, floor_ms, args.runs, staff, sessions))
    missed = [r for r in rows if r["missed"]]
    if missed:
        print(f"\n{len(missed)} of {len(rows)} pages missed a target.")
        return 1
    print(f"\nAll {len(rows)} pages met the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
