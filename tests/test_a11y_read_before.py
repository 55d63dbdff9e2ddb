"""A check after one edit reads only the pages that changed; what it finds is what a full read finds.

Before any page is opened, the checker reads every page of the site (for its key, its title and
its template). A county's 4,117 pages took 5 s to read of a check after one edit that opened one
page, so what each file told is remembered, by the file's identity (``cache.ReadBefore``).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from eqportal.a11y import runner
from eqportal.a11y.cache import assets_digest, site_files


def _page(title: str, text: str = "Text.") -> str:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head><body>'
            f'<a href="#main">Skip to main content</a><main id="main"><h1>{title}</h1><p>{text}</p></main></body></html>')


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name in ("one", "two", "three"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(_page(name.title()), encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "style.css").write_text("body { color: #000; }", encoding="utf-8")
    return site


@pytest.fixture()
def reads(monkeypatch) -> Counter:
    """URL -> times the checker read the page to work out its key, title and template."""
    counted: Counter = Counter()
    real = runner._info

    def counting(url, path, assets):
        counted[url] += 1
        return real(url, path, assets)

    monkeypatch.setattr(runner, "_info", counting)
    return counted


def _check(site: Path, cache: Path, **options) -> list:
    """The whole static check run (what a build's check does, less the browsers)."""
    problems, _ = runner.run(site, browser=False, progress=False, cache=cache, **options)
    return problems


def _read(site: Path, cache: Path, **options) -> dict:
    """Only the step that reads the pages before anything is checked (quicker: no worker processes)."""
    return runner.page_infos(site, runner.html_files(site), cache, **options)


def test_a_check_after_one_edit_reads_only_the_edited_page(site: Path, tmp_path: Path, reads: Counter):
    _check(site, tmp_path / "cache")
    assert set(reads) == {"/one/", "/two/", "/three/"}
    reads.clear()
    (site / "two" / "index.html").write_text(_page("Two", "Edited."), encoding="utf-8")
    _check(site, tmp_path / "cache")
    assert reads == Counter({"/two/": 1})


def test_a_file_put_in_a_pages_place_is_read_again_even_with_the_same_size_and_time(site: Path, tmp_path: Path, reads: Counter):
    _read(site, tmp_path / "cache")
    reads.clear()
    page = site / "two" / "index.html"
    stat = page.stat()
    replacement = tmp_path / "replacement.html"
    replacement.write_text(_page("Own"), encoding="utf-8")  # "Own" is as long as "Two"
    assert replacement.stat().st_size == stat.st_size
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(replacement, page)  # another file (inode), same size, same modification time
    assert _read(site, tmp_path / "cache")["/two/"].title == "Own"
    assert reads == Counter({"/two/": 1})


def test_what_a_remembered_page_told_still_counts(site: Path, tmp_path: Path, reads: Counter):
    (site / "three" / "index.html").write_text(_page("One"), encoding="utf-8")  # a title twice
    first = _check(site, tmp_path / "cache")
    assert any(problem.rule == "title-unique" for problem in first)
    reads.clear()
    again = _check(site, tmp_path / "cache")
    assert not reads  # nothing read again: the titles compared are the remembered ones
    assert again == first


def test_a_changed_stylesheet_or_a_fresh_run_reads_every_page(site: Path, tmp_path: Path, reads: Counter):
    before = _read(site, tmp_path / "cache")
    reads.clear()
    (site / "assets" / "style.css").write_text("body { color: #111; }", encoding="utf-8")
    after = _read(site, tmp_path / "cache")
    assert set(reads) == {"/one/", "/two/", "/three/"}
    assert all(after[url].key != before[url].key for url in before)  # a pass under the old styles does not count
    reads.clear()
    _read(site, tmp_path / "cache", fresh=True)
    assert set(reads) == {"/one/", "/two/", "/three/"}


def test_a_damaged_record_of_what_was_read_only_means_reading_again(site: Path, tmp_path: Path, reads: Counter):
    good = _read(site, tmp_path / "cache")
    record = tmp_path / "cache" / "pages-read.json"
    context = record.read_text(encoding="utf-8").split('"pages"')[0]
    for damage in ("{", '{"context": 1, "pages": []}', "[]", context + '"pages": {"/one/": [1, 2], "/two/": "x", "/three/": null}}'):
        record.write_text(damage, encoding="utf-8")
        reads.clear()
        assert _read(site, tmp_path / "cache") == good
        assert set(reads) == {"/one/", "/two/", "/three/"}


def test_the_site_is_listed_in_the_order_path_globbing_gives(tmp_path: Path):
    site = tmp_path / "site"
    for rel in ("a/index.html", "a-b/index.html", "a/b/index.html", "A/index.html", "a.html", ".hidden/index.html",
                "assets/x.min.js", "assets/.js", "assets/y.css", "assets/sub/z.js", "google123.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x", encoding="utf-8")
    (site / "linked").symlink_to(site / "a", target_is_directory=True)  # not followed, as rglob does not
    assert [path for _, path in site_files(site, (".html",))] == sorted(site.rglob("*.html"))
    assert list(runner.html_files(site)) == [runner.page_url(p.relative_to(site)) for p in sorted(site.rglob("*.html"))
                                             if not p.name.startswith(runner.SKIPPED_FILES)]
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, symlinks=True)
    (copy / "assets" / ".js").write_text("a file named .js is no script", encoding="utf-8")
    assert assets_digest(copy) == assets_digest(site)
    (copy / "assets" / "sub" / "z.js").write_text("y", encoding="utf-8")
    assert assets_digest(copy) != assets_digest(site)


@pytest.mark.parametrize("damage", ["[]", '"passed"', "3", "{"])
def test_a_damaged_record_of_passed_pages_only_means_checking_every_page_again(tmp_path: Path, damage: str):
    from eqportal.a11y.cache import PAGES_FILE, PassCache

    (tmp_path / PAGES_FILE).write_text(damage, encoding="utf-8")
    assert not PassCache(tmp_path).is_fresh("/one/", "key")


def test_a_run_that_opens_no_page_names_the_browser_its_passes_were_made_with(tmp_path: Path):
    from eqportal.a11y.cache import remember_browser, remembered_browser

    assert remembered_browser(tmp_path) == {}
    remember_browser(tmp_path, {"chromium": "156.0.8078.114", "axe-core": "4.14.1"})
    assert remembered_browser(tmp_path) == {"chromium": "156.0.8078.114", "axe-core": "4.14.1"}
    assert runner.expected_tools(tmp_path)["chromium"] == "156.0.8078.114"  # what the next run's report will say
    (tmp_path / "browser.json").write_text("[", encoding="utf-8")
    assert remembered_browser(tmp_path) == {}  # damaged: the installed browser is asked instead
