"""The prompt_sets and prompts tables, and the built-in sets every installation gets.

The built-in sets are written here, not in core/, because the migration that
installs them (m005) runs in db/ and db/ never imports core/. They are frozen
as the migration shipped them: admins change wording through the portal, and a
new wording for every installation would need a new migration.
"""

from datetime import datetime, timezone

from sqlite_utils import Database

from db.rows import first

# (stage, function, prompt text, scale): scale is 1 when the prompt asks for a 0-10 score.
BUILTIN_V1 = [
    {
        "key": "kolb_morrison",
        "name": "Reflective cycle (Kolb / Morrison)",
        "description": "Morrison's supervision cycle, built on Kolb: go round one piece of "
                       "work from what happened to what you will do next.",
        "prompts": [
            ("Experience", "performance",
             "What happened? Pick one piece of work since we last met (a visit, a meeting, "
             "a decision) and describe it plainly: who was there, what was said and done.", 0),
            ("Reflection", "support",
             "How did it feel at the time, and how does it feel now? What did you notice in "
             "yourself: your reactions, your assumptions, anything that stayed with you?", 0),
            ("Analysis", "development",
             "What sense do you make of it? Which knowledge, research or practice standard "
             "helps explain what was going on for the child and family? What might you "
             "have missed?", 0),
            ("Analysis", "performance",
             "What does this tell you about risk and need for the child? Is the current plan "
             "still the right one?", 0),
            ("Action plan", "performance",
             "What will you do next, and by when? What do you need from supervision, or from "
             "anyone else, to do it?", 0),
        ],
    },
    {
        "key": "gibbs",
        "name": "Gibbs reflective cycle",
        "description": "Six steps through one situation, from describing it to what you "
                       "would do if it happened again.",
        "prompts": [
            ("Description", "performance",
             "Describe the situation you want to look at: what happened, where, who was "
             "involved, and the part you played.", 0),
            ("Feelings", "support",
             "What were you thinking and feeling before, during and after? Has that changed "
             "since?", 0),
            ("Evaluation", "performance",
             "What went well and what went less well? Be specific about both.", 0),
            ("Analysis", "development",
             "Why did it go the way it did? Draw on policy, research, and your own and "
             "colleagues' experience.", 0),
            ("Conclusion", "development",
             "What else could you have done? What have you learned about your practice?", 0),
            ("Action plan", "development",
             "If it happened again, what would you do? What will you do differently from "
             "now on?", 0),
        ],
    },
    {
        "key": "signs_of_safety",
        "name": "Signs of Safety mapping",
        "description": "Map one family's situation: the worries, what is working well, what "
                       "needs to happen, and where you put it on a 0 to 10 scale.",
        "prompts": [
            ("What are we worried about?", "performance",
             "Describe the harm that has happened, the danger you fear for the future, and "
             "anything that makes the situation harder to change. Use words the family "
             "would understand.", 0),
            ("What is working well?", "performance",
             "What safety and strengths are already there? Who is protective, what has kept "
             "the children safe so far, and when have the worries not happened?", 0),
            ("What needs to happen?", "performance",
             "What are the safety goals? What are the next steps, and who will do what, so "
             "that the children are safe enough?", 0),
            ("Scaling", "performance",
             "On a scale from 0 to 10, where 10 means everyone agrees the children are safe "
             "enough for us to close the case and 0 means it is certain they will be harmed "
             "again, where do you put this family today? Say why it is that number and not "
             "lower.", 1),
            ("Scaling", "development",
             "What would it take to move one point up the scale? What would you want to "
             "learn or try to help make that happen?", 0),
        ],
    },
    {
        "key": "grow",
        "name": "GROW coaching model",
        "description": "Goal, reality, options, way forward: for your development and for "
                       "work that feels stuck.",
        "prompts": [
            ("Goal", "development",
             "What do you want from this supervision, or to achieve in your work or learning "
             "over the coming months?", 0),
            ("Reality", "performance",
             "Where are things now? What have you tried already, what is getting in the way, "
             "and how is your workload?", 0),
            ("Options", "development",
             "What could you do? List every option, even the unlikely ones, and what each "
             "would need.", 0),
            ("Way forward", "development",
             "What will you commit to, by when, and how will we both know it has happened?", 0),
        ],
    },
    {
        "key": "restorative",
        "name": "Restorative check-in",
        "description": "Time for the personal impact of the work: how you are, what has "
                       "stayed with you, and what would help.",
        "prompts": [
            ("Arriving", "support",
             "How are you arriving today? A few words about where you are, at work and, if "
             "you want to say, outside it.", 0),
            ("Impact", "support",
             "Which piece of work has stayed with you since we last met: a visit, something "
             "a child or parent told you, a child's situation? What effect has it had on "
             "you?", 0),
            ("Resources", "support",
             "What has helped you cope, and what has been hard to find: time, rest, support "
             "from colleagues, someone to talk to?", 0),
            ("Workload", "performance",
             "Is your workload manageable and safe right now? If not, what would make the "
             "biggest difference?", 0),
            ("What I need", "support",
             "What do you need from supervision, and from the organisation, to keep doing "
             "this work well?", 0),
        ],
    },
]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def install_builtin(db: Database, sets=BUILTIN_V1) -> None:
    """Insert the built-in sets that are not there yet (matched by key)."""
    now = _now()
    for data in sets:
        if db.execute("SELECT 1 FROM prompt_sets WHERE key = ?", [data["key"]]).fetchone():
            continue
        set_id = db["prompt_sets"].insert(
            {"key": data["key"], "name": data["name"], "description": data["description"],
             "builtin": 1, "created_at": now, "updated_at": now}).last_pk
        insert_prompts(db, set_id, [
            {"stage": stage, "function": function, "text": text, "scale": scale}
            for stage, function, text, scale in data["prompts"]
        ])


