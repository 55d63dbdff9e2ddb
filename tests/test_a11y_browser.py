"""The whole checker in headless Chromium: each fixture fault gives exactly its problem line, the
cache skips unchanged pages, and the theme can be used with a keyboard alone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eqportal.a11y import check_site
from eqportal.a11y.runner import run

ROOT = Path(__file__).parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "a11y" / "site"

EXPECTED = [
    '/abbreviation-unknown/: abbr-unknown: "GDS" is not in the glossary and is not explained where it is '
    'first used; write it in full first, then "(GDS)", or add it to the glossary (main#main > '
    'p:nth-of-type(1) > abbr)',
    '/abbreviation/: abbr-unexplained: "PSED" is used before it is explained; write "Public Sector '
    'Equality Duty (PSED)" the first time (main#main > p:nth-of-type(1))',
    '/colour-only/: colour-only: rating "high" is shown by colour alone; write the word (main#main > '
    'p:nth-of-type(1) > span.eqp-rating.eqp-rating--high)',
    '/computed-names/: button-text: button name "icon" does not say what the button does (main#main > '
    'p:nth-of-type(4) > button)',
    '/computed-names/: img-alt-text: image alt text "icon" says nothing about the image; say what it '
    'shows (or alt="" if it is only decoration) (main#main > p:nth-of-type(4) > button > img)',
    '/computed-names/: label-content-name-mismatch: Elements must have their visible text as part of their '
    'accessible name: Text inside the element is not included in the accessible name (a[aria-label="Read more"])',
    '/computed-names/: link-text: link text "Read more" does not make sense on its own (main#main > '
    'p:nth-of-type(1) > a)',
    '/computed-names/: link-text: link text "arrow" does not make sense on its own (main#main > '
    'p:nth-of-type(3) > a)',
    # Named by aria-label, by generated text, and in capitals by text-transform: Chromium's names.
    '/computed-names/: link-text: link text "Read more" does not make sense on its own (main#main > '
    'p:nth-of-type(5) > a)',
    '/computed-names/: link-text: link text "Read more" does not make sense on its own (main#main > '
    'p:nth-of-type(6) > a.then-more)',
    '/computed-names/: link-text: link text "FIND OUT MORE" does not make sense on its own (main#main > '
    'p:nth-of-type(7) > a.shout)',
    '/computed-names/: link-text: link text "Find out more" does not make sense on its own (main#main > '
    'p:nth-of-type(7) > a.shout)',
    '/computed-names/: name-punctuation: link name "→" is only punctuation, which screen readers skip or '
    'read as symbols; say what it does in words (main#main > p:nth-of-type(2) > a)',
    '/contrast/: color-contrast: Elements must meet minimum color contrast ratio thresholds: Element has '
    'insufficient color contrast of 2.32 (foreground color: #aaaaaa, background color: #ffffff, font '
    'size: 12.0pt (16px), font weight: normal). Expected contrast ratio of 4.5:1 (.faint)',
    '/document-link/: document-link: link to a PDF file does not say its format and size; write it as '
    '"annual equality report (PDF, 1.2 MB)" (main#main > p:nth-of-type(1) > a)',
    '/focus/: focus-obscured: when this element gets keyboard focus it is hidden under a fixed or sticky '
    'part of the page (main#main > p:nth-of-type(1) > a.hidden-under-header)',
    '/focus/: focus-visible: nothing about this element changes when it gets keyboard focus, so keyboard '
    'users cannot see where they are; keep the focus outline (main#main > p:nth-of-type(2) > '
    'a.no-outline)',
    '/form/: form-group: 2 radio buttons named "contact" are not grouped in a <fieldset> with a <legend> '
    'asking the question they answer (input#c-email)',
    '/form/: form-label: form field is named only by its placeholder "Postcode", which disappears as soon '
    'as someone types; give it a <label> (main#main > form > p:nth-of-type(1) > input)',
    '/heading-order/: heading-order: <h4> follows <h2>: heading levels skip h3 (main#main > h4)',
    '/image-alt/: img-alt-text: image alt text "search.png" is a file name; say what the image shows (or '
    'alt="" if it is only decoration) (main#main > form > p > input:nth-of-type(2))',
    '/image-alt/: img-alt-text: image alt text "IMG_0042.jpg" is a file name; say what the image shows '
    '(or alt="" if it is only decoration) (main#main > p:nth-of-type(1) > img)',
    '/image-alt/: img-alt-text: image alt text "image" says nothing about the image; say what it shows '
    '(or alt="" if it is only decoration) (main#main > p:nth-of-type(2) > img)',
    '/image-alt/: img-alt-title: image is marked as decoration (alt="") but has a title "Staff by age": '
    'put the description in alt, or drop the title (main#main > p:nth-of-type(3) > img)',
    '/invalid-html/: html-valid: line 13: Element “ul” not allowed as child of element “span” in this '
    'context. (Suppressing further errors from this subtree.)',
    '/link-text/: link-text: link text "click here" does not make sense on its own (main#main > '
    'p:nth-of-type(1) > a)',
    '/markup-faults/: accesskey: accesskey="c" can clash with the keys of screen readers and browsers; '
    'remove it (main#main > p:nth-of-type(3) > a)',
    '/markup-faults/: id-duplicate: id "intro" is used 2 times on the page; labels, skip links and screen '
    'readers find only the first (p#intro)',
    '/markup-faults/: link-new-window: link "clean page of the fixture" opens a new window without saying '
    'so; add "(opens in a new tab)" to its text, or let it open in place (p#intro > a:nth-of-type(1))',
    '/markup-faults/: link-nowhere: link "services" goes nowhere (href="#"); link to a page or section, '
    'or use a <button> (p#intro > a)',
    "/markup-faults/: obsolete-element: <font> is obsolete presentational markup: use the site's styles "
    '(main#main > p:nth-of-type(4) > font)',
    '/reflow-scroll/: reflow-scroll: at a 320 px wide window this box scrolls sideways (500 px of content '
    'in 288 px); only tables and code may scroll, let the rest wrap (main#main > div.scroller)',
    '/reflow/: reflow: at a 320 px wide window this element is 400 px wide and makes the page scroll '
    'sideways (WCAG 1.4.10) (main#main > div.wide)',
    '/small-text/: text-justified: text is justified, which leaves uneven gaps between words that make it '
    'harder to read; align it to the left (main#main > p.justified:nth-of-type(2))',
    '/small-text/: text-small: text is 10 px at a 320 px wide window; make it at least 12 px (main#main > '
    'p.small-print:nth-of-type(1))',
    '/table-caption/: table-caption: data table has no <caption> saying what it shows (main#main > table)',
    '/text-resize/: text-resize: text is cut off when text is resized to 200% (WCAG 1.4.4) (main#main > '
    'div.fixed-box)',
]


@pytest.fixture()
def fixture_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    return site


@pytest.mark.browser
def test_each_fixture_fault_gives_exactly_its_problem_line(fixture_site: Path, tmp_path: Path):
    problems = check_site(fixture_site, progress=False, cache=tmp_path / "cache")
    assert [str(p) for p in problems] == EXPECTED
    assert not [p for p in problems if p.url in ("/", "/clean/")]


@pytest.mark.browser
def test_report_and_cache(fixture_site: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    _, first = run(fixture_site, progress=False, cache=cache)
    pages = len(list(fixture_site.rglob("*.html")))
    assert first["pages_opened_in_browser"] == pages
    report = json.loads((fixture_site / "a11y-report.json").read_text())
    assert report["pages_checked"] == pages and report["problem_count"] == len(EXPECTED) and not report["passed"]
    assert report["tools"]["axe-core"] and report["tools"]["chromium"]
    # The engines that ran are the ones package.json pins (the newest axe-core, not the one axe-selenium-python bundles).
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]
    engines = ("axe-core", "html_codesniffer", "vnu-jar")
    assert {name: report["tools"][name] for name in engines} == {name: pinned[name] for name in engines}

    # Unchanged pages that passed are not opened again; failing pages always are.
    problems, second = run(fixture_site, progress=False, cache=cache)
    failing_pages = {line.split(": ")[0] for line in EXPECTED}
    assert second["pages_opened_in_browser"] == len(failing_pages)
    assert [str(p) for p in problems] == EXPECTED

    # A changed page is checked again, and a new fault on it is found.
    clean = fixture_site / "clean" / "index.html"
    clean.write_text(clean.read_text().replace("<h2>Ratings</h2>", "<h4>Ratings</h4>"))
    problems, third = run(fixture_site, progress=False, cache=cache)
    assert third["pages_opened_in_browser"] == len(failing_pages) + 1
    assert "/clean/: heading-order: <h4> follows <h1>: heading levels skip h2 (main#main > h4)" in map(str, problems)


def test_command_exit_codes(fixture_site: Path, tmp_path: Path):
    """Static-only mode needs no browser: usage errors exit 2, problems exit 1 with one line each."""
    command = [sys.executable, "-c", "import sys; from eqportal.cli import main; sys.exit(main())", "a11y"]
    missing = subprocess.run([*command, str(tmp_path / "nowhere"), "--static-only"], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    result = subprocess.run([*command, str(fixture_site), "--static-only", "--quiet", "--cache", str(tmp_path / "c")],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "/table-caption/: table-caption: data table has no <caption> saying what it shows (main#main > table)" \
        in result.stdout.splitlines()


def assessment_url(site: Path) -> str:
    for page in sorted((site / "eqias").glob("*/index.html")):
        html = page.read_text()
        if 'http-equiv="refresh"' not in html and "eqp-rating" in html:
            return f"/eqias/{page.parent.name}/"
    pytest.fail("the sample site has no assessment page: content/eqias/ should hold at least one published assessment")


FOCUSABLE_JS = """
const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]';
return Array.from(document.querySelectorAll(sel)).filter(el =>
  el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true, opacityProperty: false})
  && !el.closest('[inert], [aria-hidden=true]') && el.getBoundingClientRect().width > 0);
