"""What is due to whom right now.

Each rule reads through the same core functions the home page's tasks and the
Team page use (reflections.upcoming and for_supervisor, record_history.records_for and
late_records, regularity.summaries, contracts.review_due,
session_tasks.overdue_attention, insights' neglect alerts), so a reminder
says what the portal already shows. A Reminder carries ids, dates
and names only: the message builder has nothing else to put in an email.

Each Reminder has a key (kind, thing, person): it is sent at most once.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from db import arrangements as arrangement_table
from db import contracts as contract_table
from db import reminders as table
from db import sessions as session_table
from db import users as user_table

from core.access import arrangement_access as access
from core import clock
from core.insights import views as insights
from core.records import history as record_history
from core.preparation import reflections
from core.sessions import regularity
from core.admin import settings
from core.sessions import tasks as session_tasks
from core.contracts.contract import review_due
from core.tasks import Destination
from core.access.roles import Actor, Role, actor_from_user
from core.reminders import group_due, preferences
from core.reminders.timing import from_reminder_day, in_window, week_of

CANCEL_LOOKBACK = timedelta(days=30)  # a cancellation older than this is not announced


@dataclass(frozen=True)
class Reminder:
    kind: str
    thing: str               # what it is about, e.g. "session:12"; part of the key
    person_id: int
    email: str
    name: str
    to: Destination | None = None  # where the link leads
    session_id: int | None = None  # the page opens at this session
    facts: dict = field(default_factory=dict, hash=False, compare=False)  # dates, names, counts
    invite: dict | None = field(default=None, hash=False, compare=False)  # session for an .ics

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.thing}:{self.person_id}"


def everything(db, today: date | None = None) -> list[Reminder]:
    """Every reminder due now to every active person with an email address, less
    the kinds each turned off (unless the council made them mandatory)."""
    today = today or clock.today()
    mandatory = preferences.mandatory(db)
    out: list[Reminder] = []
    for person in table.people_with_email(db):
        actor = actor_from_user(db, user_table.get(db, person["id"]))
        off = preferences.opted_out(db, person["id"]) - mandatory
        mine = for_person(db, actor, person, today)
        out += [r for r in mine if r.kind not in off]
    out += [r for r in session_invites(db, today)
            if r.kind in mandatory or r.kind not in preferences.opted_out(db, r.person_id)]
    return out


def for_person(db, actor: Actor, person: dict, today: date) -> list[Reminder]:
    def make(kind, thing, to=None, session_id=None, **facts) -> Reminder:
        return Reminder(kind, thing, person["id"], person["email"], person["name"], to,
                        session_id, facts)

    found: list[Reminder] = []
    if actor.has(Role.SUPERVISEE):
        found += _prepare(db, actor, today, make)
        found += _records_to_sign(db, actor, make)
    if actor.has(Role.SUPERVISEE, Role.SUPERVISOR):
        found += _actions(db, actor, today, make)
    if actor.has(Role.SUPERVISOR):
        found += _reflections_submitted(db, actor, today, make)
        found += _supervised_records(db, actor, today, make)
        found += _sessions_overdue(db, actor, today, make)
        found += _contract_reviews(db, actor, today, make)
    if actor.has(Role.TEAM_LEAD):
        found += _weekly_digest(db, actor, today, make)
    found += group_due.for_person(db, actor, today, make)  # whoever is in a group
    return found


# ---------------------------------------------------------------- supervisee

def _prepare(db, actor, today, make) -> list[Reminder]:
    """The next planned session of each arrangement, within the working days set,
    while the reflection is not yet submitted (as the home page's task)."""
    before = int(settings.value(db, "reminder_prepare_days"))
    out, seen = [], set()
    for s in reflections.upcoming(db, actor):
        day = reflections.session_date(s["scheduled_at"])
        if day < today or s["arrangement_id"] in seen:
            continue
        seen.add(s["arrangement_id"])
        if s["versions"] or not in_window(day, before, today):
            continue
        reminder = make("prepare", f"session:{s['session_id']}", Destination.PREPARE,
                        s["session_id"], day=day, when=s["when"], other=s["supervisor_name"])
        out.append(_with_invite(db, reminder, s["session_id"]))
    return out


def _records_to_sign(db, actor, make) -> list[Reminder]:
    mine = {a["id"]: a for a in arrangement_table.as_supervisee(db, actor.id)}
    return [make("record_to_sign", f"record:{r['session_id']}:{r['revision']}",
                 Destination.RECORDS, r["session_id"], day=_held_day(r),
                 other=mine[r["arrangement_id"]]["supervisor_name"])
            for r in record_history.unagreed(db, actor, mine) if r["status"] == "shared"]


def _actions(db, actor, today, make) -> list[Reminder]:
    before = int(settings.value(db, "reminder_action_days"))
    horizon = today + timedelta(days=31)  # wide enough for any working-day setting
    out = []
    for a in table.open_actions_due_by(db, actor.id, horizon.isoformat()):
        due = date.fromisoformat(a["due_date"])
        if not from_reminder_day(due, before, today):
            continue
        other = a["supervisor_name"] if a["supervisee_id"] == actor.id else a["supervisee_name"]
        out.append(make("action_due", f"action:{a['id']}", Destination.RECORDS,
                        due=due, overdue=due < today, other=other))
    return out


# ---------------------------------------------------------------- supervisor

def _running_supervised(db, actor, today) -> dict[int, dict]:
    return {a["id"]: a for a in arrangement_table.as_supervisor(db, actor.id)
            if not access.ended(a, today)}


def _reflections_submitted(db, actor, today, make) -> list[Reminder]:
    out = []
    for s in reflections.for_supervisor(db, actor):
        if s["ready"] and reflections.session_date(s["scheduled_at"]) >= today:
            out.append(make("reflection_submitted", f"session:{s['session_id']}",
                            Destination.REFLECTIONS, s["session_id"],
                            day=reflections.session_date(s["scheduled_at"]),
                            other=s["supervisee_name"]))
    return out


def _supervised_records(db, actor, today, make) -> list[Reminder]:
    """Records to share near or past their deadline, and disputed records."""
    before = int(settings.value(db, "reminder_share_days"))
    out = []
    mine = _running_supervised(db, actor, today)
    for r in record_history.unagreed(db, actor, mine):
        other = mine[r["arrangement_id"]]["supervisee_name"]
        if r["status"] == "disputed":
            out.append(make("record_disputed", f"record:{r['session_id']}:{r['revision']}",
                            Destination.RUN_SESSION, r["session_id"], day=_held_day(r), other=other))
        elif r["session_status"] == "held" and r["status"] in (None, "draft") and r["share_by"]:
            share_by = date.fromisoformat(r["share_by"])
            if from_reminder_day(share_by, before, today):
                out.append(make("record_to_share", f"record:{r['session_id']}",
                                Destination.RUN_SESSION, r["session_id"], day=_held_day(r),
                                due=share_by, overdue=r["late"], other=other))
    return out


def _sessions_overdue(db, actor, today, make) -> list[Reminder]:
    mine = _running_supervised(db, actor, today)
    ids = [i for i in session_tasks.overdue_attention(db, actor) if i in mine]
    if not ids:
        return []
    figures = regularity.summaries(db, None, ids, today)
    return [make("session_overdue", f"arrangement:{i}:{figures[i]['next_due']}",
                 Destination.SESSIONS, due=figures[i]["next_due"],
                 other=mine[i]["supervisee_name"])
            for i in ids if figures.get(i, {}).get("overdue")]


def _contract_reviews(db, actor, today, make) -> list[Reminder]:
    mine = _running_supervised(db, actor, today)
    if not mine:
        return []
    in_force: dict[int, dict] = {}
    for c in contract_table.signed_for_many(db, list(mine)):
        in_force[c["arrangement_id"]] = c  # oldest first, so the last is in force
    out = []
    for arrangement_id, c in in_force.items():
        arr = mine[arrangement_id]
        if review_due(dict(c, supervisor_id=arr["supervisor_id"]), today):
            out.append(make("contract_review", f"contract:{c['id']}",
                            Destination.CONTRACTS,
                            due=date.fromisoformat(c["review_date"]),
                            other=arr["supervisee_name"]))
    return out


# ---------------------------------------------------------------- team lead

def digest_counts(db, actor: Actor, today: date) -> dict[str, int]:
    """Counts only, across the teams the person leads: arrangements whose formal
    supervision is overdue, records late and still not shared, neglect alerts."""
    running = [a for a in arrangement_table.in_teams(db, sorted(actor.led_team_ids))
               if not access.ended(a, today)]
    ids = [a["id"] for a in running]
    figures = regularity.summaries(db, None, ids, today) if ids else {}
    overdue = sum(1 for f in figures.values() if f["overdue"])
    late = sum(1 for r in record_history.late_records(db, actor)
               if r["arrangement_id"] in set(ids) and not r["first_shared_at"])
    alerts = 0
    for team in insights.led_teams(db, actor):
        scope = insights.team_scope(db, actor, team["id"], kind="all", today=today)
        alerts += len(insights.alert_list(insights.team_overview(db, scope), scope))
    return {"overdue": overdue, "late_records": late, "neglect_alerts": alerts,
            "arrangements": len(ids)}


def _weekly_digest(db, actor, today, make) -> list[Reminder]:
    thing = f"week:{week_of(today)}"
    if table.sent_keys(db, [f"weekly_digest:{thing}:{actor.id}"]):
        return []  # this week's is sent: no need to count again on every run
    return [make("weekly_digest", thing, Destination.TEAM,
                 counts=digest_counts(db, actor, today))]


# ---------------------------------------------------------------- invites

def _people(session: dict) -> list[tuple[int, str, str, str]]:
    """(id, email, name, the other person's name) for both people of a session."""
    return [(session["supervisee_id"], session["supervisee_email"], session["supervisee_name"],
             session["supervisor_name"]),
            (session["supervisor_id"], session["supervisor_email"], session["supervisor_name"],
             session["supervisee_name"])]


def _invite(db, session: dict, method: str) -> dict:
    first, moves = session_table.first_of_chain(db, session["id"])
    return dict(session, first_id=first, moves=moves, method=method)


def _with_invite(db, reminder: Reminder, session_id: int) -> Reminder:
    session = table.session_with_people(db, session_id)
    if not session or session["status"] != "planned":
        return reminder
    return replace(reminder, invite=_invite(db, session, "REQUEST"))


def session_invites(db, today: date) -> list[Reminder]:
    """A calendar invite to both people for each planned session from today on; a
    moved session is a new session with the same calendar UID and a higher sequence,
    so it updates the invite; a cancelled one withdraws it, if it was sent."""
    start = clock.stamp(datetime.combine(today, time(0, 0), tzinfo=clock.LONDON))
    active = {p["id"]: p for p in table.people_with_email(db)}
    out = []
    for s in table.planned_sessions_from(db, start):
        invite = _invite(db, s, "REQUEST")
        for person_id, email, name, other in _people(s):
            if person_id in active:
                out.append(Reminder("session_invite", f"session:{s['id']}", person_id, email,
                                    name, Destination.SESSIONS, None,
                                    {"when": reflections.when(s["scheduled_at"]),
                                     "other": other, "moved": invite["moves"] > 0},
                                    invite))
    since = clock.stamp(clock.now() - CANCEL_LOOKBACK)
    cancelled = table.cancelled_sessions_since(db, since, start)
    invited = table.sent_keys(db, [f"session_invite:session:{s['id']}:{pid}"
                                   for s in cancelled for pid, *_ in _people(s)])
    for s in cancelled:
        invite = _invite(db, s, "CANCEL")
        for person_id, email, name, other in _people(s):
            if person_id in active and f"session_invite:session:{s['id']}:{person_id}" in invited:
                out.append(Reminder("session_invite", f"session:{s['id']}:cancelled", person_id,
                                    email, name, Destination.SESSIONS, None,
                                    {"when": reflections.when(s["scheduled_at"]),
                                     "other": other, "cancelled": True}, invite))
    return out


def _held_day(r: dict) -> date:
    return date.fromisoformat(r["held_on"]) if r["held_on"] else reflections.session_date(
        r["scheduled_at"])

