"""Pages from Jinja templates: the portal's markup lives in ``eqportal/site/templates/``.

A council changes how a page looks by copying a template into its override folder
(``overrides/eqportal/`` by default, or ``extra.eqportal_templates`` in mkdocs.yml), which is
searched first; ``{% extends "default/eqia.html" %}`` reaches the portal's own version, so an
override can change one block and keep the rest. Autoescaping is on: every value from content
is escaped unless a template marks it ``|safe``, which only sanitised body HTML may be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined, pass_context
from markupsafe import Markup

from eqportal import registry
from eqportal.context import BuildContext
from eqportal.site.pages import GeneratedPage
from eqportal.words import word


@dataclass(frozen=True)
class PageInfo:
    """Where the page being rendered lives: its address and the path of its source."""

    url: str
    src: str
    title: str


def date(value: dt.date | None) -> Markup:
    """A date people read (3 March 2016) in a machine-readable ``<time>``."""
    if value is None:
        return Markup("Not set")
    return Markup('<time datetime="{}">{} {}</time>').format(value.isoformat(), value.day, value.strftime("%B %Y"))


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"



@pass_context
def href(ctx: Any, url: str) -> str:
    """A link from the page being rendered to ``url``, written as a source path both front ends check."""
    page: PageInfo = ctx["page"]
    return registry.link(page.src, url, ctx["context"].documents)


@pass_context
def link(ctx: Any, url: str, text: object) -> Markup:
    """``<a>`` from the page being rendered to ``url``; the text is escaped.

    A link to the page itself would go nowhere (Zensical writes it as ``href=""``), so the
    words stand alone there, as GOV.UK does for the current page.
    """
    if url == ctx["page"].url:
        return Markup.escape(text)
    return Markup('<a href="{}">{}</a>').format(href(ctx, url), text)


def compiled_templates(build_cache: Path | None) -> FileSystemBytecodeCache | None:
    """Where Jinja keeps templates compiled, for the next build: ``jinja/`` in the build cache.

    Compiling the portal's and the theme's templates is a tenth of a rebuild after one edit.
    Jinja checks each entry against its template's source (and its own version), so an edited
    template is compiled again, never served stale.
    """
    if build_cache is None:
        return None
    folder = Path(build_cache) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout still builds, compiling as before
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=8)
def environment(template_dirs: tuple[Path, ...] = (), build_cache: Path | None = None) -> Environment:
    defaults = PackageLoader("eqportal.site", "templates")
    loader = ChoiceLoader([FileSystemLoader([str(d) for d in template_dirs]), defaults, PrefixLoader({"default": defaults})])
    env = Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined,
                      bytecode_cache=compiled_templates(build_cache))
    env.filters.update(date=date, word=word, href=href, plural=plural, slug=registry.slug)
    env.globals.update(link=link, url_for=registry.url_for, urls=registry, directorate_url=registry.directorate_url,
                       characteristic_url=registry.characteristic_url, year_url=registry.year_url)
    return env


def render(context: BuildContext, template: str, page: PageInfo, **values: Any) -> str:
    return environment(context.template_dirs, context.build_cache).get_template(template).render(page=page, context=context, **values)


def render_page(context: BuildContext, url: str, title: str, template: str, *, source: Path | None = None,
                meta: dict[str, Any] | None = None, **values: Any) -> GeneratedPage:
    """A generated page: ``template`` rendered for ``url`` with the view model in ``values``."""
    src = registry.source_path(url)
    html = render(context, template, PageInfo(url, src, title), **values)
    return GeneratedPage(src, title, html, source=source, meta=meta or {})
