"""Named file auditors: the admin names a person for one team or the whole service.
In their scope they start audits, draw samples and read record items under the
file-audit rules (audited, the supervisee told); they see nothing else: no balance,
no reflections, no personal support, no contract or session pages, no one else's audit."""

import pytest
from reflection_fixtures import actor, arrangement_id

from core import insights, records
from core.access import arrangement_access, permissions
from core.access.permissions import Access, Relation
from core.access.roles import Role
from core.errors import PermissionDenied, ValidationError
from core.preparation import reflections
from core.quality import auditors, feedback, file_audits
from core.sessions import regularity

IN_SCOPE, OTHER_TEAM = "sam.taylor", "ravi.patel"   # Assessment; Children in Care


def _team(db, name: str) -> int:
    return db.execute("SELECT id FROM teams WHERE name = ?", [name]).fetchone()[0]


@pytest.fixture
def aisha(demo):
    """Aisha Begum, named auditor of Assessment and Intervention only."""
    auditors.name_auditor(demo, actor(demo, "admin"), actor(demo, "aisha.begum").id,
                          _team(demo, "Assessment and Intervention"))
    return actor(demo, "aisha.begum")


def test_the_demo_names_one_auditor_for_the_whole_service(demo):
    nadia = actor(demo, "nadia.khan")
    assert nadia.roles == {Role.AUDITOR} and nadia.audits_every_team
    assert "File auditor" in nadia.role_labels
    rows = auditors.listing(demo, actor(demo, "admin"))
    assert [(r["username"], r["scope"]) for r in rows] == [("nadia.khan", "the whole service")]


def test_only_the_admin_names_and_removes_auditors(demo):
    for who in ("priya.shah", "nadia.khan", "sam.taylor"):
        with pytest.raises(PermissionDenied):
            auditors.name_auditor(demo, actor(demo, who), actor(demo, "aisha.begum").id)
        with pytest.raises(PermissionDenied):
            auditors.listing(demo, actor(demo, who))
    admin = actor(demo, "admin")
    with pytest.raises(ValidationError, match="already"):
        auditors.name_auditor(demo, admin, actor(demo, "nadia.khan").id)
    with pytest.raises(ValidationError):
        auditors.name_auditor(demo, admin, 999_999)
    with pytest.raises(ValidationError):
        auditors.name_auditor(demo, admin, actor(demo, "aisha.begum").id, 999_999)
    row = auditors.listing(demo, admin)[0]
    auditors.remove_auditor(demo, admin, row["id"])
    assert Role.AUDITOR not in actor(demo, "nadia.khan").roles
    events = [r[0] for r in demo.execute(
        "SELECT action FROM audit_events WHERE action LIKE 'file_auditor_%'")]
    assert events == ["file_auditor_named", "file_auditor_removed"]


def test_an_auditor_audits_and_samples_files_in_scope_only(demo, aisha):
    team = _team(demo, "Assessment and Intervention")
    other = _team(demo, "Children in Care")
    assert [t["id"] for t in file_audits.audited_teams(demo, aisha)] == [team]
    files = {a["supervisee_name"] for a in file_audits.auditable(demo, aisha)}
    assert "Sam Taylor" in files and "Ravi Patel" not in files
    aid = file_audits.start(demo, aisha, arrangement_id(demo, IN_SCOPE))
    found = file_audits.get(demo, aisha, aid)
    assert found["editable"] and found["auditor_name"] == "Aisha Begum"
    with pytest.raises(PermissionDenied):
        file_audits.start(demo, aisha, arrangement_id(demo, OTHER_TEAM))
    drawn = file_audits.draw_sample(demo, aisha, team, 1)
    assert drawn
    with pytest.raises(PermissionDenied):
        file_audits.draw_sample(demo, aisha, other, 1)
    with pytest.raises(PermissionDenied):
        file_audits.sample(demo, aisha, other)


def test_an_auditor_never_audits_their_own_supervision(demo):
    nadia = actor(demo, "nadia.khan")
    files = {a["supervisee_name"] for a in file_audits.auditable(demo, nadia)}
    assert {"Ravi Patel", "Sam Taylor", "Helen Carter"} <= files
    aisha = actor(demo, "aisha.begum")
    auditors.name_auditor(demo, actor(demo, "admin"), aisha.id)
    aisha = actor(demo, "aisha.begum")
    ravi = arrangement_id(demo, "ravi.patel", kind="child_protection")
    assert ravi not in {a["id"] for a in file_audits.auditable(demo, aisha)}
    with pytest.raises(PermissionDenied, match="someone else"):
        file_audits.start(demo, aisha, ravi)


