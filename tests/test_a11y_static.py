"""The checks axe does not make, on HTML strings: each rule bites on a fault and stays quiet on good markup."""

from __future__ import annotations

import pytest

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.static import check_page, check_titles

CSP = """<meta http-equiv="Content-Security-Policy" content="default-src 'self'">"""


def page(body: str, *, title: str = "A page", lang: str = ' lang="en"') -> str:
    return (
        f"<!doctype html><html{lang}><head>{CSP}<title>{title}</title></head><body>"
        '<a href="#main">Skip to main content</a>'
        f'<main id="main"><h1>Heading</h1>{body}</main></body></html>'
    )


def lines(html: str, url: str = "/p/") -> list[str]:
    return [str(p) for p in check_page(url, html)]


def rules(html: str) -> list[str]:
    return [p.rule for p in check_page("/p/", html)]


def test_a_good_page_has_no_problems():
    html = page(
        '<p>The <abbr title="Public Sector Equality Duty">PSED</abbr> applies. So does the PSED.</p>'
        "<h2>Data</h2><table><caption>Staff</caption><tr><th scope=\"col\">Age</th></tr><tr><td>1</td></tr></table>"
        '<p>Impact: <span class="eqp-rating eqp-rating--high">High</span></p>'
        '<p><a href="/eqias/">All assessments</a></p><button aria-label="Menu"></button>'
    )
    assert lines(html) == []


def test_problem_line_format():
    assert str(PageProblem("/p/", "rule", "message", "main > p")) == "/p/: rule: message (main > p)"
    assert str(PageProblem("/p/", "rule", "message")) == "/p/: rule: message"


def test_table_without_caption_and_scope():
    html = page("<table><tr><th>Age</th></tr><tr><td>1</td></tr></table>")
    assert lines(html) == [
        "/p/: table-caption: data table has no <caption> saying what it shows (main#main > table)",
        '/p/: table-scope: 1 header cell(s) without scope="col" or "row" (main#main > table)',
    ]


def test_layout_tables_are_not_data_tables():
    assert rules(page('<table role="presentation"><tr><td>x</td></tr></table>')) == []


def test_skipped_heading_level():
    assert lines(page("<h2>A</h2><h4>B</h4>")) == ["/p/: heading-order: <h4> follows <h2>: heading levels skip h3 (main#main > h4)"]


def test_going_back_up_several_levels_is_fine():
    assert rules(page("<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>")) == []


def test_exactly_one_h1():
    assert rules(page("<h1>Again</h1>")) == ["heading-one-h1"]


def test_bold_paragraph_posing_as_heading():
    assert rules(page("<p><strong>Background</strong></p><p>Text.</p>")) == ["heading-fake"]
    assert rules(page("<p><strong>Note:</strong> this is a sentence.</p>")) == []


@pytest.mark.parametrize("text", ["click here", "Here", "read more", "More."])
def test_vague_link_text(text):
    assert rules(page(f'<p><a href="/x/">{text}</a></p>')) == ["link-text"]


def test_bare_url_as_link_text():
    assert rules(page('<p><a href="https://www.kent.gov.uk/">https://www.kent.gov.uk/</a></p>')) == ["link-text"]


def test_same_text_different_targets():
    html = page('<p><a href="/a/">Assessment</a> <a href="/b/">Assessment</a> <a href="/a/">Assessment</a></p>')
    assert rules(html) == ["link-same-text"]


def test_unexplained_abbreviation():
    assert lines(page("<p>The PSED applies.</p>")) == [
        '/p/: abbr-unexplained: "PSED" is used before it is explained; write "Public Sector Equality Duty (PSED)"'
        " the first time (main#main > p)"
    ]


def test_abbreviation_after_its_expansion_or_in_abbr_is_explained():
    assert rules(page("<p>The Public Sector Equality Duty (PSED) applies. The PSED is a duty.</p>")) == []
    assert rules(page('<p>Two <abbr title="equality impact assessment">EqIA</abbr>s and more EqIAs.</p>')) == []


def test_abbreviation_in_code_is_not_prose():
    assert rules(page("<p>Run <code>PSED</code>.</p>")) == []


def test_bme_and_bame_are_flagged():
    assert rules(page("<p>BME groups and BAME staff, and BME again.</p>")) == ["avoid-term", "avoid-term"]


def test_rating_by_colour_alone():
    html = page('<p><span class="eqp-rating eqp-rating--high"></span></p>')
    assert lines(html) == [
        '/p/: colour-only: rating "high" is shown by colour alone; write the word '
        "(main#main > p > span.eqp-rating.eqp-rating--high)"
    ]
    assert rules(page('<p><span class="eqp-rating eqp-rating--on-track">On track</span></p>')) == []
    assert rules(page('<p><span class="eqp-rating eqp-rating--unknown">Not known</span></p>')) == []


def test_lang_title_skip_link_and_button_names():
    html = f"<!doctype html><html><head>{CSP}</head><body><main><h1>T</h1><button></button></main></body></html>"
    assert rules(html) == ["html-lang", "page-title", "skip-link", "button-name"]


def test_redirect_stub_needs_no_skip_link():
    html = (f'<!doctype html><html lang="en"><head>{CSP}<title>Moved</title><meta http-equiv="refresh" content="0; url=/b/">'
            '</head><body><main><h1>This page has moved</h1><p><a href="/b/">The new page</a></p></main></body></html>')
    assert rules(html) == []


def test_titles_must_be_unique_across_the_site():
    problems = check_titles({"/a/": "Home", "/b/": "Home", "/c/": "Other"})
    assert [str(p) for p in problems] == ['/b/: title-unique: title "Home" is also the title of /a/']


@pytest.mark.parametrize(
    "markup, message",
    [
        ("<script>alert(1)</script>", "<script> in the page content; content may not carry scripts or frames"),
        ('<iframe src="https://example.org/" title="x"></iframe>', "<iframe> in the page content; content may not carry scripts or frames"),
        ('<p onmouseover="steal()">Hover</p>', "event handler attribute onmouseover in the page content"),
        ('<p><a href="JavaScript:steal()">Report</a></p>', "a href= that runs script in the page content"),
    ],
)
def test_script_from_content_is_never_published(markup, message):
    found = [p for p in check_page("/p/", page(markup)) if p.rule == "unsafe-markup"]
    assert [p.message for p in found] == [message]


def test_theme_scripts_outside_the_content_are_fine():
    html = page("<p>Text</p>").replace("</body>", '<script src="/assets/bundle.js"></script></body>')
    assert "unsafe-markup" not in rules(html)


def test_a_fault_two_engines_find_is_printed_once_under_the_rule_that_explains_it_best():
    from eqportal.a11y.duplicates import drop_duplicates
    from eqportal.a11y.problem import PageProblem

    found = [PageProblem("/a/", "html-lang", "the <html> element has no lang"),
             PageProblem("/a/", "htmlcs-H57.2", "The html element should have a lang or xml:lang attribute"),
             PageProblem("/b/", "htmlcs-H57.2", "The html element should have a lang or xml:lang attribute")]
    assert [(p.url, p.rule) for p in drop_duplicates(found)] == [("/a/", "html-lang"), ("/b/", "htmlcs-H57.2")]
