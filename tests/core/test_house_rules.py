"""The layout rules of the house, checked on the source: imports only go down,
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
    assert importers == ["ui/kit/auth.py"]


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


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph():
    """Imports between the app's own modules, as written at the top of each module."""
    graph = {}
    for folder in ("ui", "core", "db"):
        for path in python_files(folder):
            name = _module_name(path)
            deps = set()
            for node in ast.parse(path.read_text()).body:
                if isinstance(node, ast.Import):
                    deps |= {a.name for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    base = node.module
                    if node.level:
                        base = ".".join(name.split(".")[: -node.level] + [node.module])
                    deps.add(base)
                    deps |= {f"{base}.{a.name}" for a in node.names}
            graph[name] = {d for d in deps if d.split(".")[0] in LAYERS and d != name}
    known = set(graph)
    return {m: {d for d in deps if d in known} for m, deps in graph.items()}


def test_no_import_cycles():
    graph = _graph()
    done, path = set(), []

    def visit(module):
        if module in path:
            cycle = path[path.index(module):] + [module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        path.append(module)
        for dep in sorted(graph[module]):
            # a package's __init__ hands on its modules; importing a module of the
            # package it belongs to is not a cycle through that __init__
            if not module.startswith(dep + "."):
                visit(dep)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


@pytest.mark.parametrize("folder", ["app_pages", "ui", "core", "db"])
def test_no_import_tucked_inside_a_function(folder):
    """Imports sit at the top of a module, where a cycle would show."""
    for path in python_files(folder):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    assert not isinstance(inner, (ast.Import, ast.ImportFrom)), (
                        f"{path}:{inner.lineno} imports inside {node.name}()")


def test_only_the_registry_names_page_paths():
    """core/ says where a task leads as a Destination; ui/navigation.py maps it to a page."""
    for folder in ("core", "ui", "app_pages"):
        for path in python_files(folder):
            if path == ROOT / "ui" / "navigation.py":
                continue
            assert "app_pages/" not in path.read_text(), f"{path} names a page path"


def test_core_packages_import_modules_not_their_packages():
    """Inside core, a name comes from the module that defines it: a package's __init__
    is for pages, and importing it from inside core would tie capabilities in a knot."""
    handed_on = {p.parent.name for p in (ROOT / "core").glob("*/__init__.py")
                 if "import" in p.read_text()} - {"demo", "exports"}  # leaves, not capabilities
    for path in python_files("core"):
        if path.name == "__init__.py":
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module in {f"core.{p}" for p in handed_on}:
                for alias in node.names:
                    assert (ROOT / "core" / node.module.split(".")[1] / f"{alias.name}.py").exists(), (
                        f"{path} imports {alias.name} from the package {node.module}")
            if isinstance(node, ast.ImportFrom) and node.module == "core":
                for alias in node.names:
                    assert alias.name not in handed_on, f"{path} imports the package core.{alias.name}"


def test_a_name_in_two_layers_sits_in_matching_folders():
    """core/x/y.py and ui/x/y.py are one capability seen from two layers; the same
    file name in different folders would send a reader to the wrong place."""
    places = {}
    for top in ("core", "ui"):
        for path in python_files(top):
            if path.name != "__init__.py" and path.parent.name != "demo":
                places.setdefault(path.name, set()).add(path.parent.relative_to(ROOT / top))
    clashes = {name: folders for name, folders in places.items() if len(folders) > 1}
    assert clashes == {"tasks.py": clashes.get("tasks.py")}  # each capability's own tasks


def test_no_name_handed_on_hides_a_module_of_its_package():
    """`from core.records import running` must give the module: a function of the same
    name handed on by the package's __init__ would take its place."""
    for init in (ROOT / "core").glob("*/__init__.py"):
        modules = {p.stem for p in init.parent.glob("*.py")}
        for node in ast.parse(init.read_text()).body:
            if isinstance(node, ast.ImportFrom):
                hidden = {a.asname or a.name for a in node.names} & modules
                assert not hidden, f"{init} hands on {hidden}, hiding the module"
