"""The feedback trend chart: each statement's average score (1-5) period by period.

Lines differ in colour, dash and point shape, and each line ends in its number
("S1 4.2"), so nothing is told by colour alone; the statements themselves are
in the legend and in the table under the chart.
"""

import altair as alt
import pandas as pd

# Okabe–Ito without its yellow, which is too pale on white for a line.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#999999"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 4], [3, 1]]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge",
          "stroke"]


def trend_chart(frame: pd.DataFrame, *, summary: str) -> alt.LayerChart:
    """frame: When, Position, Statement, Number, Average, End (one row per point)."""
    order = list(dict.fromkeys(frame.sort_values("Position")["When"]))
    statements = list(dict.fromkeys(frame.sort_values("Number")["Statement"]))
    n = len(statements)
    x = alt.X("When:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40))
    y = alt.Y("Average:Q", title="Average score (1 disagree – 5 agree)",
              scale=alt.Scale(domain=[1, 5]))
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=x, y=y,
        color=alt.Color("Statement:N", title=None, scale=alt.Scale(
            domain=statements, range=COLOURS[:n]),
            legend=alt.Legend(orient="bottom", columns=1, labelLimit=600)),
        strokeDash=alt.StrokeDash("Statement:N", legend=None, scale=alt.Scale(
            domain=statements, range=DASHES[:n])),
        shape=alt.Shape("Statement:N", legend=None, scale=alt.Scale(
            domain=statements, range=SHAPES[:n])),
        tooltip=["When", "Statement", alt.Tooltip("Average:Q", format=".1f"), "Answers"])
    last = frame[frame["Position"] == frame.groupby("Statement")["Position"].transform("max")]
    ends = alt.Chart(last).mark_text(align="left", dx=8, fontSize=11,
                                     color="#000000").encode(x=x, y=y, text="End:N")
    return alt.layer(lines, ends).properties(height=360 + 18 * n, description=summary)
