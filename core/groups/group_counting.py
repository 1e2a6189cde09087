"""How group supervision counts, and the time spent in it.

Group sessions never replace one-to-one formal supervision: regularity
(core/sessions/regularity.py) counts formal sessions only. A council may let
group sessions count as part of it with the `group_counts_one_in` setting N:
a group session attended can then stand for at most one in every N formal
sessions due (so with N = 3 and 12 due, at most 4), and only for a due date
that was missed. The rule is stated next to every regularity figure while on.

Group time is shown apart from the balance of the three functions: a group
session is not divided into performance, development and support for any one
member, so it never enters that balance.
"""

from dataclasses import dataclass
from datetime import date

from db import arrangements as arrangement_table
from db import groups as table
from db import users as user_table

from core import clock
from core.admin import settings
from core.access.roles import Actor
from core.errors import PermissionDenied
from core.sessions.regularity import WINDOW


@dataclass(frozen=True)
class Rule:
    one_in: int  # 0: group sessions never count

    @property
    def on(self) -> bool:
        return self.one_in >= 2

    def describe(self) -> str:
        if not self.on:
            return ("Group supervision does not count towards regularity: only one-to-one "
                    "formal sessions do.")
        return (f"Group supervision counts as part of regularity: a group session attended "
                f"can stand for a missed formal session, at most one in every {self.one_in} "
                "formal sessions due. It never replaces one-to-one supervision.")


@dataclass(frozen=True)
class Counted:
    due: int
    on_time: int          # formal sessions held on time
    by_group: int         # missed due dates a group session stands for

    @property
    def met(self) -> int:
        return self.on_time + self.by_group

    @property
    def share(self) -> float | None:
        return self.met / self.due if self.due else None


def rule(db) -> Rule:
    return Rule(int(settings.value(db, "group_counts_one_in")))


def counted(due: int, on_time: int, attended: int, one_in: int) -> Counted:
    """Regularity with group sessions counted under the rule (see the module doc)."""
    if one_in < 2 or due <= 0:
        return Counted(max(due, 0), on_time, 0)
    by_group = max(0, min(due - on_time, attended, due // one_in))
    return Counted(due, on_time, by_group)


def _may_see(db, actor: Actor, user_id: int) -> bool:
    """Counts and minutes of a person's group sessions: themself, anyone who supervises
    (or supervised) them, and the lead of their team, as for one-to-one counts."""
    if actor.id == user_id:
        return True
    if any(a["supervisor_id"] == actor.id for a in arrangement_table.as_supervisee(db, user_id)):
        return True
    person = user_table.get(db, user_id)
    return bool(person) and person["team_id"] in actor.led_team_ids


def version(db) -> tuple:
    """Changes whenever a group record's attendance is written: a cache key."""
    return table.attendance_version(db)


def attended(db, actor: Actor, user_ids, today: date | None = None) -> dict[int, list[dict]]:
    """Per person, the group sessions they attended over the last 12 months: the date,
    the group and the minutes; never what was said."""
    today = today or clock.today()
    ids = sorted({int(i) for i in user_ids})
    for user_id in ids:
        if not _may_see(db, actor, user_id):
            raise PermissionDenied("You may not see this person's group supervision.")
    out = {i: [] for i in ids}
    for row in table.attended(db, ids, (today - WINDOW).isoformat()):
        if row["held_on"] <= today.isoformat():
            out[row["user_id"]].append(row)
    return out
