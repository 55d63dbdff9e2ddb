"""``/feed.xml``: an Atom feed of published and updated assessments, newest change first.

Feed readers need absolute links; the portal does not know its own address unless
``site_url`` is configured, so entry links use the ``base_url`` given (default: relative,
which Atom resolves against the feed's own URL via ``xml:base``).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator
from xml.sax.saxutils import escape as _escape, quoteattr as _quoteattr

from eqportal.characters import strip_forbidden
from eqportal.history import last_changed
from eqportal.portal import Portal
from eqportal.site.pages import GeneratedFile

MAX_ENTRIES = 50


def escape(text: str) -> str:
    """XML text; characters XML forbids are refused by ``check``, and dropped here should any reach it."""
    return _escape(strip_forbidden(text))


def quoteattr(text: str) -> str:
    return _quoteattr(strip_forbidden(text))


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def pages(portal: Portal) -> Iterator[GeneratedFile]:
    entries = []
    for record in portal.public_eqias():
        m = record.model
        published = m.dates.published or m.dates.full_assessment or m.dates.screening or portal.today
        updated = max(d for d in (published, m.dates.last_reviewed, last_changed(record.source)) if d)
        entries.append((updated, published, m))
    entries.sort(key=lambda x: (x[0], x[2].id), reverse=True)
    newest = entries[0][0] if entries else portal.today
    items = []
    for updated, published, m in entries[:MAX_ENTRIES]:
        items.append(
            "<entry>"
            f"<id>tag:kent.gov.uk,2015:eqias/{escape(m.id)}</id>"
            f"<title>{escape(m.title)}</title>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(f'eqias/{m.id}/')}/>"
            f"<published>{_stamp(published)}</published><updated>{_stamp(updated)}</updated>"
            f"<category term={quoteattr(m.directorate)}/>"
            f"<summary>{escape(m.summary or m.title)} (status: {escape(m.status.value)})</summary>"
            "</entry>"
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="./">'
        "<id>tag:kent.gov.uk,2015:eqias</id>"
        "<title>Kent County Council: equality impact assessments</title>"
        "<author><name>Kent County Council Equality and Diversity Team</name></author>"
        '<link rel="self" href="feed.xml"/>'
        f"<updated>{_stamp(newest)}</updated>" + "".join(items) + "</feed>\n"
    )
    yield GeneratedFile("feed.xml", xml)
