"""The email for a reminder: what is waiting, for whom, and a link to the page.

It is built from a Reminder's dates, names and counts only, never from record
text, reflection text, support content or case references: those stay in the
portal, behind its sign-in.
"""

from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from urllib.parse import urlencode

from core import clock
from core.reminders.due import Reminder
from core.reminders.invite import ics
from core.reminders.kinds import KINDS
from core.tasks import Destination

FOOTER = ("This is an automatic reminder from the supervision portal. It holds no record "
          "content: sign in to read it.")


def link(portal_url: str, to: Destination | None, session_id: int | None = None) -> str:
    """The address of a page (Home is the portal's root), opening at a session where
    the page takes one."""
    path = "" if to in (None, Destination.HOME) else to.value
    query = f"?{urlencode({'session': session_id})}" if session_id else ""
    return f"{portal_url}/{path}{query}"


def _one_line(text: str) -> str:
    """Names go into headers and sentences: no line breaks, no runs of spaces."""
    return " ".join(str(text).split())


def _day(value) -> str:
    return clock.day(value) if value else "a date not yet set"


# (subject, the body's opening sentences) for each kind of reminder, and for the
# kinds that have them, each variant ("overdue", "cancelled", "moved"). {other},
# {day}, {due} and {when} are filled in from the reminder's facts.
WORDING = {
    ("prepare", ""): (
        "Prepare for your supervision on {day}",
        "Your supervision session with {other} is on {when}. Your preparation is not "
        "submitted yet: answer the prompts and propose agenda items in the portal. The "
        "calendar invite is attached."),
    ("record_to_sign", ""): (
        "A supervision record is waiting for your signature",
        "The record of your session with {other} on {day} is shared with you: read it, "
        "then sign it or record your disagreement."),
    ("action_due", "overdue"): (
        "An action from supervision was due on {due}",
        "One of your actions from supervision with {other} was due on {due} and is still "
        "open."),
    ("action_due", ""): (
        "An action from supervision is due on {due}",
        "One of your actions from supervision with {other} is due on {due}."),
    ("session_invite", "cancelled"): (
        "Supervision cancelled: {when}",
        "Your supervision session with {other} on {when} is cancelled. The attached update "
        "removes it from your calendar."),
    ("session_invite", "moved"): (
        "Supervision moved to {when}",
        "Your supervision session with {other} is now {when}. The calendar invite is "
        "attached."),
    ("session_invite", ""): (
        "Supervision planned: {when}",
        "Your supervision session with {other} is planned for {when}. The calendar invite "
        "is attached."),
    ("reflection_submitted", ""): (
        "{other} submitted their preparation for supervision",
        "{other} has submitted their reflection for the session on {day}. You can read it "
        "before you meet."),
    ("record_to_share", "overdue"): (
        "A supervision record was due to be shared by {due}",
        "The record of the session with {other} on {day} was due to be shared by {due} and "
        "is not shared yet."),
    ("record_to_share", ""): (
        "Share a supervision record by {due}",
        "The record of the session with {other} on {day} is to be shared by {due}."),
    ("record_disputed", ""): (
        "{other} disputed a supervision record",
        "{other} recorded their disagreement with the record of the session on {day}: "
        "revise it and share it again, or sign it with the dispute kept."),
    ("session_overdue", ""): (
        "Supervision with {other} is overdue",
        "A formal session with {other} was due by {due} under the contract's cadence, and "
        "none has been held since. Plan one in the portal."),
    ("contract_review", ""): (
        "Supervision contract with {other} due for review",
        "The supervision contract with {other} is due for review by {due}."),
}
VARIANTS = ("overdue", "cancelled", "moved")


def _digest(counts: dict) -> tuple[str, str]:
    return ("Supervision in your teams this week",
            f"Across the teams you lead ({counts['arrangements']} arrangements running):\n"
            f"- formal supervision overdue: {counts['overdue']}\n"
            f"- records late and not yet shared: {counts['late_records']}\n"
            f"- neglect alerts (a function of supervision fading): {counts['neglect_alerts']}")


def words(r: Reminder) -> tuple[str, str]:
    """(subject, the body's opening sentences) for a reminder."""
    f = r.facts
    if r.kind == "weekly_digest":
        return _digest(f["counts"])
    variant = next((v for v in VARIANTS if f.get(v) and (r.kind, v) in WORDING), "")
    subject, opening = WORDING[(r.kind, variant)]
    filled = {"other": _one_line(f.get("other", "")), "when": f.get("when"),
              "day": _day(f.get("day")), "due": _day(f.get("due"))}
    return subject.format(**filled), opening.format(**filled)


def build(r: Reminder, sender: str, portal_url: str, *, mandatory: bool = False) -> EmailMessage:
    subject, opening = words(r)
    where = link(portal_url, r.to, r.session_id)
    choice = ("Your council sends this reminder to everyone." if mandatory else
              "To stop this kind of reminder, turn it off on your account page: "
              + link(portal_url, Destination.ACCOUNT))
    body = (f"Hello {_one_line(r.name)},\n\n{opening}\n\nOpen it in the portal: {where}\n\n"
            f"{FOOTER}\n{choice}\n")
    message = EmailMessage()
    message["Subject"] = _one_line(subject)
    message["From"] = sender
    message["To"] = formataddr((_one_line(r.name), r.email.strip()))
    message["Message-ID"] = make_msgid(domain="supervision-portal")
    message["X-Supervision-Reminder"] = KINDS[r.kind].key
    message.set_content(body)
    if r.invite:
        message.add_attachment(ics(r.invite, where), subtype="calendar",
                               filename="invite.ics",
                               params={"method": r.invite["method"]})
    return message
