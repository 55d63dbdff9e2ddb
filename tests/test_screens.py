"""Every screen: the sample portal read on a 320 px and a 375 px phone and a 1280 px desktop.

Tables keep their rows readable without sideways scrolling where residents need them most (the
screening grid and the action plan), no table scrolls at desktop width, chart labels stay at
12 px or more, and search results read as words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eqportal.a11y.runner import html_pages

ASSESSMENT = "/eqias/customer-service-policy/"  # the full assessment: screening grid and an action plan
REPORT = "/reports/equality-report-2015-16/"  # the annual report with the workforce chart

# Tables (and their scroll boxes) wider than the space they have; the caption must fit too.
WIDE_TABLES_JS = """
const out = [];
for (const table of document.querySelectorAll(arguments[0] || 'article table')) {
  const box = table.closest('.eqp-table-scroll, .md-typeset__scrollwrap') || table.parentElement;
  const caption = table.querySelector('caption');
  const wide = box.scrollWidth > box.clientWidth + 1 || table.getBoundingClientRect().right > window.innerWidth + 1
    || (caption && caption.getBoundingClientRect().right > window.innerWidth + 1);
  if (wide) out.push((caption ? caption.textContent.trim() : table.className) + ': ' + box.scrollWidth + ' in ' + box.clientWidth);
}
if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('page: ' + document.documentElement.scrollWidth);
return out;
"""

TABLE_SEMANTICS_JS = """
const t = document.querySelector(arguments[0]);
return {rows: t.querySelectorAll('tbody tr').length, headers: t.querySelectorAll('th[scope=col]').length,
        rowHeaders: t.querySelectorAll('tbody th[scope=row]').length, caption: !!t.querySelector('caption')};
"""

CHART_TEXT_JS = """
const svg = document.querySelector('svg.eqp-chart'), box = svg.getBoundingClientRect(), out = [];
for (const t of svg.querySelectorAll('text')) {
  const m = t.getScreenCTM(), px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
  const r = t.getBoundingClientRect();
  out.push([t.textContent, Math.round(px * 10) / 10, r.left >= box.left - 0.5 && r.right <= box.right + 0.5]);
}
return out;
"""


@pytest.fixture(scope="module")
def browser(sample_site: Path):
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(sample_site) as base, Browser() as b:
        b.base = base
        yield b


def open_at(browser, url: str, width: int, height: int = 800) -> None:
    browser._viewport(width, height)
    browser.driver.get(browser.base + url)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("width", [375, 320])
def test_screening_grid_and_action_plan_need_no_sideways_scrolling_on_phones(browser, width: int):
    open_at(browser, ASSESSMENT, width)
    # Other tables (version history, sign-off) may scroll inside their own region, as WCAG 1.4.10 allows.
    assert browser.driver.execute_script(WIDE_TABLES_JS, "table.eqp-table--screening, table.eqp-table--actions") == []
    # Still real tables: caption, column headers, a header per row.
    for selector in ("table.eqp-table--screening", "table.eqp-table--actions"):
        shape = browser.driver.execute_script(TABLE_SEMANTICS_JS, selector)
        assert shape["caption"] and shape["headers"] >= 4 and shape["rows"] >= 2 and shape["rowHeaders"] == shape["rows"]
        # ...and the browser still tells screen readers it is one, whatever the CSS display.
        table = browser.driver.find_element("css selector", selector)
        assert table.aria_role == "table"
        assert table.find_element("css selector", "tbody th").aria_role == "rowheader"
        assert table.find_element("css selector", "tbody td").aria_role == "cell"


@pytest.mark.browser
@pytest.mark.build
def test_no_table_on_any_page_scrolls_sideways_at_1280(browser, sample_site: Path):
    wide = {}
    for url, html in html_pages(sample_site).items():
        if "<table" not in html or 'http-equiv="refresh"' in html:
            continue
        open_at(browser, url, 1280, 900)
        found = browser.driver.execute_script(WIDE_TABLES_JS, None)
        if found:
            wide[url] = found
    assert wide == {}


@pytest.mark.browser
@pytest.mark.build
def test_chart_labels_are_at_least_12px_and_inside_the_drawing_at_320(browser):
    open_at(browser, REPORT, 320)
    labels = browser.driver.execute_script(CHART_TEXT_JS)
    assert len(labels) > 10
    assert [(text, px) for text, px, _ in labels if px < 12] == []
    assert [text for text, _, inside in labels if not inside] == []


def search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.build
def test_search_results_read_as_words_and_find_action_plans_and_status(sample_site: Path):
    docs = search_docs(sample_site)
    glance = next(d for d in docs if d["location"] == "eqias/customer-service-policy/#at-a-glance")
    assert "Status Published" in glance["text"] and "StatusPublished" not in glance["text"]
    run_together = [d["location"] for d in docs if re.search(r"(Status|Directorate|Stage|Service)(Published|Full|Screening|Strategic)", d["text"])]
    assert run_together == []
    # An action from the action plan can be found.
    assert any("Write a communications plan and keep it up to date." in d["text"] for d in docs)
    # The result for an assessment page says its status.
    assessments = {f"eqias/{path.stem}/" for path in (Path(__file__).parent.parent / "content" / "eqias").glob("*.md")}
    for d in docs:
        if d["location"] in assessments:
            assert re.search(r"Status: [A-Z][a-z]+", d["text"]), d["location"]


@pytest.mark.build
def test_editors_pages_are_in_their_own_section_and_no_page_links_to_a_local_address(sample_site: Path):
    from bs4 import BeautifulSoup

    home = BeautifulSoup((sample_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = home.select_one("nav.md-nav--primary")
    sections = {}
    for item in nav.select(":scope > ul > li.md-nav__item--nested"):
        title = " ".join(item.select_one("label, a").get_text(" ").split())
        sections[title] = [" ".join(a.get_text(" ").split()) for a in item.select("nav a")]
    editors = next(pages for title, pages in sections.items() if "editors" in title.lower())
    assert {"Publishing an assessment", "Content fields"} <= set(editors)
    about = next(pages for title, pages in sections.items() if title.startswith("About"))
    assert "Publishing an assessment" not in about and "Content fields" not in about
    local = [url for url, html in html_pages(sample_site).items()
             if re.search(r'href="https?://(127\.0\.0\.1|localhost)', html)]
    assert local == []
