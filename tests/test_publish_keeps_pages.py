"""A published address is never lost by publishing: the build refuses a site without a page the last published site had.

The manifest of published ids guards the content (tests/test_manifest.py); this guards what is published, whatever let a
content file and its line in the manifest go together (a removal committed straight to the default branch, a clone with no
history to compare the manifest with).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eqportal.publish import LOST_PAGE, lost_pages
from tests.site_fixture import TODAY, copy_content

ROOT = Path(__file__).resolve().parent.parent
EQPORTAL = str(Path(sys.executable).parent / "eqportal")


def page(site: Path, path: str) -> None:
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("<p>page</p>", encoding="utf-8")


def test_each_page_of_a_published_id_missing_from_the_new_site_is_named(tmp_path):
    old, new = tmp_path / "site", tmp_path / "new"
    for path in ("eqias/bus-passes", "eqias/bus-passes/easy-read", "eqias/old-name", "objectives/accessible-ict",
                 "reports/report-2015-16", "eqias/reviews", "eqias/directorates/finance", "eqias/years/2016", "decisions"):
        page(old, path)
    (old / "eqias/characteristics").mkdir()  # a folder that is no page
    for path in ("eqias/bus-passes", "eqias/bus-passes/easy-read", "eqias/old-name", "eqias/reviews"):
        page(new, path)
    lost = lost_pages(old, new, Path("site"))
    assert [(p.url, p.rule) for p in lost] == [("/objectives/accessible-ict/", LOST_PAGE), ("/reports/report-2015-16/", LOST_PAGE)]
    assert ("the site published in site has this page, and this build has not; a published address keeps its page: restore "
            "content/objectives/accessible-ict.md") in lost[0].message
    assert "list 'accessible-ict' under aliases in the renamed file" in lost[0].message


def test_a_first_publish_or_an_unchanged_site_loses_nothing(tmp_path):
    page(tmp_path / "new", "eqias/bus-passes")
    assert lost_pages(tmp_path / "site", tmp_path / "new") == []
    assert lost_pages(tmp_path / "new", tmp_path / "new") == []


@pytest.mark.build
def test_a_build_without_a_published_page_keeps_the_published_site(tmp_path):
    content, site = copy_content(tmp_path), tmp_path / "site"

    def build() -> subprocess.CompletedProcess:
        return subprocess.run([EQPORTAL, "build", "--content", str(content), "--site-dir", str(site), "--config",
                               str(ROOT / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
                              capture_output=True, text=True, cwd=tmp_path, timeout=600)

    first = build()
    assert first.returncode == 0, first.stdout + first.stderr
    (content / "eqias" / "old-grants.md").unlink()  # no manifest lists it, and no git to compare with: check passes
    again = build()
    assert again.returncode == 1, again.stdout + again.stderr
    lines = [line for line in again.stdout.splitlines() if line.startswith("/")]
    assert len(lines) == 1 and lines[0].startswith(f"/eqias/old-grants/: {LOST_PAGE}: the site published in {site} has this page")
    assert "page checks: skipped: 1 page(s) of the published site would be lost" in again.stdout
    assert "Traceback" not in again.stdout + again.stderr
    assert (site / "eqias" / "old-grants" / "index.html").is_file()  # the published site is as it was
