"""The audit page filters and pages the trail in plain words; Settings lists records
past the retention period and purges them only once PURGE is typed; a
supervisee's Account page shows who read their items in a file audit."""

from datetime import timedelta

from conftest import button, page, texts
from export_fixtures import agreed_record
from reflection_fixtures import actor, arrangement_id

from core import clock, records
from core.admin import audit


def _fill(db, n):
    with db.atomic():
        for i in range(n):
            audit.record(db, None, "team_lead_set", "team", 5000 + i)


def test_the_audit_page_names_events_in_plain_words_and_filters_them(demo):
    at = page("admin", "app_pages/admin_audit.py")
    shown = at.dataframe[0].value
    assert "loaded the demo organisation" in set(shown["Did"])
    assert not any("_" in did for did in shown["Did"])
    kinds = next(m for m in at.multiselect if m.label == "Kind of event")
    kinds.set_value(["demo_reflections_loaded"]).run()
    assert set(at.dataframe[0].value["Did"]) == {"loaded the demo reflections"}
    kinds.set_value(["records_purged"]).run()
    assert "No events match these filters." in texts(at) and not at.exception


def test_the_audit_page_pages_through_the_whole_trail(demo):
    _fill(demo, 120)
    total = demo["audit_events"].count
    at = page("admin", "app_pages/admin_audit.py")
    assert f"{total:,} event(s); page 1 of {-(-total // audit.PAGE_SIZE)}" in texts(at)
    last = -(-total // audit.PAGE_SIZE)
    next(n for n in at.number_input if n.label == "Page").set_value(last).run()
    assert len(at.dataframe[0].value) == total - (last - 1) * audit.PAGE_SIZE
    assert "loaded the demo organisation" in set(at.dataframe[0].value["Did"])  # the oldest
    assert any(b.label.startswith("Download these events") for b in at.get("download_button"))
    # a filter with fewer pages brings the page number back within them
    kinds = next(m for m in at.multiselect if m.label == "Kind of event")
    kinds.set_value(["demo_loaded"]).run()
    assert not at.exception
    assert set(at.dataframe[0].value["Did"]) == {"loaded the demo organisation"}
    kinds.set_value([]).run()
    assert not at.exception and "page 1 of" in texts(at)


def test_settings_list_old_records_and_purge_only_when_confirmed(demo):
    arr = arrangement_id(demo, "sam.taylor", supervisor="helen.carter")
    end = clock.today() - timedelta(days=27 * 366)
    demo.execute("UPDATE arrangements SET start_date = ?, end_date = ? WHERE id = ?",
                 [(end - timedelta(days=900)).isoformat(), end.isoformat(), arr])
    at = page("admin", "app_pages/admin_settings.py")
    assert "Records past the retention period" in texts(at)
    assert "Sam Taylor" in str(at.dataframe[0].value)
    next(m for m in at.multiselect if m.label == "Arrangements to purge").set_value([arr])
    button(at, "Purge the chosen arrangements").click().run()
    assert "Type PURGE" in texts(at)
    assert demo.execute("SELECT count(*) FROM arrangements WHERE id = ?", [arr]).fetchone()[0]
    next(m for m in at.multiselect if m.label == "Arrangements to purge").set_value([arr])
    next(t for t in at.text_input if t.label.startswith("Type PURGE")).input("PURGE")
    button(at, "Purge the chosen arrangements").click().run()
    assert "Purged" in texts(at) and not at.exception
    assert not demo.execute("SELECT count(*) FROM arrangements WHERE id = ?", [arr]).fetchone()[0]
    assert demo["audit_events"].count_where("action = 'records_purged'") == 1


def test_the_account_page_shows_who_read_my_items(demo):
    sid = agreed_record(demo)
    records.file_audit(demo, actor(demo, "priya.shah"), session_id=sid)
    at = page("sam.taylor", "app_pages/account.py")
    assert "Who has read your record items" in texts(at)
    shown = at.dataframe[0].value
    assert "Priya Shah" in set(shown["Who"]) and shown["Flagged as safeguarding"].max() >= 1
