"""The accessibility statement ``/accessibility/``; its words are in ``templates/statement.html``.

Its section on the automated check quotes the check of the very site it is published in. The page
is built saying there has been no check (what a build without checks publishes, and the preview
shows); ``eqportal build`` then makes it quote the check of its site (:func:`quote_check`, with
``templates/_statement_check.html`` rendered again), so that the page is checked as it is published,
and publishes the site only if the check found nothing and reported what the page quotes
(``eqportal.publish.check_quoted``). A check that did not pass is never quoted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from eqportal.context import BuildContext
from eqportal.models.common import DEFAULT_CONTACT, Contact
from eqportal.portal import Portal
from eqportal.registry import ACCESSIBILITY, source_path
from eqportal.site.pages import GeneratedPage
from eqportal.site.search_text import space_between_blocks
from eqportal.site.templating import PageInfo, render, render_page

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


TITLE = "Accessibility statement"
CHECK_SECTION = "_statement_check.html"  # the statement's words on the check, filled in once the site has passed


class CheckNotQuoted(ValueError):
    """The built statement page does not hold the section :func:`quote_check` fills in."""


def statement_page(context: BuildContext, report: Mapping[str, Any] | None = None) -> GeneratedPage:
    """The statement, quoting the check ``report`` (None: there has been no check of this site)."""
    return render_page(context, ACCESSIBILITY, TITLE, "statement.html", view=statement_view(report),
                       meta={"description": "How accessible this portal is, what is not, and how to tell us about a problem"})


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    yield statement_page(context)  # built before the site is checked: the check is quoted once it has passed


def check_section(context: BuildContext, report: Mapping[str, Any] | None) -> str:
    """The statement's words on the check ``report`` of this site (None: there has been none), as the page
    holds them: words kept apart as in every page (``eqportal.render.finish.prepare_page``; no headings or links)."""
    page = PageInfo(ACCESSIBILITY, source_path(ACCESSIBILITY), TITLE)
    return space_between_blocks(render(context, CHECK_SECTION, page, view=statement_view(report)))


def quote_check(html: str, context: BuildContext, report: Mapping[str, Any] | None, *,
                instead_of: Mapping[str, Any] | None = None) -> str:
    """``html``, the statement page quoting the check ``instead_of`` (None, as built: none), quoting ``report`` instead.

    Plain text in, plain text out: the section is the same wherever the theme puts the page's content,
    so it is found as the very text :func:`check_section` renders. A template that does not render it
    whole, once, raises :class:`CheckNotQuoted` rather than publish a statement silent about its check.
    """
    before = check_section(context, instead_of)
    found = html.count(before)
    if found != 1:
        raise CheckNotQuoted(f"the check cannot be quoted in the accessibility statement: its page holds what "
                             f"{CHECK_SECTION} renders {found} times, not once (a statement.html of your own must "
                             f"keep its block last_check)")
    return html.replace(before, check_section(context, report))
