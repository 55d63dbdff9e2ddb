"""Build the portal into a fresh folder, check it, and only then put it in place of site/.

A failed build or failed check leaves the last good ``site/`` untouched: MkDocs writes into
``.site-build`` beside it, and the swap is two renames.

Only a folder this command made is ever replaced: every published site holds a marker file
(:data:`MARKER`), and ``--site-dir content`` (or ``docs``, ``.``, a home folder) is refused
before anything is built, because replacing it would delete what is in it.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from eqportal.a11y import check_site
from eqportal.site.mkdocs_support import CONTENT_ENV


MARKER = ".eqportal-site"
MARKER_TEXT = "This folder was published by `eqportal build`; the next build replaces all of it.\n"


class UnsafeSiteDir(ValueError):
    """The folder asked for is not one a previous build made: replacing it would delete someone's files."""


def site_dir_problem(site: Path, protected: tuple[Path, ...] = ()) -> str | None:
    """Why ``site`` may not be replaced by a build, or None when it may.

    It may be replaced when it does not exist yet, is an empty folder, or holds the marker a
    previous build wrote. It may never be, or contain, one of ``protected`` (the content folder,
    the project with mkdocs.yml and docs/).
    """
    resolved = site.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or folder.is_relative_to(resolved):
            return f"{site} holds {folder}; choose a separate folder for the site (default: site)"
    if not site.exists() and not site.is_symlink():
        return None
    if site.is_symlink() or not site.is_dir():
        return f"{site} exists and is not a folder a build made; choose another --site-dir or remove it"
    if (site / MARKER).is_file() or not any(site.iterdir()):
        return None
    return (f"{site} is not a site made by `eqportal build` (it has no {MARKER} file), so it is not replaced; "
            "choose another --site-dir, or empty or remove that folder yourself")


@dataclass
class BuildResult:
    pages: int = 0
    checked: int | None = None  # None: the page checks were skipped (--no-check)
    problems: list = field(default_factory=list)
    seconds: float = 0.0


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def run_mkdocs(config_file: Path, site_dir: Path, content: Path) -> None:
    """MkDocs in-process, strict: raises ``mkdocs.exceptions.Abort`` on any warning or content problem."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = os.environ.get(CONTENT_ENV)
    os.environ[CONTENT_ENV] = str(content.resolve())
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        if previous is None:
            os.environ.pop(CONTENT_ENV, None)
        else:
            os.environ[CONTENT_ENV] = previous


def swap_into_place(built: Path, site: Path) -> None:
    old = site.with_name(".site-previous")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    built.rename(site)
    if old.exists():
        shutil.rmtree(old)


def publish(config_file: Path, content: Path, site: Path, *, check: bool = True) -> BuildResult:
    """Build, check and swap into ``site``; raises :class:`UnsafeSiteDir` before building if ``site`` is not ours."""
    start = time.perf_counter()
    problem = site_dir_problem(site, (content, config_file.parent / "docs", config_file.parent))
    if problem:
        raise UnsafeSiteDir(problem)
    site = site.resolve()
    staging = site.with_name(".site-build")
    if staging.exists():
        shutil.rmtree(staging)
    result = BuildResult()
    try:
        run_mkdocs(config_file, staging, content)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        result.pages = count_pages(staging)
        if check:
            result.problems = list(check_site(staging))
            result.checked = result.pages
        if not result.problems:
            swap_into_place(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    result.seconds = time.perf_counter() - start
    return result
