"""``/objectives/`` and one page per equality objective with its progress year by year."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from eqportal.context import BuildContext
from eqportal.models import Eqia, Objective, Progress, Report
from eqportal.models.common import Contact, contact_or_default
from eqportal.portal import Portal, Record
from eqportal.registry import OBJECTIVES, url_for
from eqportal.render.body import to_html
from eqportal.render.sanitise import without_ids
from eqportal.site.page_cache import PageCache
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

# The ids templates/objective.html gives: an element of the body may not take one (two would clash).
RESERVED = frozenset({"progress", "measures", "assessments", "reports", "another-format"})


@dataclass(frozen=True)
class ObjectiveView:
    objective: Objective
    body_html: str
    eqias: list[Eqia]  # public assessments that evidence it
    reports: list[Report]
    contact: Contact

    @property
    def progress(self) -> list[Progress]:
        return sorted(self.objective.progress, key=lambda p: p.year)

    @property
    def latest(self) -> Progress | None:
        return latest_progress(self.objective)


def latest_progress(objective: Objective) -> Progress | None:
    return max(objective.progress, key=lambda p: p.year) if objective.progress else None


def pages(portal: Portal, context: BuildContext) -> list[GeneratedPage]:
    """``/objectives/`` and each objective's page, kept between builds (``page_cache``): an objective's page until
    its file, or the front matter of an assessment or report it lists, changes; the list until an objective's front matter does."""
    records = sorted(portal.objectives.values(), key=lambda r: r.model.title)
    cache = PageCache(context, "objectives")
    summaries = [ObjectiveSummary(r.model, latest_progress(r.model)) for r in records]
    made = [cache.listing("index", records, lambda: render_page(context, OBJECTIVES, "Equality objectives", "objectives.html",
                                                                views=summaries))]
    for record in records:
        listed = [*(portal.eqias.get(i) for i in record.model.eqias), *_reports_naming(portal, record.model)]
        made.append(cache.page_listing("objective", record, listed, partial(objective_page, portal, context, record)))
    cache.save()
    return made


def _reports_naming(portal: Portal, objective: Objective) -> list[Record[Report]]:
    """The annual reports that name any of the objective's assessments."""
    return [r for r in portal.reports.values() if any(i in r.model.eqias for i in objective.eqias)]


@dataclass(frozen=True)
class ObjectiveSummary:
    objective: Objective
    latest: Progress | None


def objective_page(portal: Portal, context: BuildContext, record: Record[Objective]) -> GeneratedPage:
    o = record.model
    view = ObjectiveView(
        objective=o,
        body_html=without_ids(to_html(record.body, top=2, table_title=o.title), RESERVED) if record.body.strip() else "",
        eqias=[portal.eqias[i].model for i in o.eqias if i in portal.eqias and portal.eqias[i].model.is_public],
        reports=[r.model for r in _reports_naming(portal, o)],
        contact=contact_or_default(o.contact),
    )
    return render_page(context, url_for(o), o.title, "objective.html", source=record.source, meta={"description": o.outcome}, view=view)
