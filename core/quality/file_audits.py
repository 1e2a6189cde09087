"""File audits of a supervisee's supervision file, and the quarter's sample.

A team lead audits the file of an arrangement in a team they lead, and a named
auditor (core/quality/auditors.py) the files of the teams they were named for, against
the checklist the admin keeps, over a period they choose (the last 3, 6 or 12 months,
or dates of their own). Starting an audit pre-fills every item the portal can
judge (core/quality/file_audit_evidence.py) with its evidence and a suggested grade; the
auditor confirms each or overrides it with a reason, grades the file overall and
writes actions for the supervisor, then shares it: from then on the supervisor
and the supervisee read it, and it no longer changes. Reading record text for an
audit goes through records.file_audit, which audits each read and tells the
supervisee. An audit is read by its auditor, the team lead of the team, and once
shared the supervisor and the supervisee; only its auditor changes it. Admins keep
the checklist and see no audit.

Sampling: senior managers are expected to inspect a random sample of files at
least every quarter. A team lead or an auditor of the team draws one for a team and a
quarter; the sample shows which files are done (an audit started from it and shared).
"""

import random
from datetime import date

from dateutil.relativedelta import relativedelta

from db import arrangements as arrangement_table
from db import file_audits as table
from db import records as record_table
from db import teams as team_table

from core import clock
from core.admin import audit
from core.access import permissions
from core.records import history as record_history
from core.sessions import regularity
from core.preparation import reflections as reflection_rules
from core.errors import NotFound, PermissionDenied, ValidationError
from core.quality.file_audit_evidence import GRADES, JUDGES, History, worst
from core.access.permissions import Relation
from core.access.roles import Actor, Role, require_admin
from core.validation import Checker, TEXT_MAX

ITEM_MAX = 300
REASON_MAX = 2_000
SAMPLE_MAX = 20
PERIOD_MONTHS = (3, 6, 12)   # the periods offered; dates of the auditor's own otherwise
PERIOD_MAX_YEARS = 10


# ---------------------------------------------------------------- the checklist

def checklist(db) -> list[dict]:
    """The items in use, in order. Open to anyone signed in: it is the
    organisation's standard, not anyone's file."""
    return table.checklist(db)


def update_checklist(db, admin: Actor, texts: dict, new_item: str = "") -> None:
    """Reword items ({item id: text}) and add one. Audits already started keep the
    wording they were audited against."""
    require_admin(admin)
    check = Checker()
    current = {i["id"]: i for i in table.checklist(db)}
    cleaned = {}
    for item_id, text in texts.items():
        if item_id not in current:
            check.fail("_", "The checklist changed meanwhile. Open the page again.")
            continue
        cleaned[item_id] = check.name(f"item_{item_id}", text, "the item", max_len=ITEM_MAX)
    new_item = check.name("new_item", new_item, "the new item", max_len=ITEM_MAX) \
        if (new_item or "").strip() else ""
    check.done()
    changed = {i: t for i, t in cleaned.items() if t != current[i]["text"]}
    if not changed and not new_item:
        raise ValidationError.single("_", "Nothing changed.")
    with db.atomic():
        for item_id, text in changed.items():
            table.update_item(db, item_id, text=text)
        added = table.add_item(db, new_item) if new_item else None
        audit.record(db, admin.id, "audit_checklist_changed", "audit_checklist", added,
                     reworded=len(changed), added=bool(added))


def retire_item(db, admin: Actor, item_id: int) -> None:
    """Only items the admin added can be retired: the preloaded ones are what the
    councils' audit tools ask."""
    require_admin(admin)
    found = {i["id"]: i for i in table.checklist(db)}.get(item_id)
    if not found:
        raise NotFound("There is no such checklist item.")
    if found["key"]:
        raise ValidationError.single("_", "The items the portal checks from its data stay "
                                          "on the checklist; reword them instead.")
    with db.atomic():
        table.update_item(db, item_id, retired_at=clock.stamp())
        audit.record(db, admin.id, "audit_checklist_changed", "audit_checklist", item_id,
                     retired=True)


# ---------------------------------------------------------------- who audits

def _audit_relations(db, actor: Actor, arr: dict) -> frozenset:
    return permissions.relations(db, actor, arr) & {Relation.TEAM_LEAD, Relation.AUDITOR}


