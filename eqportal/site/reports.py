"""``/reports/`` and one page per annual equality report: narrative, workforce table and chart."""

from __future__ import annotations

from typing import Iterator

from eqportal.models import Report
from eqportal.portal import Portal, Record
from eqportal.render.body import render_body
from eqportal.site import html as h
from eqportal.site.chart import bar_chart
from eqportal.site.common import eqia_url, public_ids, report_url, src_uri
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    records = sorted(portal.reports.values(), key=lambda r: r.model.year, reverse=True)
    url = "/reports/"
    rows = [[h.link(url, report_url(r.model.id), r.model.title), e(r.model.year), h.date(r.model.published)] for r in records]
    listing = h.table("Annual equality reports", ["Report", "Year", "Published"], rows) if rows else "<p>No reports published yet.</p>"
    yield GeneratedPage(src_uri(url), "Annual equality reports", "# Annual equality reports\n" + h.block(
        "<p>Each year the council reports on its equality objectives, its workforce and the work of each directorate.</p>"
    ) + h.block(listing))
    public = public_ids(portal)
    for record in records:
        yield report_page(portal, record, public)


def report_page(portal: Portal, record: Record[Report], public: set[str]) -> GeneratedPage:
    r = record.model
    url = report_url(r.id)
    md = [f"# {h.md_text(r.title)}\n", h.block(
        (f'<p class="eqp-lede">{e(r.summary)}</p>' if r.summary else "")
        + h.summary_list([("Year", e(r.year)), ("Published", h.date(r.published))]))]
    if r.workforce and r.workforce.measures:
        w = r.workforce
        md.append(h.heading(2, "Workforce profile", "workforce"))
        title = f"Council staff compared with Kent's population, as at {w.as_at.day} {w.as_at:%B %Y}"
        rows = [[e(m.group), e(f"{m.staff_percent:g}%"), e("Not known" if m.population_percent is None else f"{m.population_percent:g}%"), e(m.note)]
                for m in w.measures]
        source = f"<p>Source: {e(w.source)}</p>" if w.source else ""
        md.append(h.block(
            f'<div class="eqp-workforce"><figure class="eqp-figure"><figcaption class="eqp-figure__caption">{e(title)}. The same figures are in the table.</figcaption>'
            + bar_chart(w.measures, title) + "</figure>"
            + h.table(title, ["Group", "Share of council staff", "Share of Kent population", "Note"], rows) + source + "</div>"))
    body = render_body(record.body, reserved={"workforce", "committee-reports", "assessments"})
    if body.intro_html:
        md.append(h.block(f'<div class="eqp-prose" data-search-exclude>{body.intro_html}</div>'))
    for section in body.sections:
        md.append(h.heading(2, section.title, section.anchor))
        md.append(h.block(f'<div class="eqp-prose" data-search-exclude>{section.html}</div>'))
    if r.committee_reports:
        md.append(h.heading(2, "Committee reports", "committee-reports"))
        items = "".join(f"<li>{_titled_link(url, c.title, c.url)} ({h.date(c.date)})</li>" for c in r.committee_reports)
        md.append(h.block(f'<ul class="eqp-list">{items}</ul>'))
    linked = [i for i in r.eqias if i in public]
    if linked:
        md.append(h.heading(2, "Assessments referred to", "assessments"))
        md.append(h.block('<ul class="eqp-list">' + "".join(f"<li>{h.link(url, eqia_url(i), portal.eqias[i].model.title)}</li>" for i in linked) + "</ul>"))
    return GeneratedPage(src_uri(url), r.title, "".join(md), source=record.source, meta={"description": r.summary or r.title})


def _titled_link(page_url: str, title: str, target: str | None) -> str:
    """A committee paper: linked where it has an address (site-absolute ones made relative)."""
    if not target:
        return e(title)
    href = h.rel(page_url, target) if target.startswith("/") else target
    return f'<a href="{e(href)}">{e(title)}</a>'
