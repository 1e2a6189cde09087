"""Every installation gets the five built-in prompt sets, new or upgraded."""

from upgrade_fixtures import schema_before

import db as storage
from db import prompt_sets as table

FUNCTIONS = {"performance", "development", "support"}


def test_a_new_database_has_the_five_sets_with_stages_and_functions(database):
    sets = {s["key"]: table.get(database, s["id"]) for s in table.listing(database)}
    assert set(sets) == {"kolb_morrison", "gibbs", "signs_of_safety", "grow", "restorative"}
    for found in sets.values():
        assert found["builtin"] == 1 and not found["retired_at"]
        assert all(p["stage"] and p["text"] and p["function"] in FUNCTIONS
                   for p in found["prompts"])
    stages = [p["stage"] for p in sets["kolb_morrison"]["prompts"]]
    assert stages[0] == "Experience" and stages[-1] == "Action plan"
    assert {"Reflection", "Analysis"} <= set(stages)
    sos = sets["signs_of_safety"]["prompts"]
    assert [p["stage"] for p in sos[:3]] == ["What are we worried about?",
                                             "What is working well?", "What needs to happen?"]
    assert [p["scale"] for p in sos].count(1) == 1 and "0 to 10" in sos[3]["text"]
    assert [p["stage"] for p in sets["grow"]["prompts"]] == ["Goal", "Reality", "Options",
                                                             "Way forward"]
    assert all(p["function"] == "support" for p in sets["restorative"]["prompts"][:3])
    # between them the sets serve every function
    assert {p["function"] for s in sets.values() for p in s["prompts"]} == FUNCTIONS


def test_upgrading_an_older_database_installs_them_once(tmp_path):
    path = tmp_path / "old.db"
    with schema_before(path, "m005_builtin_prompt_sets") as old:
        assert old["prompt_sets"].count == 0
    new = storage.connect(path)
    assert new["prompt_sets"].count == 5 and new["prompts"].count > 20
    table.install_builtin(new)  # running it again adds nothing
    assert new["prompt_sets"].count == 5