def _auditor_of(db, actor: Actor, arrangement_id: int) -> dict:
    arr = permissions.arrangement(db, int(arrangement_id))
    if not _audit_relations(db, actor, arr):
        raise PermissionDenied("A file audit is for the team lead of the supervisee's team, "
                               "or an auditor named for it.")
    if actor.id in (arr["supervisor_id"], arr["supervisee_id"]):
        raise PermissionDenied("A file audit of your own supervision is for someone else.")
    return arr


def audited_teams(db, actor: Actor) -> list[dict]:
    """The teams whose files this person audits and samples: those they lead and those
    they were named auditor for (every team, for the whole service). [{id, name}]"""
    return [t for t in team_table.names(db)
            if t["id"] in actor.led_team_ids or t["id"] in actor.audited_team_ids
            or actor.audits_every_team]


def _in_scope(db, actor: Actor) -> list[dict]:
    if actor.audits_every_team:
        return arrangement_table.listing(db)
    return arrangement_table.in_teams(
        db, sorted(actor.led_team_ids | actor.audited_team_ids))


# ---------------------------------------------------------------- the period

def period(months: int | None = 12, start=None, end=None,
           today: date | None = None) -> tuple[date, date]:
    """The audit period: the last `months` (3, 6 or 12) up to today, or, with months
    None, the auditor's own dates: `start` before `end`, neither in the future."""
    today = today or clock.today()
    if months is not None:
        if months not in PERIOD_MONTHS:
            raise ValidationError.single("period", "Choose the last 3, 6 or 12 months, or "
                                                   "dates of your own.")
        return today - relativedelta(months=months), today
    check = Checker()
    for field, value, what in (("period_start", start, "the first day"),
                               ("period_end", end, "the last day")):
        if not isinstance(value, date):
            check.fail(field, f"Choose {what} of the period.")
        elif value > today:
            check.fail(field, f"The period cannot reach into the future: choose {what} "
                              f"on or before today, {clock.day(today)}.")
    check.done()
    if start >= end:
        raise ValidationError.single("period_start", "The first day of the period must come "
                                                     "before its last day.")
    if start < end - relativedelta(years=PERIOD_MAX_YEARS):
        raise ValidationError.single("period_start", f"A period is at most "
                                                     f"{PERIOD_MAX_YEARS} years long.")
    return start, end


# ---------------------------------------------------------------- evidence

def history(db, actor: Actor, arrangement_id: int, start: date | None = None,
            end: date | None = None) -> History:
    """The facts of the period (by default the last 12 months) the evidence is judged
    from. Read here, for a file the actor may audit, rather than through the pages'
    own reads: a named auditor sees a file's figures only inside an audit."""
    arr = _auditor_of(db, actor, arrangement_id)
    end = end or clock.today()
    start = start or end - regularity.WINDOW
    today = clock.today()
    day = lambda r: r["held_on"] or r["scheduled_at"][:10]  # noqa: E731
    rows = [record_history.summary(r, today) for r in record_table.summaries(db, [arr["id"]])]
    rows = [r for r in rows if start.isoformat() <= day(r) <= end.isoformat()]
    ids = [r["session_id"] for r in rows if r["session_status"] == "held"]
    figures = regularity.for_period(db, arr, start, end)
    items = table.item_facts(db, ids)
    return History(start=start, end=end, kind=arr["kind"],
                   contracts=table.contracts(db, arr["id"]), records=rows,
                   due=figures["due"], on_time=figures["on_time"],
                   cancelled=table.cancelled(db, arr["id"], start.isoformat(),
                                             end.isoformat()),
                   items=items, actions=table.action_facts(db, ids),
                   reflections=table.submitted_reflections(db, ids),
                   noted=table.case_notes_downloaded(
                       db, [it["id"] for it in items if it["is_case"]]))


# ---------------------------------------------------------------- an audit

def _quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def start(db, actor: Actor, arrangement_id: int, *, months: int | None = 12,
          period_start=None, period_end=None) -> int:
    """Start an audit of this file over a period (see `period`), pre-filled. Returns
    its id."""
    _auditor_of(db, actor, arrangement_id)
    first, last = period(months, period_start, period_end)
    facts = history(db, actor, arrangement_id, first, last)
    answers = []
    for position, item in enumerate(table.checklist(db), start=1):
        judge = JUDGES.get(item["key"] or "")
        found = judge(facts) if judge else None
        answers.append({"position": position, "item_key": item["key"], "item_text": item["text"],
                        "evidence": found.as_dict() if found else {"lines": [], "sessions": []},
                        "suggested": found.suggested if found else None, "grade": None,
                        "reason": ""})
    now = clock.stamp()
    with db.atomic():
        audit_id = table.insert_audit(db, {
            "arrangement_id": int(arrangement_id), "auditor_id": actor.id,
            "period_start": facts.start.isoformat(), "period_end": facts.end.isoformat(),
            "started_at": now, "updated_at": now}, answers)
        table.link_sample(db, _quarter(facts.end), int(arrangement_id), audit_id)
        audit.record(db, actor.id, "file_audit_started", "file_audit", audit_id,
                     arrangement_id=int(arrangement_id), period_start=first.isoformat(),
                     period_end=last.isoformat())
    return audit_id