"""

FOCUS_STATE_JS = """
const el = document.activeElement, cs = getComputedStyle(el), r = el.getBoundingClientRect();
const header = document.querySelector('.md-header');
const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
return {
  outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
  shadow: cs.boxShadow !== 'none',
  inHeader: !!el.closest('.md-header'),
  top: r.top, bottom: r.bottom, headerBottom: headerBottom, viewport: window.innerHeight,
  fixed: !!el.closest('.md-header, .md-sidebar, .md-skip, .eqp-skip-link'),
  label: el.outerHTML.slice(0, 120),
};
"""


@pytest.mark.browser
@pytest.mark.build
def test_keyboard_reaches_every_link_and_control_with_visible_focus(sample_site: Path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    url = assessment_url(sample_site)
    with serve(sample_site) as base, Browser() as browser:
        driver = browser.driver
        driver.set_window_size(1280, 900)
        driver.get(base + url)
        focusable = driver.execute_script(FOCUSABLE_JS)
        assert len(focusable) > 10

        reached, unseen, hidden_under_header = set(), [], []
        for _ in range(len(focusable) + 10):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            active = driver.switch_to.active_element
            reached.add(active.id)
            if active.tag_name == "body":  # past the last element, Tab leaves the page: not a stop
                continue
            state = driver.execute_script(FOCUS_STATE_JS)
            if not (state["outline"] or state["shadow"]):
                unseen.append(state["label"])
            # WCAG 2.4.11: never entirely hidden; an element that fits below the header must fit wholly.
            fits = state["bottom"] - state["top"] < state["viewport"] - state["headerBottom"]
            covered = state["bottom"] <= state["headerBottom"] + 1 or (fits and state["top"] < state["headerBottom"] - 1)
            if not state["fixed"] and covered:
                hidden_under_header.append(state["label"])
        missed = [el.get_attribute("outerHTML")[:120] for el in focusable if el.id not in reached]
        assert not missed, f"Tab never reaches: {missed}"
        assert not unseen, f"focus not visible on: {unseen}"
        assert not hidden_under_header, f"focus hidden under the sticky header: {hidden_under_header}"


@pytest.mark.browser
@pytest.mark.build
def test_theme_controls_are_named_buttons_with_expanded_state(sample_site: Path):
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(sample_site) as base, Browser() as browser:
        driver = browser.driver
        driver.set_window_size(400, 800)  # phone width: the menu and search buttons show
        driver.get(base + "/")
        menu = driver.find_element("css selector", ".md-header button.eqp-toggle[data-eqp-for=__drawer]")
        search = driver.find_element("css selector", ".md-header__button button.eqp-toggle[data-eqp-for=__search]")
        assert menu.accessible_name == "Menu" and search.accessible_name == "Search"
        assert menu.get_attribute("aria-expanded") == "false"
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
        assert driver.execute_script("return document.getElementById('__drawer').checked")
        dialog = driver.find_element("css selector", ".md-search[role=dialog]")
        assert dialog.get_attribute("aria-label") == "Search the portal"
        assert driver.find_element("css selector", ".md-search-result__meta").get_attribute("aria-live") == "polite"
        skip = driver.find_element("css selector", "a.eqp-skip-link")
        assert skip.get_attribute("href").endswith("#eqp-main")


STOP_JS = """
const el = document.activeElement, r = el.getBoundingClientRect();
return {label: el.outerHTML.slice(0, 100), left: r.left, right: r.right, width: r.width, inDrawer: !!el.closest('.md-sidebar--primary'),
        panel: el.closest('nav.md-nav[data-md-level="1"]') ? el.closest('nav.md-nav[data-md-level="1"]').getAttribute('aria-labelledby') : null};
