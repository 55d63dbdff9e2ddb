"""A generated page made ready to publish without a Markdown pass: links as URLs, headings with ids, contents.

A generated page's HTML is final apart from three things a Markdown front end would do: turn its
links from source paths (``../x/index.md``) into URLs (``../x/``), refusing any that lead nowhere,
give every heading an id, and list the headings as the page's table of contents. Doing them here,
on HTML the portal wrote itself, is a small fraction of the cost of parsing the page into a
document tree, running every Markdown extension over it and serialising it again, and it gives
the same result: the rules are MkDocs' (links), and the ids and contents are made with
Python-Markdown's own ``toc`` functions.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

from eqportal.registry import relative_url, url_of_source
from eqportal.render.sanitise import RESERVED_ID, id_of
from eqportal.site.search_entries import search_entries
from eqportal.site.search_text import space_between_blocks

# A link or image in HTML the portal wrote (templates and the sanitiser quote every attribute with ").
_LINK = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")([^"]*)(")')
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class PreparedPage:
    """What a page is on its own, whatever else the site holds: HTML with heading ids, contents, search entries."""

    html: str
    toc: list[dict] = field(default_factory=list)  # Python-Markdown toc tokens: level, id, name, children
    anchors: frozenset[str] = frozenset()  # every id on the page, for links to #anchors
    search: tuple[dict, ...] = ()  # the page's entries in the search index, as Material's search plugin makes them
    targets: tuple[str, ...] = ()  # the source path each relative link leads to, once each: what linking it depends on


@dataclass(frozen=True)
class FinishedPage:
    """What a front end needs to show a generated page: its HTML with links as URLs, contents and anchors."""

    html: str
    toc: list[dict] = field(default_factory=list)
    anchors: frozenset[str] = frozenset()
    anchor_links: tuple[tuple[str, str], ...] = ()  # (target source path, anchor) of each link with an anchor
    problems: tuple[tuple[str, str], ...] = ()  # (link as written, what is wrong in words) for links that lead nowhere
    search: tuple[dict, ...] = ()


def prepare_page(html: str, src_uri: str, *, title: str, indexed: bool = True) -> PreparedPage:
    """Heading ids, contents, words kept apart, and search entries (none when ``indexed`` is False).

    None of it depends on other pages, so it is made once with the page (and kept with it in the
    build cache); only the links wait for the whole site (:func:`link_page`). Search text never
    includes a link's address, so it is the same before and after.
    """
    html, toc, anchors = _headings(html)
    html = space_between_blocks(html)
    search = search_entries(html, url_of_source(src_uri).lstrip("/"), title) if indexed else ()
    targets = dict.fromkeys(target for match in _LINK.finditer(html) if (target := _target(html_lib.unescape(match.group(2)), src_uri)))
    return PreparedPage(html, toc, frozenset(anchors), tuple(search), tuple(targets))


def link_inputs(prepared: PreparedPage, pages: Mapping[str, str], exists: Callable[[str], bool]) -> list[tuple[str, str | bool]]:
    """What :func:`link_page` reads of the rest of the site for this page: the address of each page it links
    to, and whether each other path it links to is a file. The same inputs, the same finished page."""
    return [(target, pages[target] if target in pages else exists(target)) for target in prepared.targets]


def link_page(prepared: PreparedPage, src_uri: str, pages: Mapping[str, str], exists: Callable[[str], bool]) -> FinishedPage:
    """``prepared`` with its links made URLs; ``pages`` maps page sources to URLs, ``exists`` says a file is there."""
    problems: list[tuple[str, str]] = []
    anchor_links: list[tuple[str, str]] = []

    def rewrite(match: re.Match) -> str:
        raw = match.group(2)
        url = html_lib.unescape(raw)
        new = _link(url, src_uri, pages, exists, problems, anchor_links)
        return match.group(0) if new == url else match.group(1) + html_lib.escape(new, quote=True) + match.group(3)

    html = _LINK.sub(rewrite, prepared.html)
    return FinishedPage(html, prepared.toc, prepared.anchors, tuple(anchor_links), tuple(problems), prepared.search)


def finish_page(html: str, src_uri: str, pages: Mapping[str, str], exists: Callable[[str], bool], *, title: str,
                indexed: bool = True) -> FinishedPage:
    """``html`` of the page at ``src_uri``, prepared and linked."""
    return link_page(prepare_page(html, src_uri, title=title, indexed=indexed), src_uri, pages, exists)


def _link(url: str, src_uri: str, pages: Mapping[str, str], exists: Callable[[str], bool],
          problems: list[tuple[str, str]], anchor_links: list[tuple[str, str]]) -> str:
    """A link as MkDocs would publish it (``mkdocs.structure.pages._RelativePathTreeprocessor``)."""
    scheme, netloc, path, query, anchor = urlsplit(url)
    if scheme or netloc or url.startswith(("/", "\\")):
        return url  # another site, or an absolute path: left as it is
    if not path:
        if anchor:
            anchor_links.append((src_uri, anchor))
        return url
    target = _resolve(path, src_uri)
    if target in pages:
        if anchor:
            anchor_links.append((target, anchor))
        return urlunsplit(("", "", relative_url(pages[target], url_of_source(src_uri)), query, anchor))
    if exists(target):
        return url  # a file beside the page: a generated page's folder is its URL's folder, so the path holds
    if posixpath.splitext(path)[1]:
        problems.append((url, f"links to '{url}', but {target} is neither a page nor a file of the portal: link to a page "
                              "that exists, by its file (../other-id/index.md) or its address (/eqias/other-id/)"))
    return url  # no file extension: an address MkDocs leaves as written (and only mentions)


def _target(url: str, src_uri: str) -> str | None:
    """The source path a link of the page at ``src_uri`` leads to; None for another site, an absolute path or an anchor."""
    scheme, netloc, path, _, _ = urlsplit(url)
    if scheme or netloc or url.startswith(("/", "\\")) or not path:
        return None
    return _resolve(path, src_uri)


def _resolve(path: str, src_uri: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)).lstrip("/"))


def _free_of_the_page(anchor: str) -> str:
    """A heading's id, never one of those the page around it uses (a heading "__config" or "eqp-main")."""
    return "h-" + anchor if RESERVED_ID.match(anchor) else anchor


def _headings(html: str) -> tuple[str, list[dict], set[str]]:
    """Every heading given an id (as the ``toc`` extension would), the nested contents, and all ids on the page."""
    used = set(_ID.findall(html))
    counters: dict[str, int] = {}
    tokens: list[dict] = []

    def give_id(match: re.Match) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        name = strip_tags(inner)
        found = id_of(attrs)
        if found is not None:
            anchor = found
        else:
            anchor = unique(_free_of_the_page(slugify(html_lib.unescape(name), "-")), used, counters)
            used.add(anchor)
            attrs += f' id="{anchor}"'
        tokens.append({"level": level, "id": html_lib.unescape(anchor), "name": name, "html": inner, "data-toc-label": ""})
        return f"<h{level}{attrs}>{inner}</h{level}>"

    html = _HEADING.sub(give_id, html)
    return html, nest_toc_tokens(tokens), used
