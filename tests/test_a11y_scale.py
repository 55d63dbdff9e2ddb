"""Page checks at a county's scale: shares for CI runners and their merge, templates, contrast per style.

The speed itself is measured by scripts/bench_build.py, never here; these tests hold what a user
would notice: every page is checked by exactly one share, the merged report is the report of the
whole site, and checking what pages share only once hides no fault.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eqportal.a11y.report import MergeError, merge_reports, parse_shard
from eqportal.a11y.runner import in_shard, run, template_key

FIXTURE_SITE = Path(__file__).parent / "fixtures" / "a11y" / "site"
COMMAND = [sys.executable, "-c", "import sys; from eqportal.cli import main; sys.exit(main())", "a11y"]
URLS = [f"/eqias/assessment-{i:05d}/" for i in range(500)] + ["/", "/eqias/", "/decisions/"]


def test_the_shares_hold_every_page_exactly_once_and_never_move_it():
    for n in (1, 2, 3, 8):
        owners = {url: [k for k in range(1, n + 1) if in_shard(url, (k, n))] for url in URLS}
        assert all(len(shares) == 1 for shares in owners.values())
        # A page's share does not depend on which other pages the site holds.
        assert owners == {url: [k for k in range(1, n + 1) if in_shard(url, (k, n))] for url in reversed(URLS)}
    sizes = [sum(in_shard(url, (k, 4)) for url in URLS) for k in range(1, 5)]
    assert min(sizes) > len(URLS) / 8  # roughly even: no runner gets almost nothing


@pytest.mark.parametrize("text", ["0/4", "5/4", "2", "a/b", "2/0"])
def test_a_share_must_be_k_of_n(text):
    with pytest.raises(ValueError):
        parse_shard(text)


def part(k: int, n: int, problems: list[dict], pages: int = 10) -> dict:
    return {"shard": f"{k}/{n}", "passed": not problems, "pages_checked": pages, "pages_opened_in_browser": pages,
            "pages_opened_whole": 1, "pages_unchanged_since_last_pass": 0, "redirect_pages": 0, "problem_count": len(problems),
            "problems": problems, "duration_seconds": 10.0 * k, "browser_checks": True, "date": f"2026-11-30T10:0{k}:00+00:00",
            "tools": {"checker": "4", "axe-core": "4.10.2"}, "templates": 2}


def test_merged_report_is_the_whole_sites():
    a = {"url": "/b/", "rule": "link-text", "message": "vague", "selector": "a", "wcag": "2.4.4"}
    b = {"url": "/a/", "rule": "reflow", "message": "wide", "selector": "div", "wcag": "1.4.10"}
    merged = merge_reports([part(2, 2, [a]), part(1, 2, [b])])
    assert merged["problems"] == [b, a] and merged["problem_count"] == 2 and merged["passed"] is False
    assert merged["pages_checked"] == 20 and merged["shard"] is None and merged["shards"] == 2
    assert merged["duration_seconds"] == 20.0 and merged["pages_per_second"] == 1.0  # the runners ran side by side
    assert merge_reports([part(1, 2, []), part(2, 2, [])])["passed"] is True


@pytest.mark.parametrize(("parts", "message"), [
    ([part(1, 3, []), part(2, 3, [])], "share(s) 3/3 missing"),
    ([part(1, 2, []), part(1, 2, [])], "also in"),
    ([part(1, 2, []), part(2, 3, []), part(3, 3, [])], "split the pages differently"),
    ([part(1, 1, []) | {"shard": None}], "not the report of one share"),
    ([part(1, 2, []), part(2, 2, []) | {"tools": {"checker": "3", "axe-core": "4.10.2"}}], "different checker"),
])
def test_merge_refuses_parts_that_do_not_make_one_run(parts, message):
    with pytest.raises(MergeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        merge_reports(parts)


def page(title: str, content: str, nav: str = '<nav class="md-nav">Assessments</nav>', depth: str = "../") -> str:
    slug = title.lower().replace(" ", "-")
    return (f'<html><head><title>{title} - Portal</title><link rel="canonical" href="https://example.org/{slug}/">'
            f'<meta name="description" content="About {title}"><link href="{depth}assets/site.css"></head><body>'
            f'<a href="#{slug}" class="md-skip">Skip</a><header>Portal <span class="md-header__topic">{title}</span></header>'
            f'{nav}<main class="md-main"><article class="md-content__inner md-typeset"><h1 id="{slug}">{title}</h1>{content}'
            "</article></main><footer>Contact us</footer></body></html>")


def test_pages_share_a_template_when_only_their_content_and_title_differ():
    first = template_key(page("Bus passes", "<p>One</p>"))
    assert first is not None
    assert template_key(page("Library hours", "<p>Two</p><table></table>")) == first
    assert template_key(page("Bus passes", "<p>One</p>", nav='<nav class="md-nav">Reports</nav>')) != first
    assert template_key(page("Bus passes", "<p>One</p>", depth="../../")) != first
    viewport = page("Library hours", "<p>Two</p>").replace("<head>", '<head><meta name="viewport" content="user-scalable=no">')
    assert template_key(viewport) != first  # what the browser does with the page is never taken out
    assert template_key("<html><body><p>No content region</p></body></html>") is None


def test_a_table_of_contents_is_the_pages_own():
    toc = '<nav class="md-nav md-nav--secondary" aria-label="On this page"><ul><li>{}<nav class="md-nav"><ul>{}</ul></nav></li></ul></nav>'
    one = page("Bus passes", "<p>One</p>", nav='<nav class="md-nav">Assessments</nav>' + toc.format("Context", "Age"))
    two = page("Library hours", "<p>Two</p>", nav='<nav class="md-nav">Assessments</nav>' + toc.format("Aims", "Sex, race"))
    assert template_key(one) == template_key(two)
    assert template_key(one) != template_key(page("Bus passes", "<p>One</p>", nav=toc.format("Context", "Age")))
    quoted = page("People's day services", "<p>Three</p>").replace("People's day services - Portal", "People&#39;s day services - Portal")
    assert template_key(quoted.replace('topic">People\'s', 'topic">People&#x27;s')) == template_key(page("Bus passes", "<p>One</p>"))


def test_the_sample_assessments_share_one_template_and_their_easy_read_another(sample_site: Path):
    """Real assessments differ in headings, description and address: the checks still open only one of
    each kind whole (the rest are checked in their own content)."""
    from eqportal.a11y.runner import html_files, read_html

    pages = html_files(sample_site)
    assessments = [u for u in pages if re.fullmatch(r"/eqias/[^/]+/", u) and f"{u}easy-read/" in pages
                   and "md-nav--secondary" in read_html(pages[u])]  # one without headings has no table of contents
    kinds = {"assessment": assessments, "easy read": [f"{u}easy-read/" for u in assessments]}
    for kind, urls in kinds.items():
        keys = {template_key(read_html(pages[u])) for u in urls}
        assert len(urls) >= 5 and len(keys) == 1, (kind, len(keys))


def test_shares_merged_report_the_same_problems_as_one_run(tmp_path: Path):
    """Static checks only (no browser): two shares and a merge print what one whole run prints."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)  # each run writes its report into the site it checks
    whole = subprocess.run([*COMMAND, str(site), "--static-only", "--quiet", "--cache", str(tmp_path / "c0"),
                            "--report", str(tmp_path / "whole.json")], capture_output=True, text=True)
    parts = []
    for k in (1, 2):
        result = subprocess.run([*COMMAND, str(site), "--static-only", "--quiet", "--shard", f"{k}/2",
                                 "--cache", str(tmp_path / f"c{k}"), "--report", str(tmp_path / f"part-{k}.json")],
                                capture_output=True, text=True)
        assert result.returncode in (0, 1), result.stderr
        parts.append(tmp_path / f"part-{k}.json")
    merged = subprocess.run([*COMMAND, "--merge", *map(str, parts), "--report", str(tmp_path / "merged.json")],
                            capture_output=True, text=True)
    assert whole.returncode == merged.returncode == 1, merged.stderr
    assert merged.stdout == whole.stdout and whole.stdout.count("\n") >= 3
    assert json.loads((tmp_path / "merged.json").read_text())["pages_checked"] == json.loads(
        (tmp_path / "whole.json").read_text())["pages_checked"]
    missing = subprocess.run([*COMMAND, "--merge", str(parts[0])], capture_output=True, text=True)
    assert missing.returncode == 2 and "share(s) 2/2 missing" in missing.stderr


