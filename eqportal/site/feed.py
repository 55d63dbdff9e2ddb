"""``/feed.xml``: an Atom feed of published and updated assessments, newest change first.

Feed readers need absolute links, and the portal may not know its own address, so entry links
are relative and Atom resolves them against the feed's own URL (``xml:base``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.models import Eqia
from eqportal.portal import Portal
from eqportal.registry import FEED, url_for
from eqportal.site.pages import GeneratedFile
from eqportal.site.templating import PageInfo, render

MAX_ENTRIES = 50


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    eqia: Eqia
    published: str
    updated: str
    href: str


@dataclass(frozen=True)
class FeedView:
    updated: str
    entries: list[Entry]


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedFile]:
    dated = []
    for record in portal.public_eqias():
        m = record.model
        published = m.dates.published or m.dates.full_assessment or m.dates.screening or context.today
        updated = max(d for d in (published, m.dates.last_reviewed, context.last_changed(record.source)) if d)
        dated.append((updated, published, m))
    dated.sort(key=lambda x: (x[0], x[2].id), reverse=True)
    newest = dated[0][0] if dated else context.today
    entries = [Entry(m, _stamp(published), _stamp(updated), url_for(m).lstrip("/")) for updated, published, m in dated[:MAX_ENTRIES]]
    xml = render(context, "feed.xml", PageInfo(FEED, FEED.lstrip("/"), "feed"), view=FeedView(_stamp(newest), entries))
    yield GeneratedFile(FEED.lstrip("/"), xml.lstrip() + "\n")
