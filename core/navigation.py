"""The pages, and which roles may open each. One list, used twice: app.py
builds each person's navigation from it, and every page's guard names the
same roles (a test holds the two together)."""

from dataclasses import dataclass

from .roles import Actor, Role

ANYONE = None  # any signed-in person


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str
    section: str
    roles: frozenset | None = ANYONE
    default: bool = False

    def open_to(self, actor: Actor) -> bool:
        return self.roles is ANYONE or bool(actor.roles & self.roles)


def _roles(*roles: Role) -> frozenset:
    return frozenset(roles)


PAGES: list[PageSpec] = [
    PageSpec("app_pages/home.py", "Home", ":material/home:", "You", default=True),
    PageSpec("app_pages/prepare.py", "Prepare", ":material/edit_note:", "Supervision",
             _roles(Role.SUPERVISEE)),
    PageSpec("app_pages/journal.py", "Journal", ":material/book:", "Supervision",
             _roles(Role.SUPERVISEE)),
    PageSpec("app_pages/reflections.py", "Reflections", ":material/forum:", "Supervision",
             _roles(Role.SUPERVISOR, Role.SUPERVISEE)),
    PageSpec("app_pages/sessions.py", "Sessions", ":material/event:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)),
    PageSpec("app_pages/plan_sessions.py", "Plan sessions", ":material/edit_calendar:",
             "Supervision", _roles(Role.SUPERVISOR)),
    PageSpec("app_pages/run_session.py", "Run session", ":material/play_circle:",
             "Supervision", _roles(Role.SUPERVISOR)),
    PageSpec("app_pages/records.py", "Records", ":material/history_edu:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)),
    PageSpec("app_pages/file_audits.py", "File audits", ":material/fact_check:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)),
    PageSpec("app_pages/contracts.py", "Contracts", ":material/contract:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)),
    PageSpec("app_pages/my_balance.py", "My balance", ":material/balance:", "You",
             _roles(Role.SUPERVISEE)),
    PageSpec("app_pages/my_supervisees.py", "My supervisees", ":material/monitoring:",
             "Supervising", _roles(Role.SUPERVISOR)),
    PageSpec("app_pages/team.py", "Team", ":material/grid_view:", "Team",
             _roles(Role.TEAM_LEAD)),
    PageSpec("app_pages/admin_users.py", "Users", ":material/group:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_teams.py", "Teams", ":material/diversity_3:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_arrangements.py", "Arrangements", ":material/handshake:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_contract_template.py", "Contract template",
             ":material/description:", "Admin", _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_prompt_sets.py", "Prompt sets", ":material/list_alt:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_feedback.py", "Feedback statements", ":material/reviews:",
             "Admin", _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_audit_checklist.py", "Audit checklist", ":material/checklist:",
             "Admin", _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_settings.py", "Settings", ":material/tune:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/admin_audit.py", "Audit log", ":material/policy:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec("app_pages/account.py", "Password", ":material/key:", "You"),
]
SIGN_IN = PageSpec("app_pages/signin.py", "Sign in", ":material/login:", "")
CHANGE_PASSWORD = next(p for p in PAGES if p.path == "app_pages/account.py")


def pages_for(actor: Actor | None) -> list[PageSpec]:
    """The pages this person may open; before a forced password change, only that."""
    if actor is None:
        return [SIGN_IN]
    if actor.must_change_password:
        return [CHANGE_PASSWORD]
    return [p for p in PAGES if p.open_to(actor)]


def spec(path: str) -> PageSpec:
    for p in PAGES + [SIGN_IN]:
        if p.path == path:
            return p
    raise KeyError(path)
