"""Generated pages and files as plain data, before anything knows about MkDocs.

A builder is a function ``pages(portal) -> Iterable[GeneratedPage | GeneratedFile]``; the
MkDocs hook turns these into virtual files. Two builders claiming one URL is an error, never
a silent overwrite (MkDocs' own ``Files.append`` would only warn and replace).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Union

from eqportal.portal import Portal


@dataclass(frozen=True)
class GeneratedPage:
    """A page rendered through MkDocs and the theme.

    ``src_uri`` is the Markdown path the page would have in ``docs/``: ``eqias/foo.md`` is
    served at ``/eqias/foo/``, ``eqias/foo/easy-read.md`` at ``/eqias/foo/easy-read/``.
    ``markdown`` may hold raw HTML built by the generators (escaped, never from content
    without sanitising). ``source`` is the content file behind the page, for "edit this page".
    ``meta`` becomes the page's front matter (``template``, ``search`` and so on).
    """

    src_uri: str
    title: str
    markdown: str
    source: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return "/"
        return "/" + stem.removesuffix("/index") + "/"


@dataclass(frozen=True)
class GeneratedFile:
    """A file copied into the site as it is (open data, feed, redirects)."""

    src_uri: str
    content: str | bytes

    @property
    def url(self) -> str:
        return "/" + self.src_uri


Generated = Union[GeneratedPage, GeneratedFile]
Builder = Callable[[Portal], Iterable[Generated]]


class DuplicateUrl(ValueError):
    """Two builders made the same URL."""


def collect(portal: Portal, builders: Iterable[Builder]) -> list[Generated]:
    """Run every builder and return their output, refusing two items at one path."""
    seen: dict[str, str] = {}
    out: list[Generated] = []
    for builder in builders:
        for item in builder(portal):
            owner = f"{builder.__module__}.{builder.__name__}"
            if item.src_uri in seen:
                raise DuplicateUrl(f"{item.url} is generated twice: by {seen[item.src_uri]} and by {owner}")
            seen[item.src_uri] = owner
            out.append(item)
    return out
