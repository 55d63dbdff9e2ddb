"""``/decisions/``: the key-decision register with its coverage audit, and ``/data/decisions.csv``.

Built from :func:`eqportal.audit.run_audit`, the same data ``eqportal audit`` prints, so the
page and the command never disagree. Findings never stop the build: publishing the gap is
the point. Verdicts are always words; colour, where the theme adds it, only repeats them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from itertools import groupby
from typing import Iterator

from eqportal.audit import Audit, DecisionCoverage, Reliance, RelianceState, Verdict, run_audit
from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.registry import DECISIONS, DECISIONS_CSV
from eqportal.site.pages import GeneratedFile, GeneratedPage
from eqportal.site.templating import render_page

TITLE = "Key decisions and their equality analyses"

# The columns of /data/decisions.csv are a published contract: add new ones at the end, never rename or drop one.
CSV_COLUMNS = (
    "number", "title", "date", "reporting_year", "status", "decision_maker", "directorate",
    "eqias", "coverage", "no_eqia_reason", "notes", "illustrative", "url", "checked_on",
)

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


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage | GeneratedFile]:
    audit = run_audit(portal)
    yield render_page(context, DECISIONS, TITLE, "decisions.html", view=RegisterView(audit),
                      meta={"description": "Every key decision, the equality analyses it relied on, and whether they were published in time."})
    yield GeneratedFile(DECISIONS_CSV.lstrip("/"), decisions_csv(audit, context.today))


def decisions_csv(audit: Audit, today: dt.date) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in sorted(audit.decisions, key=lambda d: d.decision.number):
        d = item.decision
        writer.writerow({
            "number": d.number, "title": d.title, "date": d.date.isoformat(), "reporting_year": item.year,
            "status": d.status.value, "decision_maker": d.decision_maker, "directorate": d.directorate,
            "eqias": ";".join(d.eqias), "coverage": item.verdict.value, "no_eqia_reason": d.no_eqia_reason or "",
            "notes": " | ".join(f.message for f in item.findings), "illustrative": "true" if d.illustrative else "false",
            "url": d.url or "", "checked_on": today.isoformat(),
        })
    return buffer.getvalue()