"""


def _tab_stops(driver, count: int) -> list[dict]:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    stops = []
    for _ in range(count):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        stops.append(driver.execute_script(STOP_JS))
    return stops


@pytest.mark.browser
@pytest.mark.build
def test_at_phone_width_tab_stops_only_where_the_reader_can_see(sample_site: Path):
    """Material moves its closed drawer, closed section panels and closed search form aside, out of the
    window, but left their links in the Tab order: focus went where nobody could see it (WCAG 2.4.7)."""
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(sample_site) as base, Browser() as browser:
        driver = browser.driver
        driver.set_window_size(320, 800)
        driver.get(base + "/")
        width = driver.execute_script("return innerWidth")

        def out_of_window(stops):
            return [s["label"] for s in stops if s["width"] == 0 or s["right"] <= 0 or s["left"] >= width]

        closed = _tab_stops(driver, 12)
        assert not out_of_window(closed) and not [s for s in closed if s["inDrawer"]], closed
        assert not driver.find_elements("css selector", ".md-search__input:focus")

        driver.find_element("css selector", ".md-header button.eqp-toggle[data-eqp-for=__drawer]").click()
        time.sleep(0.6)  # the drawer slides in (a 0.25 s transition)
        opened = _tab_stops(driver, 14)
        assert [s for s in opened if s["inDrawer"]] and not out_of_window(opened), opened
        assert not [s for s in opened if s["panel"]], "Tab went into a section panel that is closed"

        # A section with an index page (About): its icon-only opener beside the page's link.
        section = driver.find_element("css selector", ".md-sidebar--primary .md-nav__container button.eqp-toggle[aria-controls]")
        panel = section.get_attribute("aria-controls")
        label = driver.execute_script("return document.getElementById(arguments[0]).getAttribute('aria-labelledby')", panel)
        assert section.accessible_name.endswith(" section")
        section.click()
        time.sleep(0.6)  # the panel slides in
        inside = [s for s in _tab_stops(driver, 10) if s["inDrawer"]]
        assert inside and all(s["panel"] == label for s in inside), inside  # the list under the panel is out of reach
        assert not out_of_window(inside), inside


ACTIVE_JS = """
const el = document.activeElement, r = el.getBoundingClientRect();
return {label: el.outerHTML.slice(0, 100), inDrawer: !!el.closest('.md-sidebar--primary'), body: el === document.body,
        inView: r.width > 0 && r.bottom > 0 && r.top < innerHeight, menu: el.matches('button.eqp-toggle[data-eqp-for=__drawer]')};
