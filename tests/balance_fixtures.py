"""Supervision histories for the balance tests: held sessions with minutes per
function, put into a database through db/session_history.py.

Tests make their own on the demo's people (the `people_only` fixture), so
they can count exact rows whatever history the demo holds. The story
the records issue will seed in the demo is here too: one supervisee's
personal support fades away over the last months.
"""

from datetime import date, datetime, time, timedelta, timezone

from core.insights.balance import add_months
from core.vocabulary import FUNCTIONS
from db.session_history import insert_history

STAMP = "2026-01-01T09:00:00+00:00"
# Known text on personal support items: the team lead's pages must never show it.
SUPPORT_TEXT = "Felt flattened after the Hollis strategy meeting"
SUPPORT_TITLE = "Sleeping badly since the Hollis case"
PERFORMANCE_TEXT = "Caseload review: plan for the Marsh family"


def arrangement_id(db, supervisee: str, kind: str = "line", current: bool = True) -> int:
    row = db.execute(
        "SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
        "WHERE u.username = ? AND a.kind = ? ORDER BY (a.end_date IS NULL) = ? DESC, a.id DESC",
        [supervisee, kind, 1 if current else 0]).fetchone()
    return row[0]


def user_id(db, username: str) -> int:
    return db.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()[0]


def session(on: date, minutes: dict | None = None, items: dict | None = None, *,
            status: str = "held", wellbeing: dict | None = None, flagged: bool = False) -> dict:
    """A session on `on`: one item per function with the minutes given, or
    `items` (function -> count) with no minutes recorded."""
    scheduled = datetime.combine(on, time(10), tzinfo=timezone.utc).isoformat()
    agenda = []
    for f, m in (minutes or {}).items():
        if m:
            agenda.append({"function": f, "minutes": m, **_texts(f)})
    for f, n in (items or {}).items():
        agenda += [{"function": f, "minutes": None, **_texts(f)} for _ in range(n)]
    if flagged and agenda:
        agenda[0] = dict(agenda[0], safeguarding=True, safeguarding_reason="Risk to a child")
    held = status == "held"
    return {"scheduled_at": scheduled, "status": status, "held_on": on.isoformat() if held else None,
            "held_minutes": sum((minutes or {}).values()) or 90 if held else None,
            "items": agenda if held else [], "wellbeing": wellbeing}


def _texts(function: str) -> dict:
    if function == "support":
        return {"title": SUPPORT_TITLE, "discussion": SUPPORT_TEXT}
    return {"title": f"{function.title()} item", "discussion": PERFORMANCE_TEXT}


def add(db, supervisee: str, sessions: list[dict], *, kind: str = "line",
        current: bool = True) -> list[int]:
    return insert_history(db, arrangement_id(db, supervisee, kind, current),
                          user_id(db, supervisee), sessions, stamp=STAMP,
                          contract_start="2020-01-01")


def monthly(today: date, count: int, pattern) -> list[dict]:
    """`count` monthly sessions ending this month; pattern(i) gives the minutes
    per function of the i-th (0 = oldest)."""
    first = add_months(today.replace(day=1), -(count - 1))
    return [session(min(add_months(first, i) + timedelta(days=9), today), pattern(i))
            for i in range(count)]


def balanced(_i: int) -> dict:
    return {"performance": 40, "development": 25, "support": 25}


def fading_support(count: int = 18):
    """Personal support fades: 30 minutes, then less each month, none in the last 4."""
    def pattern(i: int) -> dict:
        support = max(0, 30 - 3 * i) if i < count - 4 else 0
        return {"performance": 50, "development": 25, "support": support}
    return pattern


def seed_story(db, today: date) -> dict:
    """Sam Taylor's support fades (a neglect alert for Helen Carter and Priya Shah);
    Chloe Wright stays balanced with wellbeing checks; Jordan Ellis (new) has none."""
    sam = add(db, "sam.taylor", monthly(today, 18, fading_support(18)))
    wellbeing = [session(add_months(today.replace(day=1), -i) + timedelta(days=3), balanced(i),
                         wellbeing={"score": 4 + i % 5, "shared": i % 2 == 0})
                 for i in range(6, 0, -1)]
    chloe = add(db, "chloe.wright", monthly(add_months(today, -7), 6, balanced) + wellbeing)
    return {"sam": sam, "chloe": chloe, "functions": FUNCTIONS}
