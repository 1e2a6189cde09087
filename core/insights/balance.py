"""The balance of the three functions, and neglect alerts: pure maths, no storage.

Definitions:

- Only **held** sessions with at least one agenda item count. A held session
  with no items yet says nothing either way about the balance.
- A **session's weight** for a function is the minutes recorded on its items of
  that function, when the session has any minutes recorded (more than 0 in
  all). Items without minutes in such a session weigh 0. A session with no
  minutes recorded is counted in **items**: its weight for a function is the
  number of its items of that function.
- A **session's balance** is each function's weight over the session's total.
- A **window's balance** (several sessions: a quarter, a month, the last N)
  pools the weights of its sessions. When every session in it is counted in
  minutes, the shares are minutes per function over all minutes, so a long
  session counts for more than a short one, as the time really spent. When any
  session in it has no minutes, the whole window is counted in items, so
  minutes and item counts are never added together.
- A window with no sessions has no balance (None), never a share of 0.
- A function is **absent** from a session when its weight there is 0.

Neglect alerts, for one arrangement's sessions in date order:

- **low**: the function's share over the last `window` sessions is under
  `share` (strictly; exactly the threshold is not an alert). Needs at least
  `window` sessions: fewer do not make a trend.
- **absent**: the function is absent from each of the last `absent` sessions.
  Needs at least `absent` sessions.

Shares are compared with the threshold as exact fractions, so 9 minutes of 60
is exactly 15% and never a rounding error away from it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property

from core.vocabulary import FUNCTIONS

MINUTES, ITEMS = "minutes", "items"


def _zero() -> dict:
    return {f: 0 for f in FUNCTIONS}


@dataclass(frozen=True)
class Tally:
    """One held session's agenda items, summed per function (from db/aggregates)."""
    session_id: int
    arrangement_id: int
    held_on: date
    minutes: dict = field(default_factory=_zero)  # recorded minutes per function
    items: dict = field(default_factory=_zero)    # number of items per function

    @cached_property
    def basis(self) -> str | None:
        """Worked out once: build the dicts first, then the Tally."""
        if sum(self.minutes.values()) > 0:
            return MINUTES
        return ITEMS if sum(self.items.values()) > 0 else None

    def weights(self, basis: str | None = None) -> dict:
        basis = basis or self.basis
        return dict(self.minutes if basis == MINUTES else self.items)


@dataclass(frozen=True)
class Balance:
    shares: dict   # function -> share, summing to 1
    weights: dict  # function -> minutes or items behind the shares
    basis: str     # MINUTES or ITEMS
    sessions: int

    @property
    def total(self) -> int:
        return sum(self.weights.values())

    def lowest(self) -> str:
        return min(FUNCTIONS, key=lambda f: (self.shares[f], list(FUNCTIONS).index(f)))


def balance(tallies: Iterable[Tally]) -> Balance | None:
    """The balance of a window of sessions (one session is a window of one)."""
    counted = [t for t in tallies if t.basis is not None]
    if not counted:
        return None
    basis = MINUTES if all(t.basis == MINUTES for t in counted) else ITEMS
    weights = _zero()
    for t in counted:
        for f, w in t.weights(basis).items():
            weights[f] += w
    total = sum(weights.values())
    return Balance({f: weights[f] / total for f in FUNCTIONS}, weights, basis, len(counted))


def counted(tallies: Iterable[Tally]) -> list[Tally]:
    """The sessions that count, oldest first."""
    return sorted((t for t in tallies if t.basis is not None),
                  key=lambda t: (t.held_on, t.session_id))


def rolling(tallies: Iterable[Tally], n: int) -> list[tuple[Tally, Balance]]:
    """For each session, the balance of the last n sessions up to and including it."""
    ordered = counted(tallies)
    return [(t, balance(ordered[max(0, i + 1 - n): i + 1])) for i, t in enumerate(ordered)]


# Periods -------------------------------------------------------------------

def month_start(d: date) -> date:
    return d.replace(day=1)


def quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_label(start: date) -> str:
    return f"{start:%b %Y}"


