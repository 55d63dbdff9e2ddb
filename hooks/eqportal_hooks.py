"""MkDocs hooks: the portal's thin MkDocs front end. All logic lives in the ``eqportal`` package.

``eqportal build`` hands over the content it loaded and checked (``extra.eqportal_build``);
``mkdocs serve`` and ``mkdocs build`` load it here from ``extra.eqportal_content``. Generated
pages arrive with their HTML rendered; ``eqportal.render.prerendered`` (in mkdocs.yml) lifts it
into the Markdown tree so the table of contents and ``--strict`` link checks see it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from eqportal.frontend import HANDOVER, content_root, edit_path, load_build, page_source, template_dirs
from eqportal.site.pages import GeneratedPage

_build: list = []


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
        if problems:
            raise Abort("content has problems:\n" + "\n".join(str(p) for p in problems))
    _build[:] = [build]
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
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
