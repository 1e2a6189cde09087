"""Prompt sets: reflective models as lists of prompts, each with a stage and one function.

Five built-in sets ship with every installation (written in db/prompt_sets.py,
which the migration installs): Kolb / Morrison's reflective cycle, Gibbs,
Signs of Safety mapping with its 0-10 scale, GROW, and a restorative check-in.
Admins add, edit and retire sets. A reflection keeps its own copy of the
prompts it answered, so editing or retiring a set never changes an old one.
"""

import re

from db import prompt_sets as table

from core import clock
from core.admin import audit
from core.errors import ValidationError
from core.vocabulary import FUNCTIONS
from core.access.roles import Actor, require_admin
from core.validation import Checker, must_exist

BUILTIN = table.BUILTIN_V1
MAX_PROMPTS = 30
PROMPT_MAX = 1_000
STAGE_MAX = 60
DESCRIPTION_MAX = 1_000



def choices(db) -> list[dict]:
    """The sets a supervisee can choose: not retired. Open to anyone signed in:
    prompt sets are the organisation's templates, not supervision content."""
    return [s for s in table.listing(db) if not s["retired_at"]]


def get(db, set_id: int) -> dict:
    return must_exist(table.get(db, int(set_id)) if set_id is not None else None, "prompt set")


def listing(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return table.listing(db)


def _clean(db, check: Checker, *, name, description, prompts, set_id=None) -> tuple:
    name = check.name("name", name, "a name for the prompt set")
    description = check.text("description", description, "the description",
                             max_len=DESCRIPTION_MAX)
    if "name" not in check.errors:
        same = table.by_name(db, name)
        if same and same["id"] != set_id:
            check.fail("name", f"There is already a prompt set called '{same['name']}'.")
    kept = []
    for i, prompt in enumerate(prompts or [], start=1):
        text, stage = prompt.get("text") or "", prompt.get("stage") or ""
        if not text.strip() and not stage.strip():
            continue  # an empty row on the form
        stage = check.name(f"prompt_{i}_stage", stage, f"the stage of prompt {i}",
                           max_len=STAGE_MAX)
        text = check.text(f"prompt_{i}_text", text, f"the text of prompt {i}",
                          required=True, max_len=PROMPT_MAX)
        function = check.choice(f"prompt_{i}_function", prompt.get("function"), FUNCTIONS,
                                f"the function prompt {i} serves")
        kept.append({"stage": stage, "function": function, "text": text,
                     "scale": 1 if prompt.get("scale") else 0})
    if not kept:
        check.fail("prompts", "Write at least one prompt, with its stage and function.")
    elif len(kept) > MAX_PROMPTS:
        check.fail("prompts", f"A prompt set has at most {MAX_PROMPTS} prompts.")
    check.done()
    return name, description, kept


def _new_key(db, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:40] or "set"
    key, n = base, 1
    while table.key_taken(db, key):
        n += 1
        key = f"{base}_{n}"
    return key


def create(db, admin: Actor, *, name: str, description: str = "", prompts: list[dict]) -> int:
    require_admin(admin)
    name, description, kept = _clean(db, Checker(), name=name, description=description,
                                     prompts=prompts)
    now = clock.stamp()
    with db.atomic():
        set_id = table.insert(db, {"key": _new_key(db, name), "name": name,
                                   "description": description, "builtin": 0,
                                   "created_at": now, "updated_at": now})
        table.insert_prompts(db, set_id, kept)
        audit.record(db, admin.id, "prompt_set_created", "prompt_set", set_id,
                     prompts=len(kept))
    return set_id


def update(db, admin: Actor, set_id: int, *, name: str, description: str,
           prompts: list[dict]) -> None:
    require_admin(admin)
    get(db, set_id)
    name, description, kept = _clean(db, Checker(), name=name, description=description,
                                     prompts=prompts, set_id=set_id)
    with db.atomic():
        table.update(db, set_id, name=name, description=description, updated_at=clock.stamp())
        table.replace_prompts(db, set_id, kept)
        audit.record(db, admin.id, "prompt_set_updated", "prompt_set", set_id,
                     prompts=len(kept))


def retire(db, admin: Actor, set_id: int) -> None:
    """No longer offered to supervisees; reflections that used it still show it."""
    require_admin(admin)
    found = get(db, set_id)
    if found["retired_at"]:
        raise ValidationError.single("retire", f"'{found['name']}' is already retired.")
    with db.atomic():
        if table.active_count(db) <= 1:
            raise ValidationError.single(
                "retire", "This is the last prompt set in use. Add or bring back another "
                          "one before you retire it.")
        table.update(db, set_id, retired_at=clock.stamp(), updated_at=clock.stamp())
        audit.record(db, admin.id, "prompt_set_retired", "prompt_set", set_id)


def restore(db, admin: Actor, set_id: int) -> None:
    require_admin(admin)
    found = get(db, set_id)
    if not found["retired_at"]:
        raise ValidationError.single("retire", f"'{found['name']}' is in use already.")
    with db.atomic():
        table.update(db, set_id, retired_at=None, updated_at=clock.stamp())
        audit.record(db, admin.id, "prompt_set_restored", "prompt_set", set_id)
