"""The site navigation made once per folder for pages outside it, not once per page.

Material renders the whole navigation into every page. On a page the navigation does not list
(an assessment, its easy-read page: nearly all of a county's pages) nothing in it is active, and
its links are relative to the page's folder, so every such page in one folder gets the same
HTML. ``overrides/partials/nav.html`` asks :func:`nav_key` for a key and renders the navigation
once per key; a page with no key (listed in the navigation, or with a listed page inside its
own folder) is rendered as Material renders it.
"""

from __future__ import annotations

from typing import Callable, Iterable


def nav_key(page_url: str | None, listed: bool, nav_urls: Iterable[str]) -> str | None:
    """The key of the navigation HTML shared by pages like this one, or None when it must be made for the page alone."""
    if listed or page_url is None or not page_url.endswith("/"):
        return None
    if any(url.startswith(page_url) for url in nav_urls):
        return None  # a listed page inside this page's folder: its links differ from a sibling's
    return "nav:" + page_url.rstrip("/").rpartition("/")[0]


class Memo:
    """Rendered fragments by key, for one build."""

    def __init__(self) -> None:
        self._made: dict[str, str] = {}

    def clear(self) -> None:
        self._made.clear()

    def __call__(self, key: str, render: Callable[[], str]) -> str:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = str(render())
        return made
