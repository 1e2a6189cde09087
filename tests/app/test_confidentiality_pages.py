"""The page half of the confidentiality matrix (the core half is
tests/core/access/test_confidentiality_matrix.py, same world, same markers).

For every actor, every page their navigation registers, opened plainly, at each
of the world's sessions (`?session=`) where the page takes one, and with Tom
Baker's arrangement chosen wherever a choice offers it: no marker the matrix
withholds from the actor appears anywhere in what the page sent (every element's
protobuf, so labels, help, tables and values too, with markdown's escaping
undone). Each look is one check, counted with the core half.
"""

import matrix_fixtures
import pytest
from conftest import page_views
from matrix_fixtures import ALLOWED, MARKERS, PERF, SUPPORT



@pytest.fixture(scope="module")
def worlds(demo_template, tmp_path_factory):
    return matrix_fixtures.worlds(demo_template, tmp_path_factory.mktemp("matrix_pages"))


def page_text(at) -> str:
    protos = [str(node.proto) for node in at._tree if getattr(node, "proto", None) is not None]
    return "\n".join(protos).replace("\\", "")


def views(username: str, w: dict):
    """(where, AppTest after a run) for every view of every page this person has."""
    sids = [w["sid"], w["shared_sid"], w["draft_sid"], w["old_sid"]]
    return page_views(username, sids, lambda o: "Tom Baker" in str(o), per_box=2)


@pytest.mark.parametrize("who", list(ALLOWED))
def test_no_page_shows_anyone_what_the_matrix_withholds(worlds, who, monkeypatch,
                                                        record_property):
    which = "consent" if who.endswith("+consent") else "plain"
    _db, w = worlds[which]
    monkeypatch.setenv("SUPERVISION_DB", str(worlds["paths"][which]))
    allowed = ALLOWED[who]
    forbidden = [m for m in MARKERS if m not in allowed]
    leaks, seen, checks, pages = [], set(), 0, 0
    for where, at in views(who.split("+")[0], w):
        assert not at.exception, (where, at.exception)
        pages += 1
        text = page_text(at)
        for marker in forbidden:
            checks += 1
            if marker in text:
                leaks.append(f"{where} shows {who} {marker}")
        seen |= {m for m in allowed if m in text}
    record_property("confidentiality_checks", checks)
    assert pages > 1
    assert not leaks, "\n".join(leaks)
    if who in ("tom.baker", "helen.carter"):  # the pages do show this world
        assert {PERF, SUPPORT} <= seen, (who, seen)