"""


@pytest.mark.browser
@pytest.mark.build
def test_at_phone_width_the_open_menu_keeps_focus_and_leaving_search_shows_where_focus_went(sample_site: Path):
    """Found by IBM Equal Access and keyboard walks: with the drawer open, focus stayed on the covered Menu
    button and Tab went on to links under the drawer (WCAG 2.4.11); Tab out of the search, whose page
    cannot scroll while it is open, left focus on a link below the window."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    def press(driver, key, times=1):
        for _ in range(times):
            ActionChains(driver).send_keys(key).perform()
        return driver.execute_script(ACTIVE_JS)

    with serve(sample_site) as base, Browser() as browser:
        driver = browser.driver
        browser._viewport(320, 640)
        driver.get(base + "/eqias/")
        menu = driver.find_element("css selector", ".md-header button.eqp-toggle[data-eqp-for=__drawer]")
        menu.send_keys(Keys.ENTER)
        time.sleep(0.6)  # the drawer slides in
        assert driver.execute_script(ACTIVE_JS)["inDrawer"]
        stops = [press(driver, Keys.TAB) for _ in range(30)]
        assert [s for s in stops if s["inDrawer"]] and all(s["inDrawer"] or s["body"] for s in stops), stops
        assert press(driver, Keys.ESCAPE)["menu"]
        menu.send_keys(Keys.ENTER)
        time.sleep(0.6)
        driver.execute_script("document.querySelector('label.md-overlay').click()")  # a tap beside the drawer
        assert driver.execute_script(ACTIVE_JS)["menu"]

        driver.get(base + "/")
        driver.find_element("css selector", ".md-header button.eqp-toggle[data-eqp-for=__search]").click()
        time.sleep(0.5)
        driver.find_element("css selector", "input.md-search__input").send_keys("care")
        time.sleep(1.5)  # the index loads and the results show
        press(driver, Keys.ARROW_DOWN)
        press(driver, Keys.TAB)
        time.sleep(0.5)  # Material closes the search and unlocks scrolling
        after = driver.execute_script(ACTIVE_JS)
        assert not driver.execute_script("return document.getElementById('__search').checked")
        assert after["body"] or after["inView"], after


