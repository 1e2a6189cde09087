"""A walk over core/: every write transaction (`with db.atomic():`) writes an
audit event inside it, directly (audit.record) or through a function that does.
Together with tests/core/admin/test_audit_same_transaction.py (one behaviour test per
kind of thing), this keeps a new write path from skipping the trail."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Transactions that write no event of their own, and why.
NO_EVENT_OF_THEIR_OWN: dict[str, str] = {
    "core/reminders/outbox.py:claim": "the reminder log is the record of each send (who, "
                                      "kind, when, outcome); an event per email would bury "
                                      "the trail",
    "core/reminders/outbox.py:_record": "as claim: the outcome of a send, in the reminder log",
    "core/people/sign_in_cookie.py:hand_over": "a step of a sign-in already audited "
                                               "(signed_in); a one-minute token, then gone",
    "core/people/sign_in_cookie.py:redeem": "as hand_over: the token is used up",
}


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _is_audit_record(call: ast.Call, module: Path) -> bool:
    f = call.func
    if isinstance(f, ast.Attribute) and f.attr == "record" and isinstance(f.value, ast.Name):
        return f.value.id == "audit"
    return module.name == "audit.py" and isinstance(f, ast.Name) and f.id == "record"


def _modules():
    return {path: ast.parse(path.read_text(), str(path))
            for path in sorted((ROOT / "core").rglob("*.py"))}


def _auditing_functions(modules) -> set[str]:
    """Names of core functions that write an event, directly or through others."""
    functions = [(path, f) for path, tree in modules.items() for f in ast.walk(tree)
                 if isinstance(f, ast.FunctionDef)]
    audits: set[str] = set()
    changed = True
    while changed:
        changed = False
        for path, f in functions:
            if f.name in audits:
                continue
            calls = [c for c in ast.walk(f) if isinstance(c, ast.Call)]
            if any(_is_audit_record(c, path) or _name(c) in audits for c in calls):
                audits.add(f.name)
                changed = True
    return audits


def _transactions(modules):
    for path, tree in modules.items():
        for f in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for block in [n for n in ast.walk(f) if isinstance(n, ast.With)]:
                if any(isinstance(i.context_expr, ast.Call) and _name(i.context_expr) == "atomic"
                       for i in block.items):
                    yield path, f, block


def test_every_write_transaction_in_core_writes_an_audit_event():
    modules = _modules()
    audits = _auditing_functions(modules)
    silent = []
    for path, function, block in _transactions(modules):
        calls = [c for c in ast.walk(block) if isinstance(c, ast.Call)]
        if not any(_is_audit_record(c, path) or _name(c) in audits for c in calls):
            where = f"{path.relative_to(ROOT)}:{function.name}"
            if where not in NO_EVENT_OF_THEIR_OWN:
                silent.append(f"{where} (line {block.lineno})")
    assert silent == []


def test_the_walk_finds_the_transactions_and_follows_helpers():
    modules = _modules()
    found = {f"{p.name}:{f.name}" for p, f, _b in _transactions(modules)}
    assert len(found) > 30
    assert {"teams.py:create_team", "reflections.py:save_field"} <= found
    assert "_write" in _auditing_functions(modules)  # reflections' helper
