"""What the portal can judge of a supervision file from its own data, item by item
of the audit checklist: the evidence (counts and dates in words, and the sessions
the auditor may open under the file-audit rules) and a suggested grade.

Every judge reads a `History`: facts about one arrangement over the audit period,
as a team lead may see them (Access.METRICS and CONTRACT: dates, statuses, counts,
minutes per function; whether a field is filled, never its text). The auditor
confirms each suggestion or overrides it with a reason.
"""

from dataclasses import dataclass, field
from datetime import date

from core import clock

GOOD, IMPROVE, INADEQUATE = "good", "requires_improvement", "inadequate"
GRADES = {GOOD: "Good", IMPROVE: "Requires improvement", INADEQUATE: "Inadequate"}
_RANK = {GOOD: 0, IMPROVE: 1, INADEQUATE: 2}
KINDS = {"line": "line-management supervision", "child_protection":
         "child protection supervision", "clinical": "clinical supervision"}


@dataclass
class History:
    start: date
    end: date
    kind: str
    contracts: list = field(default_factory=list)   # db.file_audits.contracts rows
    records: list = field(default_factory=list)     # records.records_for rows in the period
    due: int = 0                                    # sessions due in the period (regularity)
    on_time: int = 0                                # of them held on time
    cancelled: list = field(default_factory=list)   # {session_id, day, has_reason}
    items: list = field(default_factory=list)       # db.file_audits.item_facts rows
    actions: list = field(default_factory=list)     # {id, session_id, status, due_date}
    reflections: set = field(default_factory=set)   # session ids with a submitted reflection
    noted: set = field(default_factory=set)         # item ids whose case note was downloaded

    @property
    def held(self) -> list[dict]:
        return [r for r in self.records if r["session_status"] == "held"]


@dataclass(frozen=True)
class Evidence:
    lines: list
    sessions: list      # session ids the auditor may open (file-audit rules apply)
    suggested: str | None

    def as_dict(self) -> dict:
        return {"lines": list(self.lines), "sessions": list(self.sessions)}


def worst(grades) -> str | None:
    known = [g for g in grades if g]
    return max(known, key=_RANK.get) if known else None


def _by_share(share: float, good: float, improve: float) -> str:
    return GOOD if share >= good else IMPROVE if share >= improve else INADEQUATE


def _cadence(c: dict) -> str:
    if c["cadence_kind"] == "asye":
        return "the newly qualified (ASYE) pattern"
    every = f"every {c['cadence_weeks']} weeks"
    return f"{every}, pro rata at {c['fte']:.0%} of full time" \
        if c["cadence_kind"] == "pro_rata" else every


def contract(h: History) -> Evidence:
    """A signed contract stating frequency and type."""
    in_force = [c for c in h.contracts if c["start_date"] <= h.end.isoformat()]
    if not in_force:
        return Evidence(["No contract has been drafted."], [], INADEQUATE)
    c = in_force[-1]
    line = (f"Version {c['version']}, from {clock.day(c['start_date'])}: {_cadence(c)}, "
            f"{KINDS.get(h.kind, h.kind)}.")
    signed = [who for who, at in (("the supervisor", c["supervisor_signed_at"]),
                                  ("the supervisee", c["supervisee_signed_at"])) if at]
    if len(signed) == 2:
        return Evidence([line, f"Signed by both: the supervisor on "
                               f"{clock.day(c['supervisor_signed_at'][:10])}, the supervisee "
                               f"on {clock.day(c['supervisee_signed_at'][:10])}."], [], GOOD)
    said = f"Signed only by {signed[0]}." if signed else "Not signed by either."
    return Evidence([line, said], [], IMPROVE if signed else INADEQUATE)


def frequency(h: History) -> Evidence:
    """Frequency met, with reasons for missed sessions."""
    without = [c for c in h.cancelled if not c["has_reason"]]
    lines = [f"{h.on_time} of {h.due} sessions due from {clock.day(h.start)} to "
             f"{clock.day(h.end)} were held on time." if h.due else
             "No session fell due in the period.",
             f"{len(h.cancelled)} cancelled, {len(h.cancelled) - len(without)} of them with a "
             "reason recorded."]
    if not h.due:
        return Evidence(lines, [], None)
    grade = _by_share(h.on_time / h.due, 0.9, 0.75)
    if without:
        grade = worst([grade, IMPROVE])
    return Evidence(lines, [c["session_id"] for c in without], grade)


