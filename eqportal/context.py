"""What a build knows besides the content: the day, the site's address, git dates, docs/ pages.

Everything here comes from outside ``content/`` (the clock, git, mkdocs.yml, docs/),
so it is gathered once, by :func:`build_context`, and handed to the page builders beside the
portal: builders are pure functions of ``(portal, context)`` and never run git or read files.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from eqportal.history import last_changes
from eqportal.paths import real_path
from eqportal.portal import Portal
from eqportal.registry import url_of_source


@dataclass(frozen=True)
class BuildContext:
    """The facts a build depends on, other than the content itself."""

    today: dt.date
    site_url: str | None = None
    changed: Mapping[str, dt.date] = field(default_factory=dict)  # content file (its real path) -> date of its last commit
    documents: Mapping[str, str] = field(default_factory=dict)  # hand-written pages: address -> path in docs/
    static_files: frozenset[str] = frozenset()  # every other file in docs/ (images, documents), by path
    template_dirs: tuple[Path, ...] = ()  # a council's template overrides, searched before the defaults
    build_cache: Path | None = None  # where work is kept for the next build (.cache/build), or None

    def last_changed(self, source: Path | None) -> dt.date | None:
        if source is None or not self.changed:
            return None  # no history (not a git checkout): nothing to look up
        return self.changed.get(_resolved(os.fspath(source)))


@lru_cache(maxsize=65536)
def _resolved(path: str) -> str:
    # What Path.resolve does, without its cost on a county's 2,000 files; by text, which a record's
    # Path keeps, where a new Path would be parsed again to be looked up.
    return real_path(path)


def hand_written(docs_dir: Path | None) -> dict[str, str]:
    """Every Markdown page in ``docs/``, by the address the front ends give it."""
    if docs_dir is None or not Path(docs_dir).is_dir():
        return {}
    pages = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        pages[url_of_source(relative)] = relative
    return pages


def docs_files(docs_dir: Path | None) -> frozenset[str]:
    """Every file in ``docs/`` that is not a page: what a page's links and images may point at."""
    if docs_dir is None or not Path(docs_dir).is_dir():
        return frozenset()
    return frozenset(p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*") if p.is_file() and p.suffix != ".md")


def build_context(portal: Portal, *, today: dt.date | None = None, site_url: str | None = None,
                  docs_dir: Path | None = None, template_dirs: tuple[Path, ...] = (),
                  build_cache: Path | None = None) -> BuildContext:
    """Gather the outside facts once: git dates of the content, docs/ pages."""
    return BuildContext(
        today=today or portal.today,
        site_url=site_url,
        changed=last_changes(portal.root) if Path(portal.root).is_dir() else {},
        documents=hand_written(docs_dir),
        static_files=docs_files(docs_dir),
        template_dirs=tuple(Path(d) for d in template_dirs if Path(d).is_dir()),
        build_cache=build_cache,
    )
