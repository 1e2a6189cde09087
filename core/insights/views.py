"""What the balance pages show, checked against the permission matrix.

Pages call these with the acting Actor. Reading is in two steps so that the
numbers can be cached without caching a permission:

1. A **scope** function (`personal_scope`, `supervisor_scope`, `team_scope`,
   `timeline_scope`) takes the Actor, refuses what the matrix refuses
   (`Access.METRICS`: minutes, counts, dates; `Access.CONTRACT`: statuses) and
   returns a `Scope`: the arrangements, the period, the neglect rule and a
   fingerprint of the data behind them. It runs on every page run.
2. A **view** function (`personal_balance`, `supervisor_overview`,
   `team_overview`, `timeline`) turns a Scope into numbers. Its result depends
   on the Scope alone, so ui/charts/charts.py caches it keyed on the Scope: a write
   changes the fingerprint and the next run recomputes.

No record text is read here: only functions, minutes, counts, dates, statuses
and the number of safeguarding flags. Wellbeing is read per reflection with
`Access.WELLBEING` and the reflection's `wellbeing_shared`.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from db import aggregates
from db import arrangements as arrangement_table
from db import teams as team_table

from core import clock
from core.insights import compliance
from core.access import permissions
from core.admin import settings
from core.people.arrangements import is_current
from core.vocabulary import KINDS, FUNCTIONS, SHORT
from core.insights.balance import Alert, Balance, Rule, Tally, add_months, balance, by_period, counted, month_start, months, neglect, neglect_by_month, quarter_start, rolling
from core.errors import PermissionDenied
from core.access.permissions import Access
from core.access.roles import Actor

SESSIONS_SHOWN = 12        # sessions on the supervisee's per-session and rolling charts
QUARTERS_SHOWN = 8
SUPERVISOR_MONTHS = 12
PERIODS = {3: "Last 3 months", 6: "Last 6 months", 12: "Last 12 months", 24: "Last 24 months"}
KIND_FILTER = {"line": KINDS["line"], "child_protection": KINDS["child_protection"],
               "clinical": KINDS["clinical"], "all": "All kinds of supervision"}

# Columns other parts add to the supervisor's summary: regularity, next due date,
# records waiting for a signature and overdue actions (core/insights/compliance.py). Each
# provider takes (db, scope) and returns {arrangement_id: {column title: plain
# value}}; missing ids show blank.
SUMMARY_PROVIDERS: list = [compliance.summary_columns]


@dataclass(frozen=True)
class Subject:
    """One arrangement as the charts name it."""
    arrangement_id: int
    supervisee_id: int
    supervisee: str
    supervisor: str
    kind: str
    start_date: str
    end_date: str | None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def label(self) -> str:
        return self.supervisee if self.kind == "line" else \
            f"{self.supervisee} ({self.kind_label.lower()})"

    @classmethod
    def of(cls, arr: dict) -> "Subject":
        return cls(arr["id"], arr["supervisee_id"], arr["supervisee_name"],
                   arr["supervisor_name"], arr["kind"], arr["start_date"], arr["end_date"])


@dataclass(frozen=True)
class Scope:
    """What one actor may see, decided on this run. Made only by the scope functions."""
    actor_id: int
    subjects: tuple        # Subject, ...
    since: date
    until: date
    rule: Rule
    version: tuple         # aggregates.versions(): changes with every relevant write
    grace_days: int = 0    # the overdue grace setting, behind the regularity figures

    @property
    def arrangement_ids(self) -> tuple:
        return tuple(s.arrangement_id for s in self.subjects)

    def subject(self, arrangement_id: int) -> Subject:
        return next(s for s in self.subjects if s.arrangement_id == arrangement_id)

    def label(self, arrangement_id: int) -> str:
        """The arrangement's name on charts, unique in this scope: a supervisee who
        changed supervisor in the period appears once per arrangement."""
        subject = self.subject(arrangement_id)
        if sum(s.label == subject.label for s in self.subjects) == 1:
            return subject.label
        return f"{subject.label} (with {subject.supervisor} from {clock.day(subject.start_date)})"


# Permission -----------------------------------------------------------------

def _require_each(db, actor: Actor, rows: list[dict], *accesses: Access) -> None:
    for arr in rows:
        for access in accesses:
            permissions.require(db, actor, access, arr)


def _scope(db, actor: Actor, rows: list[dict], since: date, until: date) -> Scope:
    subjects = tuple(Subject.of(r) for r in rows)
    values = settings.all_values(db)
    return Scope(actor.id, subjects, since, until, Rule.from_settings(values),
                 aggregates.versions(db, [s.arrangement_id for s in subjects]),
                 int(values["overdue_grace_days"]))


def _tallies(db, scope: Scope, *, lead: int) -> dict[int, list[Tally]]:
    """Per arrangement, the counted sessions of the scope's period plus `lead` before it."""
    sums: dict[int, tuple] = {}  # session id -> (arrangement id, held on, minutes, items)
    for row in aggregates.function_totals(db, scope.arrangement_ids,
                                          since=scope.since.isoformat(),
                                          until=scope.until.isoformat(), lead=lead):
        held = sums.get(row["session_id"])
        if held is None:
            held = sums[row["session_id"]] = (row["arrangement_id"], row["held_on"],
                                              dict.fromkeys(FUNCTIONS, 0),
                                              dict.fromkeys(FUNCTIONS, 0))
        held[2][row["function"]] = row["minutes"]
        held[3][row["function"]] = row["items"]
    out: dict[int, list[Tally]] = {i: [] for i in scope.arrangement_ids}
    for session_id, (arrangement_id, on, minutes, items) in sums.items():
        out[arrangement_id].append(
            Tally(session_id, arrangement_id, date.fromisoformat(on), minutes, items))
    return {i: counted(ts) for i, ts in out.items()}


