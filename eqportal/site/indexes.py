"""Index pages of assessments: all, per directorate, per characteristic, per year, per stage of the commissioning cycle, reviews due.

Each index is one table that works without JavaScript: title, directorate, date, status and
the groups where a possible adverse impact was found (``templates/_eqia_table.html``, a row
``templates/_eqia_row.html``).

Each page is kept between builds by the front matter of the assessments it lists, and each of
its rows by the front matter of its own: an edit to one assessment's title makes again only the
pages listing it, and of those only its row (``KeptRows``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterator

from markupsafe import Markup

from eqportal.context import BuildContext
from eqportal.models import Eqia
from eqportal.models.vocab import Characteristic, CommissioningStage
from eqportal.portal import Portal, Record
from eqportal.registry import EQIAS, REVIEWS, characteristic_url, directorate_url, source_path, stage_url, year_url
from eqportal.reviews import ReviewStatus, review_status
from eqportal.site.page_cache import KeptRows, PageCache
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import PageInfo, render, render_page
from eqportal.words import word


@dataclass(frozen=True)
class IndexRow:
    eqia: Eqia
    overdue: bool
    record: Record | None = field(default=None, compare=False, repr=False)  # what the row is kept by between builds


@dataclass(frozen=True)
class BrowseView:
    directorates: list[str]
    characteristics: list[Characteristic]
    years: list[int]
    stages: list[CommissioningStage] = field(default_factory=lambda: list(CommissioningStage))
    without_stage: int = 0  # public assessments that record no stage of the commissioning cycle


# What each stage of the commissioning cycle is about (GET's approach to equality, Appendix A).
STAGE_MEANINGS = {
    CommissioningStage.ANALYSE: "At the Analyse stage the council finds out who uses the service now and who will, and how a change could affect each group.",
    CommissioningStage.PLAN: "At the Plan stage the council decides what to do about what the analysis found, and designs the service to reduce any negative impact.",
    CommissioningStage.DO: "At the Do stage the council buys or runs the service, puts the assessment's actions in place and collects equality information for the review.",
    CommissioningStage.REVIEW: "At the Review stage the council checks what the service achieved for different groups and what the people who use it say.",
}


@dataclass(frozen=True)
class ReviewsView:
    groups: list[tuple[str, list[IndexRow]]]  # (caption, assessments), overdue first


def eqia_year(eqia: Eqia) -> int | None:
    first = eqia.dates.published or eqia.dates.full_assessment or eqia.dates.screening
    return first.year if first else None


def pages(portal: Portal, context: BuildContext) -> list[GeneratedPage]:
    """Every index page, each kept between builds until an assessment it lists changes its front matter (or the day changes)."""
    cache = PageCache(context, "indexes")
    rows = KeptRows(cache)
    planned = list(_planned(portal, context))
    made = [cache.listing(f"index {url}", [row.record for row in listed], partial(make, rows)) for url, listed, make in planned]
    for url, _, _ in planned:
        rows.keep(url)  # a page kept whole keeps its rows for the next edit that changes it
    cache.save()
    rows.save()
    return made


Make = Callable[[KeptRows], GeneratedPage]


def _planned(portal: Portal, context: BuildContext) -> Iterator[tuple[str, list[IndexRow], Make]]:
    """Each index page: its address, the rows it lists (what it is kept by), and how to make it."""
    records = list(portal.public_eqias())
    models = [r.model for r in records]
    rows = [IndexRow(r.model, review_status(r.model, context.today) is ReviewStatus.OVERDUE, r) for r in records]
    browse = BrowseView(sorted({m.directorate for m in models}), list(Characteristic),
                        sorted({y for m in models if (y := eqia_year(m))}, reverse=True),
                        without_stage=sum(1 for m in models if m.commissioning_stage is None))
    title = "Equality impact assessments"
    yield EQIAS, rows, lambda kept: render_page(context, EQIAS, title, "eqias.html", rows=rows, view=browse,
                                                index_row=_row_maker(context, kept, EQIAS, title))
    by_directorate: dict[str, list[IndexRow]] = defaultdict(list)
    by_year: dict[int, list[IndexRow]] = defaultdict(list)
    by_characteristic: dict[Characteristic, list[IndexRow]] = defaultdict(list)
    for row in rows:
        by_directorate[row.eqia.directorate].append(row)
        if (year := eqia_year(row.eqia)) is not None:
            by_year[year].append(row)
        for c in dict.fromkeys(row.eqia.adverse_characteristics):
            by_characteristic[c].append(row)
    for name in sorted(by_directorate):
        yield _index(context, directorate_url(name), f"Assessments by {name}", f"Equality impact assessments from the {name} directorate.", by_directorate[name])
    for c in Characteristic:
        yield _index(context, characteristic_url(c), f"Assessments that found a possible adverse impact: {c.label}",
                     f"Assessments whose screening found that the change could affect this group less favourably: {c.label.lower()}.",
                     by_characteristic[c])
    for stage in CommissioningStage:
        found = [row for row in rows if row.eqia.commissioning_stage is stage]
        yield _index(context, stage_url(stage), f"Assessments at the {word(stage)} stage of the commissioning cycle", STAGE_MEANINGS[stage], found)
    for year in sorted(by_year):
        yield _index(context, year_url(year), f"Assessments published in {year}", f"Equality impact assessments first published in {year}.", by_year[year])
    yield REVIEWS, rows, lambda kept: reviews(context, rows, kept)


def _index(context: BuildContext, url: str, title: str, lede: str, rows: list[IndexRow]) -> tuple[str, list[IndexRow], Make]:
    return url, rows, lambda kept: render_page(context, url, title, "eqia_index.html", rows=rows, lede=lede,
                                               index_row=_row_maker(context, kept, url, title))


def _row_maker(context: BuildContext, kept: KeptRows, url: str, title: str,
               template: str = "_eqia_row.html") -> Callable[[IndexRow], Markup]:
    """``index_row(row)`` for a table of the page at ``url``: the row's HTML (``template``), kept or made."""
    page = PageInfo(url, source_path(url), title)

    def index_row(row: IndexRow) -> Markup:
        row_key = kept.row_key(row.record, "overdue" if row.overdue else "")
        return Markup(kept.row(url, row_key, lambda: render(context, template, page, row=row)))

    return index_row


def reviews(context: BuildContext, rows: list[IndexRow], kept: KeptRows) -> GeneratedPage:
    groups = []
    for status, caption in ((ReviewStatus.OVERDUE, "Reviews overdue"), (ReviewStatus.DUE_SOON, "Reviews due in the next 90 days")):
        due = sorted((row for row in rows if review_status(row.eqia, context.today) is status), key=lambda row: row.eqia.dates.next_review)
        groups.append((caption, due))
    title = "Reviews due and overdue"
    return render_page(context, REVIEWS, title, "reviews.html", view=ReviewsView(groups),
                       review_row=_row_maker(context, kept, REVIEWS, title, "_review_row.html"))
