"""Pages of one template checked together in one document: a batch only ever passes pages, so the
report is the same, problem for problem, as when every page is opened on its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eqportal.a11y import batch, settings
from eqportal.a11y.runner import PageInfo, _batched, html_files, read_html, run

TOC = ('<nav class="md-nav md-nav--secondary" aria-label="Table of contents"><div class="md-nav__title">Table of contents</div>'
       '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{}</ul></nav>')


def page(title: str, content: str, headings: tuple[str, ...] = ()) -> str:
    toc = TOC.format("".join(f'<li class="md-nav__item"><a href="#{h}" class="md-nav__link">{h}</a></li>' for h in headings))
    return (f"<html><head><title>{title}</title></head><body><header>Portal</header><main>"
            f'<div class="md-sidebar md-sidebar--secondary">{toc if headings else ""}</div>'
            f'<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">'
            f'<h1>{title}</h1>{content}</article></div></main><footer>Contact us</footer></body></html>')


def test_a_batch_is_the_first_page_with_every_articles_content_and_table_of_contents():
    pages = [page("Bus passes", "<p>One</p>", ("aims",)), page("Libraries", "<p>Two</p>", ("context",)),
             page("Parks", "<p>Three</p>")]
    document = batch.compose(pages)
    assert document.count('<article class="md-content__inner') == 3
    assert document.index("<p>One</p>") < document.index("<p>Two</p>") < document.index("<p>Three</p>")
    assert document.count("<header>") == 1 and document.count("<footer>") == 1 and "<title>Bus passes</title>" in document
    # One table of contents component (Material's), with the second page's list marked as its own.
    assert document.count('data-md-component="toc"') == 1 and document.count("md-nav--secondary") == 1
    assert '<ul data-eqp-batch-toc="1" class="md-nav__list"><li class="md-nav__item"><a href="#context"' in document
    assert "data-eqp-batch-toc=\"2\"" not in document  # the third page has no headings, so no list
    # Laid out once, when whole: rendering waits for a mark at the very end of the body.
    assert document.count(batch.RENDER_WHOLE) == 1 and document.index(batch.RENDER_WHOLE) < document.index("</head>")
    assert document.endswith(batch.END_MARK + "</body></html>")


def test_an_entry_of_a_table_of_contents_already_in_the_batch_is_not_added_again():
    """Entries alike but for the anchor they point to look, read and lay out alike: one copy is checked.
    An entry whose text or sub-entries differ, and a list of any other shape, are kept whole."""
    nested = ('<li class="md-nav__item"><a href="#{0}" class="md-nav__link">Impact</a><nav class="md-nav" aria-label="Impact">'
              '<ul class="md-nav__list"><li class="md-nav__item"><a href="#{0}-age" class="md-nav__link">{1}</a></li></ul></nav></li>')

    def with_toc(title: str, entries: str) -> str:
        return page(title, "<p>Text</p>", ("x",)).replace(
            '<li class="md-nav__item"><a href="#x" class="md-nav__link">x</a></li>', entries)

    first = with_toc("Bus passes", '<li class="md-nav__item"><a href="#aims" class="md-nav__link">Aims</a></li>' + nested.format("impact", "Age"))
    same = with_toc("Libraries", '<li class="md-nav__item"><a href="#aims-2" class="md-nav__link">Aims</a></li>' + nested.format("impact-2", "Age"))
    other = with_toc("Parks", '<li class="md-nav__item"><a href="#aims" class="md-nav__link">Aims</a></li>' + nested.format("impact", "Disability")
                     + '<li class="md-nav__item"><a href="#trees" class="md-nav__link">Trees</a></li>')
    odd = with_toc("Roads", 'Loose text<li class="md-nav__item"><a href="#aims" class="md-nav__link">Aims</a></li>')
    document = batch.compose([first, same, other, odd])
    assert 'data-eqp-batch-toc="1"' not in document  # every entry of the second page is in the batch already
    added = document.split('data-eqp-batch-toc="2"', 1)[1].split('data-eqp-batch-toc="3"', 1)[0]
    assert "Disability" in added and "Trees" in added and ">Aims<" not in added
    assert 'data-eqp-batch-toc="3"' in document and "Loose text" in document  # a list of another shape: whole


@pytest.mark.browser
def test_what_opens_a_batch_in_one_layout_is_gone_before_anything_is_checked(tmp_path: Path):
    """The render-blocking link and the mark it waits for are the checker's, not any page's: the checks never see them,
    and a page's own element of that id (already a reason to check its pages one by one) is left alone."""
    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    pages = [page("Bus passes", "<p>One</p>", ("aims",)), page("Libraries", "<p>Two</p>", ("context",))]
    own = page("Parks", f'<p id="{batch.END_ID}">Three</p>', ("trees",))
    documents = {"/a/": batch.compose(pages).encode(), "/b/": batch.compose([*pages, own]).encode()}
    with serve(tmp_path, documents) as base, Browser() as browser:
        for address, count, alone in (("/a/", 2, True), ("/b/", 3, False)):
            browser.driver.get(base + address)
            assert browser.driver.execute_script(batch.PREPARE_JS, count) is alone
            left = browser.driver.execute_script(
                "return [document.querySelectorAll('link[rel=expect]').length,"
                " Array.from(document.querySelectorAll('[id$=\"batch-end\"]')).map(el => el.localName + ':' + el.textContent)]")
            assert left == [0, [] if alone else ["p:Three"]]


