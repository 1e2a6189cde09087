"""How many signed-in people one server process carries.

    .venv/bin/python bench/capacity.py [--steps 10,25,50] [--rounds 3] [--limit-ms 1000]

Starts one server (`streamlit run portal.py`, localhost only) on a fresh database
holding the demo organisation and a small authority from bench/seed_large.py
(enough practitioners, each with a planned session). At each step it signs in
that many Chromium sessions at once (Debian's /usr/bin/chromium through
Playwright, the arguments of tests/e2e/conftest.py), one practitioner each, and
every session runs a typical mix for the given number of rounds, all together:
open Home, open Prepare, type an answer and leave the box (it saves), open My
balance. Each action is timed from the click until the page has settled (the
script has finished its run).

At each step it prints the 95th percentile and the slowest click-to-settled
time, and the server's resident memory (VmRSS) and peak (VmHWM). Each session's
first round is not timed (it fills that person's caches, as a first visit does).
The capacity figure is the largest step whose 95th percentile, and that of every
step before it, stays under the limit (1 s). The ramp stops once a step's 95th
percentile passes ten times the limit. Everything is bounded: steps, rounds,
and a time limit on every wait.

The browsers run on the same machine as the server, so the figure is a floor:
on a server of its own the portal carries more.
"""

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import Error as PlaywrightError  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

import db as storage  # noqa: E402
from bench.browser_server import (  # noqa: E402
    ARGS, CHROMIUM, WAIT_MS, free_port, memory_mb, require_chromium, settle, sign_in,
    start_server, stop_server, streamlit_command,
)
from bench.seed_large import seed  # noqa: E402

PASSWORD = "benchmark-password"  # bench/seed_large.py gives every member this one


def practitioners(path: Path, count: int) -> list[str]:
    """Seeded practitioners with a planned session to prepare for, one a browser."""
    db = storage.connect(path)
    names = [r[0] for r in db.execute("""
        SELECT DISTINCT u.username FROM sessions s
          JOIN arrangements a ON a.id = s.arrangement_id
          JOIN users u ON u.id = a.supervisee_id
         WHERE s.status = 'planned' AND u.username LIKE 'staff%'
           AND u.job_title = 'Social worker' ORDER BY u.username""")]
    db.conn.close()
    if len(names) < count:
        raise SystemExit(f"Only {len(names)} practitioners have a planned session.")
    return names[:count]


async def timed(page, action) -> float:
    """Seconds from the click until the page has settled."""
    began = time.perf_counter()
    await action()
    await settle(page)
    return time.perf_counter() - began


async def sign_in_to_home(page, url: str, username: str) -> None:
    await sign_in(page, url, username, PASSWORD)
    await page.get_by_test_id("stSidebarNav").wait_for(timeout=WAIT_MS)


def nav(page, title: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True)


async def mix(page, username: str, rounds: int, timings: list, errors: list) -> None:
    """Home, Prepare, type and save, My balance; `rounds` times. The first round is
    not timed: it fills each person's caches, as their first visit of the day does."""
    for n in range(rounds + 1):
        if n == 1:
            timings.clear()
        try:
            timings.append(("Home", await timed(page, lambda: nav(page, "Home").click())))
            timings.append(("Prepare", await timed(page, lambda: nav(page, "Prepare").click())))
            box = page.get_by_role("main").locator("textarea:visible").first
            await box.fill(f"{username}, round {n}: what I want to look at next time.")
            title = page.get_by_role("heading", name="Prepare for supervision")
            timings.append(("Save", await timed(page, lambda: title.click())))  # leaving saves
            timings.append(("My balance",
                            await timed(page, lambda: nav(page, "My balance").click())))
        except PlaywrightError as error:
            errors.append(f"{username} round {n}: {str(error).splitlines()[0]}"[:200])


async def step(url: str, people: list[str], rounds: int) -> dict:
    errors = []
    timings_of = {username: [] for username in people}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for username in people:  # signed in one after another, then all work at once
            context = await browser.new_context()
            context.set_default_timeout(WAIT_MS)  # a saturated machine is slow, not broken
            page = await context.new_page()
            await sign_in_to_home(page, url, username)
            pages.append(page)
        began = time.monotonic()
        await asyncio.gather(*(mix(page, username, rounds, timings_of[username], errors)
                               for page, username in zip(pages, people)))
        elapsed = time.monotonic() - began
        await browser.close()
    timings = [t for person in timings_of.values() for t in person]
    by_action = {}
    for action, seconds in timings:
        by_action.setdefault(action, []).append(seconds)
    timings = sorted(seconds for _action, seconds in timings)
    return {"actions": len(timings), "errors": errors, "seconds": elapsed,
            "by_action": {a: _p95(sorted(t)) for a, t in by_action.items()},
            "p95": timings[int(0.95 * (len(timings) - 1))] if timings else float("inf"),
            "median": timings[len(timings) // 2] if timings else float("inf"),
            "slowest": timings[-1] if timings else float("inf")}


def _p95(timings: list[float]) -> float:
    return timings[int(0.95 * (len(timings) - 1))] if timings else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default="10,25,50",
                        help="sessions at each step, in rising order (default 10,25,50)")
    parser.add_argument("--rounds", type=int, default=3, help="mixes per session per step")
    parser.add_argument("--limit-ms", type=float, default=1000.0)
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    require_chromium()
    capacity = previous = 0
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "portal.db"
        # teams of ten hold eight practitioners each
        seed(path, staff=max(20, (max(steps) // 8 + 1) * 10), years=1)
        port = free_port()
        server, url = start_server(path, streamlit_command(port), port, wait_seconds=120)
        try:
            people = practitioners(path, max(steps))
            print("| Sessions | Actions | Median ms | p95 ms | Slowest ms | Errors | "
                  "Server RSS MB | Peak RSS MB |")
            print("|---:|---:|---:|---:|---:|---:|---:|---:|")
            for count in steps:
                result = asyncio.run(step(url, people[:count], args.rounds))
                rss, peak = memory_mb(server.pid)
                print(f"| {count} | {result['actions']} | {result['median'] * 1000:.0f} | "
                      f"{result['p95'] * 1000:.0f} | {result['slowest'] * 1000:.0f} | "
                      f"{len(result['errors'])} | {rss:.0f} | {peak:.0f} |", flush=True)
                print("    p95 by action: " + ", ".join(
                    f"{a} {t * 1000:.0f} ms" for a, t in result["by_action"].items()))
                for line in result["errors"][:5]:
                    print("   ", line)
                met = result["p95"] * 1000 < args.limit_ms and not result["errors"]
                if met and capacity == previous:
                    capacity = count
                previous = count
                if result["p95"] * 1000 >= 10 * args.limit_ms:
                    break  # saturated: a bigger step says nothing more
        finally:
            stop_server(server)
    print(f"\nCapacity: {capacity} signed-in sessions with the 95th percentile under "
          f"{args.limit_ms:.0f} ms" + (" (no step met it)." if not capacity else "."))
    return 0 if capacity else 1


if __name__ == "__main__":
    sys.exit(main())
