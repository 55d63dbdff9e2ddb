"""A first visit downloads neither the search index nor the sitemap; starting a search fetches the index, and finds pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.site_fixture import build_site

pytestmark = [pytest.mark.build, pytest.mark.browser]

INDEX_REQUESTS_JS = """
return performance.getEntriesByType('resource').filter(e => e.name.includes('search_index.json')).length;
"""
# Material reads sitemap.xml for every <link rel="alternate">, and every page links the Atom feed so.
SITEMAP_REQUESTS_JS = """
return performance.getEntriesByType('resource').filter(e => e.name.includes('sitemap.xml')).length;
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("search"))


def wait_for(condition, seconds: float = 10.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def test_search_index_waits_until_a_search_starts_and_the_sitemap_is_never_fetched(site):
    from selenium.webdriver.common.by import By

    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(site) as base, Browser() as browser:
        driver = browser.driver
        driver.get(base + "/eqias/bus-passes/")
        time.sleep(1.5)  # long enough for Material to have fetched the index if it were going to
        assert driver.execute_script(INDEX_REQUESTS_JS) == 0
        assert driver.execute_script(SITEMAP_REQUESTS_JS) == 0
        assert driver.execute_script("return document.querySelectorAll('link[rel=alternate]').length") == 1  # the feed

        driver.find_element(By.CSS_SELECTOR, "label[for=__search], .eqp-search-toggle").click()
        query = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        query.send_keys("bus passes")
        assert wait_for(lambda: driver.execute_script(INDEX_REQUESTS_JS)) == 1
        results = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
        assert any("bus-passes" in (item.find_element(By.TAG_NAME, "a").get_attribute("href") or "") for item in results)
        assert driver.execute_script(SITEMAP_REQUESTS_JS) == 0


def first_visit_bytes(page: Path) -> int:
    """Gzipped bytes a first visit to ``page`` transfers: its HTML and every local asset it links."""
    import gzip
    import re

    html = page.read_bytes()
    total = len(gzip.compress(html))
    for ref in set(re.findall(rb'(?:src|href)="([^"#?]+\.(?:css|js|svg|png|ico|woff2?))', html)):
        asset = (page.parent / ref.decode()).resolve()
        assert asset.is_file(), ref
        total += len(gzip.compress(asset.read_bytes()))
    return total


@pytest.mark.parametrize("url", ["eqias/bus-passes/", "eqias/bus-passes/easy-read/", "eqias/", ""])
def test_first_visit_stays_under_100_kb_gzipped(site, url):
    assert first_visit_bytes(site / url / "index.html") <= 100 * 1024
