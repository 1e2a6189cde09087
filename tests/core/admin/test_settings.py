"""Admins set the thresholds; bad numbers are refused with the field named."""

import pytest

from core.admin import settings
from core.errors import PermissionDenied, ValidationError
from core.access.roles import load_actor


def test_defaults_until_changed(demo):
    assert settings.all_values(demo) == {"overdue_grace_days": 7, "neglect_share": 0.15,
                                         "neglect_window": 6, "neglect_absent": 3,
                                         "retention_years": 25, "reminder_prepare_days": 3,
                                         "reminder_action_days": 2, "reminder_share_days": 1,
                                         "group_counts_one_in": 0}
    settings.update(demo, load_actor(demo, "admin"), {"neglect_share": "0.2"})
    assert settings.value(demo, "neglect_share") == 0.2
    assert demo["audit_events"].count_where("action = 'settings_changed'") == 1


@pytest.mark.parametrize("key, raw, message", [
    ("neglect_window", 1, "between 2 and 24"),
    ("neglect_window", 2.5, "whole number"),
    ("neglect_share", "lots", "must be a number"),
    ("overdue_grace_days", 1000, "between 0 and 60"),
])
def test_bad_values(demo, key, raw, message):
    with pytest.raises(ValidationError) as error:
        settings.update(demo, load_actor(demo, "admin"), {key: raw})
    assert message in error.value.errors[key]
    assert settings.value(demo, key) == settings.SETTINGS[key].default


def test_only_admins(demo):
    with pytest.raises(PermissionDenied):
        settings.update(demo, load_actor(demo, "priya.shah"), {"neglect_window": 5})
