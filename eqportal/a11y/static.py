"""Checks axe-core does not make, run on the HTML text of one page (fast, no browser).

Each check is a function ``(page) -> Iterable[PageProblem]`` listed in ``CHECKS``; the site-wide
check (unique titles) lives in ``check_titles``. Rules are named so an editor can search for them
in ACCESSIBILITY.md: table-caption, table-scope, heading-one-h1, heading-order, heading-fake,
link-text, link-same-text, abbr-unexplained, avoid-term, colour-only, html-lang, page-title,
title-unique, skip-link, button-name, unsafe-markup, unsafe-document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable
from urllib.parse import urljoin, urldefrag

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.selector import css_selector
from eqportal.glossary import Term, abbreviations

# Link texts that make no sense out of context (WCAG 2.4.4 / 2.4.9), compared lower-cased.
VAGUE_LINK_TEXTS = frozenset(
    {"click here", "click", "here", "read more", "more", "more info", "more information", "link", "this link",
     "this page", "learn more", "find out more", "continue", "details", "go",
     # a longer list, from public-sector audits: words that only make sense beside what precedes them
     "read more here", "more here", "see more", "see here", "view", "view more", "view here", "this", "that",
     "download", "download here", "download this", "document", "this document", "file", "this file", "pdf",
     "website", "this website", "web page", "page", "info", "information", "further information",
     "more details", "full details", "further details", "link here", "go here", "here.", "click", "press here",
     "tap here", "open", "read this", "see this", "see link", "visit", "visit this page", "find out", "more...",
     "read on", "image", "icon", "arrow", "button"}
)
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.I)
# Rating or status shown with a colour: the modifier word must also be written inside.
RATING_CLASS = re.compile(r"^eqp-[a-z-]*(?:rating|impact|status)[a-z-]*--([a-z0-9-]+)$")
# Words that say the same as a rating modifier (``eqp-rating--unknown`` may read "Not known").
RATING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "unknown": ("not known",),
    "none": ("no impact",),
    "superseded": ("replaced",),
}
SAME_PAGE_LINK = re.compile(r"^#.+")
BUTTON_INPUT = re.compile(r"^(button|submit|reset)$")
NOT_TEXT = ("script", "style", "code", "pre", "kbd", "samp", "template", "noscript", "svg")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class Page:
    """One built page: its URL on the site and its parsed HTML."""

    url: str
    html: str
    glossary: dict[str, Term] = field(default_factory=abbreviations)

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @cached_property
    def body(self) -> Tag:
        return self.soup.body or self.soup

    @cached_property
    def content(self) -> Tag:
        """The page's own content (not the site navigation), where abbreviations are explained."""
        return self.soup.find("article") or self.soup.find("main") or self.body

    # Every element of the body, and of the content, in document order, walked once: each check picks
    # what it needs from these lists instead of searching the whole tree again (BeautifulSoup's
    # find_all, two dozen times a page, was half of the static checks' time).
    @cached_property
    def elements(self) -> list[Tag]:
        return [el for el in self.body.descendants if isinstance(el, Tag)]

    @cached_property
    def content_elements(self) -> list[Tag]:
        return self.elements if self.content is self.body else [el for el in self.content.descendants if isinstance(el, Tag)]

    @cached_property
    def _by_name(self) -> dict[tuple[bool, str], list[Tag]]:
        found: dict[tuple[bool, str], list[Tag]] = defaultdict(list)
        for el in self.elements:
            found[(False, el.name)].append(el)
        for el in self.content_elements:
            found[(True, el.name)].append(el)
        return found

    def tags(self, names: str | Iterable[str] | None = None, *, content: bool = False, having: str | None = None) -> list[Tag]:
        """The elements named ``names`` (one name, several, or None for any) in the body, or in the
        content, that have the attribute ``having`` if given, in document order."""
        everything = self.content_elements if content else self.elements
        if names is None:
            found = everything
        elif isinstance(names, str):
            found = self._by_name.get((content, names), [])
        else:
            wanted = set(names)
            found = [el for el in everything if el.name in wanted]
        return found if having is None else [el for el in found if el.has_attr(having)]

    @cached_property
    def text_nodes(self) -> list[NavigableString]:
        """The content's text, without comments or what is not read as text (NOT_TEXT)."""
        return [s for s in self.content.find_all(string=True) if not isinstance(s, Comment) and not _inside(s, NOT_TEXT)]

    @cached_property
    def is_redirect(self) -> bool:
        """A stub that sends the reader on at once (``<meta http-equiv="refresh">``)."""
        return self.soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}) is not None

    @property
    def title(self) -> str:
        tag = self.soup.find("title")
        return " ".join(tag.get_text().split()) if tag else ""

    def problem(self, rule: str, message: str, el: Tag | None = None) -> PageProblem:
        return PageProblem(self.url, rule, message, css_selector(el) if el is not None else "")


