"""Easy-read pages: one for every public assessment and every objective, and the /easy-read/ index."""

from __future__ import annotations

from html import escape
from typing import Iterator

from eqportal.easyread import EasyReadPage, easy_read_pages, render
from eqportal.portal import Portal
from eqportal.site.pages import GeneratedPage


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
            status = f"Checked by {escape(page.reviewed_by)}{when}"
        else:
            status = "Not checked yet"
        rows.append(f'<tr><td><a href="..{url}">{escape(page.title)}</a></td><td>{what}</td><td>{status}</td></tr>')
    checked = sum(1 for _, p in found if p.reviewed_by)
    return (
        "<h1>Easy read versions</h1>\n"
        "<p>Every assessment and objective has an easy read version. The computer writes them from the full"
        " version and checks the rules for easy read: short sentences, no initials, hard words explained.</p>\n"
        "<p>No computer can tell whether the meaning is kept. So we ask groups of people with learning"
        f" disabilities to check them. {checked} of {len(rows)} have been checked so far.</p>\n"
        '<div class="eqp-table" role="region" aria-labelledby="eqp-easy-read-index-caption" tabindex="0">\n'
        '<table class="eqp-easy-read-index">\n'
        '<caption id="eqp-easy-read-index-caption">Easy read versions and whether people with learning disabilities have checked them</caption>\n'
        '<thead><tr><th scope="col">Easy read version</th><th scope="col">Type</th>'
        '<th scope="col">Checked by people with learning disabilities</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n"
    )
