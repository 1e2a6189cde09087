"""File audits on the pages, for each role: the team lead draws a sample, starts an
audit pre-filled with evidence, reads a linked record (the supervisee is told),
grades, overrides with a reason and shares; the supervisor and the supervisee read
it once shared; the admin keeps the checklist."""

from conftest import button, page, texts
from reflection_fixtures import actor, arrangement_id

from core import records
from core.quality import file_audits

PAGE = "app_pages/file_audits.py"
ADMIN_PAGE = "app_pages/admin_audit_checklist.py"


def _box(at, label):
    return next(b for b in at.selectbox if b.label == label)


def _started(demo, supervisee="sam.taylor") -> int:
    return file_audits.start(demo, actor(demo, "priya.shah"), arrangement_id(demo, supervisee))


def test_the_team_lead_draws_a_sample(demo):
    demo.execute("DELETE FROM file_audit_samples")  # the demo's own sample
    at = page("priya.shah", PAGE)
    assert not at.exception
    assert "No sample drawn for this quarter yet." in texts(at)
    button(at, "Draw a random sample").click().run()
    assert "Sample drawn." in [s.value for s in at.success]
    sample = at.dataframe[0].value
    assert len(sample) == 2 and set(sample["Audit"]) == {"Not started"}


def test_the_team_lead_starts_grades_and_shares_an_audit(demo):
    at = page("priya.shah", PAGE)
    _box(at, "File").set_value(arrangement_id(demo, "sam.taylor"))
    button(at, "Start the audit").click().run()
    assert not at.exception
    shown = texts(at)
    assert "The evidence suggests" in shown and "held on time" in shown
    # Read a linked record: audited, and Sam is told.
    reads = [b for b in at.button if b.label.startswith("Read the record of")]
    assert reads
    before = len(records.notices_for(demo, actor(demo, "sam.taylor")))
    reads[0].click().run()
    assert len(records.notices_for(demo, actor(demo, "sam.taylor"))) == before + 1
    # Override the first item without a reason: refused next to it.
    first = _box(at, "Item 1: grade")
    suggested = first.value
    first.set_value("inadequate" if suggested != "inadequate" else "good")
    button(at, "Save the audit").click().run()
    assert any("Say why item 1" in e.value for e in at.error)
    next(t for t in at.text_area if t.label == "Item 1: reason").input(
        "The contract on file is unsigned <b>paper</b>.")
    next(t for t in at.text_area if t.label == "Actions for the supervisor").input(
        "Agree the agenda together before each session.")
    _box(at, "Overall grade").set_value("inadequate")
    next(t for t in at.text_area if t.label == "Reason for the overall grade").input(
        "The contract matters most.")
    button(at, "Save the audit").click().run()
    assert "Saved." in [s.value for s in at.success]
    button(at, "Share with the supervisor and the supervisee").click().run()
    assert not at.exception
    assert "Overall: **Inadequate**" in texts(at)


def test_the_supervisor_and_supervisee_read_it_only_once_shared(demo):
    aid = _started(demo)
    at = page("sam.taylor", PAGE)
    assert not at.exception and "No file audits to show" in texts(at)
    at = page("helen.carter", PAGE)  # she reads the demo's shared audit of Chloe's file
    assert not at.exception and "The file of Sam Taylor" not in texts(at)
    lead = actor(demo, "priya.shah")
    found = file_audits.get(demo, lead, aid)
    grades = {a["position"]: a["suggested"] or "good" for a in found["answers"]}
    file_audits.save(demo, lead, aid, grades=grades, reasons={}, overall=found[
        "suggested_overall"] or "good", overall_reason="", actions="Keep going.")
    file_audits.share(demo, lead, aid)
    for who in ("sam.taylor", "helen.carter"):
        at = page(who, PAGE)
        assert "The file of Sam Taylor" in texts(at)
        assert "Overall: **" in texts(at) and "Keep going" in texts(at)
        assert "Save the audit" not in [b.label for b in at.button]
        assert not [b for b in at.button if b.label.startswith("Read the record of")]


def test_other_people_never_see_an_audit(demo):
    _started(demo)
    for who in ("daniel.okafor", "marcus.reid", "jordan.ellis"):
        at = page(who, PAGE)
        assert "Sam Taylor" not in texts(at)


def test_the_admin_keeps_the_checklist(demo):
    at = page("admin", ADMIN_PAGE)
    assert not at.exception
    boxes = [t for t in at.text_input if t.label.startswith("Item ")]
    assert len(boxes) == 7 and all("portal's data" in b.label for b in boxes)
    next(t for t in at.text_input if t.label == "Add an item (optional)").input(
        "Supervision supports the Signs of Safety practice framework.")
    button(at, "Save the checklist").click().run()
    assert "Saved. New audits follow this checklist." in [s.value for s in at.success]
    assert len(file_audits.checklist(demo)) == 8
    button(at, "Retire this item").click().run()
    assert len(file_audits.checklist(demo)) == 7


def test_an_item_the_admin_added_starts_without_a_grade(demo):
    items = file_audits.checklist(demo)
    file_audits.update_checklist(demo, actor(demo, "admin"), {}, "Group supervision is noted.")
    _started(demo)
    at = page("priya.shah", PAGE)
    assert not at.exception
    assert "The portal holds no evidence for this item: judge it yourself." in texts(at)
    extra = _box(at, f"Item {len(items) + 1}: grade")
    assert extra.value is None
    button(at, "Share with the supervisor and the supervisee").click().run()
    assert any("Grade every item" in e.value for e in at.error)
