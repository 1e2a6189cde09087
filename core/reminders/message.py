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


def words(r: Reminder) -> tuple[str, str]:
    """(subject, the body's opening sentences) for a reminder."""
    f = r.facts
    other = _one_line(f.get("other", ""))
    if r.kind == "prepare":
        return (f"Prepare for your supervision on {_day(f['day'])}",
                f"Your supervision session with {other} is on {f['when']}. Your preparation "
                "is not submitted yet: answer the prompts and propose agenda items in the "
                "portal. The calendar invite is attached.")
    if r.kind == "record_to_sign":
        return ("A supervision record is waiting for your signature",
                f"The record of your session with {other} on {_day(f['day'])} is shared with "
                "you: read it, then sign it or record your disagreement.")
    if r.kind == "action_due":
        if f.get("overdue"):
            return (f"An action from supervision was due on {_day(f['due'])}",
                    f"One of your actions from supervision with {other} was due on "
                    f"{_day(f['due'])} and is still open.")
        return (f"An action from supervision is due on {_day(f['due'])}",
                f"One of your actions from supervision with {other} is due on "
                f"{_day(f['due'])}.")
    if r.kind == "session_invite":
        if f.get("cancelled"):
            return (f"Supervision cancelled: {f['when']}",
                    f"Your supervision session with {other} on {f['when']} is cancelled. "
                    "The attached update removes it from your calendar.")
        moved = f.get("moved")
        return (f"Supervision {'moved to' if moved else 'planned:'} {f['when']}",
                f"Your supervision session with {other} is "
                f"{'now' if moved else 'planned for'} {f['when']}. "
                "The calendar invite is attached.")
    if r.kind == "reflection_submitted":
        return (f"{other} submitted their preparation for supervision",
                f"{other} has submitted their reflection for the session on "
                f"{_day(f['day'])}. You can read it before you meet.")
    if r.kind == "record_to_share":
        if f.get("overdue"):
            return (f"A supervision record was due to be shared by {_day(f['due'])}",
                    f"The record of the session with {other} on {_day(f['day'])} was due to "
                    f"be shared by {_day(f['due'])} and is not shared yet.")
        return (f"Share a supervision record by {_day(f['due'])}",
                f"The record of the session with {other} on {_day(f['day'])} is to be "
                f"shared by {_day(f['due'])}.")
    if r.kind == "record_disputed":
        return (f"{other} disputed a supervision record",
                f"{other} recorded their disagreement with the record of the session on "
                f"{_day(f['day'])}: revise it and share it again, or sign it with the "
                "dispute kept.")
    if r.kind == "session_overdue":
        return (f"Supervision with {other} is overdue",
                f"A formal session with {other} was due by {_day(f['due'])} under the "
                "contract's cadence, and none has been held since. Plan one in the portal.")
    if r.kind == "contract_review":
        return (f"Supervision contract with {other} due for review",
                f"The supervision contract with {other} is due for review by "
                f"{_day(f['due'])}.")
    if r.kind == "group_prepare":
        return (f"Group supervision on {_day(f['day'])}",
                f"The group {_one_line(f['group'])} meets on {f['when']}. If you are "
                "presenting, prepare the case or theme you will bring.")
    if r.kind == "group_record_to_sign":
        ask = ("you presented: read it and sign it to agree it" if f.get("presenter") else
               "read it and sign your attendance")
        return ("A group supervision record is waiting for your signature",
                f"The record of the group {_one_line(f['group'])} on {_day(f['day'])} is "
                f"shared: {ask}.")
    if r.kind == "group_record_to_share":
        late = "was due to be shared" if f.get("overdue") else "is to be shared"
        return (f"Share a group supervision record by {_day(f['due'])}",
                f"The record of the group {_one_line(f['group'])} session on "
                f"{_day(f['day'])} {late} by {_day(f['due'])}.")
    if r.kind == "weekly_digest":
        c = f["counts"]
        return ("Supervision in your teams this week",
                f"Across the teams you lead ({c['arrangements']} arrangements running):\n"
                f"- formal supervision overdue: {c['overdue']}\n"
                f"- records late and not yet shared: {c['late_records']}\n"
                f"- neglect alerts (a function of supervision fading): {c['neglect_alerts']}")
    raise KeyError(r.kind)


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
