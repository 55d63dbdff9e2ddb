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


class FakeCheck:
    """Stands in for the page checks (eqportal.a11y.runner.run): each run reads the statement, then reports."""

    def __init__(self, *reports):
        self.reports, self.read = list(reports), []

    def __call__(self, site_dir, **_):
        from eqportal.publish import STATEMENT_FILE

        self.read.append((site_dir / STATEMENT_FILE).read_text(encoding="utf-8"))
        report = self.reports.pop(0)
        if isinstance(report, Exception):
            raise report
        return report.get("problems", []), {"pages_opened_in_browser": 1, **report}


@pytest.fixture()
def one_page_site(tmp_path: Path, monkeypatch) -> Path:
    from eqportal.a11y import runner
    from eqportal.publish import STATEMENT_FILE

    site = tmp_path / "site"
    (site / "accessibility").mkdir(parents=True)
    (site / STATEMENT_FILE).write_text(built_statement(), encoding="utf-8")
    monkeypatch.setattr(runner, "expected_tools", lambda cache=None: CHECK["tools"])
    return site


def statement_after(site: Path, monkeypatch, *reports) -> tuple[list, str, FakeCheck]:
    from eqportal.a11y import runner
    from eqportal.publish import check_quoted

    check = FakeCheck(*reports)
    monkeypatch.setattr(runner, "run", check)
    problems, note = check_quoted(site, CONTEXT)
    return problems, note, check


def test_the_statement_is_checked_as_it_is_published_in_one_run(one_page_site, monkeypatch):
    from eqportal.publish import STATEMENT_FILE

    problems, note, check = statement_after(one_page_site, monkeypatch, {**CHECK, "pages_checked": 1})
    assert problems == [] and len(check.read) == 1 and "checked again" not in note
    assert check.read[0] == (one_page_site / STATEMENT_FILE).read_text(encoding="utf-8")  # the page checked is the page published
    assert "1 pages were checked and no problems were found" in check.read[0]


def test_a_report_other_than_expected_is_quoted_and_its_page_checked_again(one_page_site, monkeypatch):
    from eqportal.publish import STATEMENT_FILE

    newer = {**CHECK, "pages_checked": 1, "tools": {**CHECK["tools"], "chromium": "157.0.1.2"}}
    problems, note, check = statement_after(one_page_site, monkeypatch, newer, newer)
    assert problems == [] and len(check.read) == 2 and "its page checked again (1 page opened" in note
    assert "Chromium 157.0.1.2" in check.read[1] and check.read[1] == (one_page_site / STATEMENT_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("outcome", [{"problems": ["a problem"]}, RuntimeError("no browser")])
def test_a_check_that_finds_problems_or_cannot_run_leaves_no_claim_of_a_check(one_page_site, monkeypatch, outcome):
    from eqportal.publish import STATEMENT_FILE

    if isinstance(outcome, Exception):
        with pytest.raises(RuntimeError):
            statement_after(one_page_site, monkeypatch, outcome)
    else:
        problems, _, check = statement_after(one_page_site, monkeypatch, {**CHECK, **outcome})
        assert problems == ["a problem"] and "was checked on" in check.read[0]
    assert (one_page_site / STATEMENT_FILE).read_text(encoding="utf-8") == built_statement()  # back to "no check"
