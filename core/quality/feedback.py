"""The supervisee's voice: short, optional feedback on a session.

After signing or disputing a record, the supervisee may score a few statements
from 1 (strongly disagree) to 5 (strongly agree) and write a comment, which
they share with the supervisor or keep out. The statements are a set the admin
keeps; every change makes a new version, and an answer points at the wording it
answered, so old answers keep theirs.

Who sees what:
- the supervisee: their own answers and comments;
- the supervisor of the arrangement: every answer on their own sessions, and a
  comment only when the supervisee shared it;
- a team lead: only aggregates over the teams they lead, and only where a group
  holds at least MIN_ANSWERS answers from at least MIN_PEOPLE people. An
  average of five answers all from one person is still that person's answers,
  so both counts must be met. Never a comment, never one person's answers;
- an admin: edits the statements, sees no answers.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from db import arrangements as arrangement_table
from db import feedback as table
from db import records as record_table

from core import clock
from core.admin import audit
from core.access import permissions
from core.insights.balance import quarter_label, quarter_start
from core.errors import NotFound, PermissionDenied, ValidationError
from core.access.permissions import Relation
from core.access.roles import Actor, require_admin
from core.validation import Checker

MIN_ANSWERS = 5
MIN_PEOPLE = 2
SCORES = {1: "Strongly disagree", 2: "Disagree", 3: "Neither agree nor disagree",
          4: "Agree", 5: "Strongly agree"}
COMMENT_MAX = 2_000
STATEMENT_MAX = 200
MAX_STATEMENTS = 8
OFFERED_AFTER = ("agreed", "disputed")  # the supervisee has signed or disputed


# ---------------------------------------------------------------- the statements

def current(db) -> dict:
    """The statements offered now. Open to anyone signed in: they are the
    organisation's wording, not anyone's answers."""
    found = table.current_set(db)
    if not found:
        raise NotFound("No feedback statements are set up.")
    return found


def versions(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return table.versions(db)


def update_statements(db, admin: Actor, texts: list[str]) -> int:
    """Save a new version of the statements (empty rows dropped). Returns its number."""
    require_admin(admin)
    check = Checker()
    kept = []
    for i, text in enumerate(texts or [], start=1):
        if not (text or "").strip():
            continue
        kept.append(check.name(f"statement_{i}", text, f"statement {i}",
                               max_len=STATEMENT_MAX))
    if not kept:
        check.fail("statements", "Write at least one statement.")
    elif len(kept) > MAX_STATEMENTS:
        check.fail("statements", f"A feedback form has at most {MAX_STATEMENTS} statements.")
    elif len(set(kept)) < len(kept):
        check.fail("statements", "Two statements have the same words. Keep one of them.")
    check.done()
    with db.atomic():
        now = current(db)
        if [s["text"] for s in now["statements"]] == kept:
            raise ValidationError.single("statements", "The statements are unchanged.")
        version = now["version"] + 1
        set_id = table.insert_set(db, version=version, created_by=admin.id,
                                  created_at=clock.stamp(), texts=kept)
        audit.record(db, admin.id, "feedback_statements_changed", "feedback_set", set_id,
                     version=version, statements=len(kept))
    return version


# ---------------------------------------------------------------- giving feedback

def _supervisee_session(db, actor: Actor, session_id) -> tuple[dict, dict]:
    found = record_table.session(db, int(session_id)) if session_id is not None else None
    if not found:
        raise NotFound("There is no such session.")
    arr = permissions.arrangement(db, found["arrangement_id"])
    if Relation.SUPERVISEE not in permissions.relations(db, actor, arr):
        raise PermissionDenied("Only the supervisee gives feedback on a session.")
    return found, arr


def offer(db, actor: Actor, session_id: int) -> dict | None:
    """What the supervisee is offered on this session's record: {statements (the
    current set), given (their feedback, if they gave it)}; None when it is not
    theirs to give (not the supervisee, or not yet signed or disputed)."""
    try:
        found, _arr = _supervisee_session(db, actor, session_id)
    except (NotFound, PermissionDenied):
        return None
    record = record_table.for_session(db, found["id"])
    given = table.for_session(db, found["id"])
    if not given and (not record or record["status"] not in OFFERED_AFTER):
        return None
    return {"session_id": found["id"], "statements": current(db)["statements"],
            "given": given}


def give(db, actor: Actor, session_id: int, *, scores: dict, comment: str = "",
         share_comment: bool = False) -> int:
    """Save the supervisee's feedback on a session, once. `scores` maps a statement
    id of the current set to 1-5; a statement left out is skipped."""
    found, arr = _supervisee_session(db, actor, session_id)
    check = Checker()
    comment = check.text("comment", comment, "your comment", max_len=COMMENT_MAX)
    with db.atomic():
        now_set = current(db)
        known = {s["id"] for s in now_set["statements"]}
        kept = {}
        for statement_id, score in (scores or {}).items():
            if score is None:
                continue
            if statement_id not in known:
                check.fail("_", "The statements changed while you answered. Open the form "
                                "again.")
            elif score not in SCORES:
                check.fail(f"score_{statement_id}", "Choose a score from 1 to 5.")
            else:
                kept[statement_id] = score
        if not kept and not check.errors:
            check.fail("scores", "Choose a score for at least one statement, or leave the "
                                 "form: it is optional.")
        check.done()
        record = record_table.for_session(db, found["id"])
        if not record or record["status"] not in OFFERED_AFTER:
            raise ValidationError.single("_", "Feedback opens once you have signed or "
                                              "disputed the record.")
        if table.for_session(db, found["id"]):
            raise ValidationError.single("_", "You have already given feedback on this "
                                              "session.")
        feedback_id = table.insert(db, {
            "session_id": found["id"], "arrangement_id": arr["id"],
            "supervisee_id": actor.id, "set_id": now_set["id"], "comment": comment,
            "comment_shared": 1 if share_comment and comment.strip() else 0,
            "created_at": clock.stamp()}, kept)
        audit.record(db, actor.id, "feedback_given", "session", found["id"],
                     scores=len(kept), comment=bool(comment.strip()),
                     comment_shared=bool(share_comment and comment.strip()))
    return feedback_id


# ---------------------------------------------------------------- reading answers

@dataclass(frozen=True)
class Answer:
    """One session's feedback as one reader may see it."""
    session_id: int
    day: date
    supervisee: str
    scores: dict           # statement text -> score
    comment: str | None    # None when the reader may not see it
    comment_kept_out: bool  # a comment exists but the supervisee kept it out


