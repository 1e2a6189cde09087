"""Charts of the balance of the three functions, drawn the same way everywhere.

- **Palette:** Okabe–Ito, which readers with any common colour-vision
  deficiency can tell apart, one colour per function and per grid state.
- **Never colour alone:** segments keep a fixed order (performance at the
  bottom, support at the top) and carry a letter (P, D, S) with their share;
  lines differ in dash and point shape; grid cells carry a text mark.
- **Text alternative:** every chart gets a one-sentence summary (shown, and
  given to screen readers as the chart's `alt`) and its figures as a table in
  an expander.
- **Exports:** PNG (vl-convert) for every chart and CSV for every table. The
  file is built only when the button is pressed: st.download_button runs a
  callable on click, on another thread, so the callable only closes over the
  chart spec or frame already computed (never the database).
- **Caching:** `cached()` keeps a view's small aggregates with st.cache_data,
  keyed on the Scope, whose fingerprint changes on every write behind it.
  What Streamlit sends for a chart or a table (its data as Arrow) is kept too,
  keyed on the figures written out whole: turning a chart's rows into Arrow on
  every run was most of a chart page's script time.
"""

import hashlib
import json
import weakref
from datetime import timedelta

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st
import vl_convert
from streamlit import dataframe_util

from core import clock, insights
from core.insights import compliance
from core.insights.balance import Balance, month_label
from core.vocabulary import FUNCTIONS, SHORT
from ui.kit import context
from ui.charts.feedback_chart import trend_chart
from ui.kit.text import inert

COLOURS = {"performance": "#0072B2", "development": "#E69F00", "support": "#009E73"}
# Text on a filled mark: white on the dark blue, black on every other fill.
_INK = alt.condition("datum.Ink == 'light'", alt.value("#FFFFFF"), alt.value("#000000"))
DASHES = {"performance": [1, 0], "development": [6, 3], "support": [2, 2]}
SHAPES = {"performance": "circle", "development": "square", "support": "triangle-up"}
FUNCTION_LABELS = [FUNCTIONS[f] for f in FUNCTIONS]
STATES = {  # grid state -> (fill, text)
    "Balanced": ("#E5E5E5", "dark"),
    "Performance management neglected": (COLOURS["performance"], "light"),
    "Professional development neglected": (COLOURS["development"], "dark"),
    "Personal support neglected": (COLOURS["support"], "dark"),
    "Several functions neglected": ("#CC79A7", "dark"),
    "No session": ("#FFFFFF", "dark"),
}
_VIEWS = {
    "personal": insights.personal_balance,
    "supervisor": insights.supervisor_overview,
    "team": insights.team_overview,
    "timeline": insights.timeline,
    "supervisor_extras": insights.summary_extras,
    "team_compliance": compliance.team_compliance,
    "standing": compliance.standing,
}


# Cached reads -------------------------------------------------------------

# Shared between runs, not a pickled copy per run (unpickling three views was a
# tenth of the Team page's run): nothing changes a view once made.
@st.cache_resource(ttl=timedelta(hours=1), max_entries=500, show_spinner=False)
def _view(name: str, key: str, _scope: insights.Scope):
    return _VIEWS[name](context.database(), _scope)


def cached(name: str, scope: insights.Scope):
    """A view's numbers for a Scope the actor was given this run. The Scope holds
    the data fingerprint, so a write behind it makes a new key at once; old
    entries age out (ttl) or are pushed out (max_entries). The key is the Scope's
    repr (frozen dataclasses of plain values, every field shown): Streamlit's own
    hashing of the Scope took longer than a whole page run on a large team."""
    return _view(name, repr(scope), scope)


# Fingerprints of the frames kept(), while each lives: {id: fingerprint}.
_KEPT_FRAMES: dict[int, str] = {}


@st.cache_resource(ttl=timedelta(hours=1), max_entries=500, show_spinner=False)
def _kept(name: str, key: str, _build):
    made = _build()
    for frame in made if isinstance(made, tuple) else (made,):
        if isinstance(frame, pd.DataFrame):
            _KEPT_FRAMES[id(frame)] = _written(frame)
            weakref.finalize(frame, _KEPT_FRAMES.pop, id(frame), None)
    return made


