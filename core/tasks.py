"""What a person must act on, and where in the portal they do it.

A Task names its Destination, never a page: ui/navigation.py is the only place
that knows which page serves each destination. core/home.py gathers the tasks
of every capability.
"""

from dataclasses import dataclass
from enum import Enum


class Destination(Enum):
    """A place in the portal. Its value is the address the page is served at
    (http://portal/<value>; Home is also the root), which emails link to."""

    HOME = "home"
    PREPARE = "prepare"
    JOURNAL = "journal"
    REFLECTIONS = "reflections"
    SESSIONS = "sessions"
    PLAN_SESSIONS = "plan_sessions"
    RUN_SESSION = "run_session"
    RECORDS = "records"
    GROUP_SUPERVISION = "group_supervision"
    FILE_AUDITS = "file_audits"
    CONTRACTS = "contracts"
    MY_BALANCE = "my_balance"
    MY_SUPERVISEES = "my_supervisees"
    TEAM = "team"
    USERS = "admin_users"
    TEAMS = "admin_teams"
    ARRANGEMENTS = "admin_arrangements"
    CONTRACT_TEMPLATE = "admin_contract_template"
    PROMPT_SETS = "admin_prompt_sets"
    FEEDBACK_STATEMENTS = "admin_feedback"
    AUDIT_CHECKLIST = "admin_audit_checklist"
    SETTINGS = "admin_settings"
    AUDIT_LOG = "admin_audit"
    ACCOUNT = "account"
    SIGN_IN = "signin"


@dataclass(frozen=True)
class Task:
    text: str                     # plain text; the page shows it inert
    to: Destination | None = None  # where the person deals with it
    urgent: bool = False          # overdue or late, rather than simply due
    session_id: int | None = None  # the session the page should open at, if one
    arrangement_id: int | None = None  # the arrangement it concerns, if one