def accessible_name(el: Tag, soup: BeautifulSoup) -> str:
    """A close-enough accessible name: aria-labelledby, aria-label, text with image alts, title."""
    if el.get("aria-labelledby"):
        parts = [soup.find(id=i) for i in el["aria-labelledby"].split()]
        name = " ".join(p.get_text(" ") for p in parts if p)
        if name.strip():
            return " ".join(name.split())
    if (el.get("aria-label") or "").strip():
        return " ".join(el["aria-label"].split())
    bits = [s for s in el.find_all(string=True) if not isinstance(s, Comment) and not _inside(s, ("style", "script"))]
    text = " ".join(bits)
    text += " " + " ".join(img.get("alt", "") for img in el.find_all("img"))
    if el.name == "input":
        text += " " + (el.get("value") or "")
    text = " ".join(text.split())
    return text or " ".join((el.get("title") or "").split())


def _inside(node: NavigableString | Tag, names: tuple[str, ...]) -> bool:
    return any(p.name in names for p in node.parents)


def _is_layout_table(table: Tag) -> bool:
    return table.get("role") in ("presentation", "none") or "highlighttable" in (table.get("class") or [])


def check_tables(page: Page) -> Iterable[PageProblem]:
    for table in page.tags("table"):
        if _is_layout_table(table):
            continue
        caption = table.find("caption")
        if caption is None or not caption.get_text(strip=True):
            yield page.problem("table-caption", "data table has no <caption> saying what it shows", table)
        headers = table.find_all("th")
        if not headers:
            yield page.problem("table-scope", "data table has no header cells (<th>)", table)
        unscoped = [th for th in headers if th.get("scope") not in ("col", "row", "colgroup", "rowgroup")]
        if unscoped:
            yield page.problem("table-scope", f"{len(unscoped)} header cell(s) without scope=\"col\" or \"row\"", table)


def check_headings(page: Page) -> Iterable[PageProblem]:
    headings = page.tags(HEADINGS)
    h1s = [h for h in headings if h.name == "h1"]
    if len(h1s) != 1:
        yield page.problem("heading-one-h1", f"page has {len(h1s)} <h1> headings; it needs exactly one",
                           h1s[1] if len(h1s) > 1 else None)
    level = 0
    for h in headings:
        new = int(h.name[1])
        if level and new > level + 1:
            yield page.problem("heading-order", f"<{h.name}> follows <h{level}>: heading levels skip h{level + 1}", h)
        level = new
    for p in page.tags("p"):
        children = [c for c in p.children if not (isinstance(c, NavigableString) and not c.strip())]
        if len(children) == 1 and isinstance(children[0], Tag) and children[0].name in ("strong", "b"):
            text = children[0].get_text(" ", strip=True)
            if text and len(text) <= 80 and not text.endswith((".", "!", "?", ":")):
                yield page.problem("heading-fake", f"bold paragraph \"{text}\" looks like a heading; use <h2>-<h6>", p)


def check_links(page: Page) -> Iterable[PageProblem]:
    targets: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Tag] = {}
    for a in page.tags("a", having="href"):
        name = accessible_name(a, page.soup)
        if a["href"].startswith(("#", "javascript:")):
            continue
        lowered = name.lower().strip(" .:!")
        if lowered in VAGUE_LINK_TEXTS:
            yield page.problem("link-text", f"link text \"{name}\" does not make sense on its own", a)
        elif BARE_URL.match(name):
            yield page.problem("link-text", f"link text is a bare web address \"{name}\"; name the page instead", a)
        if name:
            target = urldefrag(urljoin(page.url, a["href"]))[0].removesuffix("index.html")
            targets[lowered].add(target)
            first.setdefault(lowered, a)
    for text, hrefs in targets.items():
        if len(hrefs) > 1:
            shown = ", ".join(sorted(hrefs))
            yield page.problem("link-same-text", f"links named \"{text}\" go to {len(hrefs)} places ({shown})",
                               first[text])


