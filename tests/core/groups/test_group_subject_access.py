"""Group supervision in the subject access export: each person gets what the Group
supervision page shows them and no more. A member gets shared and agreed records
(never a draft), and after leaving only those they attended; the facilitator gets
drafts too; someone outside the group gets no group."""

import io
import json
import zipfile

import pytest
from group_fixtures import actor, demo_group, past_session, record

from core.exports import subject_access
from core.groups import group_membership, group_records


def _groups(db, username: str, by: str | None = None) -> list[dict]:
    who = actor(db, username)
    export = subject_access.export(db, actor(db, by or username), who.id)
    bundle = zipfile.ZipFile(io.BytesIO(export.data))
    name = next(n for n in bundle.namelist() if n.endswith("data.json"))
    return json.loads(bundle.read(name))["groups"]


def _refs(group: dict) -> set[str]:
    return {r["case_ref"] for r in group["records"]}


@pytest.mark.parametrize("by", [None, "admin"])
def test_a_member_gets_the_records_they_read_never_a_draft(demo, by):
    draft = past_session(demo)
    record(demo, draft, case_ref="CR-424242")
    [group] = _groups(demo, "zara.hussain", by)
    assert group["subject_is"] == "member" and group["membership"]["left_on"] is None
    assert _refs(group) == {"CR-204117", "", "CR-104233"}
    assert all(r["third_party_data"] for r in group["records"])
    assert group["contract"]["version"] == 1 and group["contract_signed_at"]
    assert any(a["description"].startswith("Complete the graded care profile")
               for r in group["records"] for a in r["actions"])
    assert "CR-424242" not in json.dumps(group)


def test_the_facilitator_gets_drafts_too(demo):
    draft = past_session(demo)
    record(demo, draft, case_ref="CR-424242")
    [group] = _groups(demo, "helen.carter")
    assert group["subject_is"] == "facilitator" and "CR-424242" in _refs(group)


def test_a_member_who_left_gets_only_what_they_attended(demo):
    helen = actor(demo, "helen.carter")
    missed = past_session(demo, days_ago=3)
    record(demo, missed, attended=[actor(demo, u).id for u in
                                   ("sam.taylor", "chloe.wright", "zara.hussain")],
           case_ref="CR-909090")
    group_records.share(demo, helen, missed)
    group_membership.record_leaving(demo, helen, demo_group(demo), actor(demo, "tom.baker").id)
    [group] = _groups(demo, "tom.baker")
    assert group["membership"]["left_on"]
    assert _refs(group) == {"CR-204117", "", "CR-104233"}
    assert not any(s["status"] == "planned" for s in group["sessions"])


@pytest.mark.parametrize("username", ["jordan.ellis", "priya.shah"])
def test_people_outside_the_group_get_no_group(demo, username):
    assert _groups(demo, username) == []
