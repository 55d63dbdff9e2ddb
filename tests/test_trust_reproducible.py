"""Same content, same --today: the same bytes. Nothing of the run or the machine is published."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EQPORTAL = str(Path(sys.executable).parent / "eqportal")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_two_builds_of_the_sample_content_with_the_same_today_are_byte_identical(tmp_path):
    sites = []
    for run in ("first", "second"):
        work = tmp_path / run  # separate folders: a different path and an empty cache each time
        work.mkdir()
        shutil.copytree(ROOT / "content", work / "content")
        result = subprocess.run([EQPORTAL, "build", "--content", str(work / "content"), "--site-dir", str(work / "site"),
                                 "--config", str(ROOT / "mkdocs.yml"), "--today", "2026-11-23", "--no-check"],
                                capture_output=True, text=True, cwd=work, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(_files(work / "site"))
    first, second = sites
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []  # sitemap.xml.gz carried the build's clock time in its gzip header
    assert not [name for name, data in first.items() if str(tmp_path).encode() in data]  # no build-machine paths


def test_the_published_check_report_holds_nothing_of_the_run(tmp_path):
    from eqportal.a11y.runner import run

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><html lang="en"><head><title>Home</title></head><body>'
                                      '<a href="#main">Skip to main content</a><main id="main"><h1>Home</h1></main></body></html>', encoding="utf-8")
    _, summary = run(site, browser=False, progress=False, cache=tmp_path / "cache")
    published = json.loads((site / "a11y-report.json").read_text(encoding="utf-8"))
    assert {"date", "duration_seconds", "pages_per_second", "pages_opened_in_browser", "pages_unchanged_since_last_pass", "site"} \
        .isdisjoint(published)
    assert str(tmp_path) not in json.dumps(published)
    assert "duration_seconds" in summary  # the command still tells its user how long it took
