"""An accessible SVG bar chart: staff share against Kent population share, per group.

The chart is a picture of the table beside it, never the only way to read the data: it has
a text alternative (``<title>`` and ``<desc>``), every bar carries its value in words, and
the two series differ by pattern position and label as well as colour.
"""

from __future__ import annotations

from eqportal.models.report import WorkforceMeasure
from eqportal.site.html import e

BAR_HEIGHT = 14
LABEL_HEIGHT = 20  # each group's name sits on its own line above its bars, so long names never overlap them
GROUP_GAP = 14
LEGEND_HEIGHT = 30
CHART_WIDTH = 270
VALUE_WIDTH = 130  # room for "Staff 77.2%" after the longest bar
# A narrow drawing (400 units) so that text stays readable when a phone scales it down.
LABEL_CHARS = 34  # a group's name wraps after this many characters (18-unit text on phones, 400 units wide)


def _pct(value: float | None) -> str:
    return "not known" if value is None else f"{value:g}%"


def _lines(label: str) -> list[str]:
    """A group's name in lines of at most LABEL_CHARS characters: on a phone the text is drawn larger (CSS), and
    one long line would run off the drawing."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [label]


def bar_chart(measures: list[WorkforceMeasure], title: str) -> str:
    scale = max([m.staff_percent for m in measures] + [m.population_percent or 0 for m in measures] + [1])
    width = CHART_WIDTH + VALUE_WIDTH
    labels = [_lines(m.group) for m in measures]
    group_heights = [LABEL_HEIGHT * len(lines) + 2 * BAR_HEIGHT + GROUP_GAP for lines in labels]
    height = LEGEND_HEIGHT + sum(group_heights)
    desc = "; ".join(f"{m.group}: staff {_pct(m.staff_percent)}, Kent population {_pct(m.population_percent)}" for m in measures)
    parts = [
        f'<svg class="eqp-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{e(title)}</title><desc id="chart-desc">{e(desc)}</desc>',
        '<rect class="eqp-chart__bar eqp-chart__bar--staff" x="0" y="4" width="14" height="14"/><text class="eqp-chart__label" x="20" y="16">Council staff</text>',
        '<rect class="eqp-chart__bar eqp-chart__bar--population" x="150" y="4" width="14" height="14"/><text class="eqp-chart__label" x="170" y="16">Kent population</text>',
    ]
    top = LEGEND_HEIGHT
    for m, lines, group_height in zip(measures, labels, group_heights):
        spans = "".join(f'<tspan x="0" dy="{0 if i == 0 else LABEL_HEIGHT}">{e(line)}</tspan>' for i, line in enumerate(lines))
        parts.append(f'<text class="eqp-chart__label eqp-chart__label--group" x="0" y="{top + 14}">{spans}</text>')
        for row, (kind, value, name) in enumerate((("staff", m.staff_percent, "Staff"), ("population", m.population_percent, "Kent"))):
            y = top + LABEL_HEIGHT * len(lines) + row * BAR_HEIGHT
            length = 0 if value is None else round(CHART_WIDTH * value / scale, 1)
            parts.append(f'<rect class="eqp-chart__bar eqp-chart__bar--{kind}" x="0" y="{y}" width="{length}" height="{BAR_HEIGHT - 2}"/>')
            parts.append(f'<text class="eqp-chart__value" x="{length + 4}" y="{y + BAR_HEIGHT - 3}">{name} {e(_pct(value))}</text>')
        top += group_height
    parts.append("</svg>")
    return "".join(parts)
