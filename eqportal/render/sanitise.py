"""Sanitise HTML that came from content with nh3: no scripts, handlers, frames or javascript: links.

Markdown bodies may carry raw HTML written by editors or pasted from Word. Whatever they
hold, no published page may run script, so every body goes through :func:`clean` after
Markdown conversion, with an allowlist rather than a blocklist.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"id", "lang", "title"},
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _no_offsite_images(tag: str, attribute: str, value: str) -> str | None:
    """An image from another host would make every reader's browser call that host: drop it."""
    if tag == "img" and attribute == "src" and (value.startswith("//") or "://" in value):
        return None
    return value


def clean(html: str) -> str:
    """HTML safe to publish: only known tags and attributes, only web, mail and phone links."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
        attribute_filter=_no_offsite_images,
    )
