"""The benchmark judges each page against its targets: growth over the demo time for
the same kind of person, and the ceiling on the large authority."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.benchmark import report, verdicts  # noqa: E402

KINDS = {"sam.taylor": "practitioner", "staff00100": "practitioner", "admin": "admin"}


def test_growth_and_ceiling_are_judged_per_kind_of_person():
    demo = {("Home", "sam.taylor"): 20.0, ("Users", "admin"): 10.0}
    large = {("Home", "sam.taylor"): 29.0, ("Home", "staff00100"): 31.0,
             ("Users", "admin"): 120.0}
    rows = {(r["page"], r["person"]): r for r in verdicts(demo, large, KINDS)}
    assert rows[("Home", "sam.taylor")]["missed"] == []
    assert rows[("Home", "staff00100")]["ratio"] == 31.0 / 20.0
    assert rows[("Home", "staff00100")]["missed"] == ["grew over 1.5×"]
    assert rows[("Users", "admin")]["missed"] == ["over 100 ms", "grew over 1.5×"]


def test_the_report_prints_demo_large_ratio_and_the_floor():
    rows = verdicts({("Home", "sam.taylor"): 20.0}, {("Home", "sam.taylor"): 25.0}, KINDS)
    text = report(rows, 3.4, 5, 5000, 600000)
    assert "floor in this run: 3.4 ms" in text
    assert "| Home | sam.taylor (practitioner) | 20 | 25 | 1.25 | met |" in text
