"""Typed input: names are trimmed single lines, free text is kept exactly."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ValidationError
from core.validation import TEXT_MAX, Checker

HOSTILE = [
    "<script>alert('x')</script>",
    "[click me](https://evil.test) ![img](https://evil.test/x.png)",
    "**bold** _it_ `code` $x^2$ :red[colour]",
    "Family worried 😟 but hopeful 🌱",
    "الطفل بخير اليوم",  # right-to-left
    "x" * TEXT_MAX,
]


@pytest.mark.parametrize("value", HOSTILE)
def test_free_text_is_kept_exactly(value):
    check = Checker()
    assert check.text("note", value, "the note") == value
    check.done()


def test_too_long_text_says_how_long():
    check = Checker()
    check.text("note", "x" * (TEXT_MAX + 1), "the note")
    with pytest.raises(ValidationError) as error:
        check.done()
    assert "20,001 characters; the limit is 20,000" in error.value.errors["note"]


def test_required_text_refuses_blank():
    check = Checker()
    check.text("note", "   \n ", "the note", required=True)
    assert check.errors == {"note": "Enter the note."}


@given(st.text(max_size=200).filter(lambda t: "\x00" not in t))
def test_names_are_trimmed_or_refused_never_altered_inside(value):
    check = Checker()
    cleaned = check.name("name", value, "a name")
    if not check.errors:
        assert cleaned == value.strip() and cleaned


@pytest.mark.parametrize("value, ok", [(date(2026, 1, 1), True), ("2026-02-30", False),
                                       ("yesterday", False), (date(1850, 1, 1), False),
                                       (date(2999, 1, 1), False), (None, False)])
def test_dates(value, ok):
    check = Checker()
    check.day("when", value, "the date")
    assert (not check.errors) == ok


def test_an_id_from_outside_is_a_whole_number_sqlite_can_hold_or_nothing():
    from core.validation import ID_MAX, record_id

    assert record_id("12") == 12 and record_id(str(ID_MAX)) == ID_MAX
    for odd in (None, "", "0", "-1", "1e3", "1.0", " 7", "abc", "١٢", str(ID_MAX + 1),
                "99999999999999999999999", "<script>"):
        assert record_id(odd) is None, odd
