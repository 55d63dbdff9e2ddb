"""``/objectives/`` and one page per equality objective with its progress year by year."""

from __future__ import annotations

from typing import Iterator

from eqportal.models import Objective
from eqportal.portal import Portal, Record
from eqportal.render.body import to_html
from eqportal.site import html as h
from eqportal.site.common import characteristic_url, contact_html, eqia_url, objective_url, public_ids, report_url, src_uri
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage

RATING_WORDS = {"achieved": "Achieved", "on-track": "On track", "improving": "Improving", "at-risk": "At risk", "not-met": "Not met"}


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    records = sorted(portal.objectives.values(), key=lambda r: r.model.title)
    url = "/objectives/"
    rows = [[h.link(url, objective_url(r.model.id), r.model.title), e(r.model.outcome), e(r.model.period),
             _latest(r.model)] for r in records]
    listing = h.table("Equality objectives", ["Objective", "Council outcome", "Period", "Latest progress"], rows) if rows else "<p>No objectives published yet.</p>"
    yield GeneratedPage(src_uri(url), "Equality objectives", "# Equality objectives\n" + h.block(
        "<p>The council sets equality objectives to meet the Public Sector Equality Duty, and reports progress on each every year.</p>"
    ) + h.block(listing))
    public = public_ids(portal)
    for record in records:
        yield objective_page(portal, record, public)


def _latest(objective: Objective) -> str:
    if not objective.progress:
        return "No progress reported yet"
    latest = max(objective.progress, key=lambda p: p.year)
    return f"{e(RATING_WORDS[latest.rating.value])} ({e(latest.year)})"


def objective_page(portal: Portal, record: Record[Objective], public: set[str]) -> GeneratedPage:
    o = record.model
    url = objective_url(o.id)
    groups = ", ".join(h.link(url, characteristic_url(c), c.label) for c in o.characteristics)
    facts = h.summary_list([
        ("Council outcome", e(o.outcome)),
        ("Period", e(o.period)),
        ("Directorate", e(o.directorate)),
        ("Groups it concerns", groups),
        ("Latest progress", _latest(o)),
    ])
    md = [f"# {h.md_text(o.title)}\n", h.block('<p class="eqp-easy-read-link"><a href="easy-read/">Read the easy read version of this objective</a></p>' + facts)]
    if record.body.strip():
        md.append(h.block(f'<div class="eqp-prose" data-search-exclude>{to_html(record.body, top=2)}</div>'))
    if o.measures:
        md.append(h.heading(2, "How we measure it", "measures"))
        md.append(h.block('<ul class="eqp-list">' + "".join(f"<li>{e(m)}</li>" for m in o.measures) + "</ul>"))
    md.append(h.heading(2, "Progress year by year", "progress"))
    if o.progress:
        rows = []
        for p in sorted(o.progress, key=lambda p: p.year):
            evidence = "".join(f'<li><a href="{e(_href(url, x.url))}">{e(x.title)}</a></li>' for x in p.evidence)
            rows.append([e(p.year), f'<span class="eqp-rating eqp-rating--{e(p.rating.value)}">{e(RATING_WORDS[p.rating.value])}</span>', e(p.summary),
                         f'<ul class="eqp-list">{evidence}</ul>' if evidence else ""])
        md.append(h.block(h.table(f"Progress on {o.title}", ["Year", "Rating", "What happened", "Evidence"], rows)))
    else:
        md.append(h.block("<p>No progress reported yet.</p>"))
    md.append(h.heading(2, "Assessments that evidence it", "assessments"))
    items = [h.link(url, eqia_url(i), portal.eqias[i].model.title) for i in o.eqias if i in public]
    md.append(h.block('<ul class="eqp-list">' + "".join(f"<li>{x}</li>" for x in items) + "</ul>" if items else "<p>None linked yet.</p>"))
    reports = [r for r in portal.reports.values() if any(i in r.model.eqias for i in o.eqias)]
    if reports:
        md.append(h.heading(2, "Annual reports", "reports"))
        md.append(h.block('<ul class="eqp-list">' + "".join(f"<li>{h.link(url, report_url(r.model.id), r.model.title)}</li>" for r in reports) + "</ul>"))
    md.append(h.heading(2, "Ask for this in another format", "another-format"))
    md.append(h.block("<p>You can ask for this page in large print, easy read, audio, Braille or another language.</p>" + contact_html(o.contact)))
    return GeneratedPage(src_uri(url), o.title, "".join(md), source=record.source, meta={"description": o.outcome})


def _href(page_url: str, target: str) -> str:
    """Site-absolute evidence links become relative; others stay as written."""
    return h.rel(page_url, target) if target.startswith("/") else target
