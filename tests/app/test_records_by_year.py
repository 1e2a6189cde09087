"""Records are listed a year at a time: the year choice gives each year's count,
opens on the year of a record waiting for the person (else the latest), follows a
linked record to its year, says plainly when a year has no records, and every
record the person reads is reachable through it."""

from datetime import timedelta

from conftest import texts
from record_fixtures import actor, held_and_shared
from test_records_page import records_page

from core import clock, records


def shared_years_ago(db, years: int) -> tuple[int, str]:
    """A shared record of Sam's, moved in the database to this many years ago (before
    the demo arrangement began: the portal itself would refuse the date): (id, year)."""
    sid = held_and_shared(db)
    day = clock.today() - timedelta(days=365 * years)
    db["sessions"].update(sid, {"held_on": day.isoformat(),
                                "scheduled_at": f"{day.isoformat()}T10:00:00+00:00"})
    return sid, str(day.year)


def readable(db, username: str) -> set[int]:
    """Every record the person reads: all of theirs as supervisor, shared ones else."""
    return {r["session_id"] for r in records.my_records(db, actor(db, username))
            if r["status"] and (r["side"] == "supervisor" or r["status"] != "draft")}


def test_a_linked_record_opens_in_its_year_and_an_empty_year_says_so(demo):
    old, old_year = shared_years_ago(demo, 4)
    at = records_page("sam.taylor", old)
    year = at.selectbox(key="records_year")
    assert year.value == old_year
    assert at.selectbox(key="records_open").value == old
    assert year.options[0] == f"{clock.today().year} " + year.options[0].split(" ", 1)[1]
    assert f"{old_year} (1 record)" in year.options
    empty = str(int(old_year) + 1)
    assert f"{empty} (no records)" in year.options
    year.select(empty).run()
    assert f"You have no records from {empty}." in texts(at)
    assert not [s for s in at.selectbox if s.key == "records_open"]
    at.selectbox(key="records_year").select(old_year).run()
    assert at.selectbox(key="records_open").value == old


def test_every_record_is_reachable_through_the_years(demo):
    shared_years_ago(demo, 3)
    helen = actor(demo, "helen.carter")
    want = readable(demo, "helen.carter")
    at = records_page("helen.carter")
    seen, counted = set(), 0  # every year offered: its records listed, and counted
    for option in at.selectbox(key="records_year").options:
        year, count = option.split(" ", 1)
        at.selectbox(key="records_year").select(year).run()
        shown = [s for s in at.selectbox if s.key == "records_open"]
        n = 0 if count == "(no records)" else int(count.strip("()").split()[0])
        assert len(shown[0].options if shown else []) == n
        seen |= {r["session_id"] for r in records.my_records(demo, helen, year=year)}
        counted += n
    assert counted == len(want) and seen == want


def test_the_year_opens_on_a_record_waiting_for_the_person(demo):
    shared_years_ago(demo, 2)  # older, and waiting too: the newest waiting comes first
    waiting = records.waiting_for_me(demo, actor(demo, "sam.taylor"))
    at = records_page("sam.taylor")
    assert at.selectbox(key="records_year").value == records.listed_year(waiting[0])
    assert at.selectbox(key="records_open").value == waiting[0]["session_id"]