def kept(name: str, key, build):
    """What `build()` makes (a frame, or a tuple with frames) from the numbers of a
    Scope, built once per `key`: the Scope, or a tuple of it and the plain values
    the frames hold beyond it (its repr is the key, data fingerprint included).
    Building a page's frames and writing them out for their fingerprint took a
    third of a chart page's run. The frames are shared between runs: never change
    one in place."""
    return _kept(name, repr(key), build)


# Frames -------------------------------------------------------------------

def pct(share: float) -> float:
    return round(100 * share, 1)


def _ink(function: str) -> str:
    return "light" if function == "performance" else "dark"


def shares_frame(rows: list[tuple[str, Balance]]) -> pd.DataFrame:
    """Long form for a stacked chart: one row per (bar, function), bars in the given order."""
    records = []
    for position, (when, bal) in enumerate(rows):
        below = 0.0
        for order, f in enumerate(FUNCTIONS):
            share = bal.shares[f]
            records.append({
                "When": when, "Position": position, "Function": FUNCTIONS[f], "Order": order,
                "Share": share, "Middle": below + share / 2, "Weight": bal.weights[f],
                "Counted in": bal.basis, "Ink": _ink(f),
                "Mark": f"{SHORT[f]} {share:.0%}" if share >= 0.1 else "",
                "End": f"{SHORT[f]} {share:.0%}",
                "Letter": SHORT[f] if share >= 0.15 else "",
            })
            below += share
    return pd.DataFrame.from_records(records)


def shares_frames(rows: list[tuple[str, Balance]], first: str) -> tuple[pd.DataFrame,
                                                                         pd.DataFrame]:
    """(a balance chart's frame, its figures)."""
    return shares_frame(rows), shares_table(rows, first)


