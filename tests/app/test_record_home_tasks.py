"""Home: records to sign, disputed records, records to share and overdue actions,
each a link to the page that deals with it."""

from datetime import timedelta

from conftest import signed_in
from record_fixtures import actor, held_and_shared, opened

from core import clock, records


def links(at) -> dict[str, str]:
    """Task links, as typed, with the page each opens."""
    return {str(e.proto.label).replace("\\", ""): e.proto.page for e in at.get("page_link")}


def test_record_tasks_link_to_records_and_run_session(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    shared = held_and_shared(demo)
    sid, _ = opened(demo, days=-3)
    item = records.add_item(demo, helen, sid, title="Visits", function="performance")
    records.add_action(demo, helen, item, owner_id=sam.id, description="Send the chronology",
                       due_date=clock.today() - timedelta(days=3))
    records.mark_held(demo, helen, sid, clock.today() - timedelta(days=3), 60)

    tasks = links(signed_in("sam.taylor"))
    sign = [t for t in tasks if t.startswith("Read and sign the record")]
    assert sign and tasks[sign[0]].endswith("records")
    overdue = [t for t in tasks if "Send the chronology" in t]
    assert overdue and overdue[0].startswith("**Overdue action")
    assert tasks[overdue[0]].endswith("records")

    tasks = links(signed_in("helen.carter"))
    share = [t for t in tasks if t.startswith("Share the record of the session") and
             "Sam Taylor" in t]
    assert share and all(tasks[t].endswith("run_session") for t in share)

    records.dispute(demo, sam, shared, "Not what we agreed")
    tasks = links(signed_in("helen.carter"))
    disputed = [t for t in tasks if "disputed the record" in t]
    assert disputed and tasks[disputed[0]].endswith("run_session")


def test_a_record_task_opens_its_own_session(demo):
    sam = actor(demo, "sam.taylor")
    shared = held_and_shared(demo)
    wanted = f"session={shared}"
    at = signed_in("sam.taylor")
    sign = [e.proto for e in at.get("page_link")
            if str(e.proto.label).startswith("Read and sign the record")]
    assert wanted in [p.query_string for p in sign]
    # and the Records page opens at that record
    at.switch_page("app_pages/records.py")
    at.query_params["session"] = str(shared)
    at.run()
    assert at.selectbox(key="records_open").value == shared
    records.dispute(demo, sam, shared, "Not what we agreed")
    at = signed_in("helen.carter")
    disputed = [e.proto for e in at.get("page_link")
                if "disputed the record" in str(e.proto.label)]
    assert wanted in [p.query_string for p in disputed]
