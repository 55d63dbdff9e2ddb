"""Index pages of assessments: all, per directorate, per characteristic, per year, reviews due.

Each index is one table that works without JavaScript: title, directorate, date, status and
the groups where a possible adverse impact was found.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from eqportal.models import Eqia
from eqportal.models.vocab import Characteristic
from eqportal.portal import Portal, Record
from eqportal.reviews import ReviewStatus, review_status
from eqportal.site import html as h
from eqportal.site.common import (
    STATUS_WORDS, characteristic_list, characteristic_url, directorate_url, eqia_url, eqia_year, slug, src_uri, year_url,
)
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage

REVIEWS_URL = "/eqias/reviews/"


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    records = portal.public_eqias()
    yield all_assessments(portal, records)
    by_directorate: dict[str, list[Record[Eqia]]] = defaultdict(list)
    by_year: dict[int, list[Record[Eqia]]] = defaultdict(list)
    for r in records:
        by_directorate[r.model.directorate].append(r)
        if (year := eqia_year(r.model)) is not None:
            by_year[year].append(r)
    for name in sorted(by_directorate):
        url = directorate_url(name)
        yield _index(portal, url, f"Assessments by {name}", f"Equality impact assessments from the {name} directorate.", by_directorate[name])
    for c in Characteristic:
        found = [r for r in records if c in r.model.adverse_characteristics]
        yield _index(portal, characteristic_url(c), f"Assessments that found a possible adverse impact: {c.label}",
                     f"Assessments whose screening found that the change could affect this group less favourably: {c.label.lower()}.", found)
    for year in sorted(by_year):
        yield _index(portal, year_url(year), f"Assessments published in {year}", f"Equality impact assessments first published in {year}.", by_year[year])
    yield reviews(portal, records)


def all_assessments(portal: Portal, records: list[Record[Eqia]]) -> GeneratedPage:
    url = "/eqias/"
    directorates = sorted({r.model.directorate for r in records})
    years = sorted({y for r in records if (y := eqia_year(r.model))}, reverse=True)
    browse = (
        '<div class="eqp-browse">'
        '<h2 class="eqp-browse__title" id="by-directorate">By directorate</h2><ul class="eqp-list">'
        + "".join(f"<li>{h.link(url, directorate_url(d), d)}</li>" for d in directorates) + "</ul>"
        '<h2 class="eqp-browse__title" id="by-group">By group affected</h2><ul class="eqp-list">'
        + "".join(f"<li>{h.link(url, characteristic_url(c), c.label)}</li>" for c in Characteristic) + "</ul>"
        '<h2 class="eqp-browse__title" id="by-year">By year</h2><ul class="eqp-list eqp-list--inline">'
        + "".join(f"<li>{h.link(url, year_url(y), str(y))}</li>" for y in years) + "</ul>"
        f'<p>{h.link(url, REVIEWS_URL, "Reviews due and overdue")}</p></div>'
    )
    md = "# Equality impact assessments\n" + h.block(
        f"<p>{h.plural(len(records), 'assessment')} published by Kent County Council, newest first. "
        "An equality impact assessment looks at how a change to a policy or service could affect people "
        "with protected characteristics, and what the council will do about it.</p>"
    ) + h.block(_table(portal, url, records, "All published assessments")) + h.block(browse)
    return GeneratedPage(src_uri(url), "Equality impact assessments", md)


def _index(portal: Portal, url: str, title: str, lede: str, records: list[Record[Eqia]]) -> GeneratedPage:
    if records:
        listing = f"<p>{e(lede)} {h.plural(len(records), 'assessment')}.</p>" + _table(portal, url, records, title)
    else:
        listing = f"<p>{e(lede)}</p><p>There are no assessments here yet.</p>"
    md = f"# {h.md_text(title)}\n" + h.block(listing + f'<p>{h.link(url, "/eqias/", "All assessments")}</p>')
    return GeneratedPage(src_uri(url), title, md)


def _table(portal: Portal, url: str, records: Iterable[Record[Eqia]], caption: str) -> str:
    rows = []
    for r in records:
        m = r.model
        status = STATUS_WORDS[m.status]
        if review_status(m, portal.today) is ReviewStatus.OVERDUE:
            status += " (review overdue)"
        rows.append([
            h.link(url, eqia_url(m.id), m.title),
            h.link(url, directorate_url(m.directorate), m.directorate),
            h.date(m.dates.published),
            e(status),
            characteristic_list(m.adverse_characteristics),
        ])
    return h.table(caption, ["Assessment", "Directorate", "Published", "Status", "Possible adverse impact on"], rows, cls="eqp-table--index", search=False)


def reviews(portal: Portal, records: list[Record[Eqia]]) -> GeneratedPage:
    url = REVIEWS_URL
    parts = []
    for status, caption in ((ReviewStatus.OVERDUE, "Reviews overdue"), (ReviewStatus.DUE_SOON, "Reviews due in the next 90 days")):
        due = sorted((r for r in records if review_status(r.model, portal.today) is status), key=lambda r: r.model.dates.next_review)
        if not due:
            parts.append(f'<h2 id="{slug(caption)}">{e(caption)}</h2><p>None.</p>')
            continue
        rows = [[h.link(url, eqia_url(r.model.id), r.model.title), h.link(url, directorate_url(r.model.directorate), r.model.directorate),
                 h.date(r.model.dates.next_review), e(r.model.owner)] for r in due]
        parts.append(f'<h2 id="{slug(caption)}">{e(caption)}</h2>' + h.table(caption, ["Assessment", "Directorate", "Review due", "Responsible officer"], rows))
    md = "# Reviews due and overdue\n" + h.block(
        f"<p>Every published assessment has a date by which it must be reviewed. This list is as of {h.date(portal.today)}.</p>"
    ) + "".join(h.block(p) for p in parts)
    return GeneratedPage(src_uri(url), "Reviews due and overdue", md)
