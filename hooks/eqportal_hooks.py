"""MkDocs hooks: load and check the content before anything is written, add the generated pages.

Thin on purpose: all logic lives in the installed ``eqportal`` package, because MkDocs loads a
hook once and ``mkdocs serve`` never reloads it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from eqportal.editor.admin import EditorUnavailable, admin_files
from eqportal.loader import load_portal_once
from eqportal.preview import Preview
from eqportal.site import generate
from eqportal.site.mkdocs_support import content_root, edit_path, finish_html, page_source, today
from eqportal.site.pages import GeneratedPage

log = logging.getLogger("mkdocs.eqportal")
_generated: list = []
_preview = Preview()  # in `mkdocs serve`: problems shown in the browser, the form editor at /admin/


def on_startup(command, dirty):
    _preview.start(command)


def on_config(config):
    """Runs before MkDocs cleans site/: bad content stops the build with every problem, no traceback."""
    root = content_root(Path(config.config_file_path).parent, config.extra)
    if str(root) not in config.watch:
        config.watch.append(str(root))  # `mkdocs serve` previews edits wherever the content lives
    portal, problems = load_portal_once(root, today())
    if _preview.content_checked(problems):
        _generated[:] = []
        config.nav = []  # a problem build: no pages, so no nav to check
        return config
    if problems:
        raise Abort("content has problems:\n" + "\n".join(str(p) for p in problems))
    _generated[:] = generate(portal)
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
    if _preview.problems:
        _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
        files = Files([])
    else:
        files = _add_generated(files, config, project)
    if _preview.serving:
        _add_admin(files, config, project)
    return files


def on_post_build(config):
    if _preview.problems:
        _preview.write_problem_pages(Path(config.site_dir), config.site_name)


def _add_admin(files, config, project):
    try:
        for item in admin_files(project, site_name=config.site_name):
            files.append(File.generated(config, item.dest, content=item.text, abs_src_path=None if item.source is None else str(item.source)))
    except EditorUnavailable as err:
        log.warning("no form editor at /admin/: %s", err)


def _add_generated(files, config, project):
    for item in _generated:
        if files.get_file_from_path(item.src_uri) is not None:
            raise Abort(f"{item.url} is generated, but docs/{item.src_uri} also exists: remove one of them")
        if isinstance(item, GeneratedPage):
            file = File.generated(config, item.src_uri, content=page_source(item))
            if item.source is not None:
                file.edit_uri = edit_path(item.source, project)
        else:
            file = File.generated(config, item.src_uri, content=item.content)
        files.append(file)
    _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
    return files


def on_page_content(html, page, config, files):
    return finish_html(html, page.title or config.site_name)
