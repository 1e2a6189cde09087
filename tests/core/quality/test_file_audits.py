"""File audits through core: who may start, read, grade and share one; the rules
for overriding the portal's suggestion; sharing with both; the quarter's sample;
the admin's checklist."""

import random

import pytest
from reflection_fixtures import actor, arrangement_id

from core import records
from core.quality import file_audits
from core.errors import PermissionDenied, ValidationError


def _start(db, supervisee="sam.taylor") -> int:
    return file_audits.start(db, actor(db, "priya.shah"), arrangement_id(db, supervisee))


def _complete(db, aid: int, **kw) -> dict:
    lead = actor(db, "priya.shah")
    found = file_audits.get(db, lead, aid)
    grades = {a["position"]: a["suggested"] or "good" for a in found["answers"]}
    args = dict(grades=grades, reasons={}, overall=file_audits.get(db, lead, aid)[
        "suggested_overall"] or "good", overall_reason="", actions="Agree agendas together.")
    args.update(kw)
    file_audits.save(db, lead, aid, **args)
    return file_audits.get(db, lead, aid)


def test_only_the_team_lead_of_the_supervisee_starts_an_audit(demo):
    arr = arrangement_id(demo, "sam.taylor")
    for who in ("daniel.okafor", "helen.carter", "sam.taylor", "admin"):
        with pytest.raises(PermissionDenied):
            file_audits.start(demo, actor(demo, who), arr)


def test_a_team_lead_never_audits_their_own_supervision(demo):
    with pytest.raises(PermissionDenied, match="someone else"):
        file_audits.start(demo, actor(demo, "priya.shah"), arrangement_id(demo, "helen.carter"))


def test_an_audit_is_pre_filled_from_the_checklist_with_evidence(demo):
    aid = _start(demo)
    found = file_audits.get(demo, actor(demo, "priya.shah"), aid)
    keys = [a["item_key"] for a in found["answers"]]
    assert keys == ["contract", "frequency", "signatures", "agenda", "review",
                    "case_decisions", "reflection"]
    assert all(a["evidence"]["lines"] and a["grade"] is None for a in found["answers"])
    assert found["editable"] and found["suggested_overall"]
    linked = {s for a in found["answers"] for s in a["evidence"]["sessions"]}
    assert set(found["linked"]) == linked
    # Sam's demo file has an overdue action: the review item points at its session.
    review = next(a for a in found["answers"] if a["item_key"] == "review")
    assert review["suggested"] == "requires_improvement" and review["evidence"]["sessions"]


def test_starting_reads_no_record_text_and_tells_nobody(demo):
    sam = actor(demo, "sam.taylor")
    before = len(records.notices_for(demo, sam))
    reads = demo.execute("SELECT count(*) FROM audit_events WHERE action = 'file_audit_read'"
                         ).fetchone()[0]
    _start(demo)
    assert len(records.notices_for(demo, sam)) == before
    assert demo.execute("SELECT count(*) FROM audit_events WHERE action = 'file_audit_read'"
                        ).fetchone()[0] == reads


def test_an_override_needs_a_reason(demo):
    aid = _start(demo)
    lead = actor(demo, "priya.shah")
    first = file_audits.get(demo, lead, aid)["answers"][0]
    other = "inadequate" if first["suggested"] != "inadequate" else "good"
    with pytest.raises(ValidationError) as error:
        _complete(demo, aid, grades={1: other}, overall=None)
    assert "reason_1" in error.value.errors
    found = _complete(demo, aid, grades={1: other}, reasons={1: "Paper copy unsigned."},
                      overall=None)
    assert found["answers"][0]["grade"] == other
    assert found["answers"][0]["reason"] == "Paper copy unsigned."


def test_an_overall_grade_above_the_lowest_item_needs_a_reason(demo):
    aid = _start(demo)
    found = _complete(demo, aid)
    assert found["suggested_overall"] != "good"  # Sam's file has an item to improve
    with pytest.raises(ValidationError) as error:
        _complete(demo, aid, overall="good")
    assert "overall_reason" in error.value.errors
    _complete(demo, aid, overall="good", overall_reason="Minor points only.")


