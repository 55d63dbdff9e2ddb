"""What the MkDocs hook needs from the core, kept free of MkDocs imports so it is unit-testable.

Where the content lives (env ``EQPORTAL_CONTENT``, else ``extra.eqportal_content`` in
mkdocs.yml, else ``content/`` beside mkdocs.yml), the Markdown source of a generated page
(front matter with its title and meta), and the last pass over every page's HTML.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Mapping

import yaml

from eqportal.render.tables import accessible_tables
from eqportal.site.html import unwrap_blocks
from eqportal.site.pages import GeneratedPage

CONTENT_ENV = "EQPORTAL_CONTENT"
TODAY_ENV = "EQPORTAL_TODAY"


def content_root(config_dir: Path, extra: Mapping[str, Any]) -> Path:
    chosen = os.environ.get(CONTENT_ENV) or extra.get("eqportal_content") or "content"
    return (Path(config_dir) / chosen).resolve()


def today() -> dt.date | None:
    """``EQPORTAL_TODAY=YYYY-MM-DD`` pins the date reviews are judged against (tests, rebuilding old sites)."""
    value = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(value) if value else None


def page_source(page: GeneratedPage) -> str:
    meta = {"title": page.title, **page.meta}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + page.markdown


def edit_path(source: Path, project_root: Path) -> str:
    """The source file relative to the project, for "edit this page" links."""
    try:
        return Path(source).resolve().relative_to(Path(project_root).resolve()).as_posix()
    except ValueError:
        return Path(source).name


def finish_html(html: str, title: str) -> str:
    """Applied to every page: built HTML put back in place; tables get captions, scoped headers, a scroll region."""
    return accessible_tables(unwrap_blocks(html), title)