def _answers(rows: list[dict], *, comments: str) -> list[Answer]:
    """Rows (one per score) grouped per session. comments: 'all' or 'shared'."""
    grouped: dict[int, dict] = {}
    for r in rows:
        g = grouped.setdefault(r["feedback_id"], {"row": r, "scores": {}})
        g["scores"][r["text"]] = r["score"]
    out = []
    for g in grouped.values():
        r = g["row"]
        written = bool(r["comment"].strip())
        shown = written and (comments == "all" or r["comment_shared"])
        out.append(Answer(r["session_id"], date.fromisoformat(r["day"]),
                          r["supervisee_name"], g["scores"],
                          r["comment"] if shown else None, written and not shown))
    return out


def mine(db, actor: Actor) -> list[Answer]:
    """The supervisee's own feedback, comments included, oldest first."""
    ids = [a["id"] for a in arrangement_table.as_supervisee(db, actor.id)]
    rows = [r for r in table.answers_in_arrangements(db, ids)
            if r["supervisee_id"] == actor.id]
    return _answers(rows, comments="all")


def for_supervisor(db, actor: Actor) -> list[Answer]:
    """Feedback on the actor's own sessions as a supervisor (arrangements they are,
    or were, the supervisor of); a comment only if the supervisee shared it."""
    ids = [a["id"] for a in arrangement_table.as_supervisor(db, actor.id)
           if a["supervisor_id"] == actor.id]
    return _answers(table.answers_in_arrangements(db, ids), comments="shared")


@dataclass(frozen=True)
class Point:
    """One statement's average over a period or group, or withheld."""
    group: str
    statement: str
    average: float | None   # None: withheld, too few answers or people
    answers: int | None     # None when withheld: even a small count is not shown
    order: int = 0


def trend(answers: list[Answer]) -> list[Point]:
    """Quarter by quarter, each statement's average over the answers given. For
    the supervisee and the supervisor, who may see the answers themselves."""
    groups: dict[tuple, list[int]] = {}
    for a in answers:
        q = quarter_start(a.day)
        for statement, score in a.scores.items():
            groups.setdefault((q, statement), []).append(score)
    return [Point(quarter_label(q), s, round(mean(v), 2), len(v), q.toordinal())
            for (q, s), v in sorted(groups.items(), key=lambda kv: kv[0][0])]


def averages(rows: list[dict], key, label) -> list[Point]:
    """Rows (one per score: supervisee_id, position, text, score, …) grouped by
    `key(row)` and statement; a group shows its average only with at least
    MIN_ANSWERS scores from at least MIN_PEOPLE people, and otherwise not even
    its count."""
    groups: dict[tuple, dict] = {}
    for r in rows:
        g = groups.setdefault((key(r), r["text"]), {"scores": [], "people": set(), "row": r})
        g["scores"].append(r["score"])
        g["people"].add(r["supervisee_id"])
    out = []
    in_order = sorted(groups.items(),
                      key=lambda kv: (str(kv[0][0]), kv[1]["row"]["position"], kv[0][1]))
    for (k, text), g in in_order:
        enough = len(g["scores"]) >= MIN_ANSWERS and len(g["people"]) >= MIN_PEOPLE
        out.append(Point(label(g["row"]), text, round(mean(g["scores"]), 2) if enough else None,
                         len(g["scores"]) if enough else None,
                         k.toordinal() if isinstance(k, date) else 0))
    return out


@dataclass(frozen=True)
class TeamFeedback:
    by_quarter: list[Point]
    by_supervisor: list[Point]
    answered: int            # sessions with feedback in the team and period (a count only)


def team_summary(db, actor: Actor, team_id: int, since: date) -> TeamFeedback:
    """A team lead's view of one team they lead: averages per quarter and per
    supervisor, each withheld below the thresholds. No comment, no single answer."""
    if team_id not in actor.led_team_ids:
        raise PermissionDenied("Only the team lead sees the feedback of a team, and only "
                               "as averages.")
    rows = table.answers_in_teams(db, [team_id], since.isoformat())
    quarter = lambda r: quarter_start(date.fromisoformat(r["day"]))  # noqa: E731
    return TeamFeedback(
        by_quarter=averages(rows, quarter, lambda r: quarter_label(quarter(r))),
        by_supervisor=averages(rows, lambda r: r["supervisor_id"],
                                 lambda r: r["supervisor_name"]),
        answered=len({r["feedback_id"] for r in rows}))


def since_months(months_back: int, today: date | None = None) -> date:
    today = today or clock.today()
    return today - timedelta(days=round(months_back * 30.44))
