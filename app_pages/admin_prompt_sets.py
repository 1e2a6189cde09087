"""Admin: add, edit and retire the prompt sets supervisees reflect with. Old
reflections keep the prompts they answered, whatever happens to the set."""

import streamlit as st

from core import clock
from core.preparation import prompt_sets
from core.preparation.prompt_sets import DESCRIPTION_MAX, MAX_PROMPTS, PROMPT_MAX, STAGE_MAX
from core.vocabulary import FUNCTIONS
from core.validation import NAME_MAX
from core.access.roles import Role
from ui.kit import forms
from ui.kit.page_start import start
from ui.kit.text import inert

actor, db = start(
    "Prompt sets", Role.ADMIN,
    intro="A prompt set is a reflective model: a list of prompts, each with a stage and the "
          "function of supervision it serves. Reflections keep their own copy of the prompts, "
          "so editing or retiring a set never changes one already written.")

rows = prompt_sets.listing(db, actor)
st.dataframe(
    [{"Name": s["name"], "Prompts": s["prompts"], "Built in": "Yes" if s["builtin"] else "No",
      "Status": f"Retired {clock.local(s['retired_at'])}" if s["retired_at"] else "In use"}
     for s in rows],
    hide_index=True, width="stretch")


def editor(form: str, found: dict | None) -> None:
    """The set's name, description and prompt rows; empty rows are ignored."""
    prompts = found["prompts"] if found else []
    count_key = f"{form}_rows"
    count = st.session_state.setdefault(count_key, min(MAX_PROMPTS, max(len(prompts) + 2, 5)))
    with st.form(form):
        name = st.text_input("Name", found["name"] if found else "", help=forms.limit(NAME_MAX))
        forms.field_error(form, "name")
        description = st.text_area("Description", found["description"] if found else "",
                                   height=80, help=forms.limit(DESCRIPTION_MAX))
        forms.field_error(form, "description")
        forms.field_error(form, "prompts")
        typed = []
        for n in range(1, count + 1):
            p = prompts[n - 1] if n <= len(prompts) else None
            st.markdown(f"**Prompt {n}**")
            left, middle, right = st.columns([2, 2, 1])
            stage = left.text_input(f"Prompt {n}: stage", p["stage"] if p else "",
                                    help=forms.limit(STAGE_MAX))
            options = list(FUNCTIONS)
            function = middle.selectbox(f"Prompt {n}: function", options,
                                        index=options.index(p["function"]) if p else None,
                                        format_func=FUNCTIONS.get, placeholder="Choose")
            scale = right.checkbox(f"Prompt {n} asks for a 0 to 10 score",
                                   bool(p["scale"]) if p else False)
            text = st.text_area(f"Prompt {n}: text", p["text"] if p else "", height=70,
                                help=forms.limit(PROMPT_MAX))
            for field in ("stage", "function", "text"):
                forms.field_error(form, f"prompt_{n}_{field}")
            typed.append({"stage": stage, "function": function, "text": text, "scale": scale})
        if found:
            clicked = st.form_submit_button("Save changes", type="primary")
            action = lambda: prompt_sets.update(db, actor, found["id"], name=name,  # noqa: E731
                                                description=description, prompts=typed)
        else:
            clicked = st.form_submit_button("Add prompt set", type="primary")
            action = lambda: prompt_sets.create(db, actor, name=name,  # noqa: E731
                                                description=description, prompts=typed)
        if clicked:
            forms.submit(form, action, success=f"Saved the prompt set '{inert(name.strip())}'.",
                         clear=(count_key,))
    if count < MAX_PROMPTS and st.button("More prompt rows", key=f"{form}_more"):
        st.session_state[count_key] = min(MAX_PROMPTS, count + 3)
        st.rerun()


st.header("Add a prompt set", anchor=False)
with st.expander("New prompt set", icon=":material/add:"):
    editor("new_prompt_set", None)

st.header("Edit, retire or bring back", anchor=False)
by_id = {s["id"]: s for s in rows}
forms.hold("ps_chosen")  # its label changes when the set is retired or renamed
chosen = st.selectbox("Prompt set", list(by_id), index=None, key="ps_chosen",
                      format_func=lambda i: by_id[i]["name"]
                      + (" (retired)" if by_id[i]["retired_at"] else ""),
                      placeholder="Choose a prompt set")
if chosen is not None:
    found = prompt_sets.get(db, chosen)
    editor(f"edit_prompt_set_{chosen}", found)
    forms.form_error("retire_prompt_set")
    forms.field_error("retire_prompt_set", "retire")
    if found["retired_at"]:
        if st.button("Bring back into use", icon=":material/unarchive:"):
            forms.submit("retire_prompt_set", lambda: prompt_sets.restore(db, actor, chosen),
                         success=f"'{inert(found['name'])}' is offered to supervisees again.",
                         fields=("retire",))
    elif st.button("Retire this set", icon=":material/archive:",
                   help="No longer offered for new reflections. Old ones still show it."):
        forms.submit("retire_prompt_set", lambda: prompt_sets.retire(db, actor, chosen),
                     success=f"'{inert(found['name'])}' is retired. Reflections that used it keep "
                             "their prompts.", fields=("retire",))
