"""The second front end: `eqportal export` writes a plain project that Zensical builds into the same site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from eqportal.a11y import check_site
from eqportal.export import url_set
from tests.site_fixture import TODAY, build_site, copy_content

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def export(content: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "eqportal"), "export", str(target), "--content", str(content), "--config", str(ROOT / "mkdocs.yml"),
                           "--today", TODAY.isoformat()], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The fixture portal built twice: by MkDocs (eqportal build) and by Zensical from the export."""
    tmp = tmp_path_factory.mktemp("front-ends")
    project = tmp / "export"
    result = export(copy_content(tmp), project)
    assert result.returncode == 0, result.stdout + result.stderr
    built = subprocess.run([str(BIN / "zensical"), "build"], capture_output=True, text=True, cwd=project, timeout=300)
    assert built.returncode == 0 and "No issues found" in built.stdout + built.stderr, built.stdout + built.stderr
    return build_site(tmp / "mkdocs"), project / "site", project


def test_export_is_a_project_of_its_own(sites):
    _, _, project = sites
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and not any("eqportal" in str(e) for e in config["markdown_extensions"])
    assert (project / "docs" / "eqias" / "bus-passes" / "index.md").is_file() and (project / "docs" / "data" / "eqias.csv").is_file()
    assert (project / "overrides" / "main.html").is_file()


def test_zensical_serves_the_same_urls_as_mkdocs(sites):
    mkdocs_site, zensical_site, _ = sites
    assert url_set(zensical_site) == url_set(mkdocs_site)
    assert "/eqias/bus-passes/easy-read/" in url_set(zensical_site)


def words(page: Path) -> list[str]:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
    return [" ".join(line.split()) for line in article.get_text("\n").splitlines() if line.strip()]


def test_every_page_says_the_same_under_both_front_ends(sites):
    mkdocs_site, zensical_site, _ = sites
    for page in sorted(mkdocs_site.rglob("index.html")):
        twin = zensical_site / page.relative_to(mkdocs_site)
        if "<article" in page.read_text(encoding="utf-8"):
            assert words(twin) == words(page), page.relative_to(mkdocs_site)


def test_links_between_pages_are_rewritten_by_zensical(sites):
    html = (sites[1] / "eqias" / "libraries-2016" / "index.html").read_text(encoding="utf-8")
    assert 'href="../libraries-2024/">Library opening hours 2024</a>' in html and "index.md" not in html


def test_every_zensical_page_carries_a_policy_that_allows_its_own_inline_scripts_and_no_other(sites):
    from eqportal.site.csp import INLINE_SCRIPT, _hash, has_csp, is_executable

    pages = sorted(sites[1].rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub carries its own, stricter policy
        assert has_csp(html), path
        allowed = set(re.search(r"script-src ([^;]*);", html)[1].split())
        scripts = {_hash(body) for attrs, body in INLINE_SCRIPT.findall(html) if "src=" not in attrs and is_executable(attrs) and body.strip()}
        assert scripts <= allowed, (path, scripts - allowed)
        assert "'unsafe-inline'" not in allowed


@pytest.mark.browser
def test_page_checks_pass_on_zensical_output(sites, tmp_path):
    problems = check_site(sites[1], progress=False, cache=tmp_path / "cache")
    assert [str(p) for p in problems] == []


def test_export_refuses_a_folder_it_did_not_write(tmp_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = export(copy_content(tmp_path), target)
    assert result.returncode == 2 and "not made by eqportal export" in result.stderr
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_export_stops_on_bad_content_with_path_and_line(tmp_path):
    content = copy_content(tmp_path)
    bad = content / "eqias" / "bus-passes.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("stage: full", "stage: finished"), encoding="utf-8")
    result = export(content, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bus-passes.md:" in result.stdout and ": stage: " in result.stdout
    assert not (tmp_path / "out").exists()
