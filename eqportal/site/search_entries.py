"""The search-index entries Material for MkDocs would make for a page, made without html.parser.

Material's search plugin feeds every page through an ``html.parser`` subclass, which is the slowest
step of the build. The portal knows the HTML of its pages, so it hands Material the entries itself.
This module reproduces, byte for byte, ``Parser`` and ``SearchIndex.create_entry_for_section`` of
Material 9.8 (``material/plugins/search/plugin.py``), quirks included: an excluded element is
skipped by tag name, as Material compares its elements by tag (the first ``</div>`` inside an
excluded ``<div>`` ends the skipping), and text inside any open element with the heading's tag
counts as heading text. A compiled regular expression splits the HTML into the same pieces
html.parser would; a page with markup it leaves alone (script and style elements, unquoted attribute
values, ``<![CDATA[``, stray ``<``...) goes through ``html.parser`` instead, so the answer is the same.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser

_WS = "[ \t\n\r\f]"
_NAME = "[a-zA-Z_:@][-a-zA-Z0-9_:.@]*"
_VALUE = rf"""{_WS}*={_WS}*(?:"[^"]*"|'[^']*')"""
# One match per call html.parser makes to its handlers: (text, tag, attributes, "/" of "<br/>", end
# tag, markup left to html.parser). Comments, <!DOCTYPE> and <?...> match with every group empty.
_TOKEN = re.compile(
    r"([^<]+|<(?![a-zA-Z/!?]))"  # a "<" that starts no markup is text of its own
    r"|<(?![sS][cC][rR][iI][pP][tT][ \t\n\r\f/>]|[sS][tT][yY][lL][eE][ \t\n\r\f/>])"
    rf"([a-zA-Z][a-zA-Z0-9-]*)((?:{_WS}+{_NAME}(?:{_VALUE})?)*){_WS}*(/?)>"
    rf"|</([a-zA-Z][-.a-zA-Z0-9:_]*){_WS}*>"
    r"|<!--.*?--\s*>|<![dD][oO][cC][tT][yY][pP][eE][^>]*>|<\?[^>]*>"
    r"|(<)",
    re.S,
)
_ATTR = re.compile(rf"""{_WS}+({_NAME})({_WS}*={_WS}*(?:"([^"]*)"|'([^']*)'))?""")

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_KEEP = frozenset("p code pre li ol ul sub sup".split())
_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
_ATTR_TAGS = _HEADINGS | {"a"}  # their id, or class="headerlink", matters
_COUNTED = _HEADINGS | {"hx", "pre"}  # open elements counted to tell "in the heading", "in <pre>"
_ALWAYS_SKIPPED = frozenset(("object", "script", "style"))
_INF = float("inf")


class _Unsupported(Exception):
    """Markup the regular expression does not split as html.parser would."""


def _attrs(text: str) -> dict[str, str | None]:
    attrs: dict[str, str | None] = {}
    for name, equals, double, single in _ATTR.findall(text):
        value = (double or single) if equals else None
        attrs[name.lower()] = unescape(value) if value and "&" in value else value
    return attrs


class _Recorder(HTMLParser):
    """html.parser's handler calls, as tuples shaped like the matches of ``_TOKEN``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("", tag, dict(attrs), "", "", ""))

    def handle_endtag(self, tag):
        self.tokens.append(("", "", "", "", tag, ""))

    def handle_data(self, data):
        self.tokens.append((data, "", "", "", "", ""))


_ANY_TAG = re.compile(r"<[^>]*>?")


def safe_title(title: str) -> str:
    """A search entry's title as Material's search box may show it: the bare tags Material keeps from
    headings (``<code>``, ``<sup>``...) and escaped text; anything else escaped whole. Material takes a
    page's front-matter title raw where a section has no heading text (hand-written pages in docs/)."""
    for tag in _ANY_TAG.finditer(title):
        name = tag.group(0)[1:-1].removeprefix("/")
        if not tag.group(0).endswith(">") or name not in _KEEP:
            return escape(title, quote=False)
    return title


