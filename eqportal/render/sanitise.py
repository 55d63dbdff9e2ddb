"""Sanitise HTML that came from content with nh3: no scripts, handlers, frames or javascript: links.

Markdown bodies may carry raw HTML written by editors or pasted from Word. Whatever they
hold, no published page may run script, so every body goes through :func:`clean` after
Markdown conversion, with an allowlist rather than a blocklist.
"""

from __future__ import annotations

import re

import nh3

from eqportal.render.urls import WEB_SCHEMES, resolve

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
# Ids the page around the content uses: Material's (``__config``, ``__search``, ``__drawer``...) and
# the portal's (``eqp-main``...). Its scripts find their elements by id, and the first element with
# an id wins, so a content element with one would be read in their place: ``<p id="__config">`` made
# Material take its base address, and fetch from another host. Content may not give them.
RESERVED_ID = re.compile(r"^\s*(?:__|eqp-)", re.I)
# An id content may give: letters, digits, - and _ only. The theme writes each heading's id into the
# contents' links without escaping (MkDocs' Jinja does not autoescape), so a quote in an id ended the
# href and wrote content's markup into the sidebar (<h3 id='y"><meta http-equiv="refresh" ...'>).
CONTENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


# The only values the table scroll region (eqportal.render.tables) may give these attributes.
FIXED_VALUES = {("div", "class"): "eqp-table-scroll", ("div", "role"): "region", ("div", "tabindex"): "0",
                ("caption", "class"): "eqp-table__caption"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Table attributes only as the portal sets them; no id the page's own scripts look for; URLs judged as browsers read them."""
    if attribute == "id" and (RESERVED_ID.match(value) or not CONTENT_ID.fullmatch(value)):
        return None
    fixed = FIXED_VALUES.get((tag, attribute))
    if fixed is not None and value != fixed:
        return None
    return _urls_as_browsers_read_them(tag, attribute, value)


def _urls_as_browsers_read_them(tag: str, attribute: str, value: str) -> str | None:
    """Judge every URL as a browser resolves it (WHATWG rules), not by how it is spelt.

    An image from another host would make every reader's browser call that host: drop it,
    however it is written (``\\\\host/x.png``, ``/\\host/x.png``, `` //host``, ``http:host``).
    A link to another website stays, written out as the address the browser will really open,
    so readers and the page checks see where it goes. A URL no browser can parse is dropped.
    """
    if attribute not in ("href", "src"):
        return value
    resolved = resolve(value)
    if resolved.href is None:
        return None
    if tag == "img":
        return None if resolved.offsite else value
    if resolved.offsite and resolved.scheme in WEB_SCHEMES:
        return resolved.href
    return value


def clean(html: str) -> str:
    """HTML safe to publish: only known tags and attributes, only web, mail and phone links."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
        attribute_filter=_filter_attribute,
    )


ATTRS = r'((?:\s+[^\s=>]+(?:="[^"]*")?)*)'
VOID = re.compile(r"<(br|hr|img)" + ATTRS + r"\s*/?>")
IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)" + ATTRS + r"\s*/?>")
LINK_WITHOUT_TARGET = re.compile(r"<a(?![^>]*\shref=)" + ATTRS + r">(.*?)</a>", re.S)
ALT = re.compile(r'\salt="([^"]*)"')


def well_formed(html: str) -> str:
    """Sanitised HTML as well-formed XML too (``<br />``, numeric entities), so a front end can parse it into a tree.

    nh3 writes HTML5: void elements left open and ``&nbsp;``, its only entity beyond XML's own. A
    link or image it emptied (``javascript:``, another host) becomes its words, on every front end.
    """
    html = IMAGE_WITHOUT_SOURCE.sub(lambda m: f"<span>{(ALT.search(m.group(1)) or [None, ''])[1]}</span>", html)
    html = LINK_WITHOUT_TARGET.sub(r"<span\1>\2</span>", html)
    return VOID.sub(r"<\1\2 />", html).replace("&nbsp;", "&#160;")


# A start tag and its attributes as nh3 writes them (every value double-quoted; a '>' may stand in one).
START_TAG = re.compile(r"""<[a-zA-Z][a-zA-Z0-9]*(?:[^>"']|"[^"]*"|'[^']*')*>""")
ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


def id_of(attributes: str) -> str | None:
    """The id among ``attributes``, read one attribute after another: ``title="x id="`` holds no id."""
    return next((value for name, value in ATTRIBUTE.findall(attributes) if name.lower() == "id"), None)


def without_ids(html: str, taken: frozenset[str] | set[str]) -> str:
    """``html`` with no element keeping an id in ``taken`` (ids its page gives elsewhere: two would clash)."""
    def tag(match: re.Match) -> str:
        return ATTRIBUTE.sub(lambda a: "" if a.group(1).lower() == "id" and a.group(2) in taken else a.group(0), match.group(0))
    return START_TAG.sub(tag, html) if taken and "id=" in html else html
