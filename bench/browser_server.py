"""What the browser benchmarks share: one server on localhost, Chromium with the
arguments of tests/e2e/conftest.py, waiting for a page to settle, and signing in.

bench/browser_saves.py and bench/capacity.py import it; it runs nothing by itself.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("SUPERVISION_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
COOKIE = "supervision_portal"
WAIT_MS = 120_000  # for one answer from the page; the machine may be busy
STREAMLIT_FLAGS = ["--server.headless", "true", "--browser.gatherUsageStats", "false",
                   "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium is not at {CHROMIUM}: apt-get install -y chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path: Path, command: list[str], port: int, wait_seconds: float
                 ) -> tuple[subprocess.Popen, str]:
    """Run `command` (which serves the app on `port`) on the database at `path`,
    with its output in server.log beside it; return once /_stcore/health answers."""
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SUPERVISION_DB=str(path), PYTHONPATH=str(ROOT))
    env.pop("SUPERVISION_COOKIE_KEY", None)
    log = open(path.parent / "server.log", "w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    deadline = time.time() + wait_seconds
    while time.time() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
                if reply.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"The app did not start; see {path.parent / 'server.log'}")


def streamlit_command(port: int) -> list[str]:
    """`streamlit run portal.py` on `port`, headless and on localhost only."""
    return [sys.executable, "-m", "streamlit", "run", "portal.py", *STREAMLIT_FLAGS,
            "--server.port", str(port)]


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


def memory_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, in MB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            found[line.split(":")[0]] = int(line.split()[1]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


async def settle(page, pause_ms: int = 100) -> None:
    """Until the script has finished its run, and is still finished a moment later."""
    await page.wait_for_selector(IDLE, timeout=WAIT_MS)
    await page.wait_for_timeout(pause_ms)
    await page.wait_for_selector(IDLE, timeout=WAIT_MS)


async def sign_in(page, url: str, username: str, password: str, pause_ms: int = 100) -> None:
    """Through the sign-in form, then until the sign-in cookie is set (so the next
    address keeps us in)."""
    await page.goto(url, timeout=WAIT_MS)
    await settle(page, pause_ms)
    await page.get_by_role("textbox", name="Username").fill(username)
    await page.get_by_role("textbox", name="Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await settle(page, pause_ms)
    for _attempt in range(300):
        if any(c["name"] == COOKIE for c in await page.context.cookies()):
            break
        await page.wait_for_timeout(100)
    await settle(page, pause_ms)
