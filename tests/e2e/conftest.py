"""Browser tests: a real server on a free port with a fresh database, driven in
Debian's Chromium. CI installs Chromium; a missing browser fails, never skips."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import db as storage

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SUPERVISION_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "supervision-demo"
# expect() retries until the page shows what it should; on a busy machine (./test
# --stress) 5 s, Playwright's default, is not always enough. It costs nothing when it is.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}. Install it: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run portal.py` (as ./run) on a free port, on its own database."""

    extra_args: tuple = ()  # more `streamlit run` options, e.g. a secrets file

    def __init__(self, database: Path, *, demo: bool):
        if os.environ.get("SUPERVISION_TEST_DAY"):
            pytest.fail("SUPERVISION_TEST_DAY moves only the test process's clock; the "
                        "browser tests' server runs on the real date. Unset it for them.")
        self.database = database
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, SUPERVISION_DB=str(database), PYTHONPATH=str(ROOT))
        env.pop("SUPERVISION_COOKIE_KEY", None)
        if demo:
            subprocess.run([sys.executable, "-m", "core.cli", "--db", str(database), "demo"],
                           cwd=ROOT, env=env, check=True, capture_output=True)
        self.env = env
        self._start()

    def _start(self):
        database, env = self.database, self.env
        self.log = open(database.parent / "server.log", "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "portal.py", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             *self.extra_args],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("The app did not start; see " + str(database.parent / "server.log"))

    def restart(self):
        """Stop and start again on the same port and database, as after a deploy."""
        self.stop()
        self._start()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def demo_server_with(tmp_path_factory, name: str, prepare: Callable) -> Iterator[tuple]:
    """For a module's fixture to yield from: a server on the demo organisation, to
    whose database `prepare(database)` first adds what the module's story needs.
    Yields (server, what prepare returned) and stops the server afterwards."""
    srv = Server(tmp_path_factory.mktemp(name) / "portal.db", demo=True)
    database = storage.connect(srv.database)
    try:
        made = prepare(database)
    finally:
        database.conn.close()
    yield srv, made
    srv.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One server on the demo organisation for the whole session."""
    srv = Server(tmp_path_factory.mktemp("e2e") / "portal.db", demo=True)
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """A server started just now, which no browser has opened yet."""
    srv = Server(tmp_path / "portal.db", demo=True)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture(scope="session", autouse=True)
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
