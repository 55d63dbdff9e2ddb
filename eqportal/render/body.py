"""Render a content body (Markdown, possibly with raw HTML) into safe, sectioned HTML.

The body's ``## `` headings become the page's sections: each is returned separately so the
page can list them in a contents list and give them stable anchors. Everything inside a
section is converted with Python-Markdown, sanitised with nh3, and its headings are moved
under the section heading without skipping a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import markdown

from eqportal.buildcache import Store, compute_all, key
from eqportal.registry import slug
from eqportal.render.sanitise import clean, well_formed
from eqportal.render.tables import AccessibleTablesExtension

EXTENSIONS = ["tables", "sane_lists", "fenced_code", "def_list", AccessibleTablesExtension()]
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


# Bodies rendered ahead by ``prerender`` (from the build cache, or in a pool of processes).
_rendered: dict[tuple[str, frozenset[str]], Body] = {}


def render_body(text: str, *, reserved: set[str] = frozenset()) -> Body:
    """Split at ``## `` headings (outside code fences) and render each part safely."""
    ready = _rendered.get((text, frozenset(reserved)))
    return ready if ready is not None else _render_body(text, reserved)


def _render_job(job: tuple[str, tuple[str, ...]]) -> Body:
    text, reserved = job
    return _render_body(text, set(reserved))


def prerender(jobs: Iterable[tuple[str, Iterable[str]]], store: Store) -> None:
    """Render every body a build will need before its pages are generated.

    Bodies unchanged since the last build come from ``store`` (by the hash of their text and
    reserved anchors); new ones are rendered in a pool of processes when there are many, so a cold
    build uses every core. ``render_body`` then finds them ready.
    """
    items = [(key("body", "\0".join(sorted(reserved)), text), (text, tuple(sorted(reserved)))) for text, reserved in jobs]
    compute_all(items, store, _render_job)
    _rendered.clear()
    for digest, (text, reserved) in items:
        _rendered[(text, frozenset(reserved))] = store.get(digest)


def _render_body(text: str, reserved: set[str] | frozenset[str]) -> Body:
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else SECTION.match(line)
        if heading:
            parts.append((heading.group(1).strip(), []))
        else:
            parts[-1][1].append(line)
    used = set(reserved)
    sections = []
    for title, lines in parts[1:]:
        anchor = slug(title) or "section"
        while anchor in used:
            anchor += "-more"
        used.add(anchor)
        sections.append(Section(title, anchor, to_html("\n".join(lines), top=3, table_title=title)))
    return Body(to_html("\n".join(parts[0][1]), top=3), sections)


_converter = markdown.Markdown(extensions=EXTENSIONS, output_format="html")


def to_html(text: str, *, top: int, table_title: str | None = None) -> str:
    """Markdown to sanitised, well-formed HTML whose headings start at ``top`` and never skip a level.

    Tables get their caption and scroll region here, where they are made; one with no heading
    of its own above it is captioned ``table_title`` (the section it sits in).
    """
    if not text.strip():
        return ""
    _converter.reset()  # one converter, reset per use: setting one up costs more than a section
    _converter.eqp_table_title = table_title
    html = well_formed(clean(_converter.convert(text)))
    return _level_headings(html, top)


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
