"""Easy-read pages: one for every public assessment and every objective, and the ``/easy-read/`` index."""

from __future__ import annotations

from typing import Iterator

from eqportal.context import BuildContext
from eqportal.easyread import EasyReadPage, eqia_page, objective_page, render
from eqportal.portal import Portal
from eqportal.registry import EASY_READ, source_path
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page


def easy_read_pages(portal: Portal) -> list[tuple[EasyReadPage, object]]:
    """Every easy-read page with the record behind it: public assessments, then objectives."""
    found = []
    for record in sorted(portal.public_eqias(), key=lambda r: r.model.id):
        successor = portal.eqias.get(record.model.superseded_by or "")
        found.append((eqia_page(record.model, successor.model if successor else None), record))
    for record in sorted(portal.objectives.values(), key=lambda r: r.model.id):
        found.append((objective_page(record.model), record))
    return found


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    found = easy_read_pages(portal)
    for page, record in found:
        yield GeneratedPage(
            src_uri=source_path(page.url),
            title=f"Easy read: {page.title}",
            html=render(page, context),
            source=record.source,
            # Not in the search index: the standard page (which links here) is; this halves the index.
            meta={"eqp_easy_read": True, "hide": ["toc"], "search": {"exclude": True}},
        )
    yield render_page(context, EASY_READ, "Easy read versions", "easy_read_index.html", versions=[p for p, _ in found])
