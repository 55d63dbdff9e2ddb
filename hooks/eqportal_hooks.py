"""MkDocs hooks: the portal's thin MkDocs front end; all logic lives in the ``eqportal`` package.

``eqportal build`` hands over the content it loaded and checked (``extra.eqportal_build``);
``mkdocs serve``/``build`` load it from ``extra.eqportal_content``. In ``mkdocs serve`` only,
content problems become a page listing them and the form editor is at ``/admin/`` (``eqportal.preview``).

Generated pages arrive finished (``eqportal.frontend.site_files``): MkDocs gets their HTML, contents,
anchors and search entries as data, reuses the published file of a page or generated file that did
not change (``eqportal.outputs``, linked into the new site by a forked process while MkDocs renders
the rest), and, at a county's size, puts them through the theme on every core.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from functools import partial
from importlib.metadata import version
from pathlib import Path

import mkdocs.commands.build as mkdocs_build
from jinja2 import ChoiceLoader, DictLoader
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from eqportal.buildcache import Store
from eqportal.frontend import (HANDOVER, BrokenLinks, FileClash, content_root, file_key, load_build, page_key,
                               shared_digest, site_files, template_dirs)
from eqportal.forked import Background, can_fork, forked
from eqportal.joined import Joined
from eqportal.preview import Preview
from eqportal.site.chrome import finish_document
from eqportal.site.csp import add_csp
from eqportal.site.navcache import Memo, nav_key
from eqportal.site.page_cache import KeptPageMissing
from eqportal.site.search_entries import safe_title
from eqportal.site.search_text import space_between_blocks
from eqportal.site.templating import compiled_templates
from eqportal.terminal import printable

_build: list = []
_finished: dict = {}  # src_uri -> the SiteFile of each generated page (finished HTML, contents, meta)
_placing: list = []  # the reused files being linked into the new site (eqportal.forked.Background)
_reused: set = set()  # src_uri of generated pages MkDocs need not write: reused (eqportal.outputs) or written by a worker
REUSED = "eqportal-reused.html"  # an empty template: the page's file comes from the last published site
_preview = Preview()
_nav_memo = Memo()
_nav: list = []
_mkdocs_build_page: list = []  # MkDocs' own _build_page while _passing_over_written stands in for it
PARALLEL_FROM = 64  # generated pages to render; below this a second process costs more than it saves


def on_startup(command, dirty):
    _preview.start(command)


def on_config(config):
    """Runs before MkDocs cleans site/: bad content stops the build with every problem, no traceback."""
    build, problems = config.extra.pop(HANDOVER, None), []
    if build is None:
        project = Path(config.config_file_path).parent
        root = content_root(project, config.extra)
        if str(root) not in config.watch:
            config.watch.append(str(root))  # `mkdocs serve` previews edits wherever the content lives
        build, problems = load_build(root, site_url=config.site_url, docs_dir=Path(config.docs_dir),
                                     templates=template_dirs(project, config.extra, config.theme.custom_dir))
    if _preview.content_checked(problems):
        config.nav = []  # a problem build: no pages, so no nav to check
    elif problems:
        raise Abort("content has problems:\n" + "\n".join(printable(p) for p in problems))
    _build[:] = [build] if build else []
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
    _finished.clear()
    if not _preview.problems:
        try:
            reusing = _build[0].outputs is not None  # `eqportal build`: pages may keep their published file
            memo = Store(_build[0].context.build_cache, "linked") if reusing else None
            made = site_files(_build[0], project, files.src_uris, memo=memo)  # uris as MkDocs keys them: POSIX, normalised
            _finished.update((item.src_uri, item) for item in made if item.page is not None)
            _add(files, config, made, _build[0].outputs)
            _plan_reuse(files, config, made)
        except (FileClash, BrokenLinks, KeptPageMissing) as err:
            raise Abort(str(err)) from None
    _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
    files = Files([]) if _preview.problems else files
    _add(files, config, _preview.editor_files(project, config.site_name))
    return files


def _plan_reuse(files, config, made):
    _reused.clear()
    outputs = _build[0].outputs
    if outputs is None:
        return
    project = Path(config.config_file_path).parent
    folders = (Path(config.docs_dir), Path(config.theme.custom_dir) if config.theme.custom_dir else None, project / "hooks")
    shared = shared_digest(_build[0], config_file=Path(config.config_file_path), folders=folders, nav=config.nav,
                           versions=(version("mkdocs"), version("mkdocs-material")))
    for item in made:
        if item.page is None:
            continue
        if outputs.reusable(files.src_uris[item.src_uri].dest_uri, page_key(shared, item)):
            _reused.add(item.src_uri)
        elif item.relink is not None:  # to be rendered: its HTML is needed after all
            _finished[item.src_uri] = replace(item, page=item.relink(), relink=None)
    if outputs.reused:  # linked into the new site while MkDocs renders the rest (waited for in on_post_build)
        outputs.spare_ready()  # its folders, if the build began by making them
        _placing[:] = [Background(partial(outputs.place, Path(config.site_dir)))]


def on_nav(nav, config, files):
    _nav[:] = [nav]
    for file in files.documentation_pages():
        if file.src_uri not in _finished:
            continue
        if file.page is None:  # outside the nav: MkDocs would make a plain Page here
            _PortalPage(None, file, config)
        else:  # listed in the nav, which holds this Page: it becomes a finished one
            file.page.__class__ = _PortalPage
    return nav


class _PortalPage(Page):
    """A generated page, finished by the portal (eqportal.render.finish): MkDocs takes its HTML as it is.

    Reading it and converting it would be a Markdown pass over an empty source, with a new
    Python-Markdown instance for each of a county's thousands of pages; every other step (theme,
    plugins, links to it, anchors in it) is MkDocs' own.
    """

    def read_source(self, config):
        self.markdown, self.meta = "", dict(_finished[self.file.src_uri].meta)
        if self.file.src_uri in _reused:
            self.meta["template"] = REUSED

    def render(self, config, files):
        finished = _finished[self.file.src_uri].page
        reused = self.file.src_uri in _reused  # its published file is kept: only its anchors matter (links to them)
        self.content = "" if reused else finished.html
        self.toc = get_toc([] if reused else finished.toc)
        self.present_anchor_ids, self.links_to_anchors = set(finished.anchors), {}


def on_env(env, config, files):
    _pass_over_written_pages()
    env.loader = ChoiceLoader([env.loader, DictLoader({REUSED: ""})])
    if _build and env.bytecode_cache is None:
        env.bytecode_cache = compiled_templates(_build[0].context.build_cache)
    _nav_memo.clear()
    env.globals.update(eqp_nav_key=nav_key, eqp_memo=_nav_memo)  # overrides/partials/nav.html
    if _build and can_fork():
        _theme_pages_elsewhere(env, config, files)
    return env


def _pass_over_written_pages():
    """MkDocs' page loop passes over the pages it has nothing to write for: kept from the last published
    site or written by a worker. Each would otherwise be put through an empty template, with a context
    of the whole navigation, to write nothing (0.1 s for a county's 4,000 pages). Until the build ends."""
    if mkdocs_build._build_page is not _passing_over_written:
        _mkdocs_build_page[:] = [mkdocs_build._build_page]
        mkdocs_build._build_page = _passing_over_written


def _passing_over_written(page, *args, **kwargs):
    if page.file.src_uri not in _reused:
        return _mkdocs_build_page[0](page, *args, **kwargs)


def _restore_page_loop():
    if _mkdocs_build_page:
        mkdocs_build._build_page = _mkdocs_build_page.pop()


def _theme_pages_elsewhere(env, config, files):
    """Generated pages put through the theme in forked workers, by MkDocs' own _build_page, before its loop.

    MkDocs renders one page after another; the pages are independent, so each worker writes a
    share. Warnings a worker logs are logged again here, where --strict counts them; MkDocs' own
    loop then skips those pages as it skips reused ones.
    """
    _build_page = _mkdocs_build_page[0] if _mkdocs_build_page else mkdocs_build._build_page

    doc_files = files.documentation_pages()
    pages = [f.page for f in doc_files if f.src_uri in _finished and f.src_uri not in _reused and f.page is not None]
    if len(pages) < PARALLEL_FROM:
        return  # a rebuild after a few edits: MkDocs' own loop renders them sooner than workers could start

    def share(part):
        log = _Caught()
        logging.getLogger("mkdocs").addHandler(log)
        for page in part:
            _build_page(page, config, doc_files, _nav[0], env)
        return log.records

    shares = {f"theme-{k}": partial(share, pages[k::2]) for k in range(2)}
    with forked(shares) as futures:
        for future in futures.values():
            for level, message in future.result():
                logging.getLogger("mkdocs.plugins.eqportal").log(level, message)
    for page in pages:
        _reused.add(page.file.src_uri)  # written: MkDocs' loop has nothing left to do for it
        page.meta["template"], page.content = REUSED, ""


class _Caught(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.levelno, record.getMessage()))


