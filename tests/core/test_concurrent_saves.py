"""Ten writers at once for five seconds, through core/ (bench/load_writes.py, the
short run): every save lands, none is lost, and "database is locked" never
reaches a caller. The 50-thread, 60-second run is the benchmark in the README."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from bench.load_writes import KINDS, run  # noqa: E402


def test_ten_writers_for_five_seconds_lose_nothing_and_never_see_locked(demo):
    result = run(Path(os.environ["SUPERVISION_DB"]), threads=10, seconds=5)
    assert result["lost"] == []
    assert result["locked_surfaced"] == 0
    assert result["other_errors"] == []
    assert result["busy"] == 0
    assert result["stuck_threads"] == 0
    assert all(result["by_kind"][kind] > 0 for kind in KINDS), result["by_kind"]