def get(db, actor: Actor, audit_id) -> dict:
    """An audit with its answers: for its auditor while the file is still theirs to
    audit, the team lead of the team, and once shared the supervisor and the
    supervisee. Adds `suggested_overall`, `editable` (its auditor, until shared) and
    `linked` (the records its evidence points at, for those who audit)."""
    try:
        found = table.get_audit(db, int(audit_id)) if audit_id is not None else None
    except (TypeError, ValueError):
        found = None
    if not found:
        raise NotFound("There is no such file audit.")
    arr = permissions.arrangement(db, found["arrangement_id"])
    held = permissions.relations(db, actor, arr)
    auditor = found["auditor_id"] == actor.id and bool(_audit_relations(db, actor, arr))
    lead = Relation.TEAM_LEAD in held or auditor
    party = bool(held & {Relation.SUPERVISOR, Relation.SUPERVISEE})
    if not lead and not (party and found["shared_at"]):
        raise PermissionDenied("A file audit is read by its auditor and the team lead, and by "
                               "the supervisor and the supervisee once it is shared.")
    linked = {}
    if lead:  # the records the evidence points at, which the auditor may open
        for sid in sorted({s for a in found["answers"] for s in a["evidence"]["sessions"]}):
            row = record_table.session(db, sid)
            linked[sid] = reflection_rules.when(row["scheduled_at"]) if row else str(sid)
    return dict(found, suggested_overall=worst(a["grade"] or a["suggested"]
                                               for a in found["answers"]),
                editable=auditor and not found["shared_at"], linked=linked)


def save(db, actor: Actor, audit_id: int, *, grades: dict, reasons: dict,
         overall: str | None, overall_reason: str, actions: str) -> None:
    """Save the auditor's grades ({position: grade}), reasons, overall grade and
    actions. A grade that differs from the portal's suggestion needs a reason."""
    found = get(db, actor, audit_id)
    if not found["editable"]:
        raise ValidationError.single("_", "This audit is shared and no longer changes.")
    check = Checker()
    kept = {}
    for a in found["answers"]:
        p = a["position"]
        grade = grades.get(p)
        if grade is not None and grade not in GRADES:
            check.fail(f"grade_{p}", "Choose a grade.")
        reason = check.text(f"reason_{p}", reasons.get(p, ""), f"the reason for item {p}",
                            max_len=REASON_MAX)
        if grade and a["suggested"] and grade != a["suggested"] and not reason.strip():
            check.fail(f"reason_{p}", f"Say why item {p} is not "
                                      f"'{GRADES[a['suggested']]}' as the evidence suggests.")
        kept[p] = (grade, reason)
    if overall is not None and overall not in GRADES:
        check.fail("overall", "Choose an overall grade.")
    overall_reason = check.text("overall_reason", overall_reason, "the reason for the overall "
                                "grade", max_len=REASON_MAX)
    suggested = worst(g or a["suggested"] for a, (g, _r) in
                      zip(found["answers"], kept.values()))
    if overall and suggested and overall != suggested and not overall_reason.strip():
        check.fail("overall_reason", f"Say why the file is not '{GRADES[suggested]}' overall, "
                                     "the lowest grade of its items.")
    actions = check.text("actions", actions, "the actions for the supervisor", max_len=TEXT_MAX)
    check.done()
    with db.atomic():
        for p, (grade, reason) in kept.items():
            table.update_answer(db, found["id"], p, grade, reason)
        table.update_audit(db, found["id"], overall_grade=overall, overall_reason=overall_reason,
                           actions=actions, updated_at=clock.stamp())
        audit.record(db, actor.id, "file_audit_saved", "file_audit", found["id"],
                     graded=sum(1 for g, _ in kept.values() if g))


