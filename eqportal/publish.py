"""Build the portal into a fresh folder, check it, and only then put it in place of site/.

A failed build or failed check leaves the last good ``site/`` untouched: MkDocs writes into
``.site-build`` beside it, and the swap is two renames.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from eqportal.a11y import check_site
from eqportal.buildcache import cache_folder
from eqportal.context import build_context
from eqportal.frontend import HANDOVER, Build, template_dirs
from eqportal.portal import Portal
from eqportal.progress import StageLog


BUILD_STAGES = ("content check", "MkDocs build", "page checks", "publish")


@dataclass
class BuildResult:
    pages: int = 0
    checked: int | None = None  # None: the page checks were skipped (--no-check)
    problems: list = field(default_factory=list)
    seconds: float = 0.0


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def run_mkdocs(config_file: Path, site_dir: Path, portal: Portal) -> None:
    """MkDocs in-process, strict, over the portal already loaded: raises ``mkdocs.exceptions.Abort`` on any warning.

    The loaded portal and its context reach the hook through ``extra.eqportal_build``, so the
    content is read once and nothing passes through environment variables.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' own switch for a notice it prints
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    project = Path(config.config_file_path).parent
    context = build_context(portal, site_url=config.site_url, docs_dir=Path(config.docs_dir), build_cache=cache_folder(portal.root),
                            template_dirs=template_dirs(project, config.extra, config.theme.custom_dir))
    config.extra[HANDOVER] = Build(portal, context)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def swap_into_place(built: Path, site: Path) -> None:
    old = site.with_name(".site-previous")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    built.rename(site)
    if old.exists():
        shutil.rmtree(old)


def publish(config_file: Path, portal: Portal, site: Path, *, check: bool = True, stages: StageLog | None = None) -> BuildResult:
    start = time.perf_counter()
    stages = stages or StageLog(BUILD_STAGES, io.StringIO())
    shown = site
    site = site.resolve()
    staging = site.with_name(".site-build")
    if staging.exists():
        shutil.rmtree(staging)
    result = BuildResult()
    try:
        with stages.stage("MkDocs build") as stage:
            run_mkdocs(config_file, staging, portal)
            result.pages = count_pages(staging)
            stage["summary"] = f"{result.pages} pages"
        if check:
            with stages.stage("page checks") as stage:
                result.problems = list(check_site(staging))
                result.checked = result.pages
                stage["summary"] = f"{result.pages} pages, {len(result.problems)} problem(s)"
        else:
            stages.say("page checks", "skipped (--no-check)")
        if not result.problems:
            with stages.stage("publish", announce=False) as stage:
                swap_into_place(staging, site)
                stage["summary"] = f"{shown} replaced"
        else:
            stages.say("publish", f"skipped: {shown} is unchanged")
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    result.seconds = time.perf_counter() - start
    return result
