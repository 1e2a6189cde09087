"""Real browsers saving while the core writers run: every save lands.

    .venv/bin/python bench/browser_saves.py [--sessions 10] [--seconds 60] [--writers 50]

Starts one server (`streamlit run portal.py`, localhost only) on a fresh demo
database, signs in one Chromium session per person (Debian's /usr/bin/chromium,
driven by Playwright, the arguments of tests/e2e/conftest.py), and for the
given time each session writes journal entries in a loop: type an entry, move
out of the box (it saves), wait for "Saved", start a new entry. Meanwhile the
core writers of bench/load_writes.py save reflections, record items, journal
entries and actions on the same database. They run inside the server process,
as other people's saves would (the portal is one process; this script starts
it through `--serve`, which starts the writers and then `streamlit run`).

Afterwards it checks the database: every entry a browser saw saved is there,
with its text, and nothing the core writers acknowledged is missing. It prints
the browser saves (done, refused in plain words, failed), the slowest and 95th
percentile save as seen in the browser (from leaving the box to "Saved"), the
server's peak memory (VmHWM) and the core writers' figures. Loops are bounded
in count and in time.
"""

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import Error as PlaywrightError  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

import db as storage  # noqa: E402
from bench import load_writes  # noqa: E402
from bench.browser_server import (  # noqa: E402
    ARGS, CHROMIUM, STREAMLIT_FLAGS, WAIT_MS, free_port, memory_mb, require_chromium, settle,
    sign_in, start_server, stop_server,
)

PASSWORD = "supervision-demo"
MAX_SAVES_PER_SESSION = 1_000
BUSY_WORDS = "The portal is busy"
PAUSE_MS = 150  # between two looks at a settled page


def start_serving(path: Path, args, go_file: Path, result_file: Path):
    """This script with --serve: the core writers, then `streamlit run portal.py`."""
    port = free_port()
    command = [sys.executable, str(Path(__file__).resolve()), "--serve",
               "--writers", str(args.writers), "--seconds", str(args.seconds),
               "--pace", str(args.pace), "--go-file", str(go_file),
               "--result-file", str(result_file), "--", *STREAMLIT_FLAGS,
               "--server.port", str(port)]
    return start_server(path, command, port, wait_seconds=180)


def serve(args, streamlit_args: list[str]) -> None:
    """In the server process: prepare the writers' lanes, start them when the
    browsers are ready (the go file appears), write their figures to the result
    file, and run Streamlit in the main thread meanwhile."""
    path = storage.default_path()
    lanes = load_writes.prepare(path, args.writers)

    def writers():
        deadline = time.monotonic() + 900
        while not args.go_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        result = load_writes.run(path, seconds=args.seconds, pace=args.pace, lanes=lanes)
        partial = args.result_file.with_suffix(".partial")
        partial.write_text(json.dumps(result))
        partial.rename(args.result_file)  # whole, or not there yet

    threading.Thread(target=writers, name="core-writers", daemon=True).start()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", "run", str(ROOT / "portal.py"), *streamlit_args]
    streamlit_main(prog_name="streamlit")


def journal_writers(path: Path, count: int) -> list[str]:
    """People who keep a journal (supervisees of a current arrangement), one a session."""
    db = storage.connect(path)
    names = [r[0] for r in db.execute("""
        SELECT DISTINCT u.username FROM arrangements a JOIN users u ON u.id = a.supervisee_id
         WHERE u.active = 1 AND (a.end_date IS NULL OR a.end_date >= date('now'))
         ORDER BY u.username""")]
    db.conn.close()
    if len(names) < count:
        raise SystemExit(f"Only {len(names)} people keep a journal; ask for fewer sessions.")
    return names[:count]


async def open_journal(page, url: str, username: str) -> None:
    await sign_in(page, url, username, PASSWORD, PAUSE_MS)
    await page.goto(url + "/journal")
    await settle(page, PAUSE_MS)
    await page.get_by_role("heading", name="Journal").wait_for(timeout=60_000)


async def save_in_a_loop(page, username: str, stop_at: float, out: dict) -> None:
    """Write, leave the box, wait for "Saved" (or a message); start a new entry.
    When the browser itself stalls (a busy machine), reload and go on: a save
    whose answer was not seen is looked for in the database afterwards."""
    saved, refused, failed, unseen, stalls, timings = [], [], [], [], [], []
    box = page.get_by_role("textbox", name="Entry")
    done = page.get_by_text("Only you can read it.")
    busy = page.get_by_text(BUSY_WORDS)
    for n in range(MAX_SAVES_PER_SESSION):
        if time.monotonic() >= stop_at:
            break
        text = f"{username}: browser entry {n}, written under load."
        answered = False
        try:
            await page.get_by_text("Nothing saved yet").wait_for(timeout=WAIT_MS)
            await box.fill(text)
            began = time.perf_counter()
            await page.get_by_role("heading", name="Journal").click()  # leave the box: it saves
            try:
                await done.or_(busy).first.wait_for(timeout=WAIT_MS)
            except PlaywrightError:
                unseen.append(text)
                raise
            answered, elapsed = True, time.perf_counter() - began
            if await busy.count():
                refused.append(text)
                if await box.input_value() != text:
                    failed.append(f"{username} {n}: the typed text was not kept")
            else:
                saved.append(text)
                timings.append(elapsed)
            await settle(page, PAUSE_MS)
            await page.get_by_role("button", name="Start a new entry").click()
            await settle(page, PAUSE_MS)
        except PlaywrightError as error:
            stalls.append(f"{username} {n} ({'after' if answered else 'before'} the answer): "
                          f"{str(error).splitlines()[0]}"[:200])
            try:
                await page.reload(timeout=WAIT_MS)
                await settle(page, PAUSE_MS)
            except PlaywrightError:
                pass
    out[username] = {"saved": saved, "refused": refused, "failed": failed, "unseen": unseen,
                     "stalls": stalls, "timings": timings}


