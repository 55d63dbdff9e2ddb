"""Render a content body (Markdown, possibly with raw HTML) into safe, sectioned HTML.

The body's ``## `` headings become the page's sections: each is returned separately so the
page can list them in a contents list and give them stable anchors. Everything inside a
section is converted with markdown-it-py (CommonMark, tables, definition lists), sanitised with
nh3, and its headings are moved under the section heading without skipping a level.

No body may stall the build. Python-Markdown, used before, takes quadratic time on runs of
``[``, ``<a `` or ``: `` lines (8,000 ``[`` took 9.7 s; a 1 MiB body would take days) and
overflows the stack on deep nesting. markdown-it-py parses most pathological input in linear
time and never recurses without limit, but still scans from each ``[`` (or definition line)
to the end of its paragraph. So the work is bounded before anything is rendered, and what is
beyond the bounds is a content error (:class:`BodyTooComplex`, with its line), never cut off
silently: a body of at most :data:`MAX_BODY_CHARS`; per paragraph, the count of ``[`` and of
definition lines times the paragraph's length at most :data:`MAX_BLOCK_COST`; lists and quotes
at most :data:`MAX_NESTING` deep; elements at most :data:`MAX_HTML_DEPTH` deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape as html_escape
from typing import Iterable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin

from eqportal.buildcache import Packed, Store, compute_all, key
from eqportal.registry import slug
from eqportal.render.sanitise import clean, well_formed, without_ids
from eqportal.render.tables import SCROLL_CLASS

# The longest body in the sample content is 11,000 characters; longer prose belongs in linked documents.
MAX_BODY_CHARS = 100_000
# A paragraph's scanning work: (``[`` + definition lines) x characters. 5,000 ``[`` in a row is
# the limit (a few tenths of a second); a table of 500 rows with a link in each is half of it.
MAX_BLOCK_COST = 25_000_000
BLOCK = re.compile(r"(?:^[ \t]*\S.*(?:\n|$))+", re.M)
DEF_LINE = re.compile(r"^[ \t]{0,3}[:~][ \t]", re.M)
# Lists in lists or quotes in quotes: a reader cannot follow more than this, and each level costs stack.
MAX_NESTING = 8
# Elements inside each other in the HTML a body makes (emphasis, raw HTML): far beyond any real text.
MAX_HTML_DEPTH = 40
# markdown-it's own cap, above ours so that ours is the one that reports.
_PARSER_NESTING = 4 * MAX_NESTING + 10
SECTION = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.I)


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    html: str


@dataclass(frozen=True)
class Body:
    intro_html: str
    sections: list[Section]


class BodyTooComplex(ValueError):
    """A body nested too deeply to render or read; ``line`` counts from the body's first line (1)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


# Bodies rendered ahead: by ``prerender`` (in a pool of processes, or kept in the build cache, where
# each is read only if a page that shows it is rendered again: a rebuild renders few), or while the
# content was checked (``keep_rendered``).
_rendered: dict[tuple[str, frozenset[str]], Body | Packed[Body] | _Kept] = {}


@dataclass(frozen=True)
class _Kept:
    """A body kept in a build-cache store under ``digest``, not read yet."""

    store: Store
    digest: str


def keep_rendered(text: str, reserved: frozenset[str], body: Body) -> None:
    """A body rendered elsewhere (a worker checking the content), for the build to use rather than render again."""
    _rendered[(text, frozenset(reserved))] = body


def render_body(text: str, *, reserved: set[str] = frozenset()) -> Body:
    """Split at ``## `` headings (outside code fences) and render each part safely.

    Raises :class:`BodyTooComplex` for a body nested too deeply; ``eqportal check`` renders
    every body the same way, so a build never meets one.
    """
    if len(text) > MAX_BODY_CHARS:
        raise BodyTooComplex(1, f"is {len(text):,} characters long; a body may be at most {MAX_BODY_CHARS:,}: "
                                "split it, or move long annexes to linked documents")
    known = (text, frozenset(reserved))
    ready = _rendered.get(known)
    if isinstance(ready, _Kept):
        ready = ready.store.get(ready.digest)  # read now: its file of the store, once
    if isinstance(ready, Packed):
        ready = _rendered[known] = ready.value()  # unpacked once, for every page that shows it
    return ready if ready is not None else _render_body(text, frozenset(reserved))


def _render_job(job: tuple[str, tuple[str, ...]]) -> Packed[Body] | None:
    """One body for :func:`prerender`, packed; ``None`` for one too long or complex (``render_body`` then raises as usual)."""
    text, reserved = job
    if len(text) > MAX_BODY_CHARS:
        return None
    try:
        return Packed.of(_render_body(text, frozenset(reserved)))
    except BodyTooComplex:
        return None


