"""MkDocs hooks: the portal's thin MkDocs front end. All logic lives in the ``eqportal`` package.

``eqportal build`` hands over the content it loaded and checked (``extra.eqportal_build``);
``mkdocs serve`` and ``mkdocs build`` load it here from ``extra.eqportal_content``. Generated
pages arrive with their HTML rendered; ``eqportal.render.prerendered`` (in mkdocs.yml) lifts it
into the Markdown tree so the table of contents and ``--strict`` link checks see it.
In ``mkdocs serve`` only: content problems become a page listing them (``eqportal.preview``)
instead of a stopped build, and the form editor is served at ``/admin/`` (``eqportal.editor``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from eqportal.editor.admin import EditorUnavailable, admin_files
from eqportal.frontend import HANDOVER, content_root, edit_path, load_build, page_source, template_dirs
from eqportal.preview import Preview
from eqportal.site.chrome import finish_document
from eqportal.site.pages import GeneratedPage
from eqportal.site.search_text import space_between_blocks

log = logging.getLogger("mkdocs.eqportal")
_build: list = []
_preview = Preview()  # in `mkdocs serve`: problems shown in the browser, the form editor at /admin/


def on_startup(command, dirty):
    _preview.start(command)


def on_config(config):
    """Runs before MkDocs cleans site/: bad content stops the build with every problem, no traceback."""
    build = config.extra.pop(HANDOVER, None)
    if build is None:
        project = Path(config.config_file_path).parent
        root = content_root(project, config.extra)
        if str(root) not in config.watch:
            config.watch.append(str(root))  # `mkdocs serve` previews edits wherever the content lives
        build, problems = load_build(root, site_url=config.site_url, docs_dir=Path(config.docs_dir),
                                     templates=template_dirs(project, config.extra, config.theme.custom_dir))
        if _preview.content_checked(problems):
            config.nav = []  # a problem build: no pages, so no nav to check
            _build[:] = []
            return config
        if problems:
            raise Abort("content has problems:\n" + "\n".join(str(p) for p in problems))
    _preview.content_checked([])
    _build[:] = [build]
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
    if _preview.problems:
        _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
        files = Files([])
    else:
        files = _add_generated(files, config, project)
        _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
    if _preview.serving:
        _add_admin(files, config, project)
    return files


def on_post_build(config):
    if _preview.problems:
        _preview.write_problem_pages(Path(config.site_dir), config.site_name)


def _add_generated(files, config, project):
    for item in _build[0].generated:
        if files.get_file_from_path(item.src_uri) is not None:
            raise Abort(f"{item.url} is generated, but docs/{item.src_uri} also exists: remove one of them")
        if isinstance(item, GeneratedPage):
            file = File.generated(config, item.src_uri, content=page_source(item))
            if item.source is not None:
                file.edit_uri = edit_path(item.source, project)
        else:
            file = File.generated(config, item.src_uri, content=item.content)
        files.append(file)
    return files


def _add_admin(files, config, project):
    try:
        for item in admin_files(project, site_name=config.site_name):
            files.append(File.generated(config, item.dest, content=item.text, abs_src_path=None if item.source is None else str(item.source)))
    except EditorUnavailable as err:
        log.warning("no form editor at /admin/: %s", err)


def on_page_content(html, page, config, files):
    return space_between_blocks(html)  # search results read as words, not "StatusPublished"


def on_post_page(output, page, config):
    return finish_document(output)


def on_post_template(output_content, template_name, config):
    return finish_document(output_content) if template_name.endswith(".html") else output_content
