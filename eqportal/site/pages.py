"""Generated pages and files as plain data, before any front end sees them.

A builder is a function ``pages(portal, context) -> Iterable[GeneratedPage | GeneratedFile]``;
the MkDocs hook turns these into virtual files, ``eqportal export`` into files on disk. Two
builders claiming one URL is an error, never a silent overwrite (MkDocs' own ``Files.append``
would only warn and replace).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Union

from eqportal.joined import Joined, as_bytes
from eqportal.portal import Portal
from eqportal.registry import url_of_source

if TYPE_CHECKING:
    from eqportal.context import BuildContext
    from eqportal.render.finish import PreparedPage


@dataclass(frozen=True)
class GeneratedPage:
    """A page shown through the theme, its body already rendered as HTML by a template.

    ``src_uri`` is the path the page would have in ``docs/`` (``eqias/foo/index.md`` is served
    at ``/eqias/foo/``). ``html`` holds well-formed HTML whose links are written as source paths
    (``../bar/index.md``) so that the front end checks and rewrites them. ``source`` is the
    content file behind the page, for "edit this page"; ``meta`` becomes its front matter.
    """

    src_uri: str
    title: str
    html: str
    source: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # The build-cache key the page was kept under (eqportal.site.page_cache): the same key, the same page.
    kept_as: str | None = field(default=None, compare=False)
    kept_in: str | None = field(default=None, compare=False)  # the build-cache store it is kept in
    # Sent without its HTML (html and prepared.html empty): :meth:`with_html` reads it back from the build cache.
    light: bool = field(default=False, compare=False)

    @property
    def url(self) -> str:
        return url_of_source(self.src_uri)

    @cached_property
    def prepared(self) -> PreparedPage:
        """The page's HTML with heading ids, its contents and search entries (kept with the page once made)."""
        from eqportal.render.finish import prepare_page

        return prepare_page(self.html, self.src_uri, title=self.title, indexed=not (self.meta.get("search") or {}).get("exclude"))

    def compact(self, kept_as: str | None = None, kept_in: str | None = None) -> GeneratedPage:
        """The page with its prepared HTML as its HTML: one copy of the page to keep and send, not two.

        Preparing again changes nothing (ids stay, words stay apart), so the page is the same page.
        ``kept_as`` names the build-cache entry it is kept under, ``kept_in`` the store.
        """
        prepared = self.prepared
        page = GeneratedPage(self.src_uri, self.title, prepared.html, self.source, self.meta, kept_as or self.kept_as,
                             kept_in or self.kept_in)
        page.__dict__["prepared"] = prepared  # the cached value, so it is not made again
        return page

    def without_html(self) -> GeneratedPage:
        """The page as a forked worker sends a kept page back: its anchors and search entries; its HTML and
        contents stay in the build cache.

        A rebuild renders few pages again, and reads those back whole (:meth:`with_html`); the others
        are published as they were and need only their anchors (for links to them) and their search
        entries (160 MB and a third of the objects less through the pipe at 2,000 assessments).
        """
        if self.kept_as is None or self.kept_in is None:
            return self
        prepared = self.prepared
        page = GeneratedPage(self.src_uri, self.title, "", self.source, self.meta, self.kept_as, self.kept_in, light=True)
        page.__dict__["prepared"] = replace(prepared, html="", toc=[])
        return page

    def html_parts(self) -> tuple[str, list[dict]]:
        """What :meth:`without_html` leaves out: the prepared HTML and the contents."""
        return self.prepared.html, self.prepared.toc

    def with_html_parts(self, parts: tuple[str, list[dict]]) -> GeneratedPage:
        """The page :meth:`without_html` was made from, given what it left out (:meth:`html_parts`)."""
        html, toc = parts
        page = GeneratedPage(self.src_uri, self.title, html, self.source, self.meta, self.kept_as, self.kept_in)
        page.__dict__["prepared"] = replace(self.prepared, html=html, toc=toc)
        return page

    def with_html(self, build_cache: Path | None) -> GeneratedPage:
        """The whole page: itself, or for a page sent :meth:`without_html`, its HTML read back from ``build_cache``."""
        if not self.light:
            return self
        from eqportal.site.page_cache import kept_page

        return kept_page(self, build_cache)


@dataclass(frozen=True)
class GeneratedFile:
    """A file copied into the site as it is (open data, feed, redirects)."""

    src_uri: str
    content: str | bytes | Joined  # Joined: written part by part (eqportal.joined)
    made_from: str = ""  # a digest of everything ``content`` is made from, when known (see eqportal.opendata.DataFile)

    @property
    def url(self) -> str:
        return "/" + self.src_uri

    @property
    def text(self) -> str:
        """The content as text (open data is made as UTF-8 bytes)."""
        return self.content if isinstance(self.content, str) else as_bytes(self.content).decode("utf-8")


Generated = Union[GeneratedPage, GeneratedFile]
Builder = Callable[[Portal, "BuildContext"], Iterable[Generated]]


class DuplicateUrl(ValueError):
    """Two builders made the same URL."""


def collect(made: Iterable[tuple[Builder, Generated]]) -> list[Generated]:
    """The builders' output, refusing two items at one path."""
    seen: dict[str, str] = {}
    out: list[Generated] = []
    for builder, item in made:
        owner = f"{builder.__module__}.{builder.__name__}"
        if item.src_uri in seen:
            raise DuplicateUrl(f"{item.url} is generated twice: by {seen[item.src_uri]} and by {owner}")
        seen[item.src_uri] = owner
        out.append(item)
    return out
