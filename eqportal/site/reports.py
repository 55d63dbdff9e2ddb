"""``/reports/`` and one page per annual equality report: narrative, workforce table and chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.models import Eqia, Report
from eqportal.portal import Portal, Record
from eqportal.registry import REPORTS, url_for
from eqportal.render.body import Body, render_body
from eqportal.site.chart import BarChart, bar_chart
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

RESERVED = frozenset({"workforce", "committee-reports", "assessments", "chart-title", "chart-desc"})  # ids of the page's own template


@dataclass(frozen=True)
class ReportView:
    report: Report
    body: Body
    chart: BarChart | None  # None when the report has no workforce figures
    eqias: list[Eqia]  # public assessments it refers to


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    records = sorted(portal.reports.values(), key=lambda r: r.model.year, reverse=True)
    yield render_page(context, REPORTS, "Annual equality reports", "reports.html", reports=[r.model for r in records])
    for record in records:
        yield report_page(portal, context, record)


def report_page(portal: Portal, context: BuildContext, record: Record[Report]) -> GeneratedPage:
    r = record.model
    chart = None
    if r.workforce and r.workforce.measures:
        w = r.workforce
        chart = bar_chart(w.measures, f"Council staff compared with Kent's population, as at {w.as_at.day} {w.as_at:%B %Y}")
    view = ReportView(
        report=r,
        body=render_body(record.body, reserved=RESERVED),
        chart=chart,
        eqias=[portal.eqias[i].model for i in r.eqias if i in portal.eqias and portal.eqias[i].model.is_public],
    )
    return render_page(context, url_for(r), r.title, "report.html", source=record.source, meta={"description": r.summary or r.title}, view=view)
