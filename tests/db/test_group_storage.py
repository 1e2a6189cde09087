"""Migration m018 adds the group tables to a database made by the schema before it,
keeping what it held."""

import sqlite3

import db as storage
from db.connection import upgrade
from db.migrations import MIGRATIONS

GROUP_TABLES = {"groups", "group_members", "group_contracts", "group_contract_signatures",
                "group_sessions", "group_records", "group_attendance", "group_actions"}


def test_upgrading_to_group_supervision_keeps_the_demo(demo_template, tmp_path):
    """The demo as m017 left it (group rows dropped), upgraded again."""
    path = tmp_path / "old.db"
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    for table in ["group_actions", "group_attendance", "group_records", "group_sessions",
                  "group_contract_signatures", "group_contracts", "group_members", "groups"]:
        target.execute(f"DROP TABLE {table}")
    target.execute("DELETE FROM _sqlite_migrations WHERE name = 'm018_group_supervision'")
    target.commit()
    counts = {t: target.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("users", "sessions", "records", "agenda_items")}
    target.close()
    storage.connection.forget_migrated()
    upgraded = storage.connect(path)
    assert MIGRATIONS.pending(upgraded) == []
    assert GROUP_TABLES <= set(upgraded.table_names())
    assert all(upgraded[t].count == 0 for t in GROUP_TABLES)
    for table, count in counts.items():
        assert upgraded[table].count == count


def test_the_group_record_has_no_column_for_one_members_support(tmp_path):
    fresh = storage.connect(tmp_path / "new.db")
    upgrade(fresh)
    columns = {c.name for t in GROUP_TABLES for c in fresh[t].columns}
    assert not any("support" in c or "wellbeing" in c for c in columns)
