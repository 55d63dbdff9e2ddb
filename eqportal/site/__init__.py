"""Page generation: every builder module turns the validated Portal into pages and files.

Each module named here defines ``pages(portal, context) -> Iterable[GeneratedPage | GeneratedFile]``:
a pure function of the content and the build context, rendering its pages with templates.
Order only matters for readability; two builders claiming one URL is an error.
"""

from __future__ import annotations

import importlib
from contextlib import nullcontext
from functools import partial

from eqportal.context import BuildContext
from eqportal.forked import can_fork, forked
from eqportal.gcpause import collector_paused
from eqportal.portal import Portal
from eqportal.site.page_cache import forget_read_pages, sending_light
from eqportal.site.pages import Builder, Generated, GeneratedPage, collect

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


def run_builders(portal: Portal, context: BuildContext, *, light: bool = False) -> list[tuple[Builder, Generated]]:
    """What every builder makes, in order, each item beside its builder (collisions are not judged here).

    The Markdown bodies, the slowest part, are rendered first, all together: unchanged ones come
    from the build cache (``context.build_cache``), new ones are rendered on every core. On a
    county's scale the builders that make a page per record (:data:`GROWING`) then run in forked
    processes beside the others, so the build uses every core. With ``light``, the pages those
    workers find kept in the build cache come back without their HTML (``GeneratedPage.with_html``
    reads it back for the few a rebuild renders again).
    """
    from eqportal.buildcache import Store
    from eqportal.render.body import prerender
    from eqportal.site import eqia_pages, reports

    store = Store(context.build_cache, "bodies", lazy=True)  # a body is read only for a page rendered again
    prerender([(r.body, eqia_pages.RESERVED) for r in portal.public_eqias()]
              + [(r.body, reports.RESERVED) for r in portal.reports.values()], store)
    store.save()
    builders = {name: importlib.import_module(f"eqportal.site.{name}").pages for name in BUILDER_MODULES}
    elsewhere = GROWING if can_fork() and sum(1 for _ in portal.public_eqias()) >= PARALLEL_FROM else ()
    made: dict[str, list[Generated]] = {}
    # Paused: the workers' pages (160 MB at 2,000 assessments) are read back as hundreds of thousands of objects.
    forget_read_pages()
    jobs = {name: partial(_build_prepared, builders[name], portal, context, light) for name in elsewhere}
    with collector_paused(), forked(jobs) as futures:
        for name, builder in builders.items():
            if name not in futures:
                made[name] = list(builder(portal, context))
        for name, future in futures.items():
            made[name] = future.result()
    return [(builders[name], item) for name in BUILDER_MODULES for item in made[name]]


# The builders that make a page per record (most of a county's pages) run in forked workers, one
# each; the rest run here meanwhile. The open data and the index pages also grow with the records,
# but they are kept between builds per record, and their output (100 MB at 2,000 assessments) is
# quicker to make here than to send from a worker.
GROWING = ("eqia_pages", "easy_read")
PARALLEL_FROM = 64  # public assessments; below this a second process costs more than it saves


def _build_prepared(builder: Builder, portal: Portal, context: BuildContext, light: bool = False) -> list[Generated]:
    """A builder's output with every page prepared (in the worker that made it), to be sent back; with ``light``, kept pages without their HTML."""
    with sending_light() if light else nullcontext():
        items = list(builder(portal, context))
    for item in items:
        if isinstance(item, GeneratedPage):
            item.prepared  # noqa: B018 - made here, on this core
    return items
