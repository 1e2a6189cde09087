"""Named auditors on the pages: the admin names and removes one on Audit checklist;
the auditor opens File audits, samples and starts an audit over a period they choose
(a bad period is refused next to its field, nothing started), and reads a linked
record (the supervisee is told). Which other pages the auditor may open is in
test_page_access.py."""

from datetime import timedelta

from conftest import button, page, texts
from reflection_fixtures import actor, arrangement_id

from core import clock, records
from core.access.roles import Role
from core.quality import auditors, file_audits

PAGE = "app_pages/file_audits.py"
ADMIN_PAGE = "app_pages/admin_audit_checklist.py"


def _box(at, label):
    return next(b for b in at.selectbox if b.label == label)


def test_the_admin_names_and_removes_an_auditor(demo):
    at = page("admin", ADMIN_PAGE)
    assert not at.exception
    assert "Nadia Khan (nadia.khan)" in at.dataframe[0].value["Auditor"].tolist()
    next(t for t in at.text_input if t.label == "Find a person to name").input("aisha").run()
    _box(at, "Person").set_value(actor(demo, "aisha.begum").id)
    team = demo.execute("SELECT id FROM teams WHERE name = 'Children in Care'").fetchone()[0]
    _box(at, "Audits the files of").set_value(team)
    button(at, "Name as auditor").click().run()
    assert not at.exception
    assert any("Aisha Begum" in s.value for s in at.success)
    aisha = actor(demo, "aisha.begum")
    assert Role.AUDITOR in aisha.roles and aisha.audited_team_ids == {team}
    button(at, "Name as auditor").click().run()  # the same again: refused next to the field
    assert any("already an auditor there" in e.value for e in at.error)
    _box(at, "Auditor to remove").set_value(next(
        r["id"] for r in auditors.listing(demo, actor(demo, "admin"))
        if r["username"] == "aisha.begum"))
    button(at, "Remove as auditor").click().run()
    assert Role.AUDITOR not in actor(demo, "aisha.begum").roles


def test_the_auditor_samples_and_starts_an_audit_over_a_chosen_period(demo):
    at = page("nadia.khan", PAGE)
    assert not at.exception
    assert set(_box(at, "Team").options) == {"Assessment and Intervention", "Children in Care"}
    assert "No file audits to show" in texts(at)
    _box(at, "File").set_value(arrangement_id(demo, "sam.taylor"))
    next(r for r in at.radio if r.label == "Period to audit").set_value(3).run()
    button(at, "Start the audit").click().run()
    assert not at.exception
    first = clock.day(file_audits.period(3)[0])
    assert f"The file of Sam Taylor, supervised by Helen Carter, from {first}" in texts(at)
    assert "Save the audit" in [b.label for b in at.button]
    reads = [b for b in at.button if b.label.startswith("Read the record of")]
    if reads:  # a linked record, read under the file-audit rules: Sam is told
        reads[0].click().run()
        told = records.notices_for(demo, actor(demo, "sam.taylor"))[0]["text"]
        assert told.startswith("Nadia Khan, file auditor, read")


def test_a_bad_period_is_refused_next_to_its_field_and_nothing_starts(demo):
    at = page("nadia.khan", PAGE)
    _box(at, "File").set_value(arrangement_id(demo, "sam.taylor"))
    next(r for r in at.radio if r.label == "Period to audit").set_value("dates").run()
    today = clock.today()
    next(d for d in at.date_input if d.label == "First day of the period").set_value(today)
    next(d for d in at.date_input if d.label == "Last day of the period").set_value(
        today - timedelta(days=30)).run()
    button(at, "Start the audit").click().run()
    assert not at.exception
    assert any("must come before its last day" in e.value for e in at.error)
    assert file_audits.listing(demo, actor(demo, "nadia.khan")) == []
    next(d for d in at.date_input if d.label == "Last day of the period").set_value(
        today + timedelta(days=30)).run()
    button(at, "Start the audit").click().run()
    assert any("cannot reach into the future" in e.value for e in at.error)
    assert file_audits.listing(demo, actor(demo, "nadia.khan")) == []


def test_the_team_lead_reads_but_does_not_change_the_auditors_audit(demo):
    file_audits.start(demo, actor(demo, "nadia.khan"), arrangement_id(demo, "sam.taylor"))
    at = page("priya.shah", PAGE)
    assert not at.exception
    _box(at, "Open an audit").set_value(next(
        a["id"] for a in file_audits.listing(demo, actor(demo, "priya.shah"))
        if a["supervisee_name"] == "Sam Taylor")).run()
    assert not at.exception
    assert "Nadia Khan is auditing this file" in texts(at)
    assert "Save the audit" not in [b.label for b in at.button]


def test_the_auditors_home_names_the_role(demo):
    at = page("nadia.khan", "app_pages/home.py")
    assert not at.exception and "File auditor" in texts(at)
