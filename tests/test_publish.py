"""Nothing is published until every page passes: the sample site passes, a failing page keeps the old site."""

from __future__ import annotations

import json
import re
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
    # The statement published quotes this very check (not the build before's, nor "not yet checked").
    statement = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert quoted(statement) == ("2026-11-23", report["pages_checked"])
    assert report["pages_checked"] == len(list(site.rglob("*.html")))
    assert f"Chromium {report['tools']['chromium']})" in statement and f"axe-core {report['tools']['axe-core']} " in statement
    # The first publish has no site before it to keep as the next build's spare: it made one while it was
    # checked, its own folders, empty; the next build is assembled in it.
    spare = tmp_path / ".site-spare"
    folders = lambda root: sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())  # noqa: E731
    assert folders(spare) == folders(site) and all(p.is_dir() for p in spare.rglob("*"))
    made = spare.stat().st_ino
    again = build(ROOT / "content", site, tmp_path, "--today", "2026-11-23", "--no-check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert site.stat().st_ino == made and (site / "eqias/customer-service-policy/easy-read/index.html").is_file()
    statement = (site / "accessibility" / "index.html").read_text(encoding="utf-8")  # unchecked: it claims no check
    assert quoted(statement) is None and "has not been through our automated accessibility check" in statement


def test_a_page_that_fails_its_checks_keeps_the_previous_site(tmp_path):
    content, site = copy_content(tmp_path), tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    (site / ".eqportal-site").write_text("", encoding="utf-8")  # a site a previous build made
    spare = tmp_path / ".site-spare"  # and the one before it, which the new site is assembled in
    (spare / "eqias" / "gone").mkdir(parents=True)
    (spare / "eqias" / "gone" / "index.html").write_text("a page no longer in the site", encoding="utf-8")
    page = content / "eqias" / "bus-passes.md"
    # A fault of the whole page, which the content check cannot see in the body alone: the page's own link
    # to its easy read has these words too, and goes elsewhere.
    page.write_text(page.read_text(encoding="utf-8") + "\nAlso, [Read the easy read version of this assessment](https://example.org/).\n",
                    encoding="utf-8")
    result = build(content, site, tmp_path, "--today", TODAY.isoformat())
    assert result.returncode == 1
    assert "/eqias/bus-passes/: link-same-text:" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not (tmp_path / ".site-build").exists()
    assert (spare / "eqias" / "bus-passes" / "index.html").is_file() and not (spare / "eqias" / "gone").exists()  # checked there
    assert quoted((spare / "accessibility" / "index.html").read_text(encoding="utf-8")) is None  # nor was it quoted there


QUOTED = re.compile(r'This version was checked on <time datetime="([-0-9]+)">[^<]+</time>: (\d+) pages were checked '
                    r"and no problems were found\.")


def quoted(statement: str) -> tuple[str, int] | None:
    """The day and the number of pages of the check the accessibility statement quotes, if any."""
    found = QUOTED.findall(statement)
    assert len(found) <= 1
    return (found[0][0], int(found[0][1])) if found else None


def test_the_statement_quotes_the_check_of_its_own_site_as_pages_are_added_and_days_pass(tmp_path):
    content, site = copy_content(tmp_path), tmp_path / "site"
    statement = site / "accessibility" / "index.html"
    first = build(content, site, tmp_path, "--today", "2025-01-15")
    assert first.returncode == 0, first.stdout + first.stderr
    pages = len(list(site.rglob("*.html")))
    assert quoted(statement.read_text(encoding="utf-8")) == ("2025-01-15", pages)  # the first build, not the second
    assert "the accessibility statement quotes this check" in first.stdout and "checked again" not in first.stdout

    # A new objective brings two pages: the next day's build quotes its own check of all of them.
    objective = (content / "objectives" / "fair-access.md").read_text(encoding="utf-8")
    (content / "objectives" / "fair-pay.md").write_text(
        objective.replace("id: fair-access", "id: fair-pay").replace("title: Fair access to services", "title: Fair pay"),
        encoding="utf-8")
    second = build(content, site, tmp_path, "--today", "2025-01-16")
    assert second.returncode == 0, second.stdout + second.stderr
    assert quoted(statement.read_text(encoding="utf-8")) == ("2025-01-16", pages + 2)
    assert "checked again" not in second.stdout  # checked once, with every other page, as it was published

    # Nothing changed: no page needs opening, and the check still reports the browser the pages passed in,
    # as the statement expected, so it is the same statement.
    kept = statement.read_bytes()
    third = build(content, site, tmp_path, "--today", "2025-01-16")
    assert third.returncode == 0, third.stdout + third.stderr
    assert statement.read_bytes() == kept and "checked again" not in third.stdout

    # A check that reports other tools than the statement expected (here: a browser it did not last run)
    # is quoted as it reported them, and the statement's page alone is checked again before publishing.
    browser = tmp_path / ".cache" / "a11y" / "browser.json"
    versions = json.loads(browser.read_text(encoding="utf-8"))
    browser.write_text(json.dumps({**versions, "chromium": "1.0"}), encoding="utf-8")
    fourth = build(content, site, tmp_path, "--today", "2025-01-16")
    assert fourth.returncode == 0, fourth.stdout + fourth.stderr
    assert "its page checked again (1 page opened" in fourth.stdout
    assert statement.read_bytes() == kept and "Chromium 1.0" not in kept.decode("utf-8")
