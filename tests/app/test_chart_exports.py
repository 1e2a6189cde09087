"""The chart style and the exports in ui/charts/charts.py: an Okabe–Ito palette, a
second channel besides colour, a text alternative, and files built on demand."""

import json
from datetime import date

import altair as alt
import pandas as pd
import pytest
import vl_convert


import balance_fixtures as bf  # noqa: E402

from core import insights  # noqa: E402
from core.insights.balance import ITEMS, MINUTES, Balance  # noqa: E402
from core.access.roles import load_actor  # noqa: E402
from ui.charts import charts
from ui.kit import context

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"}


def bal(p, d, s, basis=MINUTES):
    total = p + d + s
    weights = {"performance": p, "development": d, "support": s}
    return Balance({f: w / total for f, w in weights.items()}, weights, basis, 1)


ROWS = [("Jan 2026", bal(50, 30, 20)), ("Feb 2026", bal(60, 40, 0)),
        ("Mar 2026", bal(2, 1, 1, ITEMS))]


def every_chart():
    frame = charts.shares_frame(ROWS)
    months = [m for m, _ in ROWS]
    multiples = frame.assign(Supervisee="Sam Taylor")
    wellbeing = pd.DataFrame({"Date": ["2026-01-05", "2026-02-05"], "Score": [4, 7],
                              "Shared with your supervisor": ["Yes", "No"]})
    grid = pd.DataFrame({"Supervisee": ["Sam Taylor"] * 2, "Month": months[:2],
                         "State": ["Balanced", "Personal support neglected"],
                         "Mark": ["ok", "S"], "Ink": ["dark", "dark"],
                         "Performance management (%)": [50, 60],
                         "Professional development (%)": [30, 40],
                         "Personal support (%)": [20, 0], "Sessions": [1, 1]})
    return {
        "stacked": charts.stacked(frame, x_title="Month", summary="Stacked."),
        "multiples": charts.small_multiples(multiples, months, summary="Multiples."),
        "rolling": charts.rolling_chart(frame, 0.15, summary="Rolling."),
        "wellbeing": charts.wellbeing_chart(wellbeing, summary="Wellbeing."),
        "grid": charts.grid_chart(grid, months, summary="Grid."),
    }


@pytest.mark.parametrize("name", list(every_chart()))
def test_each_chart_has_its_summary_as_description_and_renders_to_png(name):
    chart = every_chart()[name]
    spec = chart.to_dict()
    assert spec["description"] == f"{name.capitalize()}."
    png = charts._png(spec)()
    assert png.startswith(b"\x89PNG")


@pytest.mark.parametrize("name", list(every_chart()))
def test_colours_are_okabe_ito_and_never_the_only_channel(name):
    spec = every_chart()[name].to_json()
    colours = {c for c in OKABE_ITO if c in spec}
    assert colours, "no palette colour used"
    other = {h.upper() for h in pd.Series(spec.split('"')).loc[
        lambda s: s.str.match(r"^#[0-9A-Fa-f]{6}$")]}
    allowed = OKABE_ITO | {"#FFFFFF", "#000000", "#E5E5E5", "#595959", "#767676"}
    assert other <= allowed, other - allowed
    # a second channel: a text layer (letters, marks or scores) or dash and shape
    assert '"text"' in spec or ('"strokeDash"' in spec and '"shape"' in spec)


def test_segments_carry_the_function_letter_and_keep_their_order():
    frame = charts.shares_frame(ROWS)
    first = frame[frame["When"] == "Jan 2026"]
    assert list(first["Function"]) == ["Performance management", "Professional development",
                                       "Personal support"]
    assert list(first["Mark"]) == ["P 50%", "D 30%", "S 20%"]
    assert list(first["Middle"]) == pytest.approx([0.25, 0.65, 0.9])
    assert list(frame[frame["When"] == "Feb 2026"]["Mark"]) == ["P 60%", "D 40%", ""]


