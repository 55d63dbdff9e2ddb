"""A record's own pages kept between builds, so a rebuild renders only the pages an edit touched.

An assessment's page and its easy-read page are each made from a few records (the assessment,
the one replacing it, the decisions, objectives and reports that name it) and the build context.
Each is kept in ``.cache/build/pages-<kind>/`` under the hash of exactly those inputs: the records'
digests (their file bytes and the portal's code), the day, the site's address, the hand-written
pages links may point to, and a council's template overrides. If any input changes, the key
changes, so a kept page is always the page the same inputs would make again (tests/test_rebuild.py).
"""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from eqportal.buildcache import Store, key
from eqportal.context import BuildContext
from eqportal.outputs import tree_digest
from eqportal.portal import Record
from eqportal.site.pages import GeneratedPage
T = TypeVar("T")


class PageCache:
    """``page(kind, records, make)``: the kept page for these inputs, or ``make()``'s, kept for next time."""

    def __init__(self, context: BuildContext, name: str) -> None:
        self.store = Store(context.build_cache, f"pages-{name}")
        self.context = context
        documents = sorted(context.documents.items())
        self.shared = key("pages", context.today.isoformat(), context.site_url or "", repr(documents),
                          tree_digest(*context.template_dirs))

    def page(self, kind: str, records: Iterable[Record | None], make: Callable[[], T]) -> T:
        parts = [kind]
        for record in records:
            if record is not None and not record.digest:
                return make()  # a record read without the cache has no digest: nothing to key the page by
            parts += [record.digest if record is not None else "-", self._changed(record)]
        return self.kept(parts, make)

    def listing(self, kind: str, records: list[Record], make: Callable[[], T]) -> T:
        """Pages that list records (index pages, the decision register): kept by each record's front matter (its values and
        their lines), the path shown for it and its git date; not by its body.

        Such a page shows what the validated front matter holds (a row per record), so an edit to
        an assessment's body, the commonest edit, leaves every index page as it was.
        """
        parts = [kind]
        for record in records:
            if not record.model_digest:
                return make()
            parts += [record.model_digest, record.path, self._changed(record)]
        return self.kept(parts, make)

    def kept(self, parts: list[str], make: Callable[[], T]) -> T:
        digest = key(self.shared, *parts)
        found = self.store.get(digest)
        if found is None:
            found = _compact(make(), digest)
            self.store.put(digest, found)
        return found

    def _changed(self, record: Record | None) -> str:
        changed = self.context.last_changed(record.source) if record is not None else None
        return changed.isoformat() if changed else "-"

    def save(self) -> None:
        self.store.save()


def _compact(made: T, digest: str, place: str = "") -> T:
    """Pages prepared now (heading ids, contents, search entries), so that is kept with them; one copy of their HTML.

    Each knows the entry it is kept under, with its place in it (``kept_as``): the same name, the same page.
    """
    if isinstance(made, GeneratedPage):
        return made.compact(digest + place)  # type: ignore[return-value]
    if isinstance(made, (tuple, list)):
        return type(made)(_compact(part, digest, f"{place}/{n}") for n, part in enumerate(made))  # type: ignore[return-value]
    return made
