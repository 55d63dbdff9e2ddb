"""The small fixture portal used by the site tests (tests/fixtures/site/content), loaded as of a fixed day."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import markdown

from eqportal.context import BuildContext
from eqportal.loader import load_portal
from eqportal.render.prerendered import page_markdown

CONTENT = Path(__file__).parent / "fixtures" / "site" / "content"
TODAY = dt.date(2025, 1, 15)  # bus-passes' review (2020-03-01) is overdue; libraries-2024's is not


def fixture_portal():
    portal, problems = load_portal(CONTENT, TODAY)
    assert problems == [], problems
    return portal


def fixture_context(**changes) -> BuildContext:
    """The build context of the site tests: the fixed day, no git dates."""
    return BuildContext(today=TODAY, **changes)


SOURCE_LINK = re.compile(r'href="([^"#:]*?)(?:(?<![^/"])index)?\.md(#[^"]*)?"')


def as_shown(html: str) -> str:
    """A generated page's HTML as a front end publishes it: lifted through Markdown with the portal's
    extensions (tables, anchors), and links to sources (``../x/index.md``) turned into addresses (``../x/``)."""
    shown = markdown.markdown(page_markdown(html), extensions=["attr_list", "tables", "toc", "eqportal.render.prerendered", "eqportal.render.tables"])
    return SOURCE_LINK.sub(lambda m: f'href="{_address(m.group(1))}{m.group(2) or ""}"', shown)


def _address(stem: str) -> str:
    if stem == "" or stem.endswith("/"):
        return stem or "./"
    return stem + "/"


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def build_site(tmp_path: Path) -> Path:
    """Build the fixture portal with MkDocs (no page checks) and return the site folder."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    site = tmp_path / "site"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "eqportal"), "build", "--content", str(copy_content(tmp_path)), "--site-dir", str(site),
         "--config", str(root / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
        capture_output=True, text=True, cwd=root, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
