"""Either side logs informal contacts; they never count towards regularity."""

from datetime import timedelta

import pytest
from supervision_setup import arrangement_of, who

from core import clock
from core.sessions import informal
from core.sessions import regularity
from core.errors import PermissionDenied, ValidationError


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter"])
def test_either_side_logs_one(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    contact_id = informal.log_contact(demo, who(demo, username), sam, on=clock.today(),
                                      topic="Call after a visit", function="support",
                                      note="<b>Shaken</b> [link](http://x) 😟")
    newest = informal.contacts_for(demo, who(demo, "sam.taylor"), sam)[0]
    assert newest["id"] == contact_id and newest["logged_by_name"] == who(demo, username).name
    assert newest["note"] == "<b>Shaken</b> [link](http://x) 😟"


def test_they_never_count_towards_regularity(demo):
    grace = arrangement_of(demo, "grace.holt")
    before = regularity.summary(demo, who(demo, "marcus.reid"), grace)
    for days in range(0, 40, 5):
        informal.log_contact(demo, who(demo, "marcus.reid"), grace,
                             on=clock.today() - timedelta(days=days), topic="Catch-up",
                             function="performance")
    after = regularity.summary(demo, who(demo, "marcus.reid"), grace)
    assert before["overdue"] and after["overdue"]
    for key in ("due", "on_time", "last_held", "days_since_last", "next_due"):
        assert after[key] == before[key]
    assert "never count towards regularity" in informal.NOT_COUNTED


@pytest.mark.parametrize("username", ["priya.shah", "admin"])
def test_the_team_lead_and_admin_see_dates_and_functions_but_not_the_text(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    informal.log_contact(demo, who(demo, "sam.taylor"), sam, on=clock.today(),
                         topic="Private worry", function="support", note="About home")
    rows = informal.contacts_for(demo, who(demo, username), sam)
    assert rows and all(r["topic"] is None and r["note"] is None and not r["text_shown"]
                        for r in rows)
    assert rows[0]["function"] == "support" and rows[0]["contact_date"]


@pytest.mark.parametrize("username", ["priya.shah", "admin", "marcus.reid"])
def test_only_the_two_people_log_them(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    with pytest.raises(PermissionDenied):
        informal.log_contact(demo, who(demo, username), sam, on=clock.today(), topic="x",
                             function="support")


@pytest.mark.parametrize("kwargs, field", [
    ({"topic": ""}, "topic"), ({"topic": "x" * 201}, "topic"), ({"function": "gossip"}, "function"),
    ({"note": "x" * 1001}, "note"), ({"on": "tomorrow"}, "on"),
    ({"on": clock.today() + timedelta(days=1)}, "on"), ({"on": "1990-01-01"}, "on"),
])
def test_bad_input_is_refused(demo, kwargs, field):
    sam = arrangement_of(demo, "sam.taylor")
    values = dict(on=clock.today(), topic="Quick word", function="development", note="")
    values.update(kwargs)
    with pytest.raises(ValidationError) as error:
        informal.log_contact(demo, who(demo, "sam.taylor"), sam, **values)
    assert field in error.value.errors


def test_an_ended_arrangement_takes_no_more(demo):
    ended = arrangement_of(demo, "tom.baker", supervisor="marcus.reid")
    with pytest.raises(PermissionDenied, match="ended"):
        informal.log_contact(demo, who(demo, "tom.baker"), ended, on=clock.today(), topic="x",
                             function="support")