def check_abbreviations(page: Page) -> Iterable[PageProblem]:
    """Each glossary abbreviation must be in <abbr title> or follow its expansion, the first time."""
    terms = page.glossary
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")s?(?![\w-])")
    explained: set[str] = set()
    seen_text = ""
    for s in page.text_nodes:
        abbr = next((p for p in s.parents if p.name == "abbr"), None)
        for m in pattern.finditer(str(s)):
            short = m.group(1)
            term = terms[short]
            if term.avoid:
                if short not in explained:
                    explained.add(short)
                    yield page.problem("avoid-term", f"\"{short}\": {term.avoid}", s.parent)
                continue
            if short in explained:
                continue
            explained.add(short)
            before = (seen_text + " " + str(s)[: m.start()]).lower()
            if abbr is not None and abbr.get("title", "").strip():
                continue
            if " ".join(term.term.lower().split()) in " ".join(before.split()):
                continue
            yield page.problem(
                "abbr-unexplained",
                f"\"{short}\" is used before it is explained; write \"{term.term} ({short})\" the first time",
                s.parent,
            )
        seen_text += " " + str(s)


def _rated(page: Page) -> list[Tag]:
    """Elements with a rating modifier class (as BeautifulSoup's ``class_=RATING_CLASS`` finds them)."""
    return [el for el in page.elements if el.get("class")
            and (any(RATING_CLASS.search(c) for c in el["class"]) or RATING_CLASS.search(" ".join(el["class"])))]


def check_colour_only(page: Page) -> Iterable[PageProblem]:
    for el in _rated(page):
        for cls in el.get("class", []):
            m = RATING_CLASS.match(cls)
            if not m:
                continue
            word = m.group(1).replace("-", " ")
            text = " ".join(el.get_text(" ").replace("-", " ").lower().split())
            if not any(w in text for w in (word, *RATING_SYNONYMS.get(m.group(1), ()))):
                yield page.problem("colour-only", f"rating \"{word}\" is shown by colour alone; write the word", el)


def check_document(page: Page) -> Iterable[PageProblem]:
    html = page.soup.find("html")
    if html is None or not (html.get("lang") or "").strip():
        yield page.problem("html-lang", "<html> has no lang attribute")
    if not page.title:
        yield page.problem("page-title", "page has no <title>")
    skip = None
    for a in page.tags("a", having="href"):
        if SAME_PAGE_LINK.search(a["href"]) and "skip" in a.get_text().lower() and page.soup.find(id=a["href"][1:]):
            skip = a
            break
    if skip is None and not page.is_redirect:  # a redirect stub has no repeated blocks to skip (WCAG 2.4.1)
        yield page.problem("skip-link", "no skip link to the main content (an <a href=\"#...\"> to an existing id)")


UNSAFE_TAGS = ("script", "iframe", "frame", "object", "embed")


def check_unsafe_markup(page: Page) -> Iterable[PageProblem]:
    """Content comes from many hands: nothing in a page's own content may run script or frame another site.

    Bodies are sanitised when they are rendered; this is the net under that, over every built page.
    """
    for el in page.tags(UNSAFE_TAGS, content=True):
        yield page.problem("unsafe-markup", f"<{el.name}> in the page content; content may not carry scripts or frames", el)
    for el in page.content_elements:
        handlers = sorted(a for a in el.attrs if a.lower().startswith("on"))
        if handlers:
            yield page.problem("unsafe-markup", f"event handler attribute {', '.join(handlers)} in the page content", el)
        for attr in ("href", "src", "action", "formaction", "xlink:href"):
            if str(el.get(attr, "")).strip().lower().replace(" ", "").startswith(("javascript:", "vbscript:", "data:text/html")):
                yield page.problem("unsafe-markup", f"a {attr}= that runs script in the page content", el)


# Link relations that only name another address; every other <link> makes the browser fetch it.
NAVIGATION_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "help", "search", "bookmark", "external", "nofollow", "noopener", "noreferrer"}
FETCHING = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
            "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
            "form": ("action",), "button": ("formaction",), "object": ("data",), "embed": ("src",)}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)
