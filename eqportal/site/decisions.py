"""``/decisions/``: the key-decision register with its coverage audit (``/data/decisions.csv`` is made by :mod:`eqportal.opendata`).

Built from :func:`eqportal.audit.run_audit`, the same data ``eqportal audit`` prints, so the
page and the command never disagree. Findings never stop the build: publishing the gap is
the point. Verdicts are always words; colour, where the theme adds it, only repeats them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from eqportal.audit import Audit, DecisionCoverage, Reliance, RelianceState, Verdict, run_audit
from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.registry import DECISIONS
from eqportal.site.page_cache import PageCache
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

TITLE = "Key decisions and their equality analyses"


VERDICT_MEANINGS = (
    (Verdict.COVERED, "An equality analysis was published before the decision was taken."),
    (Verdict.COVERED_LATE, "An equality analysis exists, but it was published or completed after the decision."),
    (Verdict.NOT_NEEDED, "The decision record says why no equality analysis was needed."),
    (Verdict.MISSING, "No published equality analysis before the decision, and no reason given."),
    (Verdict.NOT_TAKEN, "The decision is proposed and has not been taken yet."),
)


@dataclass(frozen=True)
class RegisterView:
    audit: Audit
    meanings: tuple[tuple[Verdict, str], ...] = VERDICT_MEANINGS

    @property
    def illustrative(self) -> bool:
        return any(item.decision.illustrative for item in self.audit.decisions)

    @property
    def by_year(self) -> list[tuple[str, list[DecisionCoverage]]]:
        newest_first = sorted(self.audit.decisions, key=lambda d: (d.year, d.decision.date, d.decision.number), reverse=True)
        return [(year, list(items)) for year, items in groupby(newest_first, key=lambda d: d.year)]

    @staticmethod
    def has_page(reliance: Reliance) -> bool:
        """Drafts have no page and stay unnamed."""
        return reliance.eqia is not None and reliance.state is not RelianceState.DRAFT and reliance.eqia.is_public


def pages(portal: Portal, context: BuildContext) -> list[GeneratedPage]:
    """The register, kept between builds until an assessment's or a decision's front matter (or the day) changes:
    the coverage audit reads nothing else."""
    records = [r for folder in (portal.eqias, portal.decisions) for r in folder.values()]
    cache = PageCache(context, "decisions")
    made = cache.listing(f"decisions {portal.today} {sorted(portal.unreadable_eqias)}", records, lambda: [register(portal, context)])
    cache.save()
    return made


def register(portal: Portal, context: BuildContext) -> GeneratedPage:
    # The register shows the decisions' coverage, not the upkeep findings of every record.
    return render_page(context, DECISIONS, TITLE, "decisions.html", view=RegisterView(run_audit(portal, upkeep=False)),
                       meta={"description": "Every key decision, the equality analyses it relied on, and whether they were published in time."})

