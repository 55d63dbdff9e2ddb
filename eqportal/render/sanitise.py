"""Sanitise HTML that came from content with nh3: no scripts, handlers, frames or javascript: links.

Markdown bodies may carry raw HTML written by editors or pasted from Word. Whatever they
hold, no published page may run script, so every body goes through :func:`clean` after
Markdown conversion, with an allowlist rather than a blocklist.
"""

from __future__ import annotations

import re

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
    "div": {"class", "role", "aria-label", "tabindex"},  # the scroll region around a table
    "caption": {"class"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


# The only values the table scroll region (eqportal.render.tables) may give these attributes.
FIXED_VALUES = {("div", "class"): "eqp-table-scroll", ("div", "role"): "region", ("div", "tabindex"): "0",
                ("caption", "class"): "eqp-table__caption"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """No image from another host (every reader's browser would call it); table attributes only as the portal sets them."""
    if tag == "img" and attribute == "src" and (value.startswith("//") or "://" in value):
        return None
    fixed = FIXED_VALUES.get((tag, attribute))
    if fixed is not None and value != fixed:
        return None
    return value


def clean(html: str) -> str:
    """HTML safe to publish: only known tags and attributes, only web, mail and phone links."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
        attribute_filter=_filter_attribute,
    )


VOID = re.compile(r'<(br|hr|img)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>')


def well_formed(html: str) -> str:
    """Sanitised HTML as well-formed XML too (``<br />``, numeric entities), so a front end can parse it into a tree.

    nh3 writes HTML5: void elements left open and ``&nbsp;``, its only entity beyond XML's own.
    """
    return VOID.sub(r"<\1\2 />", html).replace("&nbsp;", "&#160;")