def search_entries(html: str, url: str, title: str) -> list[dict[str, str]]:
    """The entries {location, title, text} Material's search plugin makes for a page whose content is ``html``."""
    try:
        sections = _sections(_TOKEN.findall(html), unescaped=False)
    except _Unsupported:
        recorder = _Recorder()
        recorder.feed(html)
        recorder.close()
        sections = _sections(recorder.tokens, unescaped=True)
    entries = []
    # Material's search box shows an entry's title as HTML. Heading text arrives escaped; the page title,
    # which Material takes raw for a section without heading text, is escaped here like it.
    page_title = escape(str(title), quote=False)
    for _tag, excluded, _depth, id_, heading, text in sections:
        if not excluded:
            entries.append({
                "location": url + "#" + id_ if id_ else url,
                "title": ("".join(heading) if heading else page_title).strip(),
                "text": "".join(text).strip(),
            })
    return entries


def _sections(tokens: list[tuple], unescaped: bool) -> list[list]:
    """Material's ``Parser``: sections as [tag, excluded, depth, id, title parts, text parts]."""
    sections: list[list] = []
    section: list | None = None
    context: list[str] = []  # tags of the open elements
    counts = dict.fromkeys(_COUNTED, 0)
    skip = set(_ALWAYS_SKIPPED)  # tags whose open elements hide their contents
    skipping = 0  # open elements whose tag is in ``skip``
    anchors: list[bool] = []  # for each open <a>: is it a permalink (class="headerlink")
    in_permalink = 0

    for text, tag, attrs, slash, end_tag, unsupported in tokens:
        if text:  # Parser.handle_data
            if skipping:
                continue
            if "&" in text and not unescaped:
                text = unescape(text)
            blank = text.isspace()
            in_pre = counts["pre"]
            if not in_pre:
                text = " " if blank else text.replace("\n", " ")
            if section is None:
                section = ["hx", False, 0, None, [], []]
                sections.append(section)
            if counts[section[0]]:
                if not in_permalink:
                    section[4].append(escape(text, quote=False))
            elif blank:
                parts = section[5]
                if not parts or not parts[-1].isspace() or in_pre:
                    parts.append(text)
            else:
                section[5].append(escape(text, quote=False))
            continue

        if tag:  # Parser.handle_starttag
            tag = tag.lower()
            if tag in _VOID:
                continue
            context.append(tag)
            if tag in counts:
                counts[tag] += 1
            if tag in skip:
                skipping += 1
            if attrs.__class__ is str and attrs:  # only parse what can matter
                if (tag in _ATTR_TAGS or "&" in attrs or "linenodiv" in attrs
                        or "data-search-exclude" in attrs.lower()):
                    attrs = _attrs(attrs)
                else:
                    attrs = None
            if tag == "a":
                link = bool(attrs) and attrs.get("class") == "headerlink"
                anchors.append(link)
                in_permalink += link
            elif tag in _HEADINGS and attrs and "id" in attrs:
                depth = len(context)
                if tag != "h1" and not sections:
                    sections.append(["hx", False, depth, None, [], []])
                section = [tag, "data-search-exclude" in attrs, depth,
                           attrs["id"] if sections else None, [], []]
                sections.append(section)
            if section is None:
                section = ["hx", False, 0, None, [], []]
                sections.append(section)
            if attrs and ("data-search-exclude" in attrs or attrs.get("class") == "linenodiv"):
                if tag not in skip:
                    skip.add(tag)
                    skipping += context.count(tag)
            elif tag in _KEEP and not skipping:
                section[4 if counts[section[0]] else 5].append(f"<{tag}>")
            if not slash:
                continue
            end_tag = tag  # "<tag/>": html.parser calls handle_endtag too

        elif not end_tag:
            if unsupported:
                raise _Unsupported
            continue

        # Parser.handle_endtag
        end_tag = end_tag.lower()
        if not context or context[-1] != end_tag:
            continue
        depth = len(context)
        if section[2] > depth:
            for previous in reversed(sections):
                if previous[2] <= depth:
                    section[2] = _INF
                    section = previous
                    break
        context.pop()
        if end_tag in counts:
            counts[end_tag] -= 1
        elif end_tag == "a":
            in_permalink -= anchors.pop()
        if end_tag in skip:
            skipping -= 1
            if end_tag not in _ALWAYS_SKIPPED:
                skip.discard(end_tag)
                skipping -= context.count(end_tag)
        elif end_tag in _KEEP and not skipping:
            parts = section[4 if counts[section[0]] else 5]
            index = parts.index(f"<{end_tag}>")
            for i in range(index + 1, len(parts)):
                if not parts[i].isspace():
                    index = len(parts)
                    break
            if len(parts) > index:
                del parts[index:]
            else:
                parts.append(f"</{end_tag}>")
    return sections
