"""The benchmark judges each page against its targets: growth over the demo time for
the same kind of person, and the ceiling on the large authority."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import benchmark  # noqa: E402
from bench.benchmark import large_people, measure_pairs, report, verdicts  # noqa: E402
from bench.seed_large import seed  # noqa: E402

import db as storage  # noqa: E402
from core.admin import setup

KINDS = {"sam.taylor": "practitioner", "staff00100": "practitioner", "admin": "admin"}


def test_growth_and_ceiling_are_judged_per_kind_of_person():
    pairs = {("Home", "sam.taylor"): (20.0, 29.0), ("Home", "staff00100"): (20.0, 31.0),
             ("Users", "admin"): (10.0, 120.0), ("Team", "staff00100"): (None, 50.0)}
    rows = {(r["page"], r["person"]): r for r in verdicts(pairs, KINDS)}
    assert rows[("Home", "sam.taylor")]["missed"] == []
    assert rows[("Home", "staff00100")]["ratio"] == 31.0 / 20.0
    assert rows[("Home", "staff00100")]["missed"] == ["grew over 1.5×"]
    assert rows[("Users", "admin")]["missed"] == ["over 100 ms", "grew over 1.5×"]
    assert rows[("Team", "staff00100")]["ratio"] is None  # no demo page to grow from
    assert rows[("Team", "staff00100")]["missed"] == []


def test_the_report_prints_demo_large_ratio_and_the_floor():
    rows = verdicts({("Home", "sam.taylor"): (20.0, 25.0)}, KINDS)
    text = report(rows, 3.4, 5, 5000, 600000)
    assert "floor in this run: 3.4 ms" in text
    assert "| Home | sam.taylor (practitioner) | 20 | 25 | 1.25 | met |" in text


def test_each_page_is_timed_on_both_databases_in_turn(tmp_path, monkeypatch):
    seed(tmp_path / "large.db", staff=20, years=1)
    setup.load_demo(storage.connect(tmp_path / "demo.db"))
    monkeypatch.setenv("SUPERVISION_DB", str(tmp_path / "demo.db"))  # the pairs move it
    kinds = large_people(storage.connect(tmp_path / "large.db"))
    pairs = measure_pairs(tmp_path / "demo.db", tmp_path / "large.db", kinds, runs=1,
                          only="Home")
    assert set(pairs) == {("Home", person) for person in kinds}
    assert all(demo > 0 and large > 0 for demo, large in pairs.values())


def test_the_script_thread_cpu_can_be_timed_instead_of_the_wall_clock(monkeypatch):
    """--cpu: each run's figure is the CPU time of the thread that ran the script."""
    monkeypatch.setitem(benchmark.MEASURE, "cpu", True)
    assert 0 < benchmark.floor(runs=2) < 1000
    assert "Median CPU time of the script thread" in report([], 1.0, 2, 10, 10)
