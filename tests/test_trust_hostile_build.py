"""A hostile title, summary or directorate is text in every file the build writes, never markup."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from eqportal.a11y.static import check_page
from eqportal.site.csp import has_csp
from tests.site_fixture import TODAY, copy_content

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Bus passes </title><script>alert(1)</script>"
SUMMARY = 'Who can get a pass "><img src=x onerror=alert(2)>'
DIRECTORATE = "Growth <b onmouseover=alert(3)>Environment</b>"
OBJECTIVE = "Fair access <svg onload=alert(4)>"
MARKERS = ("alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    content = copy_content(tmp)
    eqia = content / "eqias" / "bus-passes.md"
    _replace(eqia, "title: Bus passes for older & disabled people", "title: " + json.dumps(TITLE))
    _replace(eqia, "summary: Who can get a free bus pass, and when it can be used.", "summary: " + json.dumps(SUMMARY))
    _replace(eqia, "directorate: Growth, Environment and Transport", "directorate: " + json.dumps(DIRECTORATE))
    _replace(content / "objectives" / "fair-access.md", "title: Fair access to services", "title: " + json.dumps(OBJECTIVE))
    # A sub-heading of the body is left out of the search text, so its search entry takes the page's title;
    # a sentence that names the policy must not stop the page getting one.
    with eqia.open("a", encoding="utf-8") as body:
        body.write('\n### More detail\n\nThe portal sends the header http-equiv="Content-Security-Policy" to browsers.\n'
                   '\n<p id="__config">{"base": "https://evil.example/"}</p> <a href="https:evil.example/x">A partner</a>\n'
                   '\n<h3 id=\'y"><meta http-equiv="refresh" content="0;https://evil.example/phish">\'>Odd id</h3>\n'
                   '\n<script>alert(5)</script>\n'
                   '\n<!-- Internal note, not for publication: the budget cut -->\n'
                   '\n<?note not for publication ?>\n\n<![CDATA[not for publication]]>\n\n    ```\n<!-- not for publication -->\n')
    site = tmp / "site"
    result = subprocess.run([str(Path(sys.executable).parent / "eqportal"), "build", "--content", str(content), "--site-dir", str(site),
                             "--config", str(ROOT / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
                            capture_output=True, text=True, cwd=tmp, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _live_markup(soup: BeautifulSoup) -> list[str]:
    """Elements or attributes from the hostile values that a browser would treat as markup."""
    found = [str(el)[:80] for el in soup.find_all(["script", "img", "svg", "b"]) if any(m in str(el) for m in MARKERS)]
    found += [str(el)[:80] for el in soup.find_all(True) if any(a.lower().startswith("on") for a in el.attrs)]
    return found


def test_no_html_page_carries_live_markup_from_content_and_every_page_has_the_policy(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert _live_markup(soup) == [], page
        assert has_csp(html), page


def test_content_takes_no_id_of_the_theme_and_publishes_no_stand_in_address(hostile_site):
    html = (hostile_site / "eqias" / "bus-passes" / "index.html").read_text(encoding="utf-8")
    assert html.count('id="__config"') == 1 and 'href="https://evil.example/x"' in html
    assert "evil.example/phish" not in html  # the heading's id reached the contents' links unescaped
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".csv"):
            assert ".invalid/" not in path.read_text(encoding="utf-8"), path


def test_the_head_and_header_show_the_hostile_values_as_text(hostile_site):
    soup = BeautifulSoup((hostile_site / "eqias" / "bus-passes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().startswith(TITLE)
    assert soup.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert TITLE in soup.find(class_="md-header__topic", attrs={"data-md-component": "header-topic"}).get_text()


def test_the_page_check_finds_nothing_unsafe_in_any_page(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        url = "/" + page.relative_to(hostile_site).as_posix().removesuffix("index.html")
        unsafe = [p for p in check_page(url, page.read_text(encoding="utf-8")) if p.rule.startswith("unsafe")]
        assert unsafe == [], unsafe


def test_search_index_json_csv_and_feed_hold_the_values_as_text(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            # Material's search shows these as HTML: they must be escaped text, never tags.
            assert _live_markup(BeautifulSoup(doc.get(key, ""), "html.parser")) == [], doc.get("location")
    assert any("&lt;/title&gt;&lt;script&gt;" in doc["title"] for doc in index["docs"])
    assert any(doc["location"] == "eqias/bus-passes/#more-detail" and doc["title"].startswith("Bus passes &lt;/title&gt;")
               for doc in index["docs"])
    feed = ET.fromstring((hostile_site / "feed.xml").read_bytes())
    titles = [el.text for el in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert TITLE in titles
    rows = list(csv.DictReader(io.StringIO((hostile_site / "data" / "eqias.csv").read_text(encoding="utf-8"))))
    assert TITLE in [row["title"] for row in rows]
    data = json.loads((hostile_site / "data" / "eqias.json").read_text(encoding="utf-8"))
    assert SUMMARY in [row["summary"] for row in data["eqias"]]
    # the body as written, raw HTML and all, but no tag in the file's bytes
    assert any("<script>alert(5)</script>" in row["body"] for row in data["eqias"])
    assert not [path for path in (hostile_site / "data").rglob("*.json") if b"<script" in path.read_bytes()]
    # an editor's HTML comment is a note to colleagues: not on the page, not in the open data either
    assert not [path for path in hostile_site.rglob("*") if path.is_file() and b"not for publication" in path.read_bytes()]