# Supervisee ---------------------------------------------------------------

def my_arrangements(db, actor: Actor) -> list[Subject]:
    """The actor's arrangements as a supervisee: current ones first, line first."""
    rows = arrangement_table.as_supervisee(db, actor.id)
    rows.sort(key=lambda a: (not is_current(a), a["kind"] != "line", a["start_date"]))
    return [Subject.of(a) for a in rows]


def personal_scope(db, actor: Actor, arrangement_id: int, *, today: date | None = None) -> Scope:
    """One arrangement's balance, for anyone the matrix lets see its metrics."""
    today = today or clock.today()
    arr = permissions.arrangement(db, arrangement_id)
    permissions.require(db, actor, Access.METRICS, arr)
    return _scope(db, actor, [arr], add_months(quarter_start(today), -3 * (QUARTERS_SHOWN - 1)),
                  today)


@dataclass(frozen=True)
class PersonalBalance:
    sessions: list      # [(Tally, Balance)] the latest SESSIONS_SHOWN sessions
    quarters: list      # [(quarter start, Balance)]
    rolling: list       # [(Tally, Balance over the rule's window up to it)]
    alerts: list        # [Alert]
    latest: Balance | None  # over the last rule.window sessions
    counted: int        # counted sessions looked at (period plus lead)


def personal_balance(db, scope: Scope) -> PersonalBalance:
    rule = scope.rule
    tallies = _tallies(db, scope, lead=max(SESSIONS_SHOWN, rule.lookback) + rule.window)
    ts = tallies[scope.arrangement_ids[0]]
    in_period = [t for t in ts if t.held_on >= scope.since]
    return PersonalBalance(
        sessions=[(t, balance([t])) for t in ts[-SESSIONS_SHOWN:]],
        quarters=list(by_period(in_period, "quarter").items()),
        rolling=rolling(ts, rule.window)[-SESSIONS_SHOWN:],
        alerts=neglect(ts, rule),
        latest=balance(ts[-rule.window:]),
        counted=len(ts),
    )


@dataclass(frozen=True)
class WellbeingPoint:
    on: date
    score: int
    shared: bool
    kind: str