def quarter_label(start: date) -> str:
    end = add_months(start, 2)
    return f"{start:%b}–{end:%b %Y}"


def months(first: date, last: date) -> list[date]:
    """The first day of every month from first's month to last's, inclusive."""
    out, current = [], month_start(first)
    while current <= last:
        out.append(current)
        current = add_months(current, 1)
    return out


def by_period(tallies: Iterable[Tally], period: str = "month") -> dict[date, Balance]:
    """Balance per calendar month or quarter, keyed by the period's first day."""
    start = month_start if period == "month" else quarter_start
    groups: dict[date, list[Tally]] = {}
    for t in counted(tallies):
        groups.setdefault(start(t.held_on), []).append(t)
    return {key: balance(group) for key, group in sorted(groups.items())}


# Neglect -------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    share: float = 0.15
    window: int = 6
    absent: int = 3

    @classmethod
    def from_settings(cls, values: dict) -> "Rule":
        return cls(float(values["neglect_share"]), int(values["neglect_window"]),
                   int(values["neglect_absent"]))

    @property
    def lookback(self) -> int:
        """How many recent sessions the alerts need."""
        return max(self.window, self.absent)

    @cached_property
    def fraction(self) -> Fraction:
        """The threshold as the exact fraction it was written as (0.15 is 3/20)."""
        return Fraction(str(self.share))


@dataclass(frozen=True)
class Alert:
    function: str
    absent: bool                 # absent from the last rule.absent sessions
    low: bool                    # under rule.share over the last rule.window sessions
    share: float | None          # share over the last rule.window sessions (None: too few)
    since: date                  # first session of the window the alert looks at
    last: date                   # the latest session it looks at

    def describe(self, rule: Rule) -> str:
        label = FUNCTIONS[self.function]
        parts = []
        if self.absent:
            parts.append(f"not discussed in the last {rule.absent} sessions")
        if self.low:
            parts.append(f"{self.share:.0%} of the last {rule.window} sessions, "
                         f"under the {rule.share:.0%} threshold")
        elif self.share is not None:
            parts.append(f"{self.share:.0%} of the last {rule.window} sessions")
        return f"{label}: " + "; ".join(parts) + "."


def _under(weight: int, total: int, threshold: Fraction) -> bool:
    """weight / total < threshold, in whole numbers: exact, and quick in a loop."""
    return weight * threshold.denominator < threshold.numerator * total


def neglect(tallies: Iterable[Tally], rule: Rule) -> list[Alert]:
    """Neglect alerts over the latest sessions, one per neglected function."""
    return _neglect(counted(tallies), rule)


def _neglect(ordered: list[Tally], rule: Rule) -> list[Alert]:
    """neglect() on sessions already counted and in order."""
    if not ordered:
        return []
    last_n = ordered[-rule.window:] if len(ordered) >= rule.window else None
    pooled = balance(last_n) if last_n else None
    recent = ordered[-rule.absent:] if len(ordered) >= rule.absent else None
    threshold = rule.fraction
    alerts = []
    for f in FUNCTIONS:
        absent = bool(recent) and all(t.weights()[f] == 0 for t in recent)
        low = pooled is not None and _under(pooled.weights[f], pooled.total, threshold)
        if absent or low:
            window = (last_n or []) + (recent or [])
            alerts.append(Alert(
                function=f, absent=absent, low=low,
                share=pooled.shares[f] if pooled else None,
                since=min(t.held_on for t in window), last=ordered[-1].held_on,
            ))
    return alerts


def neglect_by_month(tallies: Sequence[Tally], rule: Rule, month_starts: Sequence[date]
                     ) -> dict[date, list[Alert]]:
    """The alerts in force at the end of each month: over the sessions held up to then."""
    ordered = counted(tallies)
    out, upto = {}, 0
    for start in month_starts:
        end = add_months(start, 1)
        while upto < len(ordered) and ordered[upto].held_on < end:
            upto += 1
        out[start] = _neglect(ordered[max(0, upto - rule.lookback):upto], rule)
    return out