def test_the_figures_table_and_its_csv():
    table = charts.shares_table(ROWS, "Month")
    assert list(table.columns) == ["Month", "Performance management (%)",
                                   "Professional development (%)", "Personal support (%)",
                                   "Counted in", "Total", "Sessions"]
    assert list(table["Counted in"]) == ["minutes", "minutes", "items"]
    csv = charts._csv(table)().decode()
    assert csv.splitlines()[0].startswith("Month,Performance management (%)")
    assert "Mar 2026,50.0,25.0,25.0,items,4,1" in csv


def test_files_are_built_only_when_called(monkeypatch):
    calls = []
    monkeypatch.setattr(vl_convert, "vegalite_to_png", lambda *a, **k: calls.append(a) or b"")
    build = charts._png(every_chart()["stacked"].to_dict())
    assert calls == []
    build()
    assert len(calls) == 1


def test_the_png_has_a_width_though_the_page_stretches_the_chart(monkeypatch):
    specs = []
    monkeypatch.setattr(vl_convert, "vegalite_to_png", lambda spec, **k: specs.append(spec))
    charts._png(every_chart()["stacked"].to_dict())()
    charts._png(every_chart()["multiples"].to_dict())()
    assert json.loads(specs[0])["width"] == 760
    assert "width" not in json.loads(specs[1])  # facets size each panel themselves
    assert isinstance(every_chart()["multiples"], alt.FacetChart)


def test_same_day_sessions_get_distinct_labels():
    assert charts.unique_labels([date(2026, 3, 3), date(2026, 3, 3), date(2026, 4, 1)]) == [
        "3 Mar 2026", "3 Mar 2026 (2)", "1 Apr 2026"]


def test_views_are_cached_per_scope_and_a_write_makes_a_new_key(demo, monkeypatch):
    calls = []
    monkeypatch.setattr(context, "database", lambda: demo)
    monkeypatch.setitem(charts._VIEWS, "personal",
                        lambda db, scope: calls.append(scope.version) or len(calls))
    sam = load_actor(demo, "sam.taylor")
    arrangement = bf.arrangement_id(demo, "sam.taylor")
    scope = insights.personal_scope(demo, sam, arrangement)
    assert charts.cached("personal", scope) == charts.cached("personal", scope) == 1
    assert charts.cached("personal", insights.personal_scope(demo, sam, arrangement)) == 1
    bf.add(demo, "sam.taylor", [bf.session(date(2026, 1, 5), bf.balanced(0))])
    assert charts.cached("personal", insights.personal_scope(demo, sam, arrangement)) == 2
    assert len(calls) == 2


def test_a_spec_is_built_once_per_frame(monkeypatch):
    built = []
    monkeypatch.setitem(charts._BUILDERS, "stacked",
                        lambda frame, **k: built.append(1) or alt.Chart(frame).mark_bar())
    frame = charts.shares_frame(ROWS)
    first = charts.spec("stacked", frame, "Stacked.", (("x_title", "Month"),))
    again = charts.spec("stacked", frame.copy(), "Stacked.", (("x_title", "Month"),))
    assert first == again and len(built) == 1
    charts.spec("stacked", charts.shares_frame(ROWS[:2]), "Stacked.", (("x_title", "Month"),))
    assert len(built) == 2


def test_a_csv_cell_never_starts_a_formula():
    """A name typed as a formula stays text in the downloaded table: a spreadsheet
    would otherwise run it (CSV injection). Numbers, negative ones too, stay numbers."""
    frame = pd.DataFrame({"Supervisee": ["=HYPERLINK(\"http://evil.test\",\"x\")", "@SUM(A1)",
                                         "+1", "-1", "Sam Taylor"], "Change": [1, -2, 3, 0, 5]})
    text = charts._csv(frame)().decode("utf-8")
    lines = text.splitlines()[1:]
    assert [line.split(",")[0] for line in lines[1:]] == ["'@SUM(A1)", "'+1", "'-1",
                                                           "Sam Taylor"]
    assert lines[0].startswith("\"'=HYPERLINK(")
    assert [line.rsplit(",", 1)[1] for line in lines] == ["1", "-2", "3", "0", "5"]
