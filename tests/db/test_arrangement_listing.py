"""The admin's arrangement list is read in order from arrangement_listing, which
triggers keep right: a new arrangement, one ended, a supervisee renamed or moved,
one removed. Its order is the sorted one, searched or not."""

from db import arrangements as table


def sorted_ids(db) -> list[int]:
    return [r["id"] for r in db.query(
        "SELECT a.id FROM arrangements a JOIN users se ON se.id = a.supervisee_id "
        "ORDER BY a.end_date IS NOT NULL, se.name, a.kind, a.id")]


def listed(db) -> list[int]:
    return [r["id"] for r in table.find(db, "", limit=10_000)]


def test_the_listing_follows_every_write(demo):
    assert listed(demo) == sorted_ids(demo) and listed(demo)
    first = listed(demo)[0]
    demo["arrangements"].update(first, {"end_date": "2026-01-31"})  # ended: to the end part
    assert listed(demo) == sorted_ids(demo) and listed(demo)[0] != first
    person = demo["arrangements"].get(first)["supervisee_id"]
    demo["users"].update(person, {"name": "Aaron Aardvark"})  # renamed
    assert listed(demo) == sorted_ids(demo)
    other = demo.execute("SELECT id FROM users WHERE id <> ? AND id NOT IN "
                         "(SELECT supervisor_id FROM arrangements WHERE id = ?) LIMIT 1",
                         [person, first]).fetchone()[0]
    demo["arrangements"].update(first, {"supervisee_id": other, "end_date": None})  # moved
    assert listed(demo) == sorted_ids(demo)
    new = demo["arrangements"].insert(dict(demo["arrangements"].get(first), id=None,
                                           kind="clinical")).last_pk
    assert new in listed(demo) and listed(demo) == sorted_ids(demo)
    demo.execute("DELETE FROM arrangements WHERE id = ?", [new])
    assert new not in listed(demo) and listed(demo) == sorted_ids(demo)


def test_a_page_and_a_search_keep_the_order(demo):
    ids = sorted_ids(demo)
    assert [r["id"] for r in table.find(demo, "", limit=3, offset=2)] == ids[2:5]
    searched = [r["id"] for r in table.find(demo, "a", limit=10_000)]
    assert searched == [i for i in ids if i in set(searched)]
    assert table.count_found(demo, "") == len(ids)