def test_sharing_needs_every_grade_then_tells_both_and_locks(demo):
    aid = _start(demo)
    lead = actor(demo, "priya.shah")
    with pytest.raises(ValidationError, match="Grade every item"):
        file_audits.share(demo, lead, aid)
    for who in ("sam.taylor", "helen.carter"):
        with pytest.raises(PermissionDenied):  # not before it is shared
            file_audits.get(demo, actor(demo, who), aid)
    _complete(demo, aid)
    file_audits.share(demo, lead, aid)
    for who in ("sam.taylor", "helen.carter"):
        person = actor(demo, who)
        found = file_audits.get(demo, person, aid)
        assert not found["editable"] and found["linked"] == {}
        assert any("shared a file audit" in n["text"] for n in records.notices_for(demo, person))
        assert aid in {a["id"] for a in file_audits.listing(demo, person)}
    with pytest.raises(ValidationError, match="shared"):
        _complete(demo, aid)
    for who in ("daniel.okafor", "marcus.reid", "admin", "zara.hussain"):
        with pytest.raises(PermissionDenied):
            file_audits.get(demo, actor(demo, who), aid)
        assert aid not in {a["id"] for a in file_audits.listing(demo, actor(demo, who))}


@pytest.mark.parametrize("field, value", [("actions", "x" * 20_001),
                                          ("overall_reason", "nul\x00")])
def test_bad_text_is_refused_next_to_its_field(demo, field, value):
    aid = _start(demo)
    with pytest.raises(ValidationError) as error:
        _complete(demo, aid, **{field: value})
    assert field in error.value.errors


def test_a_sample_is_drawn_at_random_from_the_teams_current_files(demo):
    demo.execute("DELETE FROM file_audit_samples")  # the demo's own sample
    lead = actor(demo, "priya.shah")
    team = next(iter(lead.led_team_ids))
    drawn = file_audits.draw_sample(demo, lead, team, 2, rng=random.Random(1))
    assert len(drawn) == 2 and not any(r["done"] for r in drawn)
    pool = {a["id"] for a in file_audits.auditable(demo, lead)}
    assert {r["arrangement_id"] for r in drawn} <= pool
    assert arrangement_id(demo, "helen.carter") not in pool  # the lead's own supervisee
    more = file_audits.draw_sample(demo, lead, team, 20, rng=random.Random(2))
    assert len(more) == len(pool)  # no file twice
    with pytest.raises(ValidationError, match="already"):
        file_audits.draw_sample(demo, lead, team, 1)
    # An audit started from the sample and shared marks it done.
    first = drawn[0]["arrangement_id"]
    aid = file_audits.start(demo, lead, first)
    _complete(demo, aid)
    file_audits.share(demo, lead, aid)
    done = {r["arrangement_id"]: r["done"] for r in file_audits.sample(demo, lead, team)}
    assert done[first] and sum(done.values()) == 1


@pytest.mark.parametrize("size", [0, 21, "3"])
def test_a_sample_size_out_of_range_is_refused(demo, size):
    lead = actor(demo, "priya.shah")
    with pytest.raises(ValidationError):
        file_audits.draw_sample(demo, lead, next(iter(lead.led_team_ids)), size)


def test_only_the_team_lead_samples_the_team(demo):
    team = next(iter(actor(demo, "priya.shah").led_team_ids))
    for who in ("daniel.okafor", "helen.carter", "admin"):
        with pytest.raises(PermissionDenied):
            file_audits.draw_sample(demo, actor(demo, who), team, 1)
        with pytest.raises(PermissionDenied):
            file_audits.sample(demo, actor(demo, who), team)


def test_the_admin_rewords_and_adds_items_and_old_audits_keep_theirs(demo):
    aid = _start(demo)
    admin = actor(demo, "admin")
    items = file_audits.checklist(demo)
    file_audits.update_checklist(demo, admin, {items[0]["id"]: "A contract, signed."},
                                 "Group supervision is recorded.")
    now = file_audits.checklist(demo)
    assert now[0]["text"] == "A contract, signed." and now[-1]["key"] is None
    old = file_audits.get(demo, actor(demo, "priya.shah"), aid)
    assert old["answers"][0]["item_text"] == items[0]["text"]
    new = file_audits.get(demo, actor(demo, "priya.shah"), _start(demo, "zara.hussain"))
    assert new["answers"][-1]["item_text"] == "Group supervision is recorded."
    assert new["answers"][-1]["suggested"] is None
    with pytest.raises(ValidationError):
        file_audits.retire_item(demo, admin, now[0]["id"])  # preloaded: reword instead
    file_audits.retire_item(demo, admin, now[-1]["id"])
    assert len(file_audits.checklist(demo)) == 7
    for who in ("priya.shah", "helen.carter"):
        with pytest.raises(PermissionDenied):
            file_audits.update_checklist(demo, actor(demo, who), {}, "More.")
