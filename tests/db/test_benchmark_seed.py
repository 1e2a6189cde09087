"""The benchmark's seed stays runnable: a tiny authority, checked for shape."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

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
