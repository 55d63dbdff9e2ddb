"""The accessibility statement ``/accessibility/``; its words are in ``templates/statement.html``.

Its "last tested" section quotes the last check run's JSON report, which the build context
carries (``BuildContext.last_report``, read from ``.cache/a11y/last-report.json``): the
statement is generated before its own site is checked, so it quotes the previous run, and
says so honestly when there has been none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from eqportal.context import BuildContext
from eqportal.models.common import DEFAULT_CONTACT, Contact
from eqportal.portal import Portal
from eqportal.registry import ACCESSIBILITY
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

# Problems found by a check are fixed within this many days of it (our commitment in the statement).
FIX_WITHIN_DAYS = 90


@dataclass(frozen=True)
class Found:
    rule: str
    criterion: str
    pages: int


@dataclass(frozen=True)
class StatementView:
    report: Mapping[str, Any] | None
    contact: Contact = DEFAULT_CONTACT
    found: list[Found] = field(default_factory=list)

    @property
    def tested(self) -> dt.date | None:
        try:
            return dt.datetime.fromisoformat(self.report["date"]).date()  # type: ignore[index]
        except (TypeError, KeyError, ValueError):
            return None

    @property
    def fix_by(self) -> dt.date | None:
        return self.tested + dt.timedelta(days=FIX_WITHIN_DAYS) if self.tested else None

    @property
    def problem_count(self) -> int:
        return (self.report or {}).get("problem_count", 0)

    @property
    def tools(self) -> Mapping[str, str]:
        return (self.report or {}).get("tools", {})


def statement_view(report: Mapping[str, Any] | None) -> StatementView:
    urls: dict[tuple[str, str], set[str]] = defaultdict(set)
    for problem in (report or {}).get("problems", []):
        urls[(problem.get("rule", ""), problem.get("wcag", ""))].add(problem.get("url", ""))
    return StatementView(report, found=[Found(rule, criterion, len(pages)) for (rule, criterion), pages in sorted(urls.items())])


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    yield render_page(context, ACCESSIBILITY, "Accessibility statement", "statement.html", view=statement_view(context.last_report),
                      meta={"description": "How accessible this portal is, what is not, and how to tell us about a problem"})
