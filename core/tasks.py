"""Tasks and flags for a person's home page, gathered from each part of the portal.

Each provider takes (db, actor) and returns a list of Task. Add a provider to
PROVIDERS when a capability has something a person must act on.
"""

from dataclasses import dataclass

from .roles import Actor


@dataclass(frozen=True)
class Task:
    text: str               # plain text; the page shows it inert
    page: str | None = None  # app_pages/… path that deals with it
    urgent: bool = False     # overdue or late, rather than simply due
    session_id: int | None = None  # the session the page should open at, if one


PROVIDERS: list = []


def for_actor(db, actor: Actor) -> list[Task]:
    tasks = []
    for provider in PROVIDERS:
        tasks.extend(provider(db, actor))
    return sorted(tasks, key=lambda t: not t.urgent)


def _reflections(db, actor: Actor) -> list[Task]:
    """Prepare for your next session; a supervisee's reflection is ready (issue 4)."""
    from .reflections import tasks  # imported late: core.reflections builds Task objects

    return tasks(db, actor)


PROVIDERS.append(_reflections)
# Contracts and sessions (issue 3): imported when called, as they import Task from here.
def _contract_tasks(db, actor: Actor) -> list[Task]:
    from .supervision_tasks import contract_tasks

    return contract_tasks(db, actor)


def _overdue_session_tasks(db, actor: Actor) -> list[Task]:
    from .supervision_tasks import overdue_tasks

    return overdue_tasks(db, actor)


PROVIDERS += [_contract_tasks, _overdue_session_tasks]


def _record_tasks(db, actor: Actor) -> list[Task]:
    """Overdue actions, records to share, sign or revise (issue 5)."""
    from .records import tasks

    return tasks(db, actor)


PROVIDERS.append(_record_tasks)
