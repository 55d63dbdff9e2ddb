"""Easy-read pages: one for every public assessment and every objective, and the /easy-read/ index."""

from __future__ import annotations

from typing import Iterator

from eqportal.easyread import EasyReadPage, easy_read_pages, render
from eqportal.portal import Portal
from eqportal.site import html as h
from eqportal.site.pages import GeneratedPage

INDEX_URL = "/easy-read/"


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    found = easy_read_pages(portal)
    for url, page in found:
        folder = "eqias" if page.kind == "eqia" else "objectives"
        record = (portal.eqias if page.kind == "eqia" else portal.objectives)[page.id]
        yield GeneratedPage(
            src_uri=f"{folder}/{page.id}/easy-read.md",
            title=f"Easy read: {page.title}",
            markdown=render(page),
            source=record.source,
            # Not in the search index: the standard page (which links here) is; this halves the index.
            meta={"eqp_easy_read": True, "hide": ["toc"], "search": {"exclude": True}},
        )
    yield GeneratedPage(src_uri="easy-read.md", title="Easy read versions", markdown=_index(found))


def _index(found: list[tuple[str, EasyReadPage]]) -> str:
    """Every easy-read version with whether people with learning disabilities have checked it."""
    rows = []
    for url, page in found:
        what = "Assessment" if page.kind == "eqia" else "Objective"
        if page.reviewed_by:
            when = f" on {page.reviewed_on}" if page.reviewed_on else ""
            status = f"Checked by {h.e(page.reviewed_by)}{when}"
        else:
            status = "Not checked yet"
        rows.append([h.link(INDEX_URL, url, page.title), what, status])
    checked = sum(1 for _, p in found if p.reviewed_by)
    return (
        "# Easy read versions\n"
        + h.block(
            "<p>Every assessment and objective has an easy read version. The computer writes them from the full"
            " version and checks the rules for easy read: short sentences, no initials, hard words explained.</p>"
            "<p>No computer can tell whether the meaning is kept. So we ask groups of people with learning"
            f" disabilities to check them. {checked} of {len(rows)} have been checked so far.</p>"
        )
        + h.block(h.table("Easy read versions and whether people with learning disabilities have checked them",
                          ["Easy read version", "Type", "Checked by people with learning disabilities"], rows))
    )