def wellbeing(db, actor: Actor, supervisee_id: int) -> list[WellbeingPoint]:
    """Wellbeing scores from a supervisee's submitted reflections. The supervisee
    sees all of theirs; their supervisor only those shared with them; nobody else any."""
    rows = {a["id"]: a for a in arrangement_table.as_supervisee(db, supervisee_id)}
    held = {i: permissions.relations(db, actor, a) for i, a in rows.items()}
    if not any(permissions.MATRIX[Access.WELLBEING] & h for h in held.values()):
        raise PermissionDenied(permissions.decide(Access.WELLBEING, frozenset()).reason)
    out = []
    for r in aggregates.wellbeing(db, supervisee_id, list(rows)):
        if not permissions.decide(Access.WELLBEING, held[r["arrangement_id"]],
                                  wellbeing_shared=bool(r["shared"])).allowed:
            continue
        score = r["score"]
        if actor.id != supervisee_id and r["has_versions"]:
            # The supervisor sees what was shared when it was submitted, never a
            # change the supervisee has made since in their working copy.
            score = r["submitted_score"]
            if score is None:
                continue
        out.append(WellbeingPoint(date.fromisoformat(r["on"]), score, bool(r["shared"]),
                                  rows[r["arrangement_id"]]["kind"]))
    return out


# Supervisor ---------------------------------------------------------------

def supervisor_scope(db, actor: Actor, *, today: date | None = None) -> Scope:
    """The actor's current supervisees, over the last 12 months."""
    today = today or clock.today()
    rows = [a for a in arrangement_table.as_supervisor(db, actor.id) if is_current(a, today)]
    _require_each(db, actor, rows, Access.METRICS)
    return _scope(db, actor, rows, add_months(month_start(today), -(SUPERVISOR_MONTHS - 1)),
                  today)


@dataclass(frozen=True)
class Overview:
    """Per arrangement: monthly balance, the alerts in force now, and the latest window."""
    months: list                                   # month starts in the period
    monthly: dict = field(default_factory=dict)    # id -> {month start: Balance}
    alerts: dict = field(default_factory=dict)     # id -> [Alert]
    latest: dict = field(default_factory=dict)     # id -> Balance | None
    held: dict = field(default_factory=dict)       # id -> counted sessions in the period
    last_held: dict = field(default_factory=dict)  # id -> date | None
    by_month_alerts: dict = field(default_factory=dict)  # id -> {month start: [Alert]}

    def has_data(self) -> bool:
        return any(self.held.values())


def _overview(db, scope: Scope, *, alerts_by_month: bool) -> Overview:
    rule = scope.rule
    tallies = _tallies(db, scope, lead=rule.lookback)
    month_list = months(scope.since, scope.until)
    result = Overview(month_list)
    for arrangement_id, ts in tallies.items():
        in_period = [t for t in ts if t.held_on >= scope.since]
        result.monthly[arrangement_id] = by_period(in_period, "month")
        result.alerts[arrangement_id] = neglect(ts, rule)
        result.latest[arrangement_id] = balance(ts[-rule.window:])
        result.held[arrangement_id] = len(in_period)
        result.last_held[arrangement_id] = ts[-1].held_on if ts else None
        if alerts_by_month:
            result.by_month_alerts[arrangement_id] = neglect_by_month(ts, rule, month_list)
    return result


def supervisor_overview(db, scope: Scope) -> Overview:
    return _overview(db, scope, alerts_by_month=False)


def summary_extras(db, scope: Scope) -> dict[int, dict]:
    """Columns other parts of the portal add to the supervisor's summary (see SUMMARY_PROVIDERS)."""
    extras: dict[int, dict] = {i: {} for i in scope.arrangement_ids}
    for provider in SUMMARY_PROVIDERS:
        for arrangement_id, columns in provider(db, scope).items():
            extras.setdefault(arrangement_id, {}).update(columns)
    return extras


# Team lead ----------------------------------------------------------------

def led_teams(db, actor: Actor) -> list[dict]:
    return [t for t in team_table.led_by(db, actor.id) if t["id"] in actor.led_team_ids]


def team_scope(db, actor: Actor, team_id: int, *, months_back: int = 12, kind: str = "line",
               today: date | None = None) -> Scope:
    """The supervisees of a team the actor leads, with arrangements of this kind
    ("all" for every kind) that ran at some time in the period."""
    if team_id not in actor.led_team_ids:
        raise PermissionDenied("You can see the balance only of the teams you lead.")
    if months_back not in PERIODS or kind not in KIND_FILTER:
        raise ValueError("Unknown period or kind of supervision.")
    today = today or clock.today()
    since = add_months(month_start(today), -(months_back - 1))
    rows = [a for a in arrangement_table.in_teams(db, [team_id])
            if (kind == "all" or a["kind"] == kind) and a["start_date"] <= today.isoformat()
            and (a["end_date"] is None or a["end_date"] >= since.isoformat())]
    _require_each(db, actor, rows, Access.METRICS)
    return _scope(db, actor, rows, since, today)


