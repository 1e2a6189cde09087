"""Home shows who you are and who you work with; anyone can change their password."""

from conftest import ROOT, button, page, registered, sign_in_through_form, signed_in, texts

from core.access.roles import load_actor


def change_password(at, current: str, new: str, again: str | None = None) -> None:
    """Fill the change-password form (the confirmation only where given) and send it."""
    fields = {t.label: t for t in at.text_input}
    fields["Current password"].input(current)
    fields["New password"].input(new)
    if again is not None:
        fields["New password again"].input(again)
    button(at, "Change password").click().run()


def test_supervisor_home_shows_both_sides(demo):
    at = signed_in("helen.carter")
    shown = texts(at)
    assert "Supervisee, Supervisor" in shown
    supervisors = str(at.dataframe[0].value)
    supervisees = str(at.dataframe[1].value)
    assert "Priya Shah" in supervisors
    for name in ("Sam Taylor", "Jordan Ellis", "Chloe Wright", "Tom Baker", "Zara Hussain"):
        assert name in supervisees
    assert "Ollie Grant" not in supervisees


def test_team_lead_home_lists_the_team(demo):
    at = signed_in("priya.shah")
    assert "Teams you lead" in texts(at)
    assert "Sam Taylor" in str(at.dataframe[-1].value)


def test_a_former_supervisor_sees_the_earlier_arrangement(demo):
    at = signed_in("marcus.reid")
    assert "read-only access" in texts(at)
    assert "Tom Baker" in str(at.dataframe[-1].value)


def test_supervisee_home(demo):
    at = signed_in("ravi.patel")
    supervisors = str(at.dataframe[0].value)
    assert "Marcus Reid" in supervisors and "Aisha Begum" in supervisors
    assert "You do not supervise anyone at present." in texts(at)


def test_change_password_through_the_form(demo):
    at = page("sam.taylor", "app_pages/account.py")
    change_password(at, "wrong-password", "short")
    errors = [e.value for e in at.error]
    assert "Your current password is not right." in errors
    assert any("at least 12" in e for e in errors)
    change_password(at, "supervision-demo", "my-new-password", "my-new-password")
    assert any("Your password is changed" in s.value for s in at.success)
    assert sign_in_through_form("sam.taylor", "my-new-password").title[0].value == "Hello, Sam Taylor"
    assert sign_in_through_form("sam.taylor").session_state["authentication_status"] is not True


def test_after_a_reset_the_person_must_choose_a_password_first(demo):
    from core.people import sign_in as auth

    auth.reset_password(demo, load_actor(demo, "admin"), load_actor(demo, "sam.taylor").id,
                        "temporary-pass-1")
    at = sign_in_through_form("sam.taylor", "temporary-pass-1")
    assert at.title[0].value == "Account"
    assert "An admin has reset your password" in texts(at)
    change_password(at, "temporary-pass-1", "my-own-password", "my-own-password")
    assert any("Your password is changed" in s.value for s in at.success)
    assert "app_pages/home.py" in registered(at)
    at.switch_page(str(ROOT / "app_pages/home.py")).run()
    assert at.title[0].value == "Hello, Sam Taylor"
