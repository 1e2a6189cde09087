"""The layout rules of DESIGN.md, checked on the source: imports only go down,
core/ never imports streamlit, and SQL lives only in db/."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b|\.execute\(|\.query\(")
LAYERS = {"app_pages": 3, "ui": 2, "core": 1, "db": 0}


def python_files(folder):
    return sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("folder", ["core", "db"])
def test_no_streamlit_below_the_pages(folder):
    for path in python_files(folder):
        for module in imported_modules(path):
            assert not module.startswith("streamlit"), f"{path} imports {module}"


@pytest.mark.parametrize("folder", ["app_pages", "ui", "core"])
def test_sql_only_in_db(folder):
    for path in python_files(folder):
        assert not SQL.search(path.read_text()), f"{path} holds SQL"


@pytest.mark.parametrize("folder", list(LAYERS))
def test_imports_only_go_down(folder):
    for path in python_files(folder):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top in LAYERS:
                assert LAYERS[top] <= LAYERS[folder], f"{path} imports {module} (upwards)"


def test_pages_never_reach_the_database_directly():
    for path in python_files("app_pages"):
        for module in imported_modules(path):
            assert module.split(".")[0] != "db", f"{path} imports {module}"


def test_only_ui_auth_imports_the_sign_in_library():
    importers = [
        path.relative_to(ROOT).as_posix()
        for folder in ("app_pages", "ui", "core", "db")
        for path in python_files(folder)
        if any(m.startswith("streamlit_authenticator") for m in imported_modules(path))
    ]
    assert importers == ["ui/auth.py"]


def test_no_page_folder_that_streamlit_would_serve_by_itself():
    assert not (ROOT / "pages").exists()


def test_user_text_is_never_rendered_as_html():
    for folder in ("app_pages", "ui"):
        for path in python_files(folder):
            assert "unsafe_allow_html=True" not in path.read_text(), path


def test_test_modules_have_unique_names_across_folders():
    """pytest imports test modules by their base name (no packages under tests/), so
    two folders holding the same file name break collection of the whole suite."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_no_caption_text():
    """st.caption's grey fails axe's colour-contrast rule (WCAG 2.2 AA): use markdown."""
    used = [str(p.relative_to(ROOT)) for folder in ("ui", "app_pages")
            for p in (ROOT / folder).rglob("*.py") if "st.caption(" in p.read_text()]
    assert used == []
