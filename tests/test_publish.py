"""Nothing is published until every page passes: the sample site passes, a failing page keeps the old site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_fixture import TODAY, copy_content

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
EQPORTAL = str(Path(sys.executable).parent / "eqportal")


def build(content: Path, site: Path, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    # cwd is a temporary folder so the a11y cache (.cache/a11y) starts empty: every page is opened.
    return subprocess.run(
        [EQPORTAL, "build", "--content", str(content), "--site-dir", str(site), "--config", str(ROOT / "mkdocs.yml"), *extra],
        capture_output=True, text=True, cwd=cwd, timeout=900,
    )


def test_sample_site_passes_every_check_and_is_published(tmp_path):
    site = tmp_path / "site"
    result = build(ROOT / "content", site, tmp_path, "--today", "2026-11-23")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked: 0 problems" in result.stdout
    assert (site / "eqias/customer-service-policy/easy-read/index.html").is_file()
    report = json.loads((site / "a11y-report.json").read_text(encoding="utf-8"))
    assert report["passed"] is True and report["problems"] == []
    assert report["pages_checked"] > 50 and "pages_opened_in_browser" not in report  # no run figures in the site
    last = json.loads((tmp_path / ".cache" / "a11y" / "last-report.json").read_text(encoding="utf-8"))
    assert last["date"] == "2026-11-23" and last["passed"] is True  # the statement quotes this published check
    # The first publish has no site before it to keep as the next build's spare: it made one while it was
    # checked, its own folders, empty; the next build is assembled in it.
    spare = tmp_path / ".site-spare"
    folders = lambda root: sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())  # noqa: E731
    assert folders(spare) == folders(site) and all(p.is_dir() for p in spare.rglob("*"))
    made = spare.stat().st_ino
    again = build(ROOT / "content", site, tmp_path, "--today", "2026-11-23", "--no-check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert site.stat().st_ino == made and (site / "eqias/customer-service-policy/easy-read/index.html").is_file()


def test_a_page_that_fails_its_checks_keeps_the_previous_site(tmp_path):
    content, site = copy_content(tmp_path), tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    (site / ".eqportal-site").write_text("", encoding="utf-8")  # a site a previous build made
    spare = tmp_path / ".site-spare"  # and the one before it, which the new site is assembled in
    (spare / "eqias" / "gone").mkdir(parents=True)
    (spare / "eqias" / "gone" / "index.html").write_text("a page no longer in the site", encoding="utf-8")
    page = content / "eqias" / "bus-passes.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTo find out more, [click here](https://example.org/).\n", encoding="utf-8")
    result = build(content, site, tmp_path, "--today", TODAY.isoformat())
    assert result.returncode == 1
    assert "/eqias/bus-passes/: link-text:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not (tmp_path / ".site-build").exists()
    assert (spare / "eqias" / "bus-passes" / "index.html").is_file() and not (spare / "eqias" / "gone").exists()  # checked there
    assert not (tmp_path / ".cache" / "a11y" / "last-report.json").exists()  # a failed check never feeds the statement
