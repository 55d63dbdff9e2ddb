"""Easy-read pages: one for every public assessment and every objective, and the ``/easy-read/`` index."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from typing import Callable, Iterator

from eqportal.context import BuildContext
from eqportal.easyread import EasyReadPage, eqia_page, objective_page, render
from eqportal.portal import Portal, Record
from eqportal.registry import EASY_READ, source_path
from eqportal.site.page_cache import PageCache
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page


def easy_read_pages(portal: Portal, today: dt.date | None = None) -> list[tuple[EasyReadPage, object]]:
    """Every easy-read page with the record behind it: public assessments, then objectives.

    ``today`` decides whether an assessment's review is overdue, which its easy-read page says.
    """
    return [(make(), record) for make, record, _ in _easy_read_makers(portal, today)]


def _easy_read_makers(portal: Portal, today: dt.date | None) -> list[tuple[Callable[[], EasyReadPage], Record, list]]:
    """For each easy-read page: how to make it, its record, and every record it is made from."""
    found = []
    for record in sorted(portal.public_eqias(), key=lambda r: r.model.id):
        successor = portal.eqias.get(record.model.superseded_by or "")
        make = partial(eqia_page, record.model, successor.model if successor else None, today)
        found.append((make, record, [record, successor]))
    for record in sorted(portal.objectives.values(), key=lambda r: r.model.id):
        found.append((partial(objective_page, record.model), record, [record]))
    return found


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    cache = PageCache(context, "easy-read")
    listed: list[tuple[Record, EasyReadPage]] = []  # each without its sections: what the index shows
    for make, record, inputs in _easy_read_makers(portal, context.today):
        generated, page = cache.page("easy-read", inputs, partial(_generate, make, record, context))
        yield generated
        listed.append((record, page))

    def index() -> GeneratedPage:
        versions = [page for _, page in listed]
        statuses = {v.id: record.model.status for (record, _), v in zip(listed, versions) if v.kind == "eqia"}  # each assessment shows it
        return render_page(context, EASY_READ, "Easy read versions", "easy_read_index.html", versions=versions, statuses=statuses)

    # The index shows each version's title, kind, status and reviewers, all front matter: kept by that, as index pages are.
    yield cache.listing("easy-read index", [record for record, _ in listed], index)
    cache.save()


def _generate(make: Callable[[], EasyReadPage], record: Record, context: BuildContext) -> tuple[GeneratedPage, EasyReadPage]:
    """The page, and what the index shows of it (:func:`listed_version`), kept with it."""
    page = make()
    return GeneratedPage(
        src_uri=source_path(page.url),
        title=f"Easy read: {page.title}",
        html=render(page, context),
        source=record.source,
        # Not in the search index: the standard page (which links here) is; this halves the index.
        meta={"eqp_easy_read": True, "hide": ["toc"], "search": {"exclude": True}},
    ), listed_version(page)


def listed_version(page: EasyReadPage) -> EasyReadPage:
    """The version as the index lists it: its name, kind and reviewers, without what it says (a few objects, not thousands)."""
    return replace(page, sections=(), hard_words=())
