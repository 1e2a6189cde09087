"""Every stored time carries its offset: rows written before migration m017 without
one gain '+00:00' (they were UTC), and one rule reads every time."""

from datetime import datetime, timezone

from upgrade_fixtures import schema_before

import db as storage
from core import clock


def test_an_older_database_gains_offsets_and_reads_the_same(tmp_path):
    path = tmp_path / "old.db"
    with schema_before(path, "m017_times_with_offset") as old:
        old["users"].insert_all([
            {"username": "kept.person", "name": "Kept Person", "password_hash": "x",
             "created_at": "2025-07-01T09:30:00"},  # written before times carried offsets
            {"username": "with.offset", "name": "With Offset", "password_hash": "x",
             "created_at": "2025-07-01T09:30:00+01:00"},
        ])
    new = storage.connect(path)
    stored = dict(new.execute("SELECT username, created_at FROM users").fetchall())
    assert stored == {"kept.person": "2025-07-01T09:30:00+00:00",
                      "with.offset": "2025-07-01T09:30:00+01:00"}
    assert clock.parse_stamp(stored["kept.person"]) == datetime(2025, 7, 1, 9, 30,
                                                                tzinfo=timezone.utc)
    assert clock.local(stored["kept.person"]) == "1 Jul 2025, 10:30"


def test_one_rule_reads_a_time_with_or_without_its_offset():
    assert clock.parse_stamp("2026-03-29T00:30:00") == clock.parse_stamp(
        "2026-03-29T00:30:00+00:00")
    assert clock.in_london("2026-03-29T01:30:00+00:00").hour == 2  # summer time began