def insert_prompts(db: Database, set_id: int, prompts: list[dict]) -> None:
    db["prompts"].insert_all(
        [dict(p, prompt_set_id=set_id, position=i) for i, p in enumerate(prompts, start=1)])


def listing(db: Database) -> list[dict]:
    """Every set, retired ones last, with how many prompts each has."""
    return list(db.query(
        """SELECT s.*, (SELECT count(*) FROM prompts p WHERE p.prompt_set_id = s.id) AS prompts
           FROM prompt_sets s ORDER BY s.retired_at IS NOT NULL, s.builtin DESC, s.name"""))


def get(db: Database, set_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM prompt_sets WHERE id = ?", [set_id]))
    if not rows:
        return None
    return dict(rows[0], prompts=prompts(db, set_id))


def by_key(db: Database, key: str) -> dict | None:
    rows = list(db.query("SELECT id FROM prompt_sets WHERE key = ?", [key]))
    return get(db, rows[0]["id"]) if rows else None


def by_name(db: Database, name: str) -> dict | None:
    return first(db, "SELECT * FROM prompt_sets WHERE name = ?", [name])


def prompts(db: Database, set_id: int) -> list[dict]:
    return list(db.query(
        "SELECT id, position, stage, function, text, scale FROM prompts "
        "WHERE prompt_set_id = ? ORDER BY position", [set_id]))


def key_taken(db: Database, key: str) -> bool:
    return bool(db.execute("SELECT 1 FROM prompt_sets WHERE key = ?", [key]).fetchone())


def active_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM prompt_sets WHERE retired_at IS NULL").fetchone()[0]


def insert(db: Database, row: dict) -> int:
    return db["prompt_sets"].insert(row).last_pk


def update(db: Database, set_id: int, **fields) -> None:
    db["prompt_sets"].update(set_id, fields)


def replace_prompts(db: Database, set_id: int, new_prompts: list[dict]) -> None:
    """Old reflections keep their own copy of the prompt text, so the rows can go."""
    db.execute("DELETE FROM prompts WHERE prompt_set_id = ?", [set_id])
    insert_prompts(db, set_id, new_prompts)
