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


def _pct(value: float | None) -> str:
    return "not known" if value is None else f"{value:g}%"


def bar_chart(measures: list[WorkforceMeasure], title: str) -> str:
    scale = max([m.staff_percent for m in measures] + [m.population_percent or 0 for m in measures] + [1])
    width = CHART_WIDTH + VALUE_WIDTH
    group_height = LABEL_HEIGHT + 2 * BAR_HEIGHT + GROUP_GAP
    height = LEGEND_HEIGHT + group_height * len(measures)
    desc = "; ".join(f"{m.group}: staff {_pct(m.staff_percent)}, Kent population {_pct(m.population_percent)}" for m in measures)
    parts = [
        f'<svg class="eqp-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{e(title)}</title><desc id="chart-desc">{e(desc)}</desc>',
        '<rect class="eqp-chart__bar eqp-chart__bar--staff" x="0" y="4" width="14" height="14"/><text class="eqp-chart__label" x="20" y="16">Council staff</text>',
        '<rect class="eqp-chart__bar eqp-chart__bar--population" x="150" y="4" width="14" height="14"/><text class="eqp-chart__label" x="170" y="16">Kent population</text>',
    ]
    for index, m in enumerate(measures):
        top = LEGEND_HEIGHT + index * group_height
        parts.append(f'<text class="eqp-chart__label eqp-chart__label--group" x="0" y="{top + 14}">{e(m.group)}</text>')
        for row, (kind, value, name) in enumerate((("staff", m.staff_percent, "Staff"), ("population", m.population_percent, "Kent"))):
            y = top + LABEL_HEIGHT + row * BAR_HEIGHT
            length = 0 if value is None else round(CHART_WIDTH * value / scale, 1)
            parts.append(f'<rect class="eqp-chart__bar eqp-chart__bar--{kind}" x="0" y="{y}" width="{length}" height="{BAR_HEIGHT - 2}"/>')
            parts.append(f'<text class="eqp-chart__value" x="{length + 4}" y="{y + BAR_HEIGHT - 3}">{name} {e(_pct(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
