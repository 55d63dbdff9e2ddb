"""Index pages of assessments: all, per directorate, per characteristic, per year, reviews due.

Each index is one table that works without JavaScript: title, directorate, date, status and
the groups where a possible adverse impact was found (``templates/_eqia_table.html``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.models import Eqia
from eqportal.models.vocab import Characteristic
from eqportal.portal import Portal
from eqportal.registry import EQIAS, REVIEWS, characteristic_url, directorate_url, year_url
from eqportal.reviews import ReviewStatus, review_status
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page


@dataclass(frozen=True)
class IndexRow:
    eqia: Eqia
    overdue: bool


@dataclass(frozen=True)
class BrowseView:
    directorates: list[str]
    characteristics: list[Characteristic]
    years: list[int]


@dataclass(frozen=True)
class ReviewsView:
    groups: list[tuple[str, list[Eqia]]]  # (caption, assessments), overdue first


def eqia_year(eqia: Eqia) -> int | None:
    first = eqia.dates.published or eqia.dates.full_assessment or eqia.dates.screening
    return first.year if first else None


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    models = [r.model for r in portal.public_eqias()]
    rows = [IndexRow(m, review_status(m, context.today) is ReviewStatus.OVERDUE) for m in models]
    browse = BrowseView(sorted({m.directorate for m in models}), list(Characteristic),
                        sorted({y for m in models if (y := eqia_year(m))}, reverse=True))
    yield render_page(context, EQIAS, "Equality impact assessments", "eqias.html", rows=rows, view=browse)
    by_directorate: dict[str, list[IndexRow]] = defaultdict(list)
    by_year: dict[int, list[IndexRow]] = defaultdict(list)
    for row in rows:
        by_directorate[row.eqia.directorate].append(row)
        if (year := eqia_year(row.eqia)) is not None:
            by_year[year].append(row)
    for name in sorted(by_directorate):
        yield _index(context, directorate_url(name), f"Assessments by {name}", f"Equality impact assessments from the {name} directorate.", by_directorate[name])
    for c in Characteristic:
        found = [row for row in rows if c in row.eqia.adverse_characteristics]
        yield _index(context, characteristic_url(c), f"Assessments that found a possible adverse impact: {c.label}",
                     f"Assessments whose screening found that the change could affect this group less favourably: {c.label.lower()}.", found)
    for year in sorted(by_year):
        yield _index(context, year_url(year), f"Assessments published in {year}", f"Equality impact assessments first published in {year}.", by_year[year])
    yield reviews(context, models)


def _index(context: BuildContext, url: str, title: str, lede: str, rows: list[IndexRow]) -> GeneratedPage:
    return render_page(context, url, title, "eqia_index.html", rows=rows, lede=lede)


def reviews(context: BuildContext, models: list[Eqia]) -> GeneratedPage:
    groups = []
    for status, caption in ((ReviewStatus.OVERDUE, "Reviews overdue"), (ReviewStatus.DUE_SOON, "Reviews due in the next 90 days")):
        due = sorted((m for m in models if review_status(m, context.today) is status), key=lambda m: m.dates.next_review)
        groups.append((caption, due))
    return render_page(context, REVIEWS, "Reviews due and overdue", "reviews.html", view=ReviewsView(groups))
