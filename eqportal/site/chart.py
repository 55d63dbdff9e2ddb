"""An accessible SVG bar chart of staff share against Kent population share, per group, as data.

The chart (``templates/chart.svg``) is a picture of the table beside it, never the only way to
read the data: it has a text alternative (``<title>`` and ``<desc>``), every bar carries its
value in words, and the two series differ by position and label as well as colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from eqportal.models.report import WorkforceMeasure

BAR_HEIGHT = 14
LABEL_HEIGHT = 20  # each group's name sits on its own line above its bars, so long names never overlap them
GROUP_GAP = 14
LEGEND_HEIGHT = 30
CHART_WIDTH = 270
VALUE_WIDTH = 130  # room for "Staff 77.2%" after the longest bar
# A narrow drawing (400 units) so that text stays readable when a phone scales it down.
LABEL_CHARS = 34  # a group's name wraps after this many characters (18-unit text on phones, 400 units wide)


@dataclass(frozen=True)
class Bar:
    kind: str  # "staff" or "population"
    name: str  # "Staff" or "Kent"
    value: str  # in words, e.g. "3.5%" or "not known"
    y: int
    length: float


@dataclass(frozen=True)
class Group:
    name: str
    top: int
    bars: tuple[Bar, ...]
    lines: tuple[str, ...] = ()  # the name in lines that fit the drawing when phones draw text larger
    line_height: int = LABEL_HEIGHT


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    width: int
    height: int
    groups: tuple[Group, ...]
    bar_height: int = BAR_HEIGHT


def _pct(value: float | None) -> str:
    return "not known" if value is None else f"{value:g}%"


def _lines(label: str) -> tuple[str, ...]:
    """A group's name in lines of at most LABEL_CHARS characters: on a phone the text is drawn larger (CSS), and
    one long line would run off the drawing."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or (label,)


def bar_chart(measures: list[WorkforceMeasure], title: str) -> BarChart:
    scale = max([m.staff_percent for m in measures] + [m.population_percent or 0 for m in measures] + [1])
    groups = []
    top = LEGEND_HEIGHT
    for m in measures:
        lines = _lines(m.group)
        label_height = LABEL_HEIGHT * len(lines)
        bars = tuple(
            Bar(kind, name, _pct(value), top + label_height + row * BAR_HEIGHT, 0 if value is None else round(CHART_WIDTH * value / scale, 1))
            for row, (kind, value, name) in enumerate((("staff", m.staff_percent, "Staff"), ("population", m.population_percent, "Kent")))
        )
        groups.append(Group(m.group, top, bars, lines))
        top += label_height + 2 * BAR_HEIGHT + GROUP_GAP
    description = "; ".join(f"{m.group}: staff {_pct(m.staff_percent)}, Kent population {_pct(m.population_percent)}" for m in measures)
    return BarChart(title, description, CHART_WIDTH + VALUE_WIDTH, top, tuple(groups))
