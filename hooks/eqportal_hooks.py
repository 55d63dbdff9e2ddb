"""MkDocs hooks: the portal's thin MkDocs front end; all logic lives in the ``eqportal`` package.

``eqportal build`` hands over the content it loaded and checked (``extra.eqportal_build``);
``mkdocs serve``/``build`` load it from ``extra.eqportal_content``. In ``mkdocs serve`` only,
content problems become a page listing them and the form editor is at ``/admin/`` (``eqportal.preview``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from eqportal.frontend import HANDOVER, FileClash, content_root, load_build, site_files, template_dirs
from eqportal.preview import Preview
from eqportal.site.chrome import finish_document
from eqportal.site.csp import add_csp
from eqportal.site.search_text import space_between_blocks
from eqportal.terminal import printable

_build: list = []
_preview = Preview()


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
    if not _preview.problems:
        try:
            _add(files, config, site_files(_build[0], project, lambda uri: files.get_file_from_path(uri) is not None))
        except FileClash as err:
            raise Abort(str(err)) from None
    _preview.remember_pages(f.dest_uri for f in files.documentation_pages())
    files = Files([]) if _preview.problems else files
    _add(files, config, _preview.editor_files(project, config.site_name))
    return files


def _add(files, config, items):
    for item in items:
        file = File.generated(config, item.src_uri, content=item.content, abs_src_path=item.abs_src_path)
        file.edit_uri = item.edit_uri or file.edit_uri
        files.append(file)


def on_post_build(config):
    if _preview.problems:
        _preview.write_problem_pages(Path(config.site_dir), config.site_name)


def on_page_content(html, page, config, files):
    return space_between_blocks(html)  # search results read as words, not "StatusPublished"


def on_post_page(output, page, config):
    return _finish(output)


def on_post_template(output_content, template_name, config):
    return _finish(output_content) if template_name.endswith(".html") else output_content


def _finish(html):
    # The preview's live reload injects an inline script of its own: the policy is for published pages.
    return finish_document(html) if _preview.serving else add_csp(finish_document(html))
