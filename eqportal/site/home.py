"""The home page ``/``: what the portal is, how much it holds, what is new, how to ask for another format."""

from __future__ import annotations

from typing import Iterator

from eqportal.portal import Portal
from eqportal.site import html as h
from eqportal.site.common import contact_html, eqia_url
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage

LATEST = 5


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    url = "/"
    public = portal.public_eqias()
    published = [r for r in public if r.model.status.value == "published"]
    counts = h.summary_list([
        ("Equality impact assessments", h.link(url, "/eqias/", f"{len(published)} in force") + (f", {len(public) - len(published)} replaced or withdrawn" if len(public) > len(published) else "")),
        ("Equality objectives", h.link(url, "/objectives/", str(len(portal.objectives)))),
        ("Annual equality reports", h.link(url, "/reports/", str(len(portal.reports)))),
        ("Key decisions", h.link(url, "/decisions/", str(len(portal.decisions)))),
    ], cls="eqp-counts")
    latest = "".join(
        f'<li>{h.link(url, eqia_url(r.model.id), r.model.title)} <span class="eqp-meta">({e(r.model.directorate)}, published {h.date(r.model.dates.published)})</span></li>'
        for r in public[:LATEST])
    md = "# Kent County Council equality portal\n" + h.block(
        '<p class="eqp-lede">Before the council changes a policy or a service, it checks how the change could affect people '
        "with protected characteristics, such as disabled people, older people or people of a particular race or religion, and carers. "
        "These checks are called equality impact assessments. This portal publishes them, together with the council's equality "
        "objectives and its annual equality reports.</p>"
    ) + h.heading(2, "What is here", "what-is-here") + h.block(counts) + h.heading(2, "Latest assessments", "latest") + h.block(
        f'<ul class="eqp-list">{latest}</ul><p>{h.link(url, "/eqias/", "See all assessments")}. '
        f'Follow new and updated assessments with the {h.link(url, "/feed.xml", "Atom news feed")}, or {h.link(url, "/open-data/", "download the open data")}.</p>'
        if latest else "<p>No assessments published yet.</p>"
    ) + h.heading(2, "Ask for information in another format", "another-format") + h.block(
        "<p>Every page can be made available in large print, easy read, audio, Braille or another language. "
        f'{h.link(url, "/another-format/", "How to ask for another format")}.</p>' + contact_html(None)
    )
    yield GeneratedPage("index.md", "Kent County Council equality portal", md, meta={"description": "Equality impact assessments, objectives and reports of Kent County Council"})
