"""Time every page's script run on the demo organisation and on a large authority,
and check the targets: a check, not only a table.

    .venv/bin/python bench/benchmark.py [--large data/large.db] [--runs 5]

Makes a fresh demo database, and the large one with bench/seed_large.py if it
is missing (5,000 staff, 10 years of monthly sessions: a few minutes, ~1 GB).
Each page is opened through AppTest from app.py as a person who may open it;
the figure is the median wall time of a script run, in milliseconds. Each page's
runs on the demo and on the large database are taken in turn, so that whatever
else the machine does weighs on both alike. A trivial one-line Streamlit script
is timed in the same run as the floor.

With --cpu, the figure is instead the CPU time of the thread that runs the script:
on a machine shared with other work, their load lands on wall time (a page waits
for a core) but not on CPU time, so ratios taken on CPU time tell growth from noise.

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

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

import db as storage  # noqa: E402
from ui import navigation  # noqa: E402
from core.admin import setup  # noqa: E402
from core.access.roles import load_actor  # noqa: E402

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


def _opened(path: str, username: str, db_path: Path) -> AppTest:
    """An app signed in as this person on this database, on the page, run once (its
    first run compiles the page and fills its caches: not timed)."""
    os.environ["SUPERVISION_DB"] = str(db_path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["signed_in_at"] = time.time()
    at.run()
    at.switch_page(str(ROOT / path))
    at.run()
    return at


# CPU time of the script thread, per script run, newest last (see --cpu).
_CPU_MS: list[float] = []
_RUN_SCRIPT = script_runner.ScriptRunner._run_script


def _run_script_timed(self, *args, **kwargs):
    began = time.thread_time()
    try:
        return _RUN_SCRIPT(self, *args, **kwargs)
    finally:
        _CPU_MS.append((time.thread_time() - began) * 1000)


script_runner.ScriptRunner._run_script = _run_script_timed
MEASURE = {"cpu": False}  # main() sets it from --cpu


def _timed_run(at: AppTest, db_path: Path, what: str) -> float:
    os.environ["SUPERVISION_DB"] = str(db_path)
    began = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - began) * 1000
    if at.exception:
        raise RuntimeError(f"{what}: {at.exception[0].message}")
    return _CPU_MS[-1] if MEASURE["cpu"] else elapsed


def time_page(path: str, username: str, runs: int, db_path: Path | None = None) -> float:
    db_path = db_path or storage.default_path()
    at = _opened(path, username, db_path)
    return statistics.median(_timed_run(at, db_path, f"{path} as {username}")
                             for _ in range(runs))


def time_pair(path: str, demo: tuple[str, Path] | None, large: tuple[str, Path],
              runs: int) -> tuple[float | None, float]:
    """The page on the demo and on the large authority, their runs taken in turn, so
    that whatever else the machine does at the time weighs on both alike."""
    opened = [(_opened(path, who, where), where, who) for who, where in filter(None, (demo, large))]
    timings = [[] for _ in opened]
    for _ in range(runs):
        for n, (at, where, who) in enumerate(opened):
            timings[n].append(_timed_run(at, where, f"{path} as {who}"))
    medians = [statistics.median(t) for t in timings]
    return (medians[0], medians[1]) if demo else (None, medians[0])


def floor(runs: int) -> float:
    """The script time of a page that does nothing, in this process, now."""
    script = Path(tempfile.mkdtemp()) / "trivial.py"
    script.write_text(TRIVIAL)
    at = AppTest.from_file(str(script), default_timeout=30)
    at.run()
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        at.run()
        timings.append(_CPU_MS[-1] if MEASURE["cpu"] else (time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def measure(db_path: Path, people: list[str], runs: int, only: str | None = None) -> dict:
    """Every page each person may open on one database: {(title, person): ms}."""
    database = storage.connect(db_path)
    results = {}
    for username in people:
        actor = load_actor(database, username)
        for spec in navigation.pages_for(actor):
            if only is None or spec.title == only:
                results[(spec.title, username)] = time_page(spec.path, username, runs, db_path)
    return results


def measure_pairs(demo_path: Path, large_path: Path, kinds: dict[str, str], runs: int,
                  only: str | None = None) -> dict:
    """Every page each person of the large authority may open, against the same page
    for the demo person of the same kind: {(title, person): (demo ms, large ms)}."""
    demo_db, large_db = storage.connect(demo_path), storage.connect(large_path)
    results = {}
    for username, kind in kinds.items():
        counterpart = KINDS[kind]
        demo_pages = {s.path for s in navigation.pages_for(load_actor(demo_db, counterpart))}
        for spec in navigation.pages_for(load_actor(large_db, username)):
            if only is None or spec.title == only:
                demo = (counterpart, demo_path) if spec.path in demo_pages else None
                results[(spec.title, username)] = time_pair(spec.path, demo,
                                                            (username, large_path), runs)
    return results


def verdicts(pairs: dict, kinds: dict[str, str]) -> list[dict]:
    """One row per page and person on the large authority, against the demo time of
    the same page for the same kind of person (taken in the same turns)."""
    rows = []
    for (title, username), (demo_ms, large_ms) in sorted(pairs.items(),
                                                         key=lambda kv: (kv[0][1], kv[0][0])):
        ratio = large_ms / demo_ms if demo_ms else None
        missed = []
        if large_ms > CEILING_MS:
            missed.append(f"over {CEILING_MS:.0f} ms")
        if ratio is not None and ratio > GROWTH:
            missed.append(f"grew over {GROWTH}×")
        rows.append({"page": title, "person": username, "kind": kinds[username],
                     "demo": demo_ms, "large": large_ms, "ratio": ratio, "missed": missed})
    return rows


def report(rows: list[dict], floor_ms: float, runs: int, staff: int, sessions: int) -> str:
    what = "CPU time of the script thread" if MEASURE["cpu"] else "script run"
    lines = [f"Median {what} in ms ({runs} runs); large: {staff:,} people, "
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
    parser.add_argument("--cpu", action="store_true",
                        help="time the script thread's CPU, not the wall clock")
    args = parser.parse_args()
    MEASURE["cpu"] = args.cpu
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
    pairs = measure_pairs(demo_path, args.large, kinds, args.runs, args.only)
    rows = verdicts(pairs, kinds)
    print(report(rows, floor_ms, args.runs, staff, sessions))
    missed = [r for r in rows if r["missed"]]
    if missed:
        print(f"\n{len(missed)} of {len(rows)} pages missed a target.")
        return 1
    print(f"\nAll {len(rows)} pages met the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
