"""Subject access holds the person's session feedback and the file audits of their
supervision, as the portal shows them to that person: a comment kept out never reaches
the supervisor's export; an audit reaches the two people once shared, and its auditor
always."""

from reflection_fixtures import actor, arrangement_id

from core.exports import subject_access
from core.quality import file_audits


def _data(db, username: str) -> dict:
    person = actor(db, username)
    return subject_access.collect(db, person, person.id)[0]


def test_the_supervisee_gets_every_answer_with_their_comment(demo):
    data = _data(demo, "zara.hussain")
    given = [f for f in data["feedback"] if f["subject_is"] == "supervisee"]
    assert given and all(f["scores"] for f in given)
    kept = [f for f in given if f["comment"] and not f["comment_shared"]]
    assert kept, "Zara kept her comment out in the demo"
    assert kept[0]["scores"][0]["statement"] and 1 <= kept[0]["scores"][0]["score"] <= 5


def test_the_supervisor_gets_the_answers_but_never_a_comment_kept_out(demo):
    zara = _data(demo, "zara.hussain")
    kept = {f["id"]: f["comment"] for f in zara["feedback"]
            if f["comment"] and not f["comment_shared"]}
    helen = _data(demo, "helen.carter")
    about = {f["id"]: f for f in helen["feedback"] if f["subject_is"] == "supervisor"}
    assert set(kept) <= set(about)
    for fid, comment in kept.items():
        assert about[fid]["comment"] is None and about[fid]["comment_kept_out"]
    assert any(f["comment"] for f in about.values())  # Sam shared his
    assert all(comment not in str(helen) for comment in kept.values())


def test_a_shared_audit_reaches_both_people_and_its_auditor(demo):
    shared = next(a for a in file_audits.listing(demo, actor(demo, "priya.shah"))
                  if a["shared_at"])
    for who, side in (("chloe.wright", "supervisee"), ("helen.carter", "supervisor"),
                      ("priya.shah", "auditor")):
        audits = {a["id"]: a for a in _data(demo, who)["file_audits"]}
        assert audits[shared["id"]]["subject_is"] == side, who
        assert audits[shared["id"]]["answers"] and audits[shared["id"]]["actions"]
        assert audits[shared["id"]]["third_party_data"] == (side == "auditor")
    assert _data(demo, "sam.taylor")["file_audits"] == []


def test_an_audit_in_progress_reaches_only_its_auditor(demo):
    nadia = actor(demo, "nadia.khan")
    aid = file_audits.start(demo, nadia, arrangement_id(demo, "sam.taylor"))
    assert [a["id"] for a in _data(demo, "nadia.khan")["file_audits"]] == [aid]
    for who in ("sam.taylor", "helen.carter"):
        assert aid not in {a["id"] for a in _data(demo, who)["file_audits"]}
