"""A record's own pages kept between builds, so a rebuild renders only the pages an edit touched.

An assessment's page and its easy-read page are each made from a few records (the assessment,
the one replacing it, the decisions, objectives and reports that name it) and the build context.
Each is kept in ``.cache/build/pages-<kind>/`` under the hash of exactly those inputs: the records'
digests (their file bytes and the portal's code), the day, the site's address, the hand-written
pages links may point to, and a council's template overrides. If any input changes, the key
changes, so a kept page is always the page the same inputs would make again (tests/test_rebuild.py).

A kept page is kept in two parts under that one key: in ``pages-<kind>/`` everything but its HTML
and contents (its title, anchors, search entries: what a rebuild needs of every page), and in
``pages-<kind>-html/`` those (a tenth of the objects but nine tenths of the bytes: what a rebuild
needs of the few pages it publishes again). A rebuild reads the second only for those pages.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from eqportal.buildcache import SHARDS, Store, key, shard_of
from eqportal.context import BuildContext
from eqportal.outputs import tree_digest
from eqportal.portal import Record
from eqportal.site.pages import GeneratedPage
T = TypeVar("T")


class PageCache:
    """``page(kind, records, make)``: the kept page for these inputs, or ``make()``'s, kept for next time."""

    def __init__(self, context: BuildContext, name: str) -> None:
        self.name = f"pages-{name}"
        self.store = Store(context.build_cache, self.name)  # each entry's pages without their HTML
        self.html = Store(context.build_cache, html_store(self.name), lazy=True)  # and their HTML, read if needed
        self.context = context
        documents = sorted(context.documents.items())
        self.shared = key("pages", context.today.isoformat(), context.site_url or "", repr(documents),
                          tree_digest(*context.template_dirs))

    def page(self, kind: str, records: Iterable[Record | None], make: Callable[[], T]) -> T:
        """Pages made from records whole (an assessment's own pages): kept by each record's file (``None``: no such record)."""
        return self._kept_by(kind, [self._whole(record) for record in records], make)

    def listing(self, kind: str, records: list[Record], make: Callable[[], T]) -> T:
        """Pages that list records (index pages, the decision register): kept by each record's front matter (its values and
        their lines), the path shown for it and its git date; not by its body.

        Such a page shows what the validated front matter holds (a row per record), so an edit to
        an assessment's body, the commonest edit, leaves every index page as it was.
        """
        return self._kept_by(kind, [self.listing_parts(record) for record in records], make)

    def page_listing(self, kind: str, record: Record, listed: Iterable[Record | None], make: Callable[[], T]) -> T:
        """A record's own page that also lists others (an objective and the assessments that evidence it):
        kept by the record as :meth:`page` keeps it and by each listed record as :meth:`listing` does
        (None: one it names that does not exist)."""
        return self._kept_by(kind, [self._whole(record), *(self.listing_parts(other) for other in listed)], make)

    def _whole(self, record: Record | None) -> list[str] | None:
        """What keys a page by a record's file; None for a record read without the cache (it has no digest)."""
        if record is None:
            return ["-", "-"]
        return [record.digest, self._changed(record)] if record.digest else None

    def listing_parts(self, record: Record | None) -> list[str] | None:
        """What keys a page by a record's front matter; None for a record read without the cache."""
        if record is None:
            return ["-"]
        return [record.model_digest, record.path, self._changed(record)] if record.model_digest else None

    def _kept_by(self, kind: str, each: list[list[str] | None], make: Callable[[], T]) -> T:
        if any(parts is None for parts in each):
            return make()  # nothing to key the page by
        return self.kept([kind, *(part for parts in each for part in parts)], make)  # type: ignore[union-attr]

    def kept(self, parts: list[str], make: Callable[[], T]) -> T:
        digest = key(self.shared, *parts)
        light = self.store.get(digest)
        if light is not None and _sending_light and self.html.keep(digest):
            return light
        html = self.html.get(digest) if light is not None and not _sending_light else None
        if isinstance(html, dict) and all(place in html for place, _ in _pages_in(light)):
            return _each_page(light, lambda page, place: page.with_html_parts(html[place]))
        found = _compact(make(), digest, self.name)
        self.store.put(digest, _each_page(found, lambda page, _: page.without_html()))
        self.html.put(digest, _html_parts(found))
        return found

    def _changed(self, record: Record | None) -> str:
        changed = self.context.last_changed(record.source) if record is not None else None
        return changed.isoformat() if changed else "-"

    def save(self) -> None:
        self.store.save()
        self.html.save()


