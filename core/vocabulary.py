"""The portal's fixed words, defined once: the three functions of supervision (in
the order the design gives them), their letters on the Team grid, and the kinds
of supervision arrangement."""

FUNCTIONS = {
    "performance": "Performance management",
    "development": "Professional development",
    "support": "Personal support",
}
# The Team grid's cells carry a letter, so colour is never the only signal.
SHORT = {"performance": "P", "development": "D", "support": "S"}

KINDS = {
    "line": "Line-management supervision",
    "child_protection": "Child protection supervision",
    "clinical": "Clinical supervision",
}


def label(key: str | None) -> str:
    return FUNCTIONS.get(key or "", "No function")