def test_a_page_that_loads_anything_from_its_content_is_never_batched():
    assert batch.batchable(page("Bus passes", "<p>One</p><table><tr><td>1</td></tr></table>"))
    for loads in ('<img src="chart.png" alt="Chart">', '<svg><use href="icons.svg#bus"></use></svg>',
                  '<p style="background: url(dots.png)">Dots</p>', '<picture><source srcset="a.webp"></picture>'):
        assert not batch.batchable(page("Bus passes", loads)), loads
    assert not batch.batchable("<html><body><main><h1>No article</h1></main></body></html>")


def _infos(folder: Path, pages: dict[str, str]) -> dict[str, PageInfo]:
    infos = {}
    for url, html in pages.items():
        path = folder / url.strip("/") / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(html, encoding="utf-8")
        infos[url] = PageInfo(url, path, "key", url, False, "template")
    return infos


def test_the_first_page_of_a_batch_has_a_table_of_contents_when_any_has(tmp_path: Path):
    without, with_toc = page("Parks", "<p>Three</p>"), page("Libraries", "<p>Two</p>", ("context",))
    with pytest.raises(ValueError):
        batch.compose([without, with_toc])
    infos = _infos(tmp_path, {"/parks/": without, "/libraries/": with_toc, "/roads/": without,
                              "/museums/": page("Museums", '<img src="hall.jpg" alt="The hall">')})
    batches = _batched({url: settings.CONTENT_REGION for url in infos}, infos)
    assert [[url for url, _ in pages] for pages in batches] == [["/libraries/", "/parks/", "/roads/"]]


# Faults only a browser finds, each put into one page's article. The pair "points elsewhere" /
# "is pointed at" would pass if a batch let one page's label name another page's element.
FAULTS = {
    "faint": '<p style="color: #b4b4b4">Faint words that are hard to read.</p>',
    "wide": '<div style="width: 900px">This box is too wide for a phone held upright.</div>',
    "clipped": '<div style="height: 1.3em; overflow: hidden; line-height: 1.2">Opening times are nine to five.</div>',
    "no focus ring": '<p><a href="../" style="outline: none !important; box-shadow: none !important; color: inherit '
                     '!important; background: none !important; text-decoration: none !important">Our plans for 2026</a></p>',
    "points elsewhere": '<div role="img" aria-labelledby="eqp-test-chart-name"></div>',
    "is pointed at": '<p id="eqp-test-chart-name">Staff by age, 2024</p>',
    "chrome id": '<p id="__drawer">An id the theme already uses.</p>',
    "chrome landmark": '<nav aria-label="Header"><a href="../">Home page of the portal</a></nav>',
    "prefixed id": '<p id="eqp-batch1-note">Not a fault, but an id written like those a batch gives.</p>',
}