@dataclass(frozen=True)
class Cell:
    arrangement_id: int
    month: date
    balance: Balance | None
    alerts: tuple  # Alert, ... in force at the month's end

    @property
    def neglected(self) -> tuple:
        return tuple(a.function for a in self.alerts) if self.balance else ()

    @property
    def state(self) -> str:
        """No session / Balanced / <Function> neglected / Several functions neglected."""
        if self.balance is None:
            return "No session"
        if not self.neglected:
            return "Balanced"
        if len(self.neglected) > 1:
            return "Several functions neglected"
        return f"{FUNCTIONS[self.neglected[0]]} neglected"

    @property
    def mark(self) -> str:
        """The cell's text: the neglected functions' letters, 'ok', or '–'."""
        if self.balance is None:
            return "–"
        return "+".join(SHORT[f] for f in self.neglected) or "ok"


def team_overview(db, scope: Scope) -> Overview:
    return _overview(db, scope, alerts_by_month=True)


def grid(overview: Overview, scope: Scope) -> list[Cell]:
    """The team grid: one cell per supervisee (arrangement) and month."""
    return [
        Cell(s.arrangement_id, m, overview.monthly[s.arrangement_id].get(m),
             tuple(overview.by_month_alerts[s.arrangement_id].get(m, ())))
        for s in scope.subjects for m in overview.months
    ]


def alert_list(overview: Overview, scope: Scope) -> list[tuple[Subject, Alert]]:
    """The alerts in force now, on arrangements still running (an ended one's
    history stays on the grid, but nobody can act on its alert)."""
    running = [s for s in scope.subjects
               if s.end_date is None or s.end_date >= scope.until.isoformat()]
    return [(s, a) for s in running for a in overview.alerts.get(s.arrangement_id, [])]


def timeline_scope(db, actor: Actor, arrangement_id: int, *, since: date,
                   until: date | None = None) -> Scope:
    """One arrangement's sessions: dates and statuses (CONTRACT), minutes (METRICS)."""
    arr = permissions.arrangement(db, arrangement_id)
    permissions.require(db, actor, Access.METRICS, arr)
    permissions.require(db, actor, Access.CONTRACT, arr)
    return _scope(db, actor, [arr], since, until or clock.today())


@dataclass(frozen=True)
class TimelineRow:
    session_id: int
    on: date
    status: str
    planned_minutes: int | None
    held_minutes: int | None
    minutes: dict   # function -> recorded minutes (0 when none)
    items: dict     # function -> items
    flagged: int    # items flagged as a safeguarding concern (a count, never their text)
    record_status: str | None = None  # draft, shared, agreed, disputed; None: not started

    @property
    def balance(self) -> Balance | None:
        if self.status != "held":
            return None
        return balance([Tally(self.session_id, 0, self.on, dict(self.minutes), dict(self.items))])


def timeline(db, scope: Scope) -> list[TimelineRow]:
    """Sessions from the scope's start, including those planned up to a year ahead."""
    rows = aggregates.timeline(db, scope.arrangement_ids, since=scope.since.isoformat(),
                               until=(scope.until + timedelta(days=366)).isoformat())
    return [
        TimelineRow(r["session_id"], date.fromisoformat(r["on"]), r["status"],
                    r["planned_minutes"], r["held_minutes"],
                    {f: r[f"{f}_minutes"] or 0 for f in FUNCTIONS},
                    {f: r[f"{f}_items"] for f in FUNCTIONS}, r["flagged"], r["record_status"])
        for r in rows
    ]


__all__ = ["Alert", "Balance", "Cell", "Overview", "PersonalBalance", "Scope", "Subject",
           "TimelineRow", "WellbeingPoint", "alert_list", "grid", "led_teams", "my_arrangements",
           "personal_balance", "personal_scope", "summary_extras", "supervisor_overview",
           "supervisor_scope", "team_overview", "team_scope", "timeline", "timeline_scope",
           "wellbeing"]
