"""The admin pages through their forms: messages next to fields, nothing half saved."""

from conftest import button, by_label, expect_errors, page, texts

from core.access.roles import load_actor


def test_create_a_user_and_see_errors_next_to_the_fields(demo):
    at = page("admin", "app_pages/admin_users.py")
    before = demo["users"].count
    by_label(at.text_input, "Username").input("sam.taylor")
    by_label(at.text_input, "Full name").input("<script>alert(1)</script>")
    by_label(at.text_input, "Temporary password").input("short")
    button(at, "Create user").click().run()
    expect_errors(at, "is taken", "at least 12")
    assert demo["users"].count == before
    # what was typed is still there
    assert by_label(at.text_input, "Full name").value == "<script>alert(1)</script>"
    by_label(at.text_input, "Username").input("new.worker")
    by_label(at.text_input, "Temporary password").input("temporary-pass-1")
    button(at, "Create user").click().run()
    assert "Created the account 'new\\.worker'." in [s.value for s in at.success]
    assert demo["users"].count == before + 1
    assert by_label(at.text_input, "Username").value == ""
    person = load_actor(demo, "new.worker")
    assert person.name == "<script>alert(1)</script>" and person.must_change_password


def test_reset_and_deactivate_a_person(demo):
    at = page("admin", "app_pages/admin_users.py")
    sam = load_actor(demo, "sam.taylor")
    by_label(at.selectbox, "Person").select(sam.id).run()
    by_label(at.text_input, "New temporary password").input("temporary-pass-9")
    button(at, "Reset password").click().run()
    assert "Password reset for Sam Taylor." in [s.value for s in at.success]
    assert load_actor(demo, "sam.taylor").must_change_password
    by_label(at.selectbox, "Person").select(sam.id).run()
    button(at, "Deactivate this account").click().run()
    assert load_actor(demo, "sam.taylor") is None
    assert demo["users"].get(sam.id)["name"] == "Sam Taylor"


def test_create_a_team_and_refuse_a_duplicate(demo):
    at = page("admin", "app_pages/admin_teams.py")
    by_label(at.text_input, "Team name").input("Children in care")
    button(at, "Create team").click().run()
    assert any("already a team" in e.value for e in at.error)
    by_label(at.text_input, "Team name").input("Leaving Care")
    by_label(at.selectbox, "Team lead").select(load_actor(demo, "marcus.reid").id)
    button(at, "Create team").click().run()
    assert "Created the team 'Leaving Care'." in [s.value for s in at.success]
    assert load_actor(demo, "marcus.reid").led_team_ids


def test_arrangement_errors_name_the_field(demo):
    at = page("admin", "app_pages/admin_arrangements.py")
    helen = load_actor(demo, "helen.carter").id
    by_label(at.selectbox, "Supervisor").select(helen)
    by_label(at.selectbox, "Supervisee").select(helen)
    button(at, "Create arrangement").click().run()
    assert any("cannot be their own supervisor" in e.value for e in at.error)
    before = demo["arrangements"].count
    import datetime

    by_label(at.selectbox, "Supervisee").select(load_actor(demo, "sam.taylor").id)
    by_label(at.selectbox, "Kind").select("child_protection")
    by_label(at.date_input, "Start date").set_value(datetime.date(2026, 5, 1))
    by_label(at.date_input, "End date (optional)").set_value(datetime.date(2026, 4, 1))
    button(at, "Create arrangement").click().run()
    assert any("before the start date" in e.value for e in at.error)
    assert demo["arrangements"].count == before
    by_label(at.date_input, "End date (optional)").set_value(None)
    button(at, "Create arrangement").click().run()
    assert "Arrangement created." in [s.value for s in at.success]
    assert demo["arrangements"].count == before + 1


def test_end_an_arrangement(demo):
    at = page("admin", "app_pages/admin_arrangements.py")
    button(at, "End arrangement").click().run()
    assert any("read-only access" in s.value for s in at.success)
    assert demo["audit_events"].count_where("action = 'arrangement_ended'") == 1


def test_the_audit_log_lists_admin_acts(demo):
    page("admin", "app_pages/admin_teams.py")
    at = page("admin", "app_pages/admin_audit.py")
    assert "loaded the demo organisation" in str(at.dataframe[0].value)
    assert "never what it says" in texts(at)
