"""Lists that grow with the authority are searched and paged: the admin's Users and
Arrangements pages, and every selectbox of people, draw a page at a time."""

from conftest import by_label, page, texts

from core import clock


def add_staff(demo, count: int) -> None:
    hashed = demo.execute("SELECT password_hash FROM users WHERE username = 'sam.taylor'"
                          ).fetchone()[0]
    demo["users"].insert_all(
        {"username": f"staff{n:03d}", "name": f"Staff Member {n:03d}", "email": "",
         "job_title": "Social worker", "password_hash": hashed, "fte": 1.0,
         "created_at": clock.stamp()} for n in range(count))


def test_users_are_shown_a_page_at_a_time_and_found_by_search(demo):
    add_staff(demo, 60)
    everyone = demo["users"].count
    at = page("admin", "app_pages/admin_users.py")
    assert len(at.dataframe[0].value) == 25
    assert f"Showing 1 to 25 of {everyone} people." in texts(at)
    pages = by_label(at.number_input, f"Page (1 to {-(-everyone // 25)})")
    pages.set_value(3).run()
    assert f"Showing 51 to {min(75, everyone)} of {everyone} people." in texts(at)
    by_label(at.text_input, "Find a person").input("member 04").run()
    assert list(at.dataframe[0].value["Username"]) == [f"staff{n:03d}" for n in range(40, 50)]
    assert "10 people." in texts(at)
    assert len(by_label(at.selectbox, "Person").options) == 10


def test_people_to_choose_are_searched_not_all_offered(demo):
    add_staff(demo, 60)
    at = page("admin", "app_pages/admin_arrangements.py")
    supervisor = by_label(at.selectbox, "Supervisor")
    assert len(supervisor.options) == 50
    assert "type part of a name to find others" in texts(at)
    by_label(at.text_input, "Find a supervisor").input("helen").run()
    assert by_label(at.selectbox, "Supervisor").options == ["Helen Carter (helen.carter)"]
    assert len(by_label(at.selectbox, "Supervisee").options) == 50


def test_arrangements_are_found_by_either_name(demo):
    at = page("admin", "app_pages/admin_arrangements.py")
    by_label(at.text_input, "Find arrangements").input("sam taylor").run()
    shown = at.dataframe[0].value
    assert len(shown) >= 1
    assert all("Sam Taylor" in (row["Supervisor"], row["Supervisee"])
               for _i, row in shown.iterrows())


def test_teams_are_shown_a_page_at_a_time_and_found_by_search(demo):
    demo["teams"].insert_all({"name": f"Locality team {n:02d}", "created_at": clock.stamp()}
                             for n in range(30))
    everyone = demo["teams"].count
    at = page("admin", "app_pages/admin_teams.py")
    assert len(at.dataframe[0].value) == 25
    assert f"Showing 1 to 25 of {everyone} teams." in texts(at)
    by_label(at.text_input, "Find teams").input("locality team 1").run()
    assert list(at.dataframe[0].value["Team"]) == [f"Locality team {n}" for n in range(10, 20)]
    assert len(by_label(at.selectbox, "Team").options) == 10
