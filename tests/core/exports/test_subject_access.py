"""Subject access: the person themselves, or an admin, exports everything the
portal holds about one person as one zip (data.json, README.txt and the agreed
records as DOCX and PDF); never a password hash; every export audited."""

import io
import json
import zipfile

import docx
import pypdf
import pytest
from export_fixtures import ACTION, ADDENDUM, HOSTILE, SUPPORT_TEXT, agreed_record
from reflection_fixtures import actor

from core import records
from core.preparation import journal
from core.errors import PermissionDenied
from core.exports import subject_access


def opened(export) -> tuple[dict, dict[str, bytes]]:
    """(data.json, {path inside the zip folder: bytes})."""
    bundle = zipfile.ZipFile(io.BytesIO(export.data))
    files = {name.split("/", 1)[1]: bundle.read(name) for name in bundle.namelist()}
    return json.loads(files["data.json"]), files


def audit_rows(db, action: str) -> list[dict]:
    return [dict(r, detail=json.loads(r["detail"])) for r in
            db.query("SELECT * FROM audit_events WHERE action = ? ORDER BY id", [action])]


@pytest.fixture
def sam_export(demo):
    sid = agreed_record(demo)
    sam = actor(demo, "sam.taylor")
    journal.save(demo, sam, None, title="Private thoughts", body="My own journal 😀 " + HOSTILE)
    return demo, sid, sam, subject_access.export(demo, sam, sam.id)


def test_the_zip_holds_json_a_readme_and_every_agreed_record_as_docx_and_pdf(sam_export):
    db, sid, sam, export = sam_export
    assert export.name.startswith("subject-access-sam.taylor-") and export.name.endswith(".zip")
    data, files = opened(export)
    assert {"README.txt", "data.json", "records/supervision-records.pdf"} <= set(files)
    agreed = [r for r in data["records"] if r["record"]["status"] == "agreed"]
    docs = [n for n in files if n.endswith(".docx")]
    assert agreed and len(docs) == len(agreed)
    ours = next(n for n in docs if f"session-{sid}." in n)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(files[ours])).paragraphs)
    assert ACTION in body and ADDENDUM in body and SUPPORT_TEXT in body
    pdf = pypdf.PdfReader(io.BytesIO(files["records/supervision-records.pdf"]))
    assert len(pdf.pages) >= len(agreed)
    assert "Supervision record" in pdf.pages[0].extract_text()


def test_the_json_holds_what_the_portal_keeps_about_the_person(sam_export):
    db, sid, sam, export = sam_export
    data, _files = opened(export)
    assert data["account"]["username"] == "sam.taylor"
    assert {a["subject_is"] for a in data["arrangements"]} == {"supervisee"}
    assert all(a["contracts"] and a["sessions"] for a in data["arrangements"])
    assert any(r["session_id"] == sid for r in data["records"])
    ours = next(r for r in data["records"] if r["session_id"] == sid)
    assert any(HOSTILE in (i["discussion"] or "") for i in ours["items"])  # text, as typed
    assert not ours["third_party_data"]
    # Reflections: the demo gives Sam a draft in progress and submitted ones.
    assert any(r["submitted_at"] is None for r in data["reflections"])
    assert any(r["submitted_versions"] for r in data["reflections"])
    assert [e["title"] for e in data["journal_entries"]][0] == "Private thoughts"
    assert any(a["description"] == ACTION for a in data["actions_owned"])
    assert all(a["owner_id"] == sam.id for a in data["actions_owned"])
    assert any(e["action"] == "record_signed" for e in data["audit_events"])
    assert "notices" in data and "teams" in data and "informal_contacts" in data
    # The supervisor's private preparation notes stay with the supervisor.
    assert all("private_notes" not in s for a in data["arrangements"] for s in a["sessions"])


def test_no_password_hash_anywhere(sam_export):
    db, _sid, _sam, export = sam_export
    data, files = opened(export)
    assert "password_hash" not in data["account"]
    hashes = [r["password_hash"] for r in db.query("SELECT password_hash FROM users")]
    everything = b"".join(files.values())
    assert b"password_hash" not in everything
    assert not any(h.encode() in everything for h in hashes)


def test_the_export_is_audited(sam_export):
    db, _sid, sam, _export = sam_export
    rows = audit_rows(db, "subject_access_exported")
    assert [(r["actor_id"], r["entity"], r["entity_id"], r["detail"]["by"]) for r in rows] == [
        (sam.id, "user", sam.id, "self")]


def test_an_admin_exports_for_a_person_who_is_told(demo):
    admin, sam = actor(demo, "admin"), actor(demo, "sam.taylor")
    journal.save(demo, sam, None, title="Only mine", body="Kept private")
    data, files = opened(subject_access.export(demo, admin, sam.id))
    # A legal disclosure to the person: the journal is included, and the page says
    # the export goes to the person.
    assert any(e["title"] == "Only mine" for e in data["journal_entries"])
    assert data["made_by"] == {"user_id": admin.id, "name": admin.name, "as": "an admin"}
    assert "an admin" in files["README.txt"].decode()
    assert "subject access export" in records.notices_for(demo, sam)[0]["text"]
    row = audit_rows(demo, "subject_access_exported")[-1]
    assert (row["actor_id"], row["entity_id"], row["detail"]["by"]) == (admin.id, sam.id,
                                                                       "admin")


@pytest.mark.parametrize("who", ["helen.carter", "priya.shah", "jordan.ellis"])
def test_nobody_else_may_export_a_person(demo, who):
    """Not their supervisor, not their team lead, not a colleague."""
    with pytest.raises(PermissionDenied):
        subject_access.export(demo, actor(demo, who), actor(demo, "sam.taylor").id)
    assert audit_rows(demo, "subject_access_exported") == []


def test_a_supervisors_export_marks_the_records_they_wrote_as_third_party_data(demo):
    aisha = actor(demo, "aisha.begum")
    data, files = opened(subject_access.export(demo, aisha, aisha.id))
    supervising = [r for r in data["records"] if r["subject_is"] == "supervisor"]
    assert supervising and all(r["third_party_data"] for r in supervising)
    assert any(a["subject_is"] == "supervisor" and "private_notes" in a["sessions"][0]
               for a in data["arrangements"] if a["sessions"])
    # Their supervisees' reflections are about the supervisees, so they are left out.
    assert all(r["supervisee_id"] == aisha.id for r in data["reflections"])
    assert "supervisee's personal data" in " ".join(files["README.txt"].decode().split())


def test_an_admin_with_no_supervision_exports_their_own_account(demo):
    admin = actor(demo, "admin")
    data, files = opened(subject_access.export(demo, admin, admin.id))
    assert data["account"]["is_admin"] and data["arrangements"] == [] and data["records"] == []
    assert not any(n.startswith("records/") for n in files)
    assert audit_rows(demo, "subject_access_exported")[-1]["entity_id"] == admin.id
