"""The accessibility statement ``/accessibility/``, in the GOV.UK model form.

The Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018
require it. Its "last tested" section is filled from the last check run's JSON report, kept in
``.cache/a11y/last-report.json`` beside the content folder (see ``eqportal.a11y.report``): the
statement is generated before its own site is checked, so it quotes the previous run, and says
so honestly when there has been none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

from eqportal.a11y.report import DEFAULT_CACHE, last_report
from eqportal.portal import Portal
from eqportal.site import html as h
from eqportal.site.common import contact_html
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage

URL = "/accessibility/"
# Problems found by a check are fixed within this many days of it (our commitment in the statement).
FIX_WITHIN_DAYS = 90

# Content we know is not fully accessible: (what, WCAG 2.2 criterion, when it will be fixed).
KNOWN_ISSUES: tuple[tuple[str, str, str], ...] = (
    (
        "Some older assessments link to documents (PDF or Word) on other council websites. "
        "These may not be accessible to screen reader users.",
        "1.1.1 Non-text content, 1.3.1 Info and relationships",
        "when each assessment is next reviewed; every assessment on this portal is itself a web page",
    ),
    (
        "Without JavaScript, the menu and search buttons cannot be reached with a keyboard, "
        "and search does not work. Every page can still be reached from the lists of assessments.",
        "2.1.1 Keyboard",
        "no fix planned: the lists of assessments are the accessible alternative",
    ),
)


def report_cache(portal: Portal) -> Path:
    """Where the last report is kept: ``.cache/a11y`` beside the content folder."""
    return Path(portal.root).resolve().parent / DEFAULT_CACHE


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    report = last_report(report_cache(portal))
    md = "# Accessibility statement\n" + "".join(
        section(portal, report) for section in (_intro, _how_accessible, _feedback, _enforcement, _compliance,
                                                 _not_accessible, _testing)
    )
    yield GeneratedPage("accessibility.md", "Accessibility statement", md,
                        meta={"description": "How accessible this portal is, what is not, and how to tell us about a problem"})


def _intro(portal: Portal, report: dict | None) -> str:
    return h.block(
        "<p>This accessibility statement applies to Kent County Council's equality portal, which publishes "
        "equality impact assessments, equality objectives and annual equality reports.</p>"
        "<p>This website is run by Kent County Council. We want as many people as possible to be able to use it. "
        "For example, that means you should be able to:</p><ul>"
        "<li>change colours, contrast levels and fonts using browser or device settings</li>"
        "<li>zoom in up to 400% without the text spilling off the screen</li>"
        "<li>navigate most of the website using just a keyboard or speech recognition software</li>"
        "<li>listen to most of the website using a screen reader</li></ul>"
        "<p>We've also made the website text as simple as possible to understand. Many assessments have an "
        "easy read version.</p>"
    )


def _how_accessible(portal: Portal, report: dict | None) -> str:
    return h.heading(2, "How accessible this website is", "how-accessible") + h.block(
        "<p>We know some parts of this website are not fully accessible. They are listed under "
        f'{h.link(URL, URL + "#not-accessible", "content that is not accessible")}.</p>'
    )


def _feedback(portal: Portal, report: dict | None) -> str:
    return h.heading(2, "Feedback and contact information", "contact") + h.block(
        "<p>If you need information on this website in a different format like accessible PDF, large print, "
        "easy read, audio recording or braille, contact us:</p>" + contact_html(None)
        + "<p>We'll consider your request and get back to you in 5 working days.</p>"
    ) + h.heading(2, "Reporting accessibility problems with this website", "report-a-problem") + h.block(
        "<p>We're always looking to improve the accessibility of this website. If you find any problems not listed "
        "on this page or think we're not meeting accessibility requirements, contact the Equality and Diversity "
        "Team using the details above.</p>"
    )


def _enforcement(portal: Portal, report: dict | None) -> str:
    return h.heading(2, "Enforcement procedure", "enforcement") + h.block(
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
        "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). "
        "If you're not happy with how we respond to your complaint, contact the Equality Advisory and Support Service "
        '(EASS): <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service website</a>, '
        'phone <a href="tel:08088000082">0808 800 0082</a>.</p>'
    )


def _compliance(portal: Portal, report: dict | None) -> str:
    return h.heading(2, "Technical information about this website's accessibility", "technical") + h.block(
        "<p>Kent County Council is committed to making its website accessible, in accordance with the accessibility "
        "regulations.</p>"
    ) + h.heading(3, "Compliance status", "compliance-status") + h.block(
        '<p>This website is partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content '
        "Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.</p>"
    )


def _fix_by(report: dict | None) -> str:
    try:
        tested = dt.datetime.fromisoformat(report["date"]).date()  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return "within 3 months"
    return "by " + h.date(tested + dt.timedelta(days=FIX_WITHIN_DAYS))


def _not_accessible(portal: Portal, report: dict | None) -> str:
    rows = [[e(what), e(criterion), e(when)] for what, criterion, when in KNOWN_ISSUES]
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for problem in (report or {}).get("problems", []):
        found[(problem.get("rule", ""), problem.get("wcag", ""))].add(problem.get("url", ""))
    for (rule, criterion), urls in sorted(found.items()):
        rows.append([
            e(f"The automated check found a problem ({rule}) on {h.plural(len(urls), 'page')}."),
            e(criterion or "not a WCAG criterion"), _fix_by(report),
        ])
    return h.heading(2, "Content that is not accessible", "not-accessible") + h.block(
        "<p>The content listed below is not accessible, for the reasons given.</p>"
        + h.table("Content that is not accessible, the WCAG 2.2 success criterion it fails, and when we will fix it",
                  ["What is not accessible", "WCAG 2.2 success criterion", "When we will fix it"], rows,
                  row_headers=False)
    )


def _testing(portal: Portal, report: dict | None) -> str:
    out = h.heading(2, "How we tested this website", "testing")
    if not report:
        return out + h.block(
            "<p>This website has not yet been through an automated accessibility check. This section will give the "
            "date and result of the last check once one has run.</p>"
        )
    tested = _when(report)
    count = report.get("problem_count", 0)
    result = ("no problems were found" if count == 0
              else f"{h.plural(count, 'problem')} were found; they are listed above")
    tools = report.get("tools", {})
    return out + h.block(
        f"<p>Every page of this website is checked automatically each time it is built. The last check was on "
        f"{tested}: {e(report.get('pages_checked', 0))} pages were checked and {e(result)}.</p>"
        f"<p>The check opens every page in a web browser (Chromium {e(tools.get('chromium', ''))}) and runs the axe-core "
        f"{e(tools.get('axe-core', ''))} accessibility rules for WCAG 2.2 A and AA, plus our own checks: table captions "
        "and headers, heading order, reflow on a narrow screen, text spacing and 200% text size, link text, abbreviations, meaning "
        "shown by colour alone and page titles. Automated checks find only some problems: they do not replace "
        "testing by disabled people.</p>"
        f"<p>This statement was prepared on {h.date(portal.today)}.</p>"
    )


def _when(report: dict[str, Any]) -> str:
    try:
        return h.date(dt.datetime.fromisoformat(report["date"]).date())
    except (KeyError, ValueError, TypeError):
        return "an unrecorded date"
