"""The accessibility statement quotes the check of its own site, or says honestly that there has been none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eqportal.context import BuildContext
from eqportal.site.statement import CheckNotQuoted, check_section, pages, quote_check, statement_page

CONTEXT = BuildContext(today=dt.date(2026, 11, 23))
# What `eqportal build` quotes: the check's report without the run's own figures, dated with the build's day.
CHECK = {"date": "2026-11-23", "passed": True, "pages_checked": 104, "problem_count": 0, "problems": [],
         "tools": {"axe-core": "4.14.1", "chromium": "156.0.8078.114", "html_codesniffer": "2.5.1", "vnu-jar": "26.9.27"}}


def built_statement(context: BuildContext = CONTEXT) -> str:
    """The statement page as a build makes it, before its site is checked."""
    [page] = list(pages(None, context))
    assert page.url == "/accessibility/"
    return page.prepared.html


def test_model_statement_sections():
    md = built_statement()
    for words in ("Compliance status", "partially compliant", "Content that is not accessible", "2.1.1 Keyboard",
                  "different format", "Reporting accessibility problems", "Equality and Human Rights Commission",
                  "Equality Advisory and Support Service", "<caption"):
        assert words in md, words


def test_a_statement_built_without_a_check_says_there_was_none():
    md = built_statement()
    assert "This version of the website has not been through our automated accessibility check." in md
    assert "was checked on" not in md and "pages were checked" not in md
    assert 'This statement was prepared on <time datetime="2026-11-23">' in md


def test_once_quoted_the_statement_gives_the_day_the_pages_and_the_tools_of_the_check():
    md = quote_check(built_statement(), CONTEXT, CHECK)
    assert ('This version was checked on <time datetime="2026-11-23">23 November 2026</time>: '
            "104 pages were checked and no problems were found.") in md
    assert "Chromium 156.0.8078.114" in md and "axe-core 4.14.1" in md and "HTML_CodeSniffer 2.5.1" in md
    assert "Nu HTML Checker 26.9.27" in md
    assert "has not been through" not in md


def test_quoting_changes_only_the_section_on_the_check():
    built = built_statement()
    quoted = quote_check(built, CONTEXT, CHECK)
    before, after = built.split(check_section(CONTEXT, None))
    assert quoted == before + check_section(CONTEXT, CHECK) + after


def test_a_quoted_check_can_be_replaced_by_the_report_the_check_gave():
    expected = quote_check(built_statement(), CONTEXT, CHECK)
    newer_browser = {**CHECK, "tools": {**CHECK["tools"], "chromium": "157.0.1.2"}}
    md = quote_check(expected, CONTEXT, newer_browser, instead_of=CHECK)
    assert "Chromium 157.0.1.2" in md and "Chromium 156" not in md


def test_the_search_index_made_before_the_check_stays_true_after_it():
    # The theme's search index is written with the site, before the check: the section is left out of it.
    [page] = list(pages(None, CONTEXT))
    quoted = statement_page(CONTEXT, CHECK)
    assert page.prepared.search == quoted.prepared.search
    assert not [e for e in page.prepared.search if "automated accessibility check" in e["text"]]


def test_a_statement_template_without_the_section_cannot_quote_a_check(tmp_path: Path):
    (tmp_path / "statement.html").write_text('{% extends "default/statement.html" %}{% block last_check %}'
                                             "<p>Checked regularly.</p>{% endblock %}", encoding="utf-8")
    context = BuildContext(today=CONTEXT.today, template_dirs=(tmp_path,))
    with pytest.raises(CheckNotQuoted, match="block last_check"):
        quote_check(built_statement(context), context, CHECK)


def test_problems_in_a_report_are_listed_with_their_criterion_and_fix_date():
    report = {"date": "2026-11-20T10:00:00+00:00", "pages_checked": 104, "problem_count": 2,
              "tools": {"axe-core": "4.10.2", "chromium": "156"},
              "problems": [{"url": "/a/", "rule": "reflow", "wcag": "1.4.10", "message": "", "selector": ""},
                           {"url": "/b/", "rule": "reflow", "wcag": "1.4.10", "message": "", "selector": ""}]}
    md = statement_page(CONTEXT, report).html
    assert '<time datetime="2026-11-20">20 November 2026</time>: 104 pages were checked and 2 problems were found' in md
    assert "The automated check found a problem (reflow) on 2 pages." in md
    assert "1.4.10" in md and '<time datetime="2027-02-18">' in md  # fix within 90 days of the check


def test_the_quoted_statement_is_a_new_file_and_the_next_build_writes_it_again(tmp_path: Path):
    """A rebuild links unchanged pages to the published site's files: quoting must not write through the link,
    and the published page, changed after the build, is never kept as if the build had made it."""
    from eqportal.outputs import OutputCache
    from eqportal.publish import STATEMENT_FILE, quote

    site, built = tmp_path / "site", tmp_path / ".site-build"
    (site / "accessibility").mkdir(parents=True)
    (built / "accessibility").mkdir(parents=True)
    (site / STATEMENT_FILE).write_text(built_statement(), encoding="utf-8")
    (built / STATEMENT_FILE).hardlink_to(site / STATEMENT_FILE)  # reused from the published site
    outputs = OutputCache(tmp_path / "cache", site.resolve())
    outputs.current[STATEMENT_FILE] = "key of the page as built"
    outputs.reused.add(STATEMENT_FILE)

    quote(built, CONTEXT, CHECK, outputs=outputs)

    assert "104 pages were checked" in (built / STATEMENT_FILE).read_text(encoding="utf-8")
    assert (site / STATEMENT_FILE).read_text(encoding="utf-8") == built_statement()  # the published site is untouched
    outputs.save(built)
    assert not OutputCache.load(tmp_path / "cache", built).previous  # so the next build makes the page again
