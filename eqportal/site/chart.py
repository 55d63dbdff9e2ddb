"""An accessible SVG bar chart: staff share against Kent population share, per group.

The chart is a picture of the table beside it, never the only way to read the data: it has
a text alternative (``<title>`` and ``<desc>``), every bar carries its value in words, and
the two series differ by pattern position and label as well as colour.
"""

from __future__ import annotations

from eqportal.models.report import WorkforceMeasure
from eqportal.site.html import e

BAR_HEIGHT = 14
GROUP_GAP = 16
LABEL_WIDTH = 190
CHART_WIDTH = 300
VALUE_WIDTH = 110


def _pct(value: float | None) -> str:
    return "not known" if value is None else f"{value:g}%"


def bar_chart(measures: list[WorkforceMeasure], title: str) -> str:
    scale = max([m.staff_percent for m in measures] + [m.population_percent or 0 for m in measures] + [1])
    width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH
    group_height = 2 * BAR_HEIGHT + GROUP_GAP
    height = 30 + group_height * len(measures)
    desc = "; ".join(f"{m.group}: staff {_pct(m.staff_percent)}, Kent population {_pct(m.population_percent)}" for m in measures)
    parts = [
        f'<svg class="eqp-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{e(title)}</title><desc id="chart-desc">{e(desc)}</desc>',
        f'<rect class="eqp-chart__bar eqp-chart__bar--staff" x="0" y="4" width="12" height="12"/><text class="eqp-chart__label" x="18" y="14">Council staff</text>',
        f'<rect class="eqp-chart__bar eqp-chart__bar--population" x="140" y="4" width="12" height="12"/><text class="eqp-chart__label" x="158" y="14">Kent population</text>',
    ]
    for index, m in enumerate(measures):
        top = 30 + index * group_height
        parts.append(f'<text class="eqp-chart__label" x="0" y="{top + BAR_HEIGHT + 4}">{e(m.group)}</text>')
        for row, (kind, value, name) in enumerate((("staff", m.staff_percent, "Staff"), ("population", m.population_percent, "Kent"))):
            y = top + row * BAR_HEIGHT
            length = 0 if value is None else round(CHART_WIDTH * value / scale, 1)
            parts.append(f'<rect class="eqp-chart__bar eqp-chart__bar--{kind}" x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT - 2}"/>')
            parts.append(f'<text class="eqp-chart__value" x="{LABEL_WIDTH + length + 4}" y="{y + BAR_HEIGHT - 3}">{name} {e(_pct(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