# "5; url=/x", and what browsers also follow: "0;https://host/" with no "url=", "0; url=' https://host/'".
REFRESH_URL = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?\s*([^'\"\s][^'\"]*)", re.I)


def _urls(el: Tag) -> Iterable[tuple[str, str]]:
    """(attribute, URL) for everything in ``el`` that a browser fetches or runs without a click."""
    for attr in FETCHING.get(el.name, ()):
        value = el.get(attr)
        if value:
            for part in (value.split(",") if attr == "srcset" else [value]):
                if part.strip():
                    yield attr, part.strip().split()[0]
    if el.name == "link" and el.get("href"):
        rels = {r.lower() for r in (el.get("rel") or [])}
        if not rels or rels - NAVIGATION_RELS:
            yield "href", el["href"]
    if el.name == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
        found = REFRESH_URL.search(el.get("content", ""))
        if found:
            yield "content", found.group(1)
    for found in CSS_URL.finditer(el.get("style") or ""):
        yield "style", found.group(1)
    if el.name == "style":
        for found in CSS_URL.finditer(el.get_text()):
            yield "style", found.group(1)


def check_document_safety(page: Page) -> Iterable[PageProblem]:
    """The whole document, ``<head>`` and theme included, not only the page content (rule unsafe-document).

    No script but the theme's own (files under assets/ of this site, inline scripts exactly as the
    theme writes them), no event handler, frame or plugin anywhere, nothing fetched from another
    host, and the Content-Security-Policy that says so to the browser.
    """
    from eqportal.render.urls import is_offsite
    from eqportal.site.csp import has_csp, is_executable, is_theme_script

    if not has_csp(page.html):
        yield page.problem("unsafe-document", "the page's <head> has no Content-Security-Policy, ahead of its scripts and styles, "
                           "that allows nothing from another host (<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; ...\">)")
    content = page.content
    in_content_ids = set() if content is page.body else {id(content)} | {id(el) for el in page.content_elements}
    for el in page.soup.find_all(True):
        in_content = id(el) in in_content_ids
        if el.name == "script":
            attrs = " ".join(f"{k}={v}" for k, v in el.attrs.items() if k == "type")
            if el.get("src"):
                src = el["src"]
                if is_offsite(src) or "assets/javascripts/" not in src:
                    yield page.problem("unsafe-document", f"<script src=\"{src[:80]}\"> is not one of the theme's scripts", el)
            elif is_executable(attrs) and el.get_text().strip() and not is_theme_script(el.get_text()):
                yield page.problem("unsafe-document", "an inline <script> that is not one of the theme's own", el)
            continue
        if not in_content:  # inside the content, check_unsafe_markup reports these already
            if el.name in UNSAFE_TAGS:
                yield page.problem("unsafe-document", f"<{el.name}> in the page; no page may carry frames or plugins", el)
            handlers = sorted(a for a in el.attrs if a.lower().startswith("on"))
            if handlers:
                yield page.problem("unsafe-document", f"event handler attribute {', '.join(handlers)} in the page", el)
            for attr in ("href", "src", "action", "formaction", "xlink:href"):
                if str(el.get(attr, "")).strip().lower().replace(" ", "").startswith(("javascript:", "vbscript:", "data:text/html")) \
                        and not str(el.get(attr)).strip().lower().startswith("javascript:void(0)"):
                    yield page.problem("unsafe-document", f"a {attr}= that runs script in the page", el)
        for attr, url in _urls(el):
            if url.lower().startswith("data:") and el.name in ("img", "source", "link"):
                continue  # inline images (the theme's icons) fetch nothing
            if is_offsite(url):
                yield page.problem("unsafe-document", f"{attr}=\"{url[:80]}\" makes every reader's browser contact another host", el)


def check_buttons(page: Page) -> Iterable[PageProblem]:
    controls = page.tags("button") + [el for el in page.tags(having="role") if el["role"] == "button"]
    controls += [el for el in page.tags("input") if BUTTON_INPUT.search(el.get("type") or "")]
    for el in controls:
        if el.name == "input" and el.get("type") in ("submit", "reset") and not el.get("value"):
            continue  # the browser supplies "Submit"/"Reset"
        if not accessible_name(el, page.soup):
            yield page.problem("button-name", "button has no accessible name", el)


CHECKS: tuple[Callable[[Page], Iterable[PageProblem]], ...] = (
    check_document,
    check_tables,
    check_headings,
    check_links,
    check_abbreviations,
    check_colour_only,
    check_buttons,
    check_unsafe_markup,
    check_document_safety,
)


def check_page(url: str, html: str) -> list[PageProblem]:
    """Every static problem on one page."""
    page = Page(url, html)
    return [p for check in CHECKS for p in check(page)]


def check_titles(titles: dict[str, str]) -> list[PageProblem]:
    """Titles must be unique across the site (WCAG 2.4.2): ``titles`` maps url to title."""
    by_title: dict[str, list[str]] = defaultdict(list)
    for url, title in sorted(titles.items()):
        if title:
            by_title[title].append(url)
    out = []
    for title, urls in by_title.items():
        for url in urls[1:]:
            out.append(PageProblem(url, "title-unique", f"title \"{title}\" is also the title of {urls[0]}"))
    return out


# The checks for what content brings in live in their own module; they run with these.
from eqportal.a11y.content_checks import CONTENT_CHECKS  # noqa: E402

CHECKS = CHECKS + CONTENT_CHECKS
