"""Page generation: every builder module turns the validated Portal into pages and files.

Each module named here defines ``pages(portal, context) -> Iterable[GeneratedPage | GeneratedFile]``:
a pure function of the content and the build context, rendering its pages with templates.
Order only matters for readability; two builders claiming one URL is an error.
"""

from __future__ import annotations

import importlib

from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.site.pages import Builder, Generated, collect

BUILDER_MODULES: tuple[str, ...] = (
    "home",
    "eqia_pages",
    "indexes",
    "objectives",
    "easy_read",
    "reports",
    "opendata",
    "feed",
    "decisions",
    "redirects",
    "statement",
)


def generate(portal: Portal, context: BuildContext) -> list[Generated]:
    """Every generated page and file of the portal, as plain data; two items at one path raise :class:`DuplicateUrl`."""
    return collect(run_builders(portal, context))


def run_builders(portal: Portal, context: BuildContext) -> list[tuple[Builder, Generated]]:
    """What every builder makes, in order, each item beside its builder (collisions are not judged here).

    The Markdown bodies, the slowest part, are rendered first, all together: unchanged ones come
    from the build cache (``context.build_cache``), new ones are rendered on every core.
    """
    from eqportal.buildcache import Store
    from eqportal.render.body import prerender
    from eqportal.site import eqia_pages, reports

    store = Store(context.build_cache, "bodies")
    prerender([(r.body, eqia_pages.RESERVED) for r in portal.public_eqias()]
              + [(r.body, reports.RESERVED) for r in portal.reports.values()], store)
    store.save()
    builders = [importlib.import_module(f"eqportal.site.{name}").pages for name in BUILDER_MODULES]
    return [(builder, item) for builder in builders for item in builder(portal, context)]