class KeptRows:
    """The rows of the long tables of listing pages (index pages), each kept by its page and its own key.

    An edit to one assessment's front matter changes every index page that lists it, and such a
    page is two thousand rows at a county's size; all but one are as they were. Each page's rows
    are one entry of ``.cache/build/<name>-rows/`` (under the page's address and what every page
    shares: the day, the site's address, the hand-written pages, the templates and the code), as
    row key -> HTML. A row's key must hold everything the row shows (a record's front matter digest
    and any state beside it), so a kept row is always the row the same inputs would make again.
    """

    def __init__(self, cache: PageCache) -> None:
        self.cache = cache
        self.store = Store(cache.context.build_cache, f"{cache.name}-rows", lazy=True)
        self._pages: dict[str, tuple[dict[str, str], dict[str, str]]] = {}  # place -> (rows kept before, rows this build)

    def row(self, place: str, row_key: str | None, make: Callable[[], str]) -> str:
        """The HTML of the row ``row_key`` on the page at ``place``: the kept one, else ``make()``'s (a None key: never kept)."""
        if place not in self._pages:
            self._pages[place] = (self.store.get(self._digest(place)) or {}, {})
        before, now = self._pages[place]
        html = before.get(row_key) if row_key is not None else None
        if html is None:
            html = make()
        if row_key is not None:
            now[row_key] = html
        return html

    def keep(self, place: str) -> None:
        """The rows of a page that was itself kept this build stay kept, unread."""
        if place not in self._pages:
            self.store.keep(self._digest(place))

    def row_key(self, record: Record | None, *state: str) -> str | None:
        """A row's key: the record's front matter (as :meth:`PageCache.listing` keys it) and ``state``; None if it has none."""
        parts = self.cache.listing_parts(record) if record is not None else None
        return None if parts is None else "\0".join([*parts, *state])

    def save(self) -> None:
        for place, (_, now) in self._pages.items():
            self.store.put(self._digest(place), now)
        self.store.save()

    def _digest(self, place: str) -> str:
        return key(self.cache.shared, "rows", place)


def html_store(name: str) -> str:
    """The store that holds the HTML of the pages kept in store ``name``."""
    return f"{name}-html"


def _html_parts(found: Any) -> dict[str, tuple[str, list[dict]]]:
    """Each page's HTML and contents in a kept entry, by its place in the entry."""
    return {place: page.html_parts() for place, page in _pages_in(found)}


def _pages_in(found: Any, place: str = "") -> Iterator[tuple[str, GeneratedPage]]:
    """Each page in a kept entry (a page, or a list or tuple of them), with its place in it."""
    if isinstance(found, GeneratedPage):
        yield place, found
    elif isinstance(found, (tuple, list)):
        for n, part in enumerate(found):
            yield from _pages_in(part, f"{place}/{n}")


def _compact(made: T, digest: str, store: str) -> T:
    """Pages prepared now (heading ids, contents, search entries), so that is kept with them; one copy of their HTML.

    Each knows the store and the entry it is kept under, with its place in it (``kept_as``): the same name, the same page.
    """
    return _each_page(made, lambda page, place: page.compact(digest + place, store))


def _each_page(found: T, change: Callable[[GeneratedPage, str], GeneratedPage], place: str = "") -> T:
    """``found`` with ``change(page, place)`` for each page in it: a kept entry is a page, or a list or tuple of them."""
    if isinstance(found, GeneratedPage):
        return change(found, place)  # type: ignore[return-value]
    if isinstance(found, (tuple, list)):
        return type(found)(_each_page(part, change, f"{place}/{n}") for n, part in enumerate(found))  # type: ignore[return-value]
    return found


_sending_light = False  # set only in a forked worker whose pages go back through a pipe (eqportal.site.run_builders)


@contextmanager
def sending_light() -> Iterator[None]:
    """Kept pages found in the build cache come out :meth:`~GeneratedPage.without_html` meanwhile."""
    global _sending_light
    before, _sending_light = _sending_light, True
    try:
        yield
    finally:
        _sending_light = before


class KeptPageMissing(RuntimeError):
    """A page sent without its HTML is no longer in the build cache (another build replaced it meanwhile)."""


def kept_page(page: GeneratedPage, build_cache: Path | None) -> GeneratedPage:
    """A page sent without its HTML, whole again: its HTML and contents read back from the build cache."""
    shard = shard_of(_entry(page.kept_as or ""))
    entries = _shard(str(build_cache), html_store(page.kept_in or ""), shard) if build_cache is not None else {}
    return _whole(page, entries, build_cache)


def read_back(pages: Iterable[GeneratedPage], build_cache: Path | None) -> dict[str, GeneratedPage]:
    """Pages sent without their HTML, whole again, by source path: each file of each store read once, then let go."""
    wanted: dict[tuple[str, int], list[GeneratedPage]] = defaultdict(list)
    for page in pages:
        wanted[(html_store(page.kept_in or ""), shard_of(_entry(page.kept_as or "")))].append(page)
    whole = {}
    for (store, shard), group in sorted(wanted.items()):
        entries = Store.load_shard(Path(build_cache) / store, shard) if build_cache is not None else {}
        whole.update((page.src_uri, _whole(page, entries, build_cache)) for page in group)
    return whole


def _entry(kept_as: str) -> str:
    """The digest of the entry a page is kept in (``kept_as`` is the digest, then its place in the entry)."""
    return kept_as.split("/")[0]


def _whole(page: GeneratedPage, entries: dict[str, Any], build_cache: Path | None) -> GeneratedPage:
    kept_as = page.kept_as or ""
    entry = _entry(kept_as)
    found = entries.get(entry)
    parts = found.get(kept_as[len(entry):]) if isinstance(found, dict) else None
    if not (isinstance(parts, tuple) and len(parts) == 2):
        raise KeptPageMissing(f"{page.kept_in}: no kept page {kept_as} in {build_cache}; build again")
    return page.with_html_parts(parts)


def forget_read_pages() -> None:
    """Before a build's workers write the stores again: no file read for an earlier build is used."""
    _shard.cache_clear()


@lru_cache(maxsize=SHARDS * 2)
def _shard(build_cache: str, store: str, shard: int) -> dict[str, Any]:
    """One file of a store, read once per build (a rebuild reads back the few pages it renders again)."""
    return Store.load_shard(Path(build_cache) / store, shard)
