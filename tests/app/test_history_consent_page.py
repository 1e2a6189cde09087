"""Records page, 'Your earlier records': Tom Baker, whose supervisor
changed, lets Helen Carter read his records with Marcus Reid, then withdraws;
her Records page follows at once. Someone who never changed supervisor sees
no such section."""

from conftest import ROOT, button, signed_in, texts

PAGE = "app_pages/records.py"


def records_page(username: str):
    at = signed_in(username)
    return at.switch_page(str(ROOT / PAGE)).run()


def earlier_options(at) -> list[str]:
    if not at.selectbox:
        return []
    return [o for o in at.selectbox(key="records_open").options
            if "(supervised by Marcus Reid)" in o]


def test_tom_gives_then_withdraws_and_helen_follows(demo):
    tom = records_page("tom.baker")
    shown = texts(tom)
    assert "Your earlier records" in shown
    assert "Marcus Reid" in shown and "Not shared: Helen Carter cannot read" in shown
    assert earlier_options(records_page("helen.carter")) == []

    button(tom, "Let Helen Carter read my earlier records").click().run()
    assert "Agreed. Helen Carter can now read your earlier records." in texts(tom)
    assert "can read these records" in texts(tom)
    helen = records_page("helen.carter")
    assert earlier_options(helen)
    assert not [o for o in earlier_options(helen) if o.endswith(": Draft")]

    button(tom, "Stop Helen Carter reading my earlier records").click().run()
    assert "Withdrawn. Helen Carter can no longer read" in texts(tom)
    assert earlier_options(records_page("helen.carter")) == []
    actions = [r["action"] for r in demo.query(
        "SELECT action FROM audit_events WHERE action LIKE 'history_consent_%' ORDER BY id")]
    assert actions == ["history_consent_given", "history_consent_withdrawn"]


def test_no_section_for_someone_who_never_changed_supervisor(demo):
    assert "Your earlier records" not in texts(records_page("sam.taylor"))
    assert "Your earlier records" not in texts(records_page("helen.carter"))