def prerender(jobs: Iterable[tuple[str, Iterable[str]]], store: Store) -> None:
    """Render every body a build will need before its pages are generated.

    Bodies unchanged since the last build come from ``store`` (by the hash of their text and
    reserved anchors); new ones are rendered in a pool of processes when there are many, so a cold
    build uses every core. ``render_body`` then finds them ready, reading a kept one from ``store`` when
    it is first asked for (``store`` may be lazy: see :class:`~eqportal.buildcache.Store`).
    """
    items = [(key("body", "\0".join(sorted(reserved)), text), (text, tuple(sorted(reserved)))) for text, reserved in jobs]
    for digest, (text, reserved) in items:
        ready = _rendered.get((text, frozenset(reserved)))  # rendered while the content was checked (eqportal.loader)
        if isinstance(ready, _Kept) and digest not in store:
            ready = ready.store.get(ready.digest)  # kept for an earlier build in this process, in another store
        if ready is not None and digest not in store:
            store.put(digest, ready if isinstance(ready, Packed) else Packed.of(ready))
    compute_all(items, store, _render_job)
    _rendered.clear()
    for digest, (text, reserved) in items:
        if digest in store:
            _rendered[(text, frozenset(reserved))] = _Kept(store, digest)


# What an HTML parser takes for a comment: <!-- ... --> (also ended by --!>, or <!--> and <!---> alone),
# and the "bogus" ones, <?...> and <!...> (<![CDATA[...]]>, <!note ...>), which end at the first '>'.
_COMMENT = re.compile(r"<!--(?:>|->|.*?(?:--!?>|$))|<[!?](?!--)[^>]*>?", re.S)
_CODE_FENCE = re.compile(r"^ {0,3}(```|~~~)")  # four spaces in, it is a line of indented code, no fence


def without_comments(text: str) -> str:
    """A Markdown body without its HTML comments, which editors use for notes not meant for readers:
    the page never shows them, and neither may the open data that publishes the body as written.
    Comments inside fenced code are code, and stay."""
    out, prose, fenced = [], [], False
    for line in text.splitlines(keepends=True):
        if _CODE_FENCE.match(line):
            if not fenced:
                out.append(_COMMENT.sub("", "".join(prose)))
                prose = []
            fenced = not fenced
            out.append(line)
        elif fenced:
            out.append(line)
        else:
            prose.append(line)
    out.append(_COMMENT.sub("", "".join(prose)))
    return "".join(out)


@lru_cache(maxsize=256)  # check and build render the same bodies; each is rendered once per process
def _render_body(text: str, reserved: frozenset[str]) -> Body:
    parts: list[tuple[str | None, int, list[str]]] = [(None, 1, [])]
    in_fence = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else SECTION.match(line)
        if heading:
            parts.append((heading.group(1).strip(), number + 1, []))
        else:
            parts[-1][2].append(line)
    used = set(reserved)
    sections = []
    for title, first, lines in parts[1:]:
        anchor = slug(title) or "section"
        while anchor in used:
            anchor += "-more"
        used.add(anchor)
        sections.append(Section(title, anchor, _part_html("\n".join(lines), first, top=3, table_title=title)))
    # No element of the body keeps an id its page gives (the template's, or a section's anchor): two would clash.
    return Body(without_ids(_part_html("\n".join(parts[0][2]), 1, top=3), used),
                [Section(s.title, s.anchor, without_ids(s.html, used)) for s in sections])


def _part_html(text: str, first_line: int, *, top: int, table_title: str | None = None) -> str:
    try:
        return to_html(text, top=top, table_title=table_title)
    except BodyTooComplex as err:
        raise BodyTooComplex(first_line + err.line - 1, err.message) from None


_parser = MarkdownIt("commonmark", {"html": True, "maxNesting": _PARSER_NESTING}).enable("table").use(deflist_plugin)
_CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open", "dl_open"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {"br", "hr", "img", "wbr", "col", "area", "source", "input", "meta", "link"}