FAINT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'"><title>{title}</title>
<style>body {{ font-family: sans-serif; color: #1a1a1a; background: #fff; }} .faint {{ color: #aaaaaa; }}
.box {{ height: 40px; overflow: hidden; }}</style></head>
<body><a href="#main">Skip to main content</a><main id="main"><h1>{title}</h1>{body}</main></body></html>"""


@pytest.mark.browser
def test_a_style_measured_once_still_fails_on_every_page_and_element(tmp_path: Path):
    """Contrast is measured once per text style and a template's surroundings once, but a fault is
    reported wherever it is, as checking every element of every page would report it."""
    site = tmp_path / "site"
    pages = {
        "index.html": "<p>Readable text.</p><p>More readable text.</p>",
        "one/index.html": '<p>Readable text.</p><p class="faint">Too faint.</p><p class="faint">Also too faint.</p>',
        "two/index.html": '<p>Readable text, again.</p><p class="faint">Faint here too.</p>',
        "three/index.html": '<p>Readable.</p><div class="box" style="font-size: 1rem; line-height: 1.5">Open 9am to 5pm.</div>',
    }
    for path, body in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(FAINT.format(title=f"Page {path.split('/')[0]}", body=body), encoding="utf-8")
    problems, report = run(site, progress=False, cache=tmp_path / "cache", workers=1)
    found = sorted((p.url, p.rule) for p in problems)
    assert found == [("/one/", "color-contrast"), ("/one/", "color-contrast"), ("/three/", "text-resize"),
                     ("/two/", "color-contrast")], problems
    assert not [p for p in problems if "eqp" in p.selector and p.rule != "text-resize"]  # no trace of the checker's marks
    # All four pages share one template: one was checked whole, the others' own content only.
    assert report["templates"] == 1 and report["pages_opened_whole"] == 1 and report["pages_opened_in_browser"] == 4


@pytest.mark.browser
def test_text_a_sticky_box_has_moved_over_other_content_is_measured_again(tmp_path: Path):
    """Text in a sticky box is measured once per style while the box sits where the flow puts it (Material's
    sidebars, as a page opens), but not once the box has moved: here over a dark block, where the same
    style that passed on the first page fails."""
    site = tmp_path / "site"
    dark = '<div style="background: #222; height: 600px"></div>'
    pages = {
        "one/index.html": '<div style="position: sticky; top: 0"><p>Where the flow puts it.</p></div>' + dark,
        "two/index.html": '<div style="position: sticky; top: 300px"><p>Moved down over the dark block.</p></div>' + dark,
    }
    for path, body in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(FAINT.format(title=f"Page {path.split('/')[0]}", body=body), encoding="utf-8")
    problems, report = run(site, progress=False, cache=tmp_path / "cache", workers=1)
    assert sorted((p.url, p.rule) for p in problems) == [("/two/", "color-contrast")], problems
    assert "#222222" in problems[0].message


@pytest.mark.browser
def test_asking_where_a_sticky_box_belongs_leaves_it_as_it_was_even_where_inline_styles_are_refused(tmp_path: Path):
    """The checker sets a sticky box's offsets aside for a moment; on a page whose policy refuses inline styles it
    must still put them back, or the box would stop sticking for every check after contrast."""
    from eqportal.a11y import browser as chromium
    from eqportal.a11y import settings
    from eqportal.a11y.runner import serve

    (tmp_path / "site.css").write_text(".moved { position: sticky; top: 300px; } .plain { position: sticky; top: 0; } .dark { background: #222; height: 900px; }",
                                       encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict</title>'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><link rel="stylesheet" href="/site.css">'
        '</head><body><main><h1>Strict</h1><div class="moved" style="color: #1a1a1a"><p>Moved down.</p></div>'
        '<div class="plain"><p>Where the flow puts it.</p></div><div class="dark"></div></main></body></html>', encoding="utf-8")
    where = ("return ['.moved', '.plain'].map(s => { const el = document.querySelector(s);"
             " return [Math.round(el.getBoundingClientRect().top), getComputedStyle(el).top, el.getAttribute('style')]; })")
    with chromium.Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        browser.driver.get(f"{base}/")
        before = browser.driver.execute_script(where)
        browser.driver.execute_script(chromium.MARK_CONTRAST_JS, [])
        after = browser.driver.execute_script(where)
        marks = browser.driver.execute_script("return Array.from(document.querySelectorAll('p'), p => p.getAttribute('data-eqp-style'))")
    assert before[0][:2] == [300, "300px"] and after[0][:2] == before[0][:2] and after[1] == before[1]
    assert "inset" not in (after[0][2] or "") and after[1][2] is None
    assert marks[0].startswith("positioned") and marks[1].startswith("style-")  # only the box that moved is always measured


@pytest.mark.browser
def test_a_text_style_that_passed_is_not_measured_again(tmp_path: Path):
    """Contrast once per style: on a second page of the same text styles, no element is measured again."""
    from eqportal.a11y import browser as chromium
    from eqportal.a11y import settings
    from eqportal.a11y.runner import serve

    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(FAINT.format(title=f"Page {name}", body="<p>Readable text.</p><p><b>Bold.</b></p>"),
                                                    encoding="utf-8")
    with chromium.Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        marked = []
        for name in ("one", "two"):
            browser.driver.get(f"{base}/{name}/")
            assert browser._axe(f"/{name}/") == []
            marked.append(browser.driver.execute_script("return document.querySelectorAll('[data-eqp-style^=\"style-\"]').length"))
    assert marked[0] >= 3 and marked[1] == 0 and len(browser.known_styles) == marked[0]


@pytest.mark.browser
def test_html_codesniffer_measures_a_passing_style_once_and_still_reports_every_failure(tmp_path: Path):
    """HTML_CodeSniffer's contrast test, once per text style: the same errors as measuring every element,
    including punctuation (no style recorded) and text under a ::before with a background image."""
    from eqportal.a11y import browser as chromium
    from eqportal.a11y import engines, settings
    from eqportal.a11y.runner import serve

    pictured = ('<style>.pictured::before {{ content: ""; background-image: linear-gradient(#fff, #fff); }}</style>'
                '<div class="pictured"><p>Under a picture.</p></div>')
    bodies = {
        "plain": "<p>Readable text.</p><p><b>Bold.</b></p>",
        "again": "<p>Readable text again.</p><p><b>Bold again.</b></p>" + pictured,
        "faint": '<p>Readable.</p><p class="faint">Too faint.</p><p class="faint">Also too faint.</p>',
        "symbol": '<p>Readable.</p><p class="faint">»</p>',
    }
    for name, body in bodies.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(FAINT.format(title=f"Page {name}", body=body), encoding="utf-8")
    with chromium.Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        known: set[str] = set()
        for name in bodies:
            found = {}
            for memo in (None, known):
                browser.driver.get(f"{base}/{name}/")
                browser._axe(f"/{name}/")  # records each text element's style
                learned_before = set(known)
                found[memo is None] = engines.run_htmlcs(browser.driver, memo)
            assert found[True] == found[False], name
            if name == "plain":
                assert len(known) >= 2  # its styles passed
            if name == "again":
                assert known >= learned_before and not [m for m in found[True] if "G18" in m[0]]
            if name in ("faint", "symbol"):
                assert [m[2] for m in found[True] if "G18" in m[0]] == (
                    ["main#main > p.faint:nth-of-type(2)", "main#main > p.faint:nth-of-type(3)"] if name == "faint"
                    else ["main#main > p.faint:nth-of-type(2)"])
                assert known == learned_before  # nothing is learned from a page with a failing style


@pytest.mark.browser
def test_no_text_style_axe_could_not_decide_is_learned_as_passed(tmp_path: Path):
    """Text over a gradient is one axe cannot measure ("incomplete"): none of its styles may be taken as
    passed, however many there are (axe keeps one incomplete element per rule unless asked for all)."""
    from eqportal.a11y import browser as chromium
    from eqportal.a11y import settings
    from eqportal.a11y.runner import serve

    body = ('<p>Readable text.</p><div style="background-image: linear-gradient(#fff, #ddd)">'
            '<p>Over a gradient.</p><p><b>Bold over it.</b></p><p><small>Small over it.</small></p></div>')
    (tmp_path / "index.html").write_text(FAINT.format(title="Gradient", body=body), encoding="utf-8")
    with chromium.Browser() as browser, serve(tmp_path) as base:
        browser._viewport(*settings.DESKTOP)
        browser.driver.get(f"{base}/")
        assert browser._axe("/") == []
        over = browser.driver.execute_script(
            "return Array.from(document.querySelectorAll('div [data-eqp-style]')).map(el => el.getAttribute('data-eqp-style'))")
        plain = browser.driver.execute_script("return document.querySelector('main > p').getAttribute('data-eqp-style')")
    assert len(set(over)) == 3 and plain in browser.known_styles
    assert not browser.known_styles & set(over)


@pytest.mark.browser
def test_an_element_named_like_the_checkers_own_cannot_stop_the_text_checks(tmp_path: Path):
    """The reader's bigger text and wider spacing are applied by a style sheet the checker holds itself: an element
    of the page with the id the checker once looked it up by, or the name it keeps it under, changes nothing."""
    site = tmp_path / "site"
    site.mkdir()
    body = ('<div id="__eqp-test-style">Odd name.</div><p id="__eqpUserStyle">Odder name.</p>'
            '<div class="box" style="font-size: 1rem; line-height: 1.5">Open 9am to 5pm.</div>')
    (site / "index.html").write_text(FAINT.format(title="Named", body=body), encoding="utf-8")
    problems, _ = run(site, progress=False, cache=tmp_path / "cache", workers=1)
    assert [(p.rule, p.selector) for p in problems] == [("text-resize", "main#main > div.box:nth-of-type(2)")], problems


@pytest.mark.browser
def test_bigger_text_and_wider_spacing_are_tried_even_where_the_page_refuses_inline_styles(tmp_path: Path):
    """The reader's style sheet is one the checker builds and the document adopts: a page whose policy refuses
    inline styles (a <style> element would be) still has its text tried at 200% and with wider spacing."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.css").write_text(".box { height: 40px; overflow: hidden; font-size: 1rem; line-height: 1.5; }", encoding="utf-8")
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict</title>'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><link rel="stylesheet" href="/site.css">'
        '</head><body><a href="#main">Skip to main content</a><main id="main"><h1>Strict</h1>'
        '<div class="box">Open 9am to 5pm.</div></main></body></html>', encoding="utf-8")
    problems, _ = run(site, progress=False, cache=tmp_path / "cache", workers=1)
    assert [(p.rule, p.selector) for p in problems] == [("text-resize", "main#main > div.box")], problems