async def drive_browsers(url: str, people: list[str], seconds: float,
                         go_file: Path) -> tuple[dict, float]:
    out: dict = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for username in people:  # one signed-in session (its own cookies) per person
            context = await browser.new_context()
            page = await context.new_page()
            for attempt in range(3):  # a busy machine can stall a first page load
                try:
                    await open_journal(page, url, username)
                    break
                except PlaywrightError:
                    if attempt == 2:
                        raise
            pages.append(page)
        go_file.write_text("go")  # the core writers start with the browsers
        began = time.monotonic()
        await asyncio.gather(*(save_in_a_loop(page, username, began + seconds, out)
                               for page, username in zip(pages, people)))
        elapsed = time.monotonic() - began
        await browser.close()
    return out, elapsed


def check_browser_saves(path: Path, out: dict) -> tuple[list[str], int]:
    """(saves the browser saw land but the database lacks, saves whose answer the
    browser never saw that are in the database all the same)."""
    db = storage.connect(path)
    missing, unseen_found = [], 0
    for username, result in out.items():
        bodies = {r[0] for r in db.execute(
            "SELECT e.body FROM journal_entries e JOIN users u ON u.id = e.user_id "
            "WHERE u.username = ?", [username])}
        missing += [f"{username}: {text!r}" for text in result["saved"] if text not in bodies]
        unseen_found += sum(text in bodies for text in result["unseen"])
    db.conn.close()
    return missing, unseen_found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=50, help="core writer threads")
    parser.add_argument("--pace", type=float, default=0.1,
                        help="seconds each core writer waits between writes (default 0.1)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--go-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    argv = sys.argv[1:]
    streamlit_args = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if args.serve:
        serve(args, streamlit_args)
        return 0
    require_chromium()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "portal.db"
        go_file, result_file = Path(scratch) / "go", Path(scratch) / "writers.json"
        server, url = start_serving(path, args, go_file, result_file)
        try:
            people = journal_writers(path, args.sessions)
            out, elapsed = asyncio.run(drive_browsers(url, people, args.seconds, go_file))
            go_file.write_text("go")
            deadline = time.monotonic() + args.seconds + 300
            while not result_file.exists() and time.monotonic() < deadline:
                time.sleep(0.5)
            core = json.loads(result_file.read_text()) if result_file.exists() else {}
            peak = memory_mb(server.pid)[1] if server.poll() is None else float("nan")
        finally:
            stop_server(server)
        missing, unseen_found = check_browser_saves(path, out)
    timings = sorted(t for r in out.values() for t in r["timings"])
    saved = sum(len(r["saved"]) for r in out.values())
    failed = [f for r in out.values() for f in r["failed"]]
    report = {
        "browser sessions": len(out), "seconds": round(elapsed, 1),
        "browser saves": saved,
        "refused (busy)": sum(len(r["refused"]) for r in out.values()),
        "failed": len(failed),
        "missing": len(missing),
        "answer not seen": f"{sum(len(r['unseen']) for r in out.values())} "
                           f"(in the database: {unseen_found})",
        "browser stalls": sum(len(r["stalls"]) for r in out.values()),
        "median save ms": round(timings[len(timings) // 2] * 1000) if timings else None,
        "p95 save ms": round(timings[int(0.95 * (len(timings) - 1))] * 1000) if timings else None,
        "slowest save ms": round(timings[-1] * 1000) if timings else None,
        "server peak RSS MB": round(peak),
        "core writers": f"{args.writers}, pausing {args.pace} s between saves",
        "core writes": core.get("acknowledged"),
        "core writes/s": core.get("writes_per_second"),
        "core p95 ms": core.get("p95_ms"),
        "core busy": core.get("busy"),
        "core locked": core.get("locked_surfaced"),
        "core lost": len(core.get("lost", [])),
    }
    for key, value in report.items():
        print(f"{key:>20}: {value}")
    stalls = [line for r in out.values() for line in r["stalls"]]
    for line in (failed + missing + stalls)[:20]:
        print("  ", line)
    ok = saved and not failed and not missing and not core.get("lost") \
        and not core.get("locked_surfaced")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
