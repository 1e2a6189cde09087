"""The benchmark's seed stays runnable: a tiny authority, checked for shape,
and every page the benchmark times opens on it without an error."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from bench.benchmark import large_people, measure  # noqa: E402
from bench.seed_large import seed  # noqa: E402

import db as storage  # noqa: E402


def test_seed_a_small_authority(tmp_path):
    counts = seed(tmp_path / "large.db", staff=20, years=1)
    database = storage.connect(tmp_path / "large.db")
    assert counts["staff"] == 20
    assert counts["arrangements"] == 18  # per team: lead → supervisor, supervisor → 8
    assert database.execute("SELECT count(*) FROM sessions WHERE status = 'held'").fetchone()[0] > 150
    functions = {r[0] for r in database.execute("SELECT DISTINCT function FROM agenda_items")}
    assert functions == {"performance", "development", "support"}
    # every team has its lead, and the demo people are there too
    assert database.execute("SELECT count(*) FROM teams WHERE lead_id IS NULL").fetchone()[0] == 0
    assert database.execute("SELECT 1 FROM users WHERE username = 'sam.taylor'").fetchone()


def test_every_page_the_benchmark_times_opens_on_the_seed(tmp_path, monkeypatch):
    seed(tmp_path / "large.db", staff=20, years=1)
    database = storage.connect(tmp_path / "large.db")
    monkeypatch.setenv("SUPERVISION_DB", str(tmp_path / "large.db"))  # measure() sets it
    timings = measure(tmp_path / "large.db", large_people(database), runs=1)
    titles = {title for title, _who in timings}
    assert {"Home", "Records", "Reflections", "Team", "My supervisees", "My balance",
            "Run session"} <= titles
    assert all(ms > 0 for ms in timings.values())
