"""The fixture portal built for real with MkDocs (slow: marked ``build``): what users and editors see."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.site_fixture import TODAY, copy_content

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
EQPORTAL = [str(Path(sys.executable).parent / "eqportal")]
# URLs from the contract (PORTAL.md, "Site") with the fixture's ids filled in.
CONTRACT_URLS = [
    "/", "/eqias/", "/eqias/bus-passes/", "/eqias/libraries-2016/", "/eqias/old-grants/",
    "/eqias/directorates/growth-environment-and-transport/", "/eqias/characteristics/disability/",
    "/objectives/", "/objectives/fair-access/", "/reports/", "/reports/report-2016-17/",
    "/data/eqias.json", "/data/eqias.csv", "/feed.xml",
    "/eqias/bus-passes/easy-read/", "/objectives/fair-access/easy-read/", "/decisions/", "/data/decisions.csv", "/accessibility/",
    "/data/datapackage.json", "/data/eqias.schema.json", "/data/eqias/bus-passes.json", "/data/screening.csv", "/data/actions.csv",
    "/data/objective-progress.csv", "/open-data/",
]


def build(content: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*EQPORTAL, "build", "--content", str(content), "--site-dir", str(site), "--config", str(ROOT / "mkdocs.yml"),
         "--today", TODAY.isoformat(), "--no-check", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("portal")
    content, site = copy_content(tmp), tmp / "site"
    result = build(content, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result


def page(site: Path, url: str) -> str:
    path = site / url.strip("/")
    return (path / "index.html" if not path.suffix else path).read_text(encoding="utf-8")


def test_build_reports_pages_built(built):
    site, result = built
    assert re.search(r"built \d+ pages", result.stdout)


def test_screening_table_has_caption_and_scoped_headers(built):
    html = page(built[0], "/eqias/bus-passes/")
    table = re.search(r'<table class="eqp-table eqp-table--screening[^"]*">.*?</table>', html, re.S).group(0)
    assert "<caption" in table and 'scope="col"' in table and 'scope="row"' in table


def test_overdue_review_warning_and_superseded_link(built):
    assert "Review overdue" in page(built[0], "/eqias/bus-passes/")
    assert 'href="../libraries-2024/"' in page(built[0], "/eqias/libraries-2016/")


def test_drafts_are_not_published(built):
    assert not (built[0] / "eqias" / "secret-plan").exists()
    assert "secret-plan" not in (built[0] / "data" / "eqias.csv").read_text(encoding="utf-8")


def test_open_data_parses_and_holds_every_published_assessment(built):
    site = built[0]
    rows = list(csv.DictReader((site / "data" / "eqias.csv").open(encoding="utf-8")))
    data = json.loads((site / "data" / "eqias.json").read_text(encoding="utf-8"))
    expected = {"bus-passes", "libraries-2016", "libraries-2024", "old-grants"}
    assert {r["id"] for r in rows} == expected == {r["id"] for r in data["eqias"]}


@pytest.mark.parametrize("url", CONTRACT_URLS)
def test_every_contract_url_exists(built, url):
    path = built[0] / url.strip("/")
    exists = (path / "index.html").is_file() if url.endswith("/") else path.is_file()
    assert exists, url


OFFSITE = [
    re.compile(r"<script[^>]+src=[\"']?(?:https?:)?//", re.I),
    # rel="canonical" names the page's own address (from site_url); browsers never fetch it.
    re.compile(r"<link(?![^>]*rel=[\"']?canonical)[^>]+href=[\"']?(?:https?:)?//", re.I),
    re.compile(r"<(?:img|iframe|source|video|audio|embed)[^>]+src=[\"']?(?:https?:)?//", re.I),
    re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"fetch\(\s*[\"'](?:https?:)?//", re.I),
]


def test_no_page_or_asset_requests_another_host(built):
    found = []
    for path in built[0].rglob("*"):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(built[0])}: {m.group(0)[:80]}" for rx in OFFSITE for m in rx.finditer(text)]
    assert found == []


def test_search_index_holds_titles_and_headings_not_body_prose(built):
    index = json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = json.dumps(index["docs"])
    assert "Bus passes for older" in text and "Who could be affected" in text
    assert "We will count journeys" not in text  # body prose is for reading, not indexing
    locations = {doc["location"] for doc in index["docs"]}
    assert "easy-read/" in locations  # the easy-read index is findable...
    assert not any(loc.endswith("/easy-read/") or "/easy-read/#" in loc for loc in locations)  # ...each version via its standard page


def test_generated_pages_carry_the_print_stylesheet(built):
    html = page(built[0], "/eqias/bus-passes/")
    assert "eqp-components.css" in html
    css = (built[0] / "assets" / "stylesheets" / "eqp-components.css").read_text(encoding="utf-8")
    assert "@media print" in css


def test_bad_content_stops_the_build_with_path_line_and_keeps_the_old_site(tmp_path):
    content, site = copy_content(tmp_path), tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    (site / ".eqportal-site").write_text("", encoding="utf-8")  # a site a previous build made
    bad = content / "eqias" / "bus-passes.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("stage: full", "stage: finished"), encoding="utf-8")
    result = build(content, site)
    assert result.returncode == 1
    assert re.search(r"bus-passes\.md:\d+: stage: ", result.stdout)
    assert "Traceback" not in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    # No half-built site left beside it (.cache/ keeps the build cache: work on unchanged files).
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache") == ["content", "site"]


def config_for(content: Path, tmp_path: Path) -> Path:
    """The project's mkdocs.yml, pointed at another content folder (the one setting a council changes there)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / config["docs_dir"])
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config["extra"]["eqportal_content"] = str(content)
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_mkdocs_build_strict_stops_on_bad_content_without_traceback(tmp_path):
    content = copy_content(tmp_path)
    bad = content / "eqias" / "libraries-2024.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("kind: service", "kind: bogus"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    config = str(config_for(content, tmp_path))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"libraries-2024\.md:\d+: kind: ", output)
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_frictionless_validates_the_built_data_package(built):
    """What a data user runs: `frictionless validate site/data/datapackage.json`."""
    result = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", str(built[0] / "data" / "datapackage.json")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INVALID" not in result.stdout


