"""Reminders by email on the pages: each person's choices (Account page), and the
admin's view of the relay, the mandatory kinds and the latest sends (Settings)."""

import streamlit as st

from core import clock
from core.reminders import outbox, preferences, relay
from core.reminders.kinds import KINDS
from ui.kit import forms
from ui.kit.text import inert

STATUS = {"sent": "Sent", "failed": "Failed: tried again later", "sending": "Sending",
          "given_up": "Failed: given up"}


def choices_section(db, actor) -> None:
    """The Account page: turn each kind of reminder on or off."""
    st.subheader("Reminders by email", anchor=False)
    offered = preferences.choices(db, actor)
    if not offered:
        st.write("No reminders are sent to you: they go to supervisees, supervisors and "
                 "team leads.")
        return
    address = preferences.address(db, actor)
    if address:
        st.markdown(f"Reminders go to {inert(address)}. They say what is waiting and link "
                    "to the page; they never hold what anyone wrote.")
    else:
        st.warning("Your account has no email address, so no reminder can reach you. Ask "
                   "the admin to add one.", icon=":material/mail:")
    if relay.configured() is None:
        st.info("Reminders by email are off in this portal for now. Your choices are kept "
                "for when they are turned on.", icon=":material/info:")
    forms.form_error("reminder_choices")
    # Stored values, reloaded whenever they change (a save, another browser, the admin).
    stored = {f"reminder_on_{c.kind.key}": c.on for c in offered}
    forms.seed("reminder_choices", (actor.id, tuple(sorted(stored.items()))), stored)
    with st.form("reminder_choices"):
        wanted = {}
        for choice in offered:
            wanted[choice.kind.key] = st.checkbox(
                choice.kind.label, disabled=choice.mandatory,
                key=f"reminder_on_{choice.kind.key}",
                help=("Your council sends this reminder to everyone." if choice.mandatory
                      else None))
        if st.form_submit_button("Save my reminder choices"):
            free = {k: v for k, v in wanted.items()
                    if not next(c for c in offered if c.kind.key == k).mandatory}
            forms.submit("reminder_choices",
                         lambda: preferences.set_choices(db, actor, free),
                         success="Your reminder choices are saved.")


def admin_section(db, actor) -> None:
    """Admin → Settings: whether reminders are on, which kinds are mandatory, and the
    latest sends and failures (who, kind, when, outcome; never the content)."""
    st.subheader("Reminders by email", anchor=False)
    status = outbox.status(db, actor)
    if status.on:
        st.success("Reminders are on: `python -m core.cli reminders`, run from cron, sends "
                   "what is due through the configured relay.", icon=":material/mail:")
    else:
        st.warning("Reminders are off: no SMTP relay is configured (missing: "
                   + ", ".join(status.missing) + "). See the README, \"Reminders by email\".",
                   icon=":material/mail_lock:")
    forms.form_error("reminder_rules")
    forced = preferences.mandatory(db)
    stored = {f"reminder_mandatory_{key}": key in forced for key in KINDS}
    forms.seed("reminder_rules", tuple(sorted(forced)), stored)
    with st.form("reminder_rules"):
        st.markdown("Mandatory reminders: sent to everyone they concern; nobody can turn "
                    "them off.")
        chosen = {key: st.checkbox(kind.label, key=f"reminder_mandatory_{key}")
                  for key, kind in KINDS.items()}
        if st.form_submit_button("Save mandatory reminders"):
            forms.submit("reminder_rules",
                         lambda: preferences.set_mandatory(
                             db, actor, [k for k, on in chosen.items() if on]),
                         success="Mandatory reminders saved.")
    st.markdown("**Latest sends and failures**")
    if not status.recent:
        st.write("Nothing sent yet.")
        return
    counts = ", ".join(f"{STATUS.get(k, k).split(':')[0].lower()} {n}"
                       for k, n in sorted(status.counts.items()))
    st.write(f"All time: {counts}.")
    st.dataframe(
        [{"Person": r["user_name"], "Username": r["username"],
          "Reminder": KINDS[r["kind"]].label if r["kind"] in KINDS else r["kind"],
          "When": clock.local(r["sent_at"] or r["updated_at"]),
          "Outcome": STATUS.get(r["status"], r["status"]), "Attempts": r["attempts"],
          "Error": r["error_class"] or "",
          "Next try": clock.local(r["next_attempt_at"]) if r["next_attempt_at"] else ""}
         for r in status.recent],
        hide_index=True, width="stretch")