def _add(files, config, items, outputs=None):
    for item in items:
        joined = isinstance(item.content, Joined)
        file = File.generated(config, item.src_uri, content=b"" if joined else item.content, abs_src_path=item.abs_src_path)
        file.edit_uri = item.edit_uri or file.edit_uri
        if outputs is not None and item.page is None and item.content is not None and outputs.reusable(file.dest_uri, file_key(item)):
            file.__class__ = _KeptFile
        elif joined:
            file.__class__, file.joined = _JoinedFile, item.content
        files.append(file)


class _KeptFile(File):
    """A generated file (open data, the feed) the same as in the last published site: linked in from there, not written.

    A county's 2,000 open-data files are otherwise 2,000 new files on every build.
    """

    def copy_file(self, dirty=False):
        pass  # eqportal.outputs links it into the new site


class _JoinedFile(File):
    """A generated file made of parts (open data, eqportal.joined): written part by part, never joined in memory."""

    joined: Joined

    @property
    def content_bytes(self) -> bytes:
        return bytes(self.joined)

    @property
    def content_string(self) -> str:
        return bytes(self.joined).decode("utf-8")

    def copy_file(self, dirty=False):
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        self.joined.write_to(self.abs_dest_path)


def on_build_error(error):
    _restore_page_loop()
    while _placing:
        _placing.pop().stop()


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config):
    _restore_page_loop()
    if _preview.problems:
        _preview.write_problem_pages(Path(config.site_dir), config.site_name)
    while _placing:
        _placing.pop().wait()
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is not None:
        for entry in index.entries:  # Material's own, for hand-written pages
            entry["title"] = safe_title(entry["title"])
        index.entries.extend(entry for item in _finished.values() for entry in item.page.search)


def on_page_content(html, page, config, files):
    if isinstance(page, _PortalPage):
        return html  # finished by the portal
    return space_between_blocks(html)  # search results read as words, not "StatusPublished"


def on_post_page(output, page, config):
    return "" if page.file.src_uri in _reused else _finish(output)  # nothing written: the file is linked in after the build


def on_post_template(output_content, template_name, config):
    return _finish(output_content) if template_name.endswith(".html") else output_content


def _finish(html):
    # The preview's live reload injects an inline script of its own: the policy is for published pages.
    return finish_document(html) if _preview.serving else add_csp(finish_document(html))