def test_built_json_is_valid_against_the_schema_published_beside_it(built):
    import jsonschema

    data = built[0] / "data"
    schema = json.loads((data / "eqias.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        json.loads((data / "eqias.json").read_text(encoding="utf-8")))


def _pages(site: Path) -> dict[str, str]:
    """Every built page (not redirect stubs) by its absolute address, from mkdocs.yml's site_url."""
    import yaml

    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
    out = {}
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        folder = path.parent.relative_to(site).as_posix()
        out[site_url + ("" if folder == "." else folder + "/")] = text
    return out


def test_sitemap_lists_every_page_with_absolute_urls(built):
    locs = set(re.findall(r"<loc>([^<]+)</loc>", (built[0] / "sitemap.xml").read_text(encoding="utf-8")))
    pages = _pages(built[0])
    assert len(pages) > 20 and locs == set(pages)


def test_every_page_links_its_canonical_url_and_the_atom_feed(built):
    for url, text in _pages(built[0]).items():
        assert f'<link rel="canonical" href="{url}">' in text, url
        feed = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', text)
        assert feed and feed[1].endswith("feed.xml"), url


def test_open_data_and_feed_use_absolute_urls_from_site_url(built):
    import yaml

    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
    data = json.loads((built[0] / "data" / "eqias.json").read_text(encoding="utf-8"))
    assert data["site_url"] == site_url
    assert all(item["url"].startswith(site_url) and item["json_url"].startswith(site_url) for item in data["eqias"])
    rows = list(csv.DictReader((built[0] / "data" / "decisions.csv").open(encoding="utf-8")))
    assert all(r["register_url"].startswith(site_url + "decisions/#decision-") for r in rows)
    assert f'href="{site_url}eqias/bus-passes/"' in (built[0] / "feed.xml").read_text(encoding="utf-8")


def test_a_built_site_carries_the_marker_that_lets_the_next_build_replace_it(built):
    assert (built[0] / ".eqportal-site").is_file()


def test_build_log_names_each_stage_in_order_when_piped(built):
    _site, result = built
    stages = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("[")]
    assert stages == ["[1/4] content check", "[2/4] MkDocs build", "[2/4] MkDocs build", "[3/4] page checks", "[4/4] publish"]
    assert "[3/4] page checks: skipped (--no-check)" in result.stdout


def test_a_build_without_checks_claims_no_check_in_its_accessibility_statement(built):
    html = page(built[0], "/accessibility/")
    assert "This version of the website has not been through our automated accessibility check." in html
    assert "was checked on" not in html and "pages were checked" not in html


def test_the_form_editor_is_never_in_the_published_site(built):
    site, _result = built
    assert not (site / "admin").exists()
    assert not any("decap" in p.name.lower() for p in site.rglob("*"))


def test_the_not_found_page_says_so_in_its_title_and_offers_ways_on(built):
    html = (built[0] / "404.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Page not found - [^<]+</title>", html)
    assert '<a href="/eqias/">' in html and "<h1>Page not found</h1>" in html


def test_the_about_section_opens_the_about_page_and_no_nav_carries_aria_expanded(built):
    html = page(built[0], "/")
    about = re.search(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*About\s*</span>', html)
    assert about and about[1] == "about/", "the section named About must open the About page, not its first index page"
    assert not re.search(r"<nav\b[^>]*\saria-expanded=", html)
    assert re.search(r'<span class="eqp-visually-hidden">\s*About\s*section</span>', html)


def test_a_broken_link_cannot_write_a_line_of_its_own_into_the_build_log(tmp_path):
    """In CI a line of the log that starts '::error' is a workflow command: a line break in a link made one."""
    content = copy_content(tmp_path)
    objective = content / "objectives" / "fair-access.md"
    objective.write_text(objective.read_text(encoding="utf-8") + '\n<a href="../missing&#10;::error file=x.md,line=1::Forged&#10;y.md">broken</a>\n',
                         encoding="utf-8")
    result = build(content, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "missing" in result.stdout + result.stderr
    assert not [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("::")]
