"""Characters no published file may carry: refused in ``check`` with the field and line they are in.

XML 1.0 (the Atom feed, the sitemap) cannot hold control characters other than tab, line feed
and carriage return, nor U+FFFE and U+FFFF: one in a title makes ``feed.xml`` unparseable for
every feed reader. The same characters are invisible in a web page, garble a terminal (escape
sequences) and have no business in an assessment, so they are refused everywhere in a content
file, front matter and body alike. C1 controls (U+0080 to U+009F) and DEL are refused too: they
are legal XML but mean nothing in text and act as controls in terminals. So are the bidirectional
embedding and override controls (U+202A to U+202E): they make text read in an order other than the
one it is stored in, so a title can show words it does not hold; Unicode deprecates them, and
right-to-left text needs none of them (the isolates U+2066 to U+2069 and the marks stay allowed).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from eqportal.frontmatter import Document, Location
from eqportal.problems import Problem, field_path

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff\ufffe\uffff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e]")


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def character_problems(doc: Document) -> list[Problem]:
    """One problem per field (and per body line) holding a forbidden character."""
    problems = []
    for loc, value in front_matter_strings(doc.data):
        found = FORBIDDEN.search(value)
        if found:
            problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc), forbidden_character_message(found.group(0))))
    for offset, line in enumerate(doc.body.split("\n")):
        found = FORBIDDEN.search(line)
        if found:
            problems.append(Problem(doc.path, doc.body_line + offset, "body", forbidden_character_message(found.group(0))))
    return problems


def forbidden_character_message(char: str) -> str:
    """Why ``char`` is refused, in the words every such refusal uses (front matter YAML cannot read too)."""
    if BIDI_CONTROLS.fullmatch(char):
        return (f"holds the invisible character {describe_char(char)}, which makes text show in another order than it is "
                "written (it can make a title show words it does not hold); delete it")
    return (f"holds the invisible control character {describe_char(char)}, which web pages and the news feed cannot "
            "carry (often pasted in from another program); delete it")


def front_matter_strings(value: Any, loc: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text in the front matter, keys included, without recursion (nesting depth is bounded elsewhere)."""
    stack: list[tuple[Location, Any]] = [(loc, value)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str):
                    yield here + (key,), key
                stack.append((here + (key,), child))
        elif isinstance(item, list):
            stack.extend((here + (i,), child) for i, child in enumerate(item))
        elif isinstance(item, str):
            yield here, item


def strip_forbidden(text: str) -> str:
    """Defence in depth for XML writers: content that passed ``check`` never holds these."""
    return FORBIDDEN.sub("", text)
