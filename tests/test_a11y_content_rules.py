"""The checks for what content brings in: each rule bites on its fixture page with exactly its line, is
quiet on good markup, and has its WCAG criterion written down."""

from __future__ import annotations

from pathlib import Path

import pytest

from eqportal.a11y import settings
from eqportal.a11y.runner import html_pages
from eqportal.a11y.static import check_page
from tests.test_a11y_browser import EXPECTED, FIXTURE_SITE

STATIC_RULES = {"document-link", "img-alt-text", "img-alt-title", "form-label", "form-group", "id-duplicate",
                "link-nowhere", "link-new-window", "accesskey", "obsolete-element", "abbr-unknown"}
BROWSER_RULES = {"name-punctuation", "button-text", "reflow-scroll", "text-small", "text-justified", "focus-visible", "focus-obscured"}
STATIC_PAGES = ["/document-link/", "/image-alt/", "/form/", "/markup-faults/", "/abbreviation-unknown/"]


@pytest.mark.parametrize("url", STATIC_PAGES)
def test_each_static_rule_bites_on_its_fixture_page_with_its_exact_line(url: str):
    pages = html_pages(FIXTURE_SITE)
    found = sorted(check_page(url, pages[url]), key=lambda p: (p.url, p.rule, p.selector, p.message))
    assert [str(p) for p in found] == [line for line in EXPECTED if line.startswith(url + ":")]


def test_every_new_rule_has_a_fixture_line_and_a_wcag_criterion():
    rules_in_expected = {line.split(": ")[1] for line in EXPECTED}
    for rule in STATIC_RULES | BROWSER_RULES:
        assert rule in rules_in_expected, f"{rule} has no fixture page showing it"
        assert settings.OWN_RULE_CRITERIA.get(rule), f"{rule} has no WCAG criterion in settings.py"


def test_fixture_pages_that_pass_have_no_static_problems():
    pages = html_pages(FIXTURE_SITE)
    for url in ("/", "/clean/"):
        assert [str(p) for p in check_page(url, pages[url])] == []


def page(body: str) -> str:
    return ('<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
            '<title>A page</title></head><body>'
            f'<a href="#main">Skip to main content</a><main id="main"><h1>Heading</h1>{body}</main></body></html>')


def test_well_written_content_passes():
    html = page(
        '<p>Read the <a href="/files/report.pdf">annual report (PDF, 1.2 MB)</a> or the '
        '<a href="https://example.org/plan.pdf">plan</a> (PDF).</p>'
        '<p><img src="/a.png" alt="Bar chart: most staff are aged 35 to 54"> <img src="/b.png" alt=""></p>'
        '<form><fieldset><legend>How should we contact you?</legend>'
        '<label><input type="radio" name="c" value="e"> Email</label><label><input type="radio" name="c" value="p"> Phone</label>'
        '</fieldset><label for="n">Name</label><input id="n" name="n"></form>'
        '<p>The Government Digital Service (GDS) writes the standard; the GDS also runs GOV.UK. The NHS and the '
        'Care Quality Commission (CQC) too. A table value:</p><table><caption>Authors</caption>'
        '<tr><th scope="col">By</th></tr><tr><td>PK</td></tr></table>'
        '<p><a href="/" target="_blank">Home page (opens in a new tab)</a></p>'
    )
    assert [str(p) for p in check_page("/p/", html)] == []


def test_an_abbr_without_title_or_explanation_fails_even_when_not_in_the_glossary():
    found = [p.rule for p in check_page("/p/", page("<p>Ask <abbr>GDS</abbr>.</p>"))]
    assert found == ["abbr-unknown"]


def test_a_link_to_another_sites_pdf_needs_its_format_but_not_its_size():
    quiet = page('<p><a href="https://example.org/plan.pdf">Transport plan (PDF)</a></p>')
    loud = page('<p><a href="https://example.org/plan.pdf">Transport plan</a></p>')
    assert [p.rule for p in check_page("/p/", quiet)] == []
    assert [p.message for p in check_page("/p/", loud)] == [
        'link to a PDF file does not say its format; write it as "Transport plan (PDF, 1.2 MB)"']


def test_a_missing_engine_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from eqportal.a11y import engines

    monkeypatch.setenv("EQPORTAL_NODE_MODULES", str(tmp_path))
    with pytest.raises(engines.EngineMissing, match=r"axe-core is not installed .*run `make node`"):
        engines.axe_script()
