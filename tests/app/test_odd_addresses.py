"""Odd addresses: a number too big for SQLite, text where a number belongs, an id
that does not exist and an id the person may not open all get the same polite
"not found" on the pages that open a session from the address; none crashes."""

import pytest
from conftest import ROOT, page, texts
from conftest import signed_in as sign_in
from reflection_fixtures import session

from ui.kit.params import NOT_FOUND

ODD = ["99999999999999999999999", "9223372036854775808", "-1", "0", "abc", "1e3", "١٢",
       "", " 7 ", "<script>", "12345678"]


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize("username, path, says", [
    ("sam.taylor", "app_pages/prepare.py", NOT_FOUND),
    ("helen.carter", "app_pages/reflections.py", NOT_FOUND),
    ("sam.taylor", "app_pages/reflections.py", NOT_FOUND),
    ("sam.taylor", "app_pages/records.py", None),
    ("helen.carter", "app_pages/records.py", None),
    ("helen.carter", "app_pages/run_session.py", None),
])
def test_an_odd_session_in_the_address_never_crashes(demo, username, path, says, value):
    """A page that opens one session says it is not found; a page with a list of
    sessions falls back to its list."""
    at = page(username, path, value)
    assert not at.exception, at.exception
    if says:
        assert says in [e.value for e in at.error]


def test_a_huge_shared_screen_id_does_not_crash(demo):
    at = sign_in("helen.carter")
    at.switch_page(str(ROOT / "app_pages/run_session.py"))
    at.query_params["shared"] = "99999999999999999999999"
    at.run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("path", ["app_pages/prepare.py", "app_pages/reflections.py"])
def test_someone_elses_session_looks_the_same_as_none(demo, path):
    """Jordan may not open Sam's session: the page says exactly what it says for an
    id that does not exist, so an address tells nobody what exists."""
    sams = session(demo, "sam.taylor", days=5)
    theirs = page("jordan.ellis", path, str(sams))
    missing = page("jordan.ellis", path, "99999")
    assert NOT_FOUND in [e.value for e in theirs.error]
    assert [e.value for e in theirs.error] == [e.value for e in missing.error]
    assert "Sam Taylor" not in texts(theirs)
