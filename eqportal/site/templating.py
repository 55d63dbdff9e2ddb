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

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined, pass_context
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


@lru_cache(maxsize=8)
def environment(template_dirs: tuple[Path, ...] = ()) -> Environment:
    defaults = PackageLoader("eqportal.site", "templates")
    loader = ChoiceLoader([FileSystemLoader([str(d) for d in template_dirs]), defaults, PrefixLoader({"default": defaults})])
    env = Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(date=date, word=word, href=href, plural=plural, slug=registry.slug)
    env.globals.update(url_for=registry.url_for, urls=registry, directorate_url=registry.directorate_url,
                       characteristic_url=registry.characteristic_url, year_url=registry.year_url)
    return env


def render(context: BuildContext, template: str, page: PageInfo, **values: Any) -> str:
    return environment(context.template_dirs).get_template(template).render(page=page, context=context, **values)


def render_page(context: BuildContext, url: str, title: str, template: str, *, source: Path | None = None,
                meta: dict[str, Any] | None = None, **values: Any) -> GeneratedPage:
    """A generated page: ``template`` rendered for ``url`` with the view model in ``values``."""
    src = registry.source_path(url)
    html = render(context, template, PageInfo(url, src, title), **values)
    return GeneratedPage(src, title, html, source=source, meta=meta or {})