def signatures(h: History) -> Evidence:
    """Both signatures on each record, shared within the contract's time."""
    today = clock.today().isoformat()
    waiting = [r for r in h.held if r["status"] in (None, "draft", "shared") and not r["late"]
               and r["share_by"] and r["share_by"] >= today]
    judged = [r for r in h.held if r not in waiting]
    unsigned = [r for r in judged if r["status"] != "agreed"]
    late = [r for r in judged if r["late"]]
    lines = [f"{len(h.held)} records of held sessions: {len(judged) - len(unsigned)} signed by "
             f"both, {len(unsigned)} not" + (f", {len(waiting)} still within the time to "
                                              "share" if waiting else "") + ".",
             f"{len(late)} shared later than the contract allows."]
    if not judged:
        return Evidence(lines, [], None)
    problems = {r["session_id"] for r in unsigned + late}
    grade = GOOD if not problems else IMPROVE if len(problems) <= max(1, len(judged) // 5) \
        else INADEQUATE
    return Evidence(lines, sorted(problems), grade)


def agenda(h: History) -> Evidence:
    """An agenda prepared by both."""
    sessions = {r["session_id"] for r in h.held}
    sources: dict[int, set] = {}
    for it in h.items:
        if it["session_id"] in sessions:
            sources.setdefault(it["session_id"], set()).add(it["source"])
    theirs = {s for s in sessions if "supervisee" in sources.get(s, set())}
    both = {s for s in theirs if sources[s] - {"supervisee"}}
    lines = [f"{len(both)} of {len(sessions)} held sessions had items from both; "
             f"{len(theirs)} had items the supervisee proposed."]
    if not sessions:
        return Evidence(lines, [], None)
    return Evidence(lines, sorted(sessions - both), _by_share(len(both) / len(sessions),
                                                              0.75, 0.5))


def review(h: History) -> Evidence:
    """Previous decisions and actions reviewed."""
    closed = [a for a in h.actions if a["status"] != "open"]
    overdue = [a for a in h.actions if a["status"] == "open"
               and a["due_date"] < clock.today().isoformat()]
    carried = {it["session_id"] for it in h.items if it["source"] == "action"}
    lines = [f"{len(h.actions)} actions agreed in the period: {len(closed)} closed, "
             f"{len(overdue)} open past their due date.",
             f"{len(carried)} session(s) reviewed actions carried forward from earlier ones."]
    if not h.actions:
        return Evidence(lines, [], None)
    grade = GOOD if not overdue else IMPROVE if len(overdue) <= 1 else INADEQUATE
    return Evidence(lines, sorted({a["session_id"] for a in overdue}), grade)


def case_decisions(h: History) -> Evidence:
    """Case decisions with rationale, copied to the case system (case notes downloaded).
    The portal knows a case note was downloaded, not that it was pasted in: the auditor
    confirms that against the case system."""
    sessions = {r["session_id"] for r in h.held}
    decided = [it for it in h.items if it["session_id"] in sessions and it["is_case"]
               and it["has_decision"]]
    missing = [it for it in decided if not it["has_rationale"]]
    unnoted = [it for it in decided if it["id"] not in h.noted]
    records = {it["session_id"] for it in decided}
    noted_records = records - {it["session_id"] for it in unnoted}
    lines = [f"{len(decided)} case decisions recorded in {len(records)} records; "
             f"{len(decided) - len(missing)} with their rationale.",
             f"Case notes downloaded for {len(decided) - len(unnoted)} of {len(decided)} "
             f"case decisions: every case note in {len(noted_records)} of {len(records)} "
             "records. Check the case system for the notes themselves."]
    if not decided:
        return Evidence(lines, [], None)
    share = (len(decided) - len(missing)) / len(decided)
    copied = (len(decided) - len(unnoted)) / len(decided)
    return Evidence(lines, sorted({it["session_id"] for it in missing + unnoted}),
                    worst([_by_share(share, 1.0, 0.8), _by_share(copied, 1.0, 0.5)]))


def reflection(h: History) -> Evidence:
    """Evidence of reflection; wellbeing, learning and workload discussed."""
    held = h.held
    reflected = [r for r in held if r["session_id"] in h.reflections]
    minutes = {f: sum(r["minutes"].get(f, 0) for r in held)
               for f in ("performance", "development", "support")}
    total = sum(minutes.values())
    lines = [f"{len(reflected)} of {len(held)} held sessions had a reflection submitted "
             "before them."]
    if total:
        lines.append(f"Minutes recorded: {minutes['performance']} performance management "
                     f"(including workload), {minutes['development']} professional "
                     f"development (learning), {minutes['support']} personal support "
                     "(wellbeing).")
    if not held:
        return Evidence(lines, [], None)
    share = len(reflected) / len(held)
    thin = [f for f in ("development", "support") if not total or minutes[f] / total < 0.1]
    grade = GOOD if share >= 0.5 and not thin else \
        INADEQUATE if share < 0.25 and thin else IMPROVE
    return Evidence(lines, [], grade)


JUDGES = {"contract": contract, "frequency": frequency, "signatures": signatures,
          "agenda": agenda, "review": review, "case_decisions": case_decisions,
          "reflection": reflection}