def with_figures(frame: pd.DataFrame, *, drop: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(a chart's frame, its figures: the frame without the columns only the chart uses)."""
    return frame, frame.drop(columns=drop)


def shares_table(rows: list[tuple[str, Balance]], first: str) -> pd.DataFrame:
    """Wide form: the figures behind a balance chart, one row per bar."""
    return pd.DataFrame.from_records([
        {first: when, **{f"{FUNCTIONS[f]} (%)": pct(bal.shares[f]) for f in FUNCTIONS},
         "Counted in": bal.basis, "Total": bal.total, "Sessions": bal.sessions}
        for when, bal in rows
    ])


# Charts -------------------------------------------------------------------

def _function_colour(legend: bool = True) -> alt.Color:
    return alt.Color("Function:N", title="Function",
                     scale=alt.Scale(domain=FUNCTION_LABELS, range=list(COLOURS.values())),
                     legend=alt.Legend(orient="bottom") if legend else None)


# Streamlit fits the whole chart (axes and legend too) into its height.
def stacked(frame: pd.DataFrame, *, x_title: str, summary: str,
            height: int = 400) -> alt.LayerChart:
    """Normalised stacked bars: the share of each function per session or period."""
    order = list(dict.fromkeys(frame.sort_values("Position")["When"]))
    x = alt.X("When:N", sort=order, title=x_title, axis=alt.Axis(labelAngle=-40))
    base = alt.Chart(frame)
    bars = base.mark_bar().encode(
        x=x, y=alt.Y("Share:Q", stack="normalize", title="Share", axis=alt.Axis(format="%")),
        color=_function_colour(), order=alt.Order("Order:Q"),
        tooltip=["When", "Function", alt.Tooltip("Share:Q", format=".0%"), "Weight",
                 "Counted in"])
    labels = base.mark_text(fontSize=11).encode(
        x=x, y=alt.Y("Middle:Q"), text="Mark:N", color=_INK)
    return alt.layer(bars, labels).properties(height=height, description=summary)


def small_multiples(frame: pd.DataFrame, months: list[str], *, summary: str) -> alt.FacetChart:
    """One small stacked chart per supervisee: their balance month by month."""
    x = alt.X("When:N", sort=months, scale=alt.Scale(domain=months), title=None,
              axis=alt.Axis(labelAngle=-60, labelFontSize=9))
    bars = alt.Chart().mark_bar().encode(
        x=x, y=alt.Y("Share:Q", stack="normalize", title="Share", axis=alt.Axis(format="%")),
        color=_function_colour(), order=alt.Order("Order:Q"),
        tooltip=["Supervisee", "When", "Function", alt.Tooltip("Share:Q", format=".0%"),
                 "Counted in"])
    letters = alt.Chart().mark_text(fontSize=9).encode(
        x=x, y="Middle:Q", text="Letter:N", color=_INK)
    return (alt.layer(bars, letters, data=frame).properties(width=230, height=170)
            .facet(facet=alt.Facet("Supervisee:N", title=None), columns=3)
            .properties(description=summary))


def rolling_chart(frame: pd.DataFrame, threshold: float, *, summary: str) -> alt.LayerChart:
    """Each function's share over the window ending at each session, with the threshold."""
    order = list(dict.fromkeys(frame.sort_values("Position")["When"]))
    x = alt.X("When:N", sort=order, title="Window ending at the session of",
              axis=alt.Axis(labelAngle=-40))
    y = alt.Y("Share:Q", title="Share over the window", axis=alt.Axis(format="%"),
              scale=alt.Scale(domain=[0, 1]))
    base = alt.Chart(frame)
    lines = base.mark_line(point=True).encode(
        x=x, y=y, color=_function_colour(),
        strokeDash=alt.StrokeDash("Function:N", scale=alt.Scale(
            domain=FUNCTION_LABELS, range=list(DASHES.values())), legend=None),
        shape=alt.Shape("Function:N", scale=alt.Scale(
            domain=FUNCTION_LABELS, range=list(SHAPES.values())), legend=None),
        tooltip=["When", "Function", alt.Tooltip("Share:Q", format=".0%"), "Counted in"])
    last = frame[frame["Position"] == frame["Position"].max()]
    ends = alt.Chart(last).mark_text(align="left", dx=8, fontSize=11).encode(
        x=x, y=y, text="End:N", color=alt.value("#000000"))
    rule = alt.Chart(pd.DataFrame({"Share": [threshold],
                                   "Label": [f"{threshold:.0%} threshold"]}))
    line = rule.mark_rule(strokeDash=[4, 4], color="#595959").encode(y="Share:Q")
    note = rule.mark_text(align="left", dy=-6, x=4, color="#000000", fontSize=11).encode(
        y="Share:Q", text="Label:N")
    return alt.layer(lines, ends, line, note).properties(height=420, description=summary)


def wellbeing_chart(frame: pd.DataFrame, *, summary: str) -> alt.LayerChart:
    """Wellbeing scores (0–10) over time; shared and private checks differ in shape."""
    first, last = pd.to_datetime(frame["Date"]).agg(["min", "max"])
    step = max(1, ((last.year - first.year) * 12 + last.month - first.month) // 10)
    base = alt.Chart(frame).encode(
        x=alt.X("Date:T", title="Session date", axis=alt.Axis(
            format="%b %Y", tickCount={"interval": "month", "step": step})),
        y=alt.Y("Score:Q", title="Wellbeing (0–10)", scale=alt.Scale(domain=[0, 10])))
    line = base.mark_line(color="#56B4E9")
    points = base.mark_point(size=80, filled=True, color="#0072B2").encode(
        shape=alt.Shape("Shared with your supervisor:N", scale=alt.Scale(
            domain=["Yes", "No"], range=["circle", "diamond"])),
        tooltip=[alt.Tooltip("Date:T", format="%d %b %Y"), "Score",
                 "Shared with your supervisor"])
    text = base.mark_text(dy=-12, fontSize=11, color="#000000").encode(text="Score:Q")
    return alt.layer(line, points, text).properties(height=340, description=summary)


def grid_chart(frame: pd.DataFrame, months: list[str], *, summary: str) -> alt.LayerChart:
    """Supervisee × month: each cell's state in colour and in text."""
    people = list(dict.fromkeys(frame["Supervisee"]))
    x = alt.X("Month:N", sort=months, scale=alt.Scale(domain=months), title=None,
              axis=alt.Axis(labelAngle=-40, orient="top"))
    y = alt.Y("Supervisee:N", sort=people, title=None, axis=alt.Axis(labelLimit=320))
    base = alt.Chart(frame)
    cells = base.mark_rect(stroke="#767676", strokeWidth=0.5).encode(
        x=x, y=y, color=alt.Color("State:N", title="Month", scale=alt.Scale(
            domain=list(STATES), range=[fill for fill, _ in STATES.values()]),
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=400)),
        tooltip=["Supervisee", "Month", "State", "Performance management (%)",
                 "Professional development (%)", "Personal support (%)", "Sessions"])
    marks = base.mark_text(fontSize=11).encode(x=x, y=y, text="Mark:N", color=_INK)
    return alt.layer(cells, marks).properties(height=160 + 34 * len(people),
                                              description=summary)


def timeline_chart(frame: pd.DataFrame, *, summary: str) -> alt.LayerChart:
    """Minutes per function, session by session; sessions not held are named."""
    order = list(dict.fromkeys(frame.sort_values("Position")["When"]))
    x = alt.X("When:N", sort=order, title="Session", axis=alt.Axis(labelAngle=-40))
    held = frame[frame["Minutes"] > 0]
    bars = alt.Chart(held).mark_bar().encode(
        x=x, y=alt.Y("Minutes:Q", stack="zero", title="Minutes"),
        color=_function_colour(), order=alt.Order("Order:Q"),
        tooltip=["When", "Status", "Record", "Function", "Minutes"])
    labels = alt.Chart(held).mark_text(fontSize=10).encode(
        x=x, y=alt.Y("Middle:Q"), text="Letter:N", color=_INK)
    status = frame.drop_duplicates("When")
    notes = alt.Chart(status).mark_text(angle=270, align="left", dx=0, dy=0, fontSize=11,
                                        color="#000000").encode(
        x=x, y=alt.value(0), text="Note:N")
    # An empty bar layer leaves an unlabelled graphics-symbol that axe rejects.
    layers = (bars, labels, notes) if len(held) else (notes,)
    return alt.layer(*layers).properties(height=400, description=summary)


MEASURE_COLOURS = ["#0072B2", "#D55E00"]  # Okabe–Ito blue and vermilion
MEASURE_DASHES = [[1, 0], [6, 3]]
MEASURE_SHAPES = ["circle", "square"]


def monthly_share_chart(frame: pd.DataFrame, months: list[str], measures: list[str], *,
                        summary: str) -> alt.LayerChart:
    """One line per measure of a share (0–100%) month by month. Lines differ in
    colour, dash and point shape, and each point is labelled with its figures;
    a month with nothing due has no point and says so."""
    x = alt.X("Month:N", sort=months, scale=alt.Scale(domain=months), title=None,
              axis=alt.Axis(labelAngle=-40))
    y = alt.Y("Share:Q", title="Share", axis=alt.Axis(format="%"),
              scale=alt.Scale(domain=[0, 1.12]))
    scale = {"domain": measures, "range": MEASURE_COLOURS[:len(measures)]}
    known = frame[frame["Share"].notna()]
    lines = alt.Chart(known).mark_line(point=True).encode(
        x=x, y=y,
        color=alt.Color("Measure:N", title=None, scale=alt.Scale(**scale),
                        legend=alt.Legend(orient="bottom", labelLimit=400)),
        strokeDash=alt.StrokeDash("Measure:N", legend=None, scale=alt.Scale(
            domain=measures, range=MEASURE_DASHES[:len(measures)])),
        shape=alt.Shape("Measure:N", legend=None, scale=alt.Scale(
            domain=measures, range=MEASURE_SHAPES[:len(measures)])),
        tooltip=["Month", "Measure", alt.Tooltip("Share:Q", format=".0%"), "Figures"])
    # Labels sit above the first line's points and below the second's, unless that
    # would push them under the axis: then above, higher up.
    rank = known["Measure"].map({m: i for i, m in enumerate(measures)})
    below = known["Share"] - 0.07
    label_at = known["Share"] + 0.05
    label_at = label_at.where(rank == 0, below.where(below >= 0.03, known["Share"] + 0.12))
    labels = known.assign(LabelAt=label_at)
    # A layer with no data leaves an unlabelled SVG group, which axe refuses.
    layers = [lines, alt.Chart(labels).mark_text(fontSize=10, color="#000000").encode(
        x=x, y=alt.Y("LabelAt:Q", scale=alt.Scale(domain=[0, 1.12])), text="Label:N")
              ] if len(known) else []
    empty_months = frame[frame["Share"].isna()].drop_duplicates("Month")
    if len(empty_months):
        layers.append(alt.Chart(empty_months.assign(Share=0.0)).mark_text(
            angle=270, align="left", dx=4, fontSize=10, color="#000000").encode(
            x=x, y=y, text="Empty:N"))
    return alt.layer(*layers).properties(height=380, description=summary)


# Rendering ----------------------------------------------------------------

# A cell a spreadsheet would run as a formula (a name typed as "=HYPERLINK(...)"):
# a leading apostrophe keeps it text, as typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv(frame: pd.DataFrame):
    return lambda: frame.map(_cell).to_csv(index=False).encode("utf-8")


def _png(spec: dict):
    def build() -> bytes:
        # The page stretches a chart to its column; the file needs a width of its own.
        sized = spec if "facet" in spec else {**spec, "width": 760}
        return vl_convert.vegalite_to_png(json.dumps(sized), scale=2)
    return build


_BUILDERS = {"stacked": stacked, "multiples": small_multiples, "rolling": rolling_chart,
             "wellbeing": wellbeing_chart, "grid": grid_chart, "timeline": timeline_chart,
             "monthly_share": monthly_share_chart, "feedback_trend": trend_chart}


def _written(frame: pd.DataFrame) -> str:
    whole = (str(list(frame.dtypes.astype(str))) + frame.to_json(
        orient="split", date_format="iso", double_precision=15, default_handler=str))
    return hashlib.sha256(whole.encode()).hexdigest()


def fingerprint(frame: pd.DataFrame) -> str:
    """A digest of the frame written out whole (columns, types, every value at full
    precision): new figures make a new key. Writing it out costs a tenth of
    Streamlit's own hashing of a frame; a kept() frame was written out once."""
    return _KEPT_FRAMES.get(id(frame)) or _written(frame)


# Kept as shared objects (cache_resource, not a pickled copy per run): nothing
# changes them; Streamlit copies a spec before it adds its own keys.
@st.cache_resource(ttl=timedelta(hours=1), max_entries=200, show_spinner=False)
def _spec(kind: str, figures: str, summary: str, options: tuple,
          _frame: pd.DataFrame) -> tuple[dict, dict]:
    whole = _BUILDERS[kind](_frame, summary=summary, **dict(options)).to_dict()
    shown = dict(whole, datasets={
        name: dataframe_util.convert_anything_to_arrow_bytes(rows)
        for name, rows in whole.get("datasets", {}).items()})
    return whole, shown


def specs(kind: str, frame: pd.DataFrame, summary: str, options: tuple) -> tuple[dict, dict]:
    """The chart's Vega-Lite spec with its data (for the PNG), and the same with its
    datasets already in Arrow, as Streamlit sends them. Building and validating a
    spec in Altair costs far more than the numbers behind it, and converting its
    rows to Arrow nearly as much, so both are kept, keyed on the frame's fingerprint."""
    return _spec(kind, fingerprint(frame), summary, options, frame)


def spec(kind: str, frame: pd.DataFrame, summary: str, options: tuple) -> dict:
    return specs(kind, frame, summary, options)[0]


@st.cache_resource(ttl=timedelta(hours=1), max_entries=500, show_spinner=False)
def _arrow(figures: str, _frame: pd.DataFrame) -> pa.Table:
    return dataframe_util.convert_pandas_df_to_arrow_table(_frame)


def _words(name: str) -> str:
    return name.replace("-", " ")


def table(frame: pd.DataFrame, *, name: str, key: str) -> None:
    """A table with its CSV download (built on click). Each button names its file,
    so a screen reader's list of buttons tells them apart."""
    st.dataframe(_arrow(fingerprint(frame), frame), hide_index=True, width="stretch")
    st.download_button(f"Download {_words(name)} (CSV)", _csv(frame), file_name=f"{name}.csv",
                       mime="text/csv", key=f"csv_{key}", icon=":material/download:",
                       on_click="ignore")


def show(kind: str, frame: pd.DataFrame, *, summary: str, figures: pd.DataFrame, name: str,
         key: str, **options) -> None:
    """A chart (one of _BUILDERS, drawn from `frame`) with its summary sentence,
    PNG download, and figures as a table."""
    chart, shown = specs(kind, frame, summary, tuple(sorted(options.items())))
    # Facets keep their own width: Streamlit cannot stretch them.
    st.vega_lite_chart(shown, width="content" if "facet" in chart else "stretch",
                       key=f"chart_{key}")
    st.markdown(inert(summary))
    st.download_button(f"Download {_words(name)} chart (PNG)", _png(chart),
                       file_name=f"{name}.png",
                       mime="image/png", key=f"png_{key}", icon=":material/image:",
                       on_click="ignore")
    with st.expander("The figures behind this chart", icon=":material/table:"):
        table(figures, name=name, key=key)



def empty(message: str) -> None:
    """An explained empty state: never an error or an empty frame. Names in it are
    typed by people, so the whole message is shown inert."""
    st.info(inert(message), icon=":material/info:")


def alerts_table(frame: pd.DataFrame, *, name: str, key: str, none: str) -> None:
    if len(frame):
        table(frame, name=name, key=key)
    else:
        st.success(inert(none), icon=":material/check_circle:")


# Words and frames the pages share ----------------------------------------

def mix(bal: Balance) -> str:
    """'45% performance management, 35% professional development and 20% personal support'."""
    parts = [f"{bal.shares[f]:.0%} {FUNCTIONS[f].lower()}" for f in FUNCTIONS]
    return f"{parts[0]}, {parts[1]} and {parts[2]}"


def counted_in(bal: Balance) -> str:
    return "counted in minutes" if bal.basis == "minutes" else \
        "counted in agenda items, because some sessions have no minutes recorded"


def unique_labels(days) -> list[str]:
    """Date labels for an ordinal axis; a second session on the same day gets '(2)'."""
    seen: dict[str, int] = {}
    out = []
    for d in days:
        label = clock.day(d)
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def grid_frames(cells, scope: insights.Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the grid chart's frame, its figures)."""
    return with_figures(grid_frame(cells, scope), drop=["Mark", "Ink"])


def grid_frame(cells, scope: insights.Scope) -> pd.DataFrame:
    records = []
    for cell in cells:
        bal = cell.balance
        records.append({
            "Supervisee": scope.label(cell.arrangement_id),
            "Month": month_label(cell.month), "State": cell.state, "Mark": cell.mark,
            "Ink": STATES[cell.state][1],
            **{f"{FUNCTIONS[f]} (%)": pct(bal.shares[f]) if bal else None for f in FUNCTIONS},
            "Counted in": bal.basis if bal else "", "Sessions": bal.sessions if bal else 0,
        })
    return pd.DataFrame.from_records(records)


RECORD_WORDS = {None: "Not started", "draft": "Draft", "shared": "Shared, not signed by both",
                "agreed": "Agreed", "disputed": "Disputed"}


def record_words(session_status: str, record_status: str | None) -> str:
    """A record's status in words; sessions not held have no record."""
    return RECORD_WORDS.get(record_status, record_status) if session_status == "held" else "–"


def timeline_frames(rows) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(long frame for the chart, wide table) of a supervisee's sessions."""
    labels = unique_labels(r.on for r in rows)
    chart, table_rows = [], []
    for position, (label, r) in enumerate(zip(labels, rows)):
        timed = sum(r.minutes.values()) > 0
        note = r.status if r.status != "held" else ("" if timed else "items only")
        below = 0
        for order, f in enumerate(FUNCTIONS):
            minutes = r.minutes[f] if r.status == "held" else 0
            chart.append({"When": label, "Position": position, "Status": r.status,
                          "Record": record_words(r.status, r.record_status),
                          "Function": FUNCTIONS[f], "Order": order, "Minutes": minutes,
                          "Middle": below + minutes / 2, "Ink": _ink(f),
                          "Letter": SHORT[f] if minutes >= 10 else "", "Note": note})
            below += minutes
        table_rows.append({
            "Date": label, "Status": r.status, "Planned minutes": r.planned_minutes,
            "Held minutes": r.held_minutes,
            **{f"{FUNCTIONS[f]} (minutes)": r.minutes[f] for f in FUNCTIONS},
            **{f"{FUNCTIONS[f]} (items)": r.items[f] for f in FUNCTIONS},
            "Safeguarding flags": r.flagged,
            "Record": record_words(r.status, r.record_status),
        })
    return pd.DataFrame.from_records(chart), pd.DataFrame.from_records(table_rows)