@pytest.mark.browser
@pytest.mark.build
def test_a_toggle_is_a_button_only_where_it_shows_or_hides_something(sample_site: Path):
    """At the desktop width Material shows the sections' lists and the table of contents whatever their
    checkbox says: their buttons said "collapsed" beside an open list and did nothing (WCAG 4.1.2)."""
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    toggles_js = """return Array.from(document.querySelectorAll('.md-sidebar button.eqp-toggle')).filter(b => b.checkVisibility())
        .map(b => (b.getAttribute('aria-label') || b.textContent.trim()) + ': ' + b.getAttribute('aria-expanded'))"""
    with serve(sample_site) as base, Browser() as browser:
        driver = browser.driver
        browser._viewport(1280, 900)
        driver.get(base + "/publishing/")
        time.sleep(0.3)
        assert driver.execute_script(toggles_js) == []
        sections = driver.execute_script("return Array.from(document.querySelectorAll('.md-sidebar--primary label[data-eqp-plain]')).map(l => l.textContent.trim())")
        assert "For editors" in " ".join(sections)
        browser._viewport(320, 640)
        time.sleep(0.3)
        buttons = driver.find_elements("css selector", ".md-sidebar--primary button.eqp-toggle")
        assert any("For editors" in b.get_attribute("textContent") for b in buttons)
        assert not driver.find_elements("css selector", "label[data-eqp-plain]")
        # a Markdown table: one tab stop, and it is the box that scrolls (Material's own wrapper inside is plain)
        stops = driver.execute_script("""return Array.from(document.querySelectorAll('table')).map(t => {
            const stops = [];
            for (let e = t.parentElement; e && e !== document.body; e = e.parentElement)
              if (e.hasAttribute('tabindex') && e.tabIndex >= 0) stops.push(e.scrollWidth > e.clientWidth + 1 ? 'scrolls' : 'still');
            return stops.join(' ')})""")
        assert stops and set(stops) <= {"scrolls", "still"}, stops
        assert "scrolls" in stops


