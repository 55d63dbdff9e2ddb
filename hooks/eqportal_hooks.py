"""MkDocs hooks: load and check the content before anything is written, add the generated pages.

Thin on purpose: all logic lives in the installed ``eqportal`` package, because MkDocs loads a
hook once and ``mkdocs serve`` never reloads it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from eqportal.loader import load_portal_once
from eqportal.site import generate
from eqportal.site.chrome import finish_document
from eqportal.site.search_text import space_between_blocks
from eqportal.site.mkdocs_support import content_root, edit_path, finish_html, page_source, today
from eqportal.site.pages import GeneratedPage

_generated: list = []


def on_config(config):
    """Runs before MkDocs cleans site/: bad content stops the build with every problem, no traceback."""
    root = content_root(Path(config.config_file_path).parent, config.extra)
    if str(root) not in config.watch:
        config.watch.append(str(root))  # `mkdocs serve` previews edits wherever the content lives
    portal, problems = load_portal_once(root, today())
    if problems:
        raise Abort("content has problems:\n" + "\n".join(str(p) for p in problems))
    _generated[:] = generate(portal)
    return config


def on_files(files, config):
    project = Path(config.config_file_path).parent
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
    return files


def on_page_content(html, page, config, files):
    return space_between_blocks(finish_html(html, page.title or config.site_name))


def on_post_page(output, page, config):
    return finish_document(output)


def on_post_template(output_content, template_name, config):
    return finish_document(output_content) if template_name.endswith(".html") else output_content
