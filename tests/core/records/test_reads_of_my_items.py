"""A supervisee sees who has read their file-audited and flagged items, and when."""

from datetime import timedelta

from export_fixtures import agreed_record
from reflection_fixtures import actor

from core import clock, records
from core.admin import audit
from core.exports import subject_access


def test_a_supervisee_sees_each_file_audit_of_their_items(demo):
    sid = agreed_record(demo)  # one of its items flagged
    sam, priya = actor(demo, "sam.taylor"), actor(demo, "priya.shah")
    before = audit.reads_of_my_items(demo, sam)
    read = records.file_audit(demo, priya, session_id=sid)
    mine = audit.reads_of_my_items(demo, sam)
    assert len(mine) == len(before) + 1
    newest = mine[0]
    assert newest["who"] == "Priya Shah" and newest["session_id"] == sid
    assert newest["items"] == len(read)
    assert newest["flagged"] == sum(1 for r in read if r["item"]["safeguarding"]) >= 1
    assert newest["when"] == clock.local(newest["at"])
    assert newest["session"] == clock.day(clock.today() - timedelta(days=1))


def test_nobody_else_sees_those_reads_as_their_own(demo):
    sid = agreed_record(demo)
    records.file_audit(demo, actor(demo, "priya.shah"), session_id=sid)
    for username in ("helen.carter", "priya.shah", "marcus.reid"):
        assert all(r["session_id"] != sid
                   for r in audit.reads_of_my_items(demo, actor(demo, username)))


def test_an_admins_subject_access_export_about_me_is_listed_but_not_my_own(demo):
    sam = actor(demo, "sam.taylor")
    subject_access.export(demo, sam, sam.id)
    assert all(r["what"] != "subject access export" for r in audit.reads_of_my_items(demo, sam))
    subject_access.export(demo, actor(demo, "admin"), sam.id)
    newest = audit.reads_of_my_items(demo, sam)[0]
    assert newest["what"] == "subject access export" and newest["who"] == actor(demo, "admin").name
