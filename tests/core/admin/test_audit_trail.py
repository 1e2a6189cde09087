"""The admin's view of the trail: metadata only, filtered by person, record, kind
of event and dates, paged through the whole trail, and exported as CSV (the
export audited)."""

import csv
import io
from datetime import timedelta

import pytest
from export_fixtures import PERFORMANCE_TEXT, agreed_record
from reflection_fixtures import actor

from core import clock
from core.admin import audit
from core.errors import PermissionDenied


def _fill(db, n: int, who: int | None = None):
    with db.atomic():
        for i in range(n):
            audit.record(db, who, "team_lead_set", "team", 1000 + i, lead_id=None)


def test_the_whole_trail_pages_through_not_only_the_latest_200(demo):
    admin = actor(demo, "admin")
    _fill(demo, 260)
    total = demo["audit_events"].count
    assert total > 260
    first = audit.trail(demo, admin, page=1, per_page=100)
    assert first["total"] == total and first["pages"] == -(-total // 100)
    seen = []
    for page in range(1, first["pages"] + 1):
        seen += [e["id"] for e in audit.trail(demo, admin, page=page, per_page=100)["events"]]
    ids = [r[0] for r in demo.execute("SELECT id FROM audit_events ORDER BY id DESC")]
    assert seen == ids  # every event once, newest first
    assert audit.trail(demo, admin, page=999, per_page=100)["page"] == first["pages"]


def test_filter_by_person_record_kind_and_dates(demo):
    admin, helen = actor(demo, "admin"), actor(demo, "helen.carter")
    sid = agreed_record(demo)
    record_id = demo.execute("SELECT id FROM records WHERE session_id = ?", [sid]).fetchone()[0]

    by_helen = audit.trail(demo, admin, audit.Filters(actor_id=helen.id), per_page=1000)
    assert by_helen["total"] > 0 and {e["who"] for e in by_helen["events"]} == {"Helen Carter"}

    on_record = audit.trail(demo, admin, audit.Filters(entity="record", entity_id=record_id),
                            per_page=1000)["events"]
    assert {e["action"] for e in on_record} >= {"record_opened", "record_shared",
                                                 "record_signed", "addendum_added"}
    assert {e["to"] for e in on_record} == {f"record {record_id}"}

    signed = audit.trail(demo, admin, audit.Filters(actions=("record_signed",)),
                         per_page=1000)["events"]
    assert signed and {e["did"] for e in signed} == {"signed the record"}

    today = clock.today()
    now = audit.trail(demo, admin, audit.Filters(since=today - timedelta(days=1),
                                                 until=today + timedelta(days=1)))
    assert now["total"] == demo["audit_events"].count
    future = audit.trail(demo, admin, audit.Filters(since=today + timedelta(days=2)))
    past = audit.trail(demo, admin, audit.Filters(until=today - timedelta(days=2)))
    assert future["total"] == 0 and past["total"] == 0 and future["events"] == []


def test_admins_see_metadata_never_content(demo):
    admin = actor(demo, "admin")
    agreed_record(demo)
    shown = audit.trail(demo, admin, per_page=10_000)["events"]
    assert set(shown[0]) == {"id", "at", "when", "actor_id", "who", "action", "did", "entity",
                             "entity_id", "to"}
    assert PERFORMANCE_TEXT not in repr(shown)


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "priya.shah"])
def test_only_admins_see_or_export_the_trail(demo, username):
    someone = actor(demo, username)
    with pytest.raises(PermissionDenied):
        audit.trail(demo, someone)
    with pytest.raises(PermissionDenied):
        audit.export_csv(demo, someone)
    assert demo["audit_events"].count_where("action = 'audit_exported'") == 0


def test_the_csv_holds_the_whole_filtered_trail_and_the_export_is_audited(demo):
    admin = actor(demo, "admin")
    _fill(demo, 230)
    chosen = audit.Filters(actions=("team_lead_set",))
    rows = list(csv.reader(io.StringIO(audit.export_csv(demo, admin, chosen).decode())))
    assert rows[0] == audit.CSV_COLUMNS
    assert len(rows) == 1 + 230
    assert {r[4] for r in rows[1:]} == {"set the team lead"} and rows[1][6] == "team"
    exported = demo.execute("SELECT actor_id, detail FROM audit_events "
                            "WHERE action = 'audit_exported'").fetchall()
    assert len(exported) == 1 and exported[0][0] == admin.id
    assert '"events": 230' in exported[0][1] and "team_lead_set" in exported[0][1]


def test_a_name_in_the_csv_is_never_a_formula(demo):
    admin = actor(demo, "admin")
    demo.execute("UPDATE users SET name = '=HYPERLINK(\"x\")' WHERE username = 'helen.carter'")
    _fill(demo, 1, actor(demo, "helen.carter").id)
    rows = list(csv.reader(io.StringIO(audit.export_csv(
        demo, admin, audit.Filters(actions=("team_lead_set",))).decode())))
    assert rows[1][2].startswith("'=")


def test_the_kinds_offered_to_filter_are_named_in_plain_words(demo):
    offered = audit.kinds(demo, actor(demo, "admin"))
    assert offered["record_signed"] == "signed the record"
    assert all("_" not in name for name in offered.values())