@lru_cache(maxsize=256)
def to_html(text: str, *, top: int, table_title: str | None = None) -> str:
    """Markdown to sanitised, well-formed HTML whose headings start at ``top`` and never skip a level.

    Tables get their caption and scroll region here, where they are made; one with no heading
    of its own above it is captioned ``table_title`` (the section it sits in). Raises :class:`BodyTooComplex` (line counted from 1 at the start of ``text``) rather than
    render something nested beyond what people can read.
    """
    if not text.strip():
        return ""
    _refuse_costly(text)
    tokens = _parser.parse(text)
    depth = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            depth += 1
            if depth > MAX_NESTING:
                line = token.map[0] + 1 if token.map else 1
                raise BodyTooComplex(line, f"has lists or quotes nested more than {MAX_NESTING} levels deep; "
                                           "no reader can follow that: flatten them into headings and short lists")
        elif token.type.removesuffix("_close") + "_open" in _CONTAINERS and token.type.endswith("_close"):
            depth -= 1
    _accessible_tables(tokens, table_title or "Table")
    raw = _parser.renderer.render(tokens, _parser.options, {})
    _refuse_deep_html(raw, slack=10)  # raw HTML may leave tags open; the sanitiser's work grows with depth
    html = well_formed(clean(raw))
    _refuse_deep_html(html)
    return _level_headings(html, top)


def _accessible_tables(tokens: list[Token], fallback: str) -> None:
    """Caption (the nearest heading before, numbered when two share one), header scope and a named scroll region."""
    heading: str | None = None
    counts: dict[str, int] = {}
    section = "tbody"
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and index + 1 < len(tokens):
            heading = " ".join("".join(c.content for c in tokens[index + 1].children or [] if c.type in ("text", "code_inline")).split())
        elif token.type in ("thead_open", "tbody_open"):
            section = token.type.removesuffix("_open")
        elif token.type == "th_open":
            token.attrSet("scope", "col" if section == "thead" else "row")
        elif token.type == "table_open":
            nearest = heading or fallback
            counts[nearest] = counts.get(nearest, 0) + 1
            name = nearest if counts[nearest] == 1 else f"{nearest} (table {counts[nearest]})"
            label = html_escape(f"Table: {name}", quote=True)
            before = Token("html_block", "", 0, content=f'<div class="{SCROLL_CLASS}" role="region" aria-label="{label}" tabindex="0">')
            caption = Token("html_block", "", 0, content=f'<caption class="eqp-table__caption">{html_escape(name)}</caption>')
            tokens[index:index + 1] = [before, token, caption]
            index += 2
        elif token.type == "table_close":
            tokens.insert(index + 1, Token("html_block", "", 0, content="</div>"))
            index += 1
        index += 1


def _refuse_costly(text: str) -> None:
    """Bound the parser's work before it starts: size, then each paragraph's brackets times its length."""
    if len(text) > MAX_BODY_CHARS:
        raise BodyTooComplex(1, f"is {len(text):,} characters long; a body may be at most {MAX_BODY_CHARS:,}: "
                                "split it, or move long annexes to linked documents")
    for block in BLOCK.finditer(text):
        chunk = block.group(0)
        openers = chunk.count("[") + len(DEF_LINE.findall(chunk))
        if openers * len(chunk) > MAX_BLOCK_COST:
            line = text.count("\n", 0, block.start()) + 1
            raise BodyTooComplex(line, f"has a paragraph of {len(chunk):,} characters with {openers:,} '[' or definition "
                                       "lines, too many to check as links: split it into shorter paragraphs, "
                                       "or write the brackets as \\[")


def _refuse_deep_html(html: str, slack: int = 1) -> None:
    """Elements inside elements (emphasis, raw HTML) beyond :data:`MAX_HTML_DEPTH` (times ``slack``) are refused, in one pass."""
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth += -1 if closing else 1
        if depth > MAX_HTML_DEPTH * slack:
            raise BodyTooComplex(1, f"puts more than {MAX_HTML_DEPTH} elements inside each other (emphasis or HTML); "
                                    "write it as plain paragraphs")


def _level_headings(html: str, top: int) -> str:
    previous = top - 1
    stack: list[int] = []

    def fix(match: re.Match) -> str:
        nonlocal previous
        closing, level = match.group(1), int(match.group(2))
        if closing:
            return f"</h{stack.pop() if stack else top}"
        new = min(max(level, top), previous + 1, 6)
        previous = new
        stack.append(new)
        return f"<h{new}"

    return HEADING_TAG.sub(fix, html)


def body_problem(text: str, *, top_only: bool = False, reserved: frozenset[str] = frozenset()) -> BodyTooComplex | None:
    """Render ``text`` as the build will and return why it cannot be, or None (for ``eqportal check``).

    ``top_only`` renders the whole body as one part (objectives), otherwise in sections, with the
    page's own anchors ``reserved`` as the build does, so the build can reuse this rendering.
    """
    try:
        if top_only:
            to_html(text, top=2)
        else:
            render_body(text, reserved=reserved)
    except BodyTooComplex as err:
        return err
    except RecursionError:  # pragma: no cover - the limits above keep every parser well inside the stack
        return BodyTooComplex(1, "is too complex to render; simplify its lists, quotes and HTML")
    return None
