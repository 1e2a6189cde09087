"""Where the export buttons appear: an agreed record's DOCX and PDF for the
supervisee and the supervisor, the file-audit copy for the team lead, the
subject access zip on the person's own account page and, for a chosen person,
on the admin Users page (with the warning that it goes to that person)."""

from conftest import ROOT, page, signed_in, texts
from export_fixtures import agreed_record
from record_fixtures import held_and_shared

RECORDS = "app_pages/records.py"


def downloads(at) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def records_page(username: str, session_id: int):
    return page(username, RECORDS, session_id)


def test_agreed_record_downloads_for_both_people_and_none_before(demo):
    sid = agreed_record(demo)
    for who in ("sam.taylor", "helen.carter"):
        at = records_page(who, sid)
        assert not at.exception
        assert {"Download the record as Word (.docx)",
                "Download the record as PDF"} <= set(downloads(at)), who
    shared = held_and_shared(demo, days=-3)
    at = records_page("sam.taylor", shared)
    assert "Download the record as PDF" not in downloads(at)


def test_team_lead_gets_the_file_audit_export_with_the_warning(demo):
    agreed_record(demo)
    at = signed_in("priya.shah")
    at.switch_page(str(ROOT / RECORDS)).run()
    assert not at.exception
    assert "Export a file audit copy" in texts(at)
    assert "Download the record as PDF" in downloads(at)


def test_own_account_page_offers_the_subject_access_zip(demo):
    at = signed_in("sam.taylor")
    at.switch_page(str(ROOT / "app_pages/account.py")).run()
    assert not at.exception
    assert "Download everything (.zip)" in downloads(at)


def test_admin_users_page_offers_it_for_the_chosen_person_with_the_warning(demo):
    at = signed_in("admin")
    at.switch_page(str(ROOT / "app_pages/admin_users.py")).run()
    assert not downloads(at)
    sam = next(u["id"] for u in demo.query("SELECT id FROM users WHERE username = 'sam.taylor'"))
    at.selectbox(key="manage_user").select(sam).run()
    assert not at.exception
    assert "Download everything about Sam Taylor (.zip)" in downloads(at)
    assert "legal disclosure to **Sam Taylor**" in texts(at)


def test_choosing_another_record_opens_it(demo):
    """Regression: the page wrote the open record into the address, and on the next
    run took it back from there over the person's choice, so choosing another
    record (say, an agreed one to export) snapped back to the first."""
    at = signed_in("sam.taylor")
    at.switch_page(str(ROOT / RECORDS)).run()
    box = at.selectbox(key="records_open")
    first = box.value
    box.select_index(3).run()
    other = at.selectbox(key="records_open").value
    assert other != first
    assert at.query_params["session"] in (str(other), [str(other)])
    at.run()
    assert at.selectbox(key="records_open").value == other