def share(db, actor: Actor, audit_id: int) -> None:
    """Share a complete audit with the supervisor and the supervisee; it is then final."""
    found = get(db, actor, audit_id)
    if not found["editable"]:
        raise ValidationError.single("_", "This audit is already shared.")
    missing = [a["position"] for a in found["answers"] if not a["grade"]]
    if missing or not found["overall_grade"]:
        raise ValidationError.single("_", "Grade every item and the file overall, and save, "
                                          "before sharing."
                                     + (f" Items without a grade: "
                                        f"{', '.join(map(str, missing))}." if missing else ""))
    now = clock.stamp()
    with db.atomic():
        table.update_audit(db, found["id"], shared_at=now, updated_at=now)
        for user_id in (found["supervisee_id"], found["supervisor_id"]):
            record_table.insert_notice(db, {
                "user_id": user_id, "at": now, "kind": "file_audit_shared",
                "text": f"{actor.name} shared a file audit of the supervision of "
                        f"{found['supervisee_name']} by {found['supervisor_name']}: "
                        f"{GRADES[found['overall_grade']]} overall. Read it on File audits.",
                "session_id": None})
        audit.record(db, actor.id, "file_audit_shared", "file_audit", found["id"],
                     overall=found["overall_grade"])


def listing(db, actor: Actor) -> list[dict]:
    """Audits this person may read: all of the teams they lead, those they run as an
    auditor, and the shared ones of their own supervision (as supervisor or
    supervisee). Newest first."""
    led = {a["id"] for a in arrangement_table.in_teams(db, sorted(actor.led_team_ids))}
    audited = {a["id"] for a in _in_scope(db, actor)} if actor.has(Role.AUDITOR) else set()
    own = {a["id"] for a in arrangement_table.as_supervisor(db, actor.id)
           + arrangement_table.as_supervisee(db, actor.id)}
    rows = table.audits_of(db, sorted(led | audited | own))
    mine = lambda r: r["auditor_id"] == actor.id and r["arrangement_id"] in led | audited  # noqa: E731
    return [dict(r, mine_to_edit=mine(r) and not r["shared_at"])
            for r in rows if r["arrangement_id"] in led or mine(r) or
            (r["shared_at"] and r["arrangement_id"] in own)]


def auditable(db, actor: Actor) -> list[dict]:
    """Current arrangements in the teams this person leads or audits, not their own."""
    today = clock.today().isoformat()
    return [a for a in _in_scope(db, actor)
            if (a["end_date"] is None or a["end_date"] >= today)
            and actor.id not in (a["supervisee_id"], a["supervisor_id"])]


# ---------------------------------------------------------------- sampling

def quarter_of(day: date | None = None) -> str:
    return _quarter(day or clock.today())


def _require_sampler(db, actor: Actor, team_id: int) -> None:
    if team_id not in {t["id"] for t in audited_teams(db, actor)}:
        raise PermissionDenied("Only the team lead, or an auditor named for the team, draws "
                               "and sees the team's sample.")


def sample(db, actor: Actor, team_id: int, quarter: str | None = None) -> list[dict]:
    """The files drawn for the team and quarter, each with `done` (its audit shared)."""
    _require_sampler(db, actor, team_id)
    return [dict(r, done=bool(r["audit_shared_at"]))
            for r in table.sample(db, team_id, quarter or quarter_of())]


def draw_sample(db, actor: Actor, team_id: int, size: int, *, rng=None) -> list[dict]:
    """Draw `size` more files at random for this quarter from the team's current
    arrangements not drawn yet this quarter (the drawer's own supervision excluded)."""
    _require_sampler(db, actor, team_id)
    if not isinstance(size, int) or not 1 <= size <= SAMPLE_MAX:
        raise ValidationError.single("size", f"Draw from 1 to {SAMPLE_MAX} files.")
    quarter = quarter_of()
    with db.atomic():
        drawn = {r["arrangement_id"] for r in table.sample(db, team_id, quarter)}
        pool = [a["id"] for a in auditable(db, actor)
                if a["supervisee_team_id"] == team_id and a["id"] not in drawn]
        if not pool:
            raise ValidationError.single("size", "Every current file of this team is in this "
                                                 "quarter's sample already.")
        chosen = (rng or random.SystemRandom()).sample(sorted(pool), min(size, len(pool)))
        now = clock.stamp()
        table.insert_sample(db, [{"team_id": team_id, "quarter": quarter, "arrangement_id": a,
                                  "drawn_by": actor.id, "drawn_at": now} for a in chosen])
        audit.record(db, actor.id, "file_audit_sample_drawn", "team", team_id,
                     quarter=quarter, files=len(chosen))
    return sample(db, actor, team_id, quarter)
