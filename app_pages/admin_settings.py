"""Admin: thresholds and periods the portal's rules use."""

import streamlit as st

from core.admin import settings
from core.access.roles import Role
from ui import reminders
from ui.kit import forms
from ui.admin import retention, sign_in_settings
from ui.kit.page_start import start

actor, db = start("Settings", Role.ADMIN)
current = settings.all_values(db)

with st.form("settings"):
    chosen = {}
    for key, setting in settings.SETTINGS.items():
        if setting.whole:
            chosen[key] = st.number_input(setting.label, int(setting.low), int(setting.high),
                                          int(current[key]), 1, help=setting.help)
        else:
            chosen[key] = st.number_input(setting.label, setting.low, setting.high,
                                          float(current[key]), 0.01, help=setting.help)
        forms.field_error("settings", key)
    if st.form_submit_button("Save settings", type="primary"):
        forms.submit("settings", lambda: settings.update(db, actor, chosen),
                     success="Settings saved.")

sign_in_settings.section(db, actor)
reminders.admin_section(db, actor)
retention.section(db, actor)
