"""What every front end (the MkDocs hook, ``eqportal export``) needs from the core, with no MkDocs in it.

A front end gets a :class:`Build` (the loaded portal, its context and the generated pages) either
handed over by ``eqportal build``, which has already loaded and checked the content, or by
loading it itself from the settings in mkdocs.yml (``mkdocs serve``, ``mkdocs build``). Nothing
travels through environment variables.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Collection, Mapping

import yaml

from eqportal.buildcache import Store, code_digest, digest, key
from eqportal.cachedir import cache_folder
from eqportal.context import BuildContext, build_context
from eqportal.joined import Joined, as_bytes
from eqportal.loader import load_portal_once
from eqportal.outputs import OutputCache, tree_digest
from eqportal.paths import relative_inside
from eqportal.portal import Portal
from eqportal.problems import Problem
from eqportal.render.finish import FinishedPage, link_inputs, link_page
from eqportal.render.prerendered import page_markdown
from eqportal.plan import link_problems, plan
from eqportal.site.page_cache import read_back
from eqportal.site.pages import Generated, GeneratedPage
from eqportal.terminal import printable

# The key of mkdocs.yml's `extra` through which `eqportal build` hands its Build to the hook.
HANDOVER = "eqportal_build"
TEMPLATES_FOLDER = "eqportal"  # inside the theme's custom_dir: overrides/eqportal/eqia.html


class ContentProblems(ValueError):
    """Generating the site met problems in the content (an address claimed twice): the build stops on them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = problems


@dataclass
class Build:
    """The loaded portal, its context, and every page and file generated from them (once, here)."""

    portal: Portal
    context: BuildContext
    generated: list[Generated] = field(default_factory=list)
    outputs: OutputCache | None = None  # the last published site's pages, reused where unchanged (``eqportal build``)

    def __post_init__(self) -> None:
        if not self.generated:
            # Publishing reuses the pages it need not render: kept pages come without their HTML, which is
            # read back only for those whose links now lead elsewhere (frontend.site_files).
            self.generated, problems = plan(self.portal, self.context, light=self.outputs is not None)
            if problems:
                raise ContentProblems(problems)


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
    portal, problems = load_portal_once(content, today, cache=cache_folder(content), plan=False)
    if problems:
        return None, problems
    context = build_context(portal, today=today, site_url=site_url, docs_dir=docs_dir, template_dirs=templates,
                            build_cache=cache_folder(content))
    try:
        return Build(portal, context), []
    except ContentProblems as err:
        return None, err.problems


# Front matter values the theme writes into the page as they are (Material's <title>, description,
# header, navigation, search index): MkDocs' Jinja does not autoescape, so they are handed over escaped.
ESCAPED_META = ("title", "description")


def page_source(page: GeneratedPage) -> str:
    """The Markdown file a front end reads (Zensical): front matter (:func:`page_meta`), then the rendered page."""
    if page.light:
        raise ValueError(f"{page.url}: the page came without its HTML; read it back with with_html() first")
    return "---\n" + yaml.safe_dump(page_meta(page), allow_unicode=True, sort_keys=False) + "---\n\n" + page_markdown(page.html)