def test_an_auditors_reads_are_audited_and_the_supervisee_told(demo):
    nadia, sam = actor(demo, "nadia.khan"), actor(demo, IN_SCOPE)
    arr = permissions.arrangement(demo, arrangement_id(demo, IN_SCOPE))
    assert permissions.relations(demo, nadia, arr) == {Relation.AUDITOR}
    assert permissions.require(demo, nadia, Access.RECORD_TEXT, arr).audited
    before = len(records.notices_for(demo, sam))
    read = records.file_audit(demo, nadia, arrangement_id=arr["id"])
    assert read and all(r["item"]["function"] != "support" or r["item"]["safeguarding"]
                        for r in read)
    told = records.notices_for(demo, sam)[0]["text"]
    assert len(records.notices_for(demo, sam)) > before
    assert told.startswith("Nadia Khan, file auditor, read")
    events = demo.execute("SELECT count(*) FROM audit_events WHERE action = 'file_audit_read' "
                          "AND actor_id = ?", [nadia.id]).fetchone()[0]
    assert events == len(read)


@pytest.mark.parametrize("access", [Access.CONTRACT, Access.METRICS, Access.SUPPORT_TEXT,
                                    Access.REFLECTION_SUBMITTED, Access.REFLECTION_DRAFT,
                                    Access.WELLBEING])
def test_an_auditor_has_no_other_cell_of_the_matrix(demo, access):
    nadia = actor(demo, "nadia.khan")
    arr = permissions.arrangement(demo, arrangement_id(demo, IN_SCOPE))
    with pytest.raises(PermissionDenied):
        permissions.require(demo, nadia, access, arr)


def test_an_auditor_sees_nothing_else_of_anyones_supervision(demo):
    nadia = actor(demo, "nadia.khan")
    arr = arrangement_id(demo, IN_SCOPE)
    refused = [
        lambda: records.records_for(demo, nadia, arr),
        lambda: regularity.summary(demo, nadia, arr),
        lambda: arrangement_access.readable(demo, nadia, arr),
        lambda: insights.personal_scope(demo, nadia, arr),
        lambda: insights.team_scope(demo, nadia, _team(demo, "Assessment and Intervention")),
        lambda: feedback.team_summary(demo, nadia, _team(demo, "Assessment and Intervention"),
                                      feedback.since_months(12)),
    ]
    for read in refused:
        with pytest.raises(PermissionDenied):
            read()
    assert arrangement_access.visible(demo, nadia) == []
    assert reflections.for_supervisor(demo, nadia, include_held=True) == []
    assert insights.led_teams(demo, nadia) == []
    assert feedback.for_supervisor(demo, nadia) == []
    # Nor a case note: that is for the two people, never a file audit.
    item = demo.execute("SELECT i.id FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
                        "WHERE s.arrangement_id = ? AND i.case_ref <> '' LIMIT 1",
                        [arr]).fetchone()[0]
    with pytest.raises(PermissionDenied):
        records.case_note(demo, nadia, item)


def test_an_audit_is_read_by_its_auditor_the_team_lead_and_once_shared_the_two(demo, aisha):
    aid = file_audits.start(demo, aisha, arrangement_id(demo, IN_SCOPE))
    priya = actor(demo, "priya.shah")
    lead_view = file_audits.get(demo, priya, aid)
    assert not lead_view["editable"]  # only its auditor changes it
    assert aid in {a["id"] for a in file_audits.listing(demo, priya)}
    for who in ("nadia.khan", "sam.taylor", "helen.carter", "daniel.okafor", "admin"):
        with pytest.raises(PermissionDenied):
            file_audits.get(demo, actor(demo, who), aid)
        assert aid not in {a["id"] for a in file_audits.listing(demo, actor(demo, who))}
    # Nor another audit: the demo's shared audit of Chloe's file is Priya's.
    assert {a["auditor_name"] for a in file_audits.listing(demo, aisha)} == {"Aisha Begum"}


def test_a_removed_auditor_loses_the_files_at_once(demo, aisha):
    aid = file_audits.start(demo, aisha, arrangement_id(demo, IN_SCOPE))
    admin = actor(demo, "admin")
    row = next(r for r in auditors.listing(demo, admin) if r["username"] == "aisha.begum")
    auditors.remove_auditor(demo, admin, row["id"])
    aisha = actor(demo, "aisha.begum")
    with pytest.raises(PermissionDenied):
        file_audits.get(demo, aisha, aid)
    with pytest.raises(PermissionDenied):
        records.file_audit(demo, aisha, arrangement_id=arrangement_id(demo, IN_SCOPE))
    assert file_audits.get(demo, actor(demo, "priya.shah"), aid)  # the team lead still reads it
