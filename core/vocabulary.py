"""The three functions of supervision, in the order DESIGN.md gives them."""

FUNCTIONS = {
    "performance": "Performance management",
    "development": "Professional development",
    "support": "Personal support",
}


def label(key: str | None) -> str:
    return FUNCTIONS.get(key or "", "No function")