def page_meta(page: GeneratedPage, extra_meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The page's front matter: its title and meta, title and description HTML-escaped.

    They come from content, and the theme writes ``page.meta`` raw (MkDocs' Jinja does not
    autoescape): escaped here, once, text stays text whatever an editor typed.
    """
    meta = {"title": page.title, **page.meta, **(extra_meta or {})}
    meta.update({key: html.escape(str(meta[key]), quote=True) for key in ESCAPED_META if isinstance(meta.get(key), str)})
    return meta


def edit_path(source: str | os.PathLike[str], project_root: str | os.PathLike[str]) -> str:
    """The source file relative to the project, for "edit this page" links."""
    return _edit_path(os.fspath(source), os.fspath(project_root))


@lru_cache(maxsize=65536)  # an assessment's page and its easy-read page share a source; by text, which hashes at once
def _edit_path(source: str, project_root: str) -> str:
    inside = relative_inside(source, project_root)
    return os.path.basename(source) if inside is None else Path(inside).as_posix()


@dataclass(frozen=True)
class SiteFile:
    """A file a front end adds to its site: content to write, or a file to copy (``abs_src_path``).

    A generated page also carries its finished HTML, contents and search entries (``page``): the
    MkDocs hook shows them as they are instead of passing the page through Markdown again.
    """

    src_uri: str
    content: str | bytes | Joined | None = None  # Joined: written part by part (eqportal.joined)
    abs_src_path: str | None = None
    edit_uri: str | None = None  # the content file behind a page, for "edit this page"
    page: FinishedPage | None = None
    meta: dict[str, Any] | None = None  # a generated page's front matter, handed to the front end as data
    published_as: str = ""  # what its published file is made from: a page's finished HTML and contents, a file's inputs ("" if unknown)
    # Set when ``page`` came from the link memo without its HTML: makes the finished page, for a front end that renders it.
    relink: Callable[[], FinishedPage] | None = None


class FileClash(ValueError):
    """A generated page at a path that docs/ already has: a silent overwrite would lose one of them."""


class BrokenLinks(ValueError):
    """Generated pages link to pages, files or anchors the site does not have."""


# Material's search plugin leaves these pages to the portal, which hands it their entries ready-made.
SEARCH_BY_PORTAL = {"search": {"exclude": True}}


def site_files(build: Build, project: Path, existing: Collection[str], *, memo: Store | None = None) -> list[SiteFile]:
    """Every generated page and file as the MkDocs hook adds it, pages finished.

    ``existing`` holds the paths the front end already has a file at (docs/, the theme). A page
    comes with its front matter as data (``meta``) and an empty source: nothing is left for Markdown.
    Raises :class:`FileClash` or :class:`BrokenLinks`, with every problem found.

    With a ``memo`` (a rebuild that can reuse published pages), a page kept in the build cache
    whose links lead where they led last time is not linked again: finishing a page is a function
    of the page (``kept_as``), its path, and the address of each page (or the presence of each
    file) it links to (:func:`link_inputs`), so under the digest of those the memo keeps what the
    build needs of it (the digest of its finished HTML, its links to anchors, its broken links).
    Its HTML waits for :attr:`SiteFile.relink`.
    """
    generated_files = {item.src_uri for item in build.generated if not isinstance(item, GeneratedPage)}
    pages = {path: url for url, path in build.context.documents.items()}
    pages.update({item.src_uri: item.url for item in build.generated if isinstance(item, GeneratedPage)})
    present = lambda uri: uri in generated_files or uri in existing  # noqa: E731
    out, finished = [], {}
    remembered = {item.src_uri: _link_memo_key(item, pages, present) if memo is not None and item.kept_as else None
                  for item in build.generated if isinstance(item, GeneratedPage)}
    known_links = {uri: memo.get(digest) if memo is not None and digest else None for uri, digest in remembered.items()}
    # Pages that came without their HTML and must be linked now, read back from the build cache together.
    whole = read_back((item for item in build.generated if isinstance(item, GeneratedPage) and item.light
                       and known_links[item.src_uri] is None), build.context.build_cache)
    for item in build.generated:
        if item.src_uri in existing:
            raise FileClash(f"{item.url} is generated, but docs/{item.src_uri} also exists: remove one of them")
        if not isinstance(item, GeneratedPage):
            out.append(SiteFile(item.src_uri, item.content, published_as=item.made_from))
            continue
        link = partial(_link_whole, item, build.context.build_cache, pages, present)
        known = known_links[item.src_uri]
        if known is None:
            done, relink = _link_whole(whole.pop(item.src_uri, item), build.context.build_cache, pages, present), None
            known = (finished_digest(done), done.anchor_links, done.problems)
            if memo is not None and remembered[item.src_uri]:
                memo.put(remembered[item.src_uri], known)
        else:
            prepared = item.prepared
            done, relink = FinishedPage("", prepared.toc, prepared.anchors, known[1], known[2], prepared.search), link
        finished[item.src_uri] = (item, done)
        edit = None if item.source is None else edit_path(item.source, project)
        out.append(SiteFile(item.src_uri, "", edit_uri=edit, page=done, meta=page_meta(item, SEARCH_BY_PORTAL),
                            published_as=known[0], relink=relink))
    if memo is not None:
        memo.save()
    problems = link_problems(finished)
    if problems:
        # One problem a line, each shown printable: a line break in a link would start a line of its own
        # (in CI, a forged ``::error`` workflow command).
        raise BrokenLinks("generated pages link to what the site does not have:\n" + "\n".join(printable(p) for p in sorted(set(problems))))
    return out


def _link_memo_key(item: GeneratedPage, pages: Mapping[str, str], present: Callable[[str], bool]) -> str:
    """What linking a kept page depends on: the page (``kept_as``), its path, and where each of its links leads now.

    An edit that moves no page this one links to (a title, a body, a new assessment) leaves its
    finished HTML as it was, so it is not read back from the build cache to be linked again.
    """
    return key("linked", item.src_uri, item.kept_as or "", json.dumps(link_inputs(item.prepared, pages, present)))


def _link_whole(item: GeneratedPage, build_cache: Path | None, pages: Mapping[str, str], present: Callable[[str], bool]) -> FinishedPage:
    """The page finished, its HTML read back from the build cache first if it came without it."""
    return link_page(item.with_html(build_cache).prepared, item.src_uri, pages, present)


def finished_digest(page: FinishedPage) -> str:
    """The finished HTML and contents of a page, as one digest."""
    return digest(page.html, json.dumps(page.toc, sort_keys=True))


def shared_digest(build: Build, *, config_file: Path, folders: tuple[Path | None, ...], nav: list | None,
                  versions: tuple[str, ...]) -> str:
    """What every page's published HTML depends on besides its own content, for :class:`OutputCache`.

    The config, the hand-written pages, the theme's overrides and hooks (``folders``), the code and
    theme versions, the day, and the titles of generated pages that the navigation shows (on every page).
    """
    pages = [item for item in build.generated if isinstance(item, GeneratedPage)]
    listed = set(_nav_sources(nav)) if nav is not None else None
    titles = [f"{p.src_uri}\0{p.title}" for p in pages if listed is None or p.src_uri in listed]
    return digest(Path(config_file).read_bytes(), tree_digest(*folders), code_digest(), *versions,
                  build.portal.today.isoformat(), *titles)


def _nav_sources(nav: Any) -> list[str]:
    """Every page path named in mkdocs.yml's ``nav``."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_sources(value)]
    if isinstance(nav, list):
        return [path for value in nav for path in _nav_sources(value)]
    return []


def page_key(shared: str, item: SiteFile) -> str:
    """A generated page's published HTML, as a key: its own finished content and what all pages share."""
    assert item.page is not None
    return digest(shared, item.src_uri, json.dumps(item.meta, sort_keys=True, default=str), item.edit_uri or "",
                  item.published_as or finished_digest(item.page))


def file_key(item: SiteFile) -> str:
    """A generated file's published bytes, as a key: what it is made from if known, else its content (MkDocs writes it as it is)."""
    assert item.content is not None
    return digest("file made from", item.published_as) if item.published_as else digest("file", as_bytes(item.content))
