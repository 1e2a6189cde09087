"""What a person must act on, and where in the portal they do it.

A Task names its Destination, never a page: ui/navigation.py is the only place
that knows which page serves each destination. core/home.py gathers the tasks
of every capability.
"""

from dataclasses import dataclass
from enum import Enum


class Destination(Enum):
    HOME = "home"
    PREPARE = "prepare"
    JOURNAL = "journal"
    REFLECTIONS = "reflections"
    SESSIONS = "sessions"
    PLAN_SESSIONS = "plan sessions"
    RUN_SESSION = "run session"
    RECORDS = "records"
    CONTRACTS = "contracts"
    MY_BALANCE = "my balance"
    MY_SUPERVISEES = "my supervisees"
    TEAM = "team"
    USERS = "users"
    TEAMS = "teams"
    ARRANGEMENTS = "arrangements"
    CONTRACT_TEMPLATE = "contract template"
    PROMPT_SETS = "prompt sets"
    SETTINGS = "settings"
    AUDIT_LOG = "audit log"
    ACCOUNT = "account"
    SIGN_IN = "sign in"


@dataclass(frozen=True)
class Task:
    text: str                     # plain text; the page shows it inert
    to: Destination | None = None  # where the person deals with it
    urgent: bool = False          # overdue or late, rather than simply due
    session_id: int | None = None  # the session the page should open at, if one