STICKY_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sticky header</title>
<style>body {{ margin: 0 1rem; font-family: sans-serif; color: #1a1a1a; background: #fff; }} a {{ color: #1d4ed8; }}
header {{ position: sticky; top: 0; height: 150px; margin-bottom: -150px; background: #fff; border-bottom: 1px solid #1a1a1a; }}
.wrap {{ overflow-x: auto; }} th {{ position: sticky; top: 0; background: #fff; }}</style></head>
<body><a href="#main">Skip to main content</a><header>Site header</header><main id="main">
<p><a href="/" class="under">Home, under the sticky header</a></p><div style="height: 200px"></div><h1>Sticky header</h1>
<div class="wrap"><table><caption>Rows</caption><tr><th scope="col">Row</th></tr>{rows}</table></div></main></body></html>"""


@pytest.mark.browser
def test_focus_hidden_under_a_sticky_header_is_found_on_a_page_of_many_links(tmp_path: Path, monkeypatch):
    """The sticky header covers one link; the table's sticky heading, in a scrolling box of its own,
    covers none; and all 1,200 links (more than one script call takes) are tried, to the last, each
    call going on from where the one before stopped."""
    from eqportal.a11y import content_browser, settings
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    rows = "".join(f'<tr><td><a href="/row-{i}/">Row {i}</a></td></tr>' for i in range(1199))
    rows += '<tr><td><a href="/row-1199/" class="last" style="outline: none">Row 1199</a></td></tr>'
    (tmp_path / "index.html").write_text(STICKY_PAGE.format(rows=rows), encoding="utf-8")
    monkeypatch.setattr(content_browser, "FOCUS_SECONDS", 0.05)  # a few dozen links a call
    starts = []
    with Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        browser.driver.get(base + "/")
        run_script = browser.driver.execute_script

        def counted(script, *args):
            if script == content_browser.FOCUS_JS:
                starts.append(args[0])
            return run_script(script, *args)

        monkeypatch.setattr(browser.driver, "execute_script", counted)
        found = content_browser.focus(browser.driver, "/")
        monkeypatch.setattr(browser.driver, "execute_script", run_script)
        assert browser.driver.execute_script("return window.scrollY") == 0  # left where it started
    last = "main#main > div.wrap:nth-of-type(2) > table > tbody > tr:nth-of-type(1201) > td > a.last"
    assert [(p.rule, p.selector) for p in found] == [("focus-obscured", "main#main > p > a.under"), ("focus-visible", last)]
    assert len(starts) > 2 and starts[0] == 0 and starts == sorted(set(starts))


@pytest.mark.browser
def test_names_come_from_the_browser_whatever_role_the_page_gives(tmp_path: Path):
    """Names are read from Chromium's accessibility tree in one go; one with a role of its own is asked
    for by itself, and is judged the same."""
    from eqportal.a11y import content_browser, settings
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    links = ('<p><a href="/a/"><span style="display:none">Annual report 2016</span>Read more</a></p>'
             '<p><a href="/b/" role="menuitem">Click here</a></p><p><a href="/c/" aria-label="Annual report 2017">Read more</a></p>'
             '<p><button type="button" aria-label="»"></button></p>')
    (tmp_path / "index.html").write_text(STICKY_PAGE.format(rows="").replace('<p><a href="/" class="under">Home, under the sticky header</a></p>', links),
                                         encoding="utf-8")
    with Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        browser.driver.get(base + "/")
        found = content_browser.names(browser.driver, "/")
        assert not browser.driver.execute_script("return document.querySelectorAll('[data-eqp-named]').length")
    assert [(p.rule, p.message.split(" does")[0].split(" is")[0]) for p in found] == [
        ("link-text", 'link text "Read more"'), ("link-text", 'link text "Click here"'), ("name-punctuation", 'button name "»"')]


@pytest.mark.browser
def test_axe_reports_a_fault_by_its_selector_without_a_copy_of_the_markup(tmp_path: Path):
    """axe is asked for no copy of each element's markup (for the rules about <html> and <body>, the
    whole document, on every rule of a batch): a fault is still reported, by its selector."""
    import json as json_
    from eqportal.a11y import batch, browser as browser_module, settings
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>Faint</title></head><body><main><h1>Faint</h1>'
        '<p class="faint" style="color: #bbb">Hard to read</p></main></body></html>', encoding="utf-8")
    with Browser() as browser, serve(tmp_path) as base:
        browser._open(base + "/")
        browser.driver.execute_script(browser_module.MARK_CONTRAST_JS, [])
        results = browser.driver.execute_async_script(browser_module.RUN_AXE_JS, settings.axe_options(),
                                                      json_.dumps(batch.CROSS_PAGE_RULES))
        problems = browser._axe("/")
    [contrast] = [rule for rule in results["violations"] if rule["id"] == "color-contrast"]
    assert [(node["target"], node["html"]) for node in contrast["nodes"]] == [(["p"], None)]
    assert [(p.rule, p.selector) for p in problems] == [("color-contrast", "p")]
