"""Every kind of audit event the code writes has a plain name for the audit page
("signed the record", not record_signed). The kinds are read from the source:
each call of audit.record, with its kind given as a literal, as a choice between
literals, or as a parameter of the enclosing function (then every literal passed
to that function in the module)."""

import ast
from pathlib import Path

from core.admin import audit

ROOT = Path(__file__).resolve().parents[3]


def _literals(node) -> set[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body | orelse
    return None


def _is_audit_record(call: ast.Call) -> bool:
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr == "record"
            and isinstance(f.value, ast.Name) and f.value.id == "audit")


def _kinds_in(path: Path) -> tuple[set[str], list[str]]:
    tree = ast.parse(path.read_text(), str(path))
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found, unresolved = set(), []
    for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _is_audit_record(n)]:
        kind = call.args[2] if len(call.args) > 2 else next(
            (k.value for k in call.keywords if k.arg == "action"), None)
        literal = _literals(kind)
        if literal is not None:
            found |= literal
            continue
        # a parameter of the enclosing function: every literal passed for it
        scope = parents.get(call)
        while scope is not None and not isinstance(scope, ast.FunctionDef):
            scope = parents.get(scope)
        if not isinstance(kind, ast.Name) or scope is None:
            unresolved.append(f"{path.name}:{call.lineno}")
            continue
        names = [a.arg for a in scope.args.args]
        if kind.id not in names:
            unresolved.append(f"{path.name}:{call.lineno}")
            continue
        index = names.index(kind.id)
        callers = [c for c in ast.walk(tree) if isinstance(c, ast.Call)
                   and isinstance(c.func, ast.Name) and c.func.id == scope.name]
        assert scope.name in functions and callers, f"{path.name}:{call.lineno}"
        for c in callers:
            passed = c.args[index] if len(c.args) > index else next(
                (k.value for k in c.keywords if k.arg == kind.id), None)
            literal = _literals(passed)
            if literal is None:
                unresolved.append(f"{path.name}:{c.lineno}")
            else:
                found |= literal
    return found, unresolved


def _written_kinds() -> tuple[set[str], list[str]]:
    found, unresolved = set(), []
    for folder in ("core", "ui", "app_pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            kinds, missing = _kinds_in(path)
            found |= kinds
            unresolved += missing
    return found, unresolved


def test_every_kind_written_has_a_plain_name():
    kinds, unresolved = _written_kinds()
    assert not unresolved, f"audit kinds this test cannot read: {unresolved}"
    assert len(kinds) > 50  # the walk really found the calls
    assert sorted(k for k in kinds if k not in audit.EVENT_NAMES) == []


def test_plain_names_read_as_words():
    for kind, name in audit.EVENT_NAMES.items():
        assert "_" not in name and name == name.strip() and name[0].islower(), kind
    assert audit.plain("record_signed") == "signed the record"


def test_the_walk_sees_a_kind_passed_through_a_helper():
    """reflections._write takes the kind as a parameter."""
    kinds, _ = _kinds_in(ROOT / "core" / "preparation" / "reflections.py")
    assert {"reflection_saved", "reflection_prompt_set_chosen"} <= kinds
    kinds = set().union(*(_kinds_in(path)[0] for path in (ROOT / "core" / "records").glob("*.py")))
    assert {"safeguarding_flagged", "safeguarding_unflagged"} <= kinds
