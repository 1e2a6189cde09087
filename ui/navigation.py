"""The page registry: the only place that knows page paths.

Which roles may open each page, one list used twice: app.py builds each person's
navigation from it, and every page's guard names the same roles (a test holds the two
together). core/ says where a task leads as a Destination; `link` turns it into a
link to the page that serves it.

The navigation is a flat list, in the registry's order: Streamlit's sectioned sidebar
puts its section headings inside the list markup, which axe-core reports as a serious
accessibility failure (list items outside a list)."""

from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitAPIException

from core.access.roles import Actor, Role
from core.tasks import Destination

ANYONE = None  # any signed-in person


@dataclass(frozen=True)
class PageSpec:
    destination: Destination
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
    PageSpec(Destination.HOME, "app_pages/home.py", "Home", ":material/home:", "You", default=True),
    PageSpec(Destination.PREPARE, "app_pages/prepare.py", "Prepare", ":material/edit_note:", "Supervision",
             _roles(Role.SUPERVISEE)),
    PageSpec(Destination.JOURNAL, "app_pages/journal.py", "Journal", ":material/book:", "Supervision",
             _roles(Role.SUPERVISEE)),
    PageSpec(Destination.REFLECTIONS, "app_pages/reflections.py", "Reflections", ":material/forum:", "Supervision",
             _roles(Role.SUPERVISOR, Role.SUPERVISEE)),
    PageSpec(Destination.SESSIONS, "app_pages/sessions.py", "Sessions", ":material/event:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)),
    PageSpec(Destination.PLAN_SESSIONS, "app_pages/plan_sessions.py", "Plan sessions", ":material/edit_calendar:",
             "Supervision", _roles(Role.SUPERVISOR)),
    PageSpec(Destination.RUN_SESSION, "app_pages/run_session.py", "Run session", ":material/play_circle:",
             "Supervision", _roles(Role.SUPERVISOR)),
    PageSpec(Destination.RECORDS, "app_pages/records.py", "Records", ":material/history_edu:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)),
    PageSpec(Destination.GROUP_SUPERVISION, "app_pages/group_supervision.py", "Group supervision",
             ":material/groups:", "Supervision", _roles(Role.SUPERVISEE, Role.SUPERVISOR)),
    PageSpec(Destination.FILE_AUDITS, "app_pages/file_audits.py", "File audits",
             ":material/fact_check:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD)),
    PageSpec(Destination.CONTRACTS, "app_pages/contracts.py", "Contracts", ":material/contract:", "Supervision",
             _roles(Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)),
    PageSpec(Destination.MY_BALANCE, "app_pages/my_balance.py", "My balance", ":material/balance:", "You",
             _roles(Role.SUPERVISEE)),
    PageSpec(Destination.MY_SUPERVISEES, "app_pages/my_supervisees.py", "My supervisees", ":material/monitoring:",
             "Supervising", _roles(Role.SUPERVISOR)),
    PageSpec(Destination.TEAM, "app_pages/team.py", "Team", ":material/grid_view:", "Team",
             _roles(Role.TEAM_LEAD)),
    PageSpec(Destination.USERS, "app_pages/admin_users.py", "Users", ":material/group:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.TEAMS, "app_pages/admin_teams.py", "Teams", ":material/diversity_3:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.ARRANGEMENTS, "app_pages/admin_arrangements.py", "Arrangements", ":material/handshake:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.CONTRACT_TEMPLATE, "app_pages/admin_contract_template.py", "Contract template",
             ":material/description:", "Admin", _roles(Role.ADMIN)),
    PageSpec(Destination.PROMPT_SETS, "app_pages/admin_prompt_sets.py", "Prompt sets", ":material/list_alt:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.FEEDBACK_STATEMENTS, "app_pages/admin_feedback.py", "Feedback statements",
             ":material/reviews:", "Admin", _roles(Role.ADMIN)),
    PageSpec(Destination.AUDIT_CHECKLIST, "app_pages/admin_audit_checklist.py", "Audit checklist",
             ":material/checklist:", "Admin", _roles(Role.ADMIN)),
    PageSpec(Destination.SETTINGS, "app_pages/admin_settings.py", "Settings", ":material/tune:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.AUDIT_LOG, "app_pages/admin_audit.py", "Audit log", ":material/policy:", "Admin",
             _roles(Role.ADMIN)),
    PageSpec(Destination.ACCOUNT, "app_pages/account.py", "Account", ":material/manage_accounts:", "You"),
]
SIGN_IN = PageSpec(Destination.SIGN_IN, "app_pages/signin.py", "Sign in", ":material/login:", "")
CHANGE_PASSWORD = next(p for p in PAGES if p.destination is Destination.ACCOUNT)


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


def path_for(destination: Destination) -> str:
    return next(p.path for p in PAGES + [SIGN_IN] if p.destination is destination)


def link(to: Destination | None, label: str, icon: str = ":material/arrow_forward:",
         query_params: dict | None = None) -> None:
    """A link to the page serving `to`, or the label as plain text where that page is
    not open to this run (a page run on its own in tests, or a person without it).
    The label is markdown the caller has made inert."""
    if to is not None:
        try:
            st.page_link(path_for(to), label=label, icon=icon, query_params=query_params)
            return
        except StreamlitAPIException:
            pass
    st.markdown(f"- {label}")


def pages(actor: Actor | None, only: Destination | None = None):
    """This person's pages; `only` narrows them to that one page (the shared screen)."""
    specs = pages_for(actor)
    if only is not None:
        specs = [s for s in specs if s.destination is only] or specs
    first_default = next((s for s in specs if s.default), specs[0])
    return [st.Page(spec.path, title=spec.title, icon=spec.icon, default=spec is first_default)
            for spec in specs]