def _add(site: Path, url: str, fault: str) -> None:
    path = site / url.strip("/") / "index.html"
    html = read_html(path)
    end = html.rindex("</article>")
    path.write_text(html[:end] + FAULTS[fault] + html[end:], encoding="utf-8")


@pytest.mark.browser
@pytest.mark.build
def test_batches_report_exactly_what_single_pages_report(sample_site: Path, tmp_path: Path, monkeypatch):
    """Each fault alone in its batch (one fault would send the whole batch back to single pages and
    hide a fault beside it from this test), in the batch's first page or a later one."""
    from eqportal.a11y.cache import assets_digest
    from eqportal.a11y.runner import _info, _pages_to_open

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    monkeypatch.setattr(settings, "BATCH_PAGES", 3)
    _, clean = run(site, progress=False, cache=tmp_path / "clean", workers=2)
    assert clean["passed"] and clean["batches_passed"] >= 9 and clean["batches_checked_again"] == 0

    infos = {url: _info(url, path, assets_digest(site)) for url, path in html_files(site).items()}
    groups = [[url for url, _ in pages] for pages in _batched(_pages_to_open(infos, list(infos), set()), infos)]
    _add(site, groups[0][0], "points elsewhere")  # the first page of a batch names an element of a later one
    _add(site, groups[0][1], "is pointed at")
    _add(site, groups[1][1], "points elsewhere")  # a later page names an element of the first
    _add(site, groups[1][0], "is pointed at")
    faults = {"faint": 1, "wide": 1, "clipped": 0, "no focus ring": 1, "chrome id": 1, "chrome landmark": 1}
    faulty = {groups[0][0], groups[1][1]}
    for group, (fault, at) in zip(groups[2:], faults.items(), strict=False):
        _add(site, group[at], fault)
        faulty.add(group[at])
    _add(site, groups[2 + len(faults)][1], "prefixed id")  # a batch of clean pages, sent back to single pages

    batched, report = run(site, progress=False, cache=tmp_path / "batched", workers=2)
    monkeypatch.setattr(settings, "BATCH_PAGES", 1)
    alone, single = run(site, progress=False, cache=tmp_path / "single", workers=2)

    assert [str(p) for p in batched] == [str(p) for p in alone]
    assert {p.url for p in alone} == faulty, alone
    assert report["batches_checked_again"] == len(faulty) + 1 and report["batches_passed"] == len(groups) - len(faulty) - 1
    assert single["batches_passed"] == single["batches_checked_again"] == 0


def test_a_batch_holds_at_most_so_many_pages_and_so_much_content(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(settings, "BATCH_PAGES", 3)
    monkeypatch.setattr(settings, "BATCH_BYTES", 1200)  # each page adds about 70 characters of article and heading
    sizes = {"/a/": 300, "/b/": 300, "/c/": 300, "/d/": 300, "/e/": 900, "/f/": 500, "/g/": 400}
    infos = _infos(tmp_path, {url: page(url.strip("/"), "x" * size) for url, size in sizes.items()})
    batches = _batched({url: settings.CONTENT_REGION for url in infos}, infos)
    # Three pages make a batch; /e/ would take /d/'s past the limit and /f/ /e/'s, so both are opened alone.
    assert [[url for url, _ in pages] for pages in batches] == [["/a/", "/b/", "/c/"], ["/f/", "/g/"]]


def test_the_largest_batches_are_opened_first(tmp_path: Path, monkeypatch):
    """Two browsers share the batches: a long one left to the end would keep one busy while the other waits."""
    monkeypatch.setattr(settings, "BATCH_PAGES", 2)
    sizes = {"/a/": 100, "/b/": 100, "/c/": 900, "/d/": 900, "/e/": 400, "/f/": 400}
    infos = _infos(tmp_path, {url: page(url.strip("/"), "x" * size) for url, size in sizes.items()})
    batches = _batched({url: settings.CONTENT_REGION for url in infos}, infos)
    assert [[url for url, _ in pages] for pages in batches] == [["/c/", "/d/"], ["/e/", "/f/"], ["/a/", "/b/"]]
