"""What every front end (the MkDocs hook, ``eqportal export``) needs from the core, with no MkDocs in it.

A front end gets a :class:`Build` (the loaded portal, its context and the generated pages) either
handed over by ``eqportal build``, which has already loaded and checked the content, or by
loading it itself from the settings in mkdocs.yml (``mkdocs serve``, ``mkdocs build``). Nothing
travels through environment variables.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

from eqportal.buildcache import cache_folder
from eqportal.context import BuildContext, build_context
from eqportal.loader import load_portal_once
from eqportal.portal import Portal
from eqportal.problems import Problem
from eqportal.render.prerendered import page_markdown
from eqportal.site import generate
from eqportal.site.pages import Generated, GeneratedPage

# The key of mkdocs.yml's `extra` through which `eqportal build` hands its Build to the hook.
HANDOVER = "eqportal_build"
TEMPLATES_FOLDER = "eqportal"  # inside the theme's custom_dir: overrides/eqportal/eqia.html


@dataclass
class Build:
    portal: Portal
    context: BuildContext
    generated: list[Generated] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.generated:
            self.generated = generate(self.portal, self.context)


def content_root(config_dir: Path, extra: Mapping[str, Any]) -> Path:
    """``extra.eqportal_content`` in mkdocs.yml, else ``content/`` beside it."""
    return (Path(config_dir) / (extra.get("eqportal_content") or "content")).resolve()


def template_dirs(config_dir: Path, extra: Mapping[str, Any], custom_dir: str | None) -> tuple[Path, ...]:
    """A council's template overrides: ``extra.eqportal_templates``, else ``<custom_dir>/eqportal/``."""
    chosen = extra.get("eqportal_templates")
    if chosen:
        return (Path(config_dir) / chosen,)
    return (Path(config_dir) / custom_dir / TEMPLATES_FOLDER,) if custom_dir else ()


def load_build(content: Path, *, today: dt.date | None = None, site_url: str | None = None, docs_dir: Path | None = None,
               templates: tuple[Path, ...] = ()) -> tuple[Build | None, list[Problem]]:
    """Load and check the content, gather the context, generate every page; None and the problems if any."""
    portal, problems = load_portal_once(content, today, cache=cache_folder(content))
    if problems:
        return None, problems
    context = build_context(portal, today=today, site_url=site_url, docs_dir=docs_dir, template_dirs=templates,
                            build_cache=cache_folder(content))
    return Build(portal, context), []


# Front matter values the theme writes into the page as they are (Material's <title>, description,
# header, navigation, search index): MkDocs' Jinja does not autoescape, so they are handed over escaped.
ESCAPED_META = ("title", "description")


def page_source(page: GeneratedPage) -> str:
    """The Markdown file a front end reads: front matter (title, meta), then the rendered page.

    The title and description come from content; they are HTML-escaped here, once, because the
    theme writes ``page.meta`` raw. Text stays text whatever an editor typed.
    """
    meta = {"title": page.title, **page.meta}
    meta.update({key: html.escape(str(meta[key]), quote=True) for key in ESCAPED_META if isinstance(meta.get(key), str)})
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + page_markdown(page.html)


def edit_path(source: Path, project_root: Path) -> str:
    """The source file relative to the project, for "edit this page" links."""
    try:
        return Path(source).resolve().relative_to(Path(project_root).resolve()).as_posix()
    except ValueError:
        return Path(source).name


@dataclass(frozen=True)
class SiteFile:
    """A file a front end adds to its site: content to write, or a file to copy (``abs_src_path``)."""

    src_uri: str
    content: str | bytes | None = None
    abs_src_path: str | None = None
    edit_uri: str | None = None  # the content file behind a page, for "edit this page"


class FileClash(ValueError):
    """A generated page at a path that docs/ already has: a silent overwrite would lose one of them."""


def site_files(build: Build, project: Path, exists: Callable[[str], bool]) -> list[SiteFile]:
    """Every generated page and file as a front end adds it; ``exists`` says whether docs/ has the path."""
    out = []
    for item in build.generated:
        if exists(item.src_uri):
            raise FileClash(f"{item.url} is generated, but docs/{item.src_uri} also exists: remove one of them")
        if isinstance(item, GeneratedPage):
            edit = None if item.source is None else edit_path(item.source, project)
            out.append(SiteFile(item.src_uri, page_source(item), edit_uri=edit))
        else:
            out.append(SiteFile(item.src_uri, item.content))
    return out
