"""A person's home page: the tasks of every capability, urgent ones first."""

from core.access.roles import Actor
from core.contracts import tasks as contract_tasks
from core.groups import tasks as group_tasks
from core.preparation import reflections
from core.records import tasks as record_tasks
from core.sessions import tasks as session_tasks
from core.tasks import Task

# Each takes (db, actor) and returns a list of Task.
PROVIDERS = (reflections.tasks, contract_tasks.contract_tasks, session_tasks.overdue_tasks,
             record_tasks.tasks, group_tasks.tasks)


def tasks_for(db, actor: Actor) -> list[Task]:
    tasks = [task for provider in PROVIDERS for task in provider(db, actor)]
    return sorted(tasks, key=lambda t: not t.urgent)