@pytest.mark.browser
def test_reflow_at_320_px_is_measured_without_the_readers_bigger_text(tmp_path: Path):
    """The text checks leave their style sheet in the page, with rules for the desktop width only: at 320 px
    the page is laid out as it is. A word 2.5 times its size would be wider than the window; as it is, it fits."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(FAINT.format(title="Long word", body="<p>Antidisestablishment.</p>"), encoding="utf-8")
    problems, _ = run(site, progress=False, cache=tmp_path / "cache", workers=1)
    assert problems == []


def test_the_step_timer_starts_chromium_with_a_flag_tried_in_place_of_the_checkers_own_of_that_name():
    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    try:
        import check_steps
    finally:
        sys.path.pop(0)
    own = ("--headless=new", "--js-flags=--max-opt=2", "--no-sandbox")
    assert check_steps.with_flags(own, []) == own
    assert check_steps.with_flags(own, ["--js-flags=--max-opt=2 --single-threaded-gc", "--num-raster-threads=1"]) == (
        "--headless=new", "--no-sandbox", "--js-flags=--max-opt=2 --single-threaded-gc", "--num-raster-threads=1")


def test_the_step_timer_sums_the_browsers_time_over_pages_numbered_alike():
    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    try:
        import check_steps
    finally:
        sys.path.pop(0)
    assert check_steps.kind_of_page("/eqias/assessment-01418/easy-read/?eqp-batch=1") == "/eqias/assessment-#/easy-read/"
    assert check_steps.kind_of_page("/reports/equality-report-2015-16/") == "/reports/equality-report-#-#/"
    assert check_steps.kind_of_page("/eqias/characteristics/carers/") == "/eqias/characteristics/carers/"


@pytest.mark.browser
def test_the_step_timer_times_every_browser_step_and_lists_the_slowest(tmp_path: Path, capsys):
    """scripts/check_steps.py wraps the checker's own steps by name: one renamed without it fails here."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    try:
        import check_steps
    finally:
        sys.path.pop(0)
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f'<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
            f'<title>Page {name}</title></head><body><a href="#main">Skip to '
            f'main content</a><main id="main"><h1>Page {name}</h1><p><a href="/">Home page</a></p></main></body></html>',
            encoding="utf-8")
    assert check_steps.main([str(tmp_path), "--workers", "1", "--chromium-flag=--js-flags=--max-opt=2 --single-threaded-gc"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 pages in ") and "0 problem(s)" in out
    for _, _, step in check_steps.STEPS:
        assert re.search(rf"\d s +[\d.]+% +{re.escape(step)}\n", out), (step, out)
    assert re.search(r"page +/one/\n", out) and re.search(r"page +/two/\n", out), out
    # The same time again by kind of page: here two pages, each its own kind.
    kinds = out.split("the browsers' time by kind of page: ", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"\d s +[\d.]+% +1 page  /one/\n", kinds) and re.search(r"\d s +[\d.]+% +1 page  /two/", kinds), out
    # The CPU of every process the run started, by kind: Chromium's pages at least (read from Linux's /proc).
    assert re.search(r"CPU, every process of the run: [\d.]+ s", out), out
    assert re.search(r"\d s +[\d.]+% +Chromium, the pages \(renderer\)\n", out), out
