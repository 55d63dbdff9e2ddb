"""Placeholders left in a file started with ``eqportal new`` are reported until filled in.

Every starting file marks what the author must write with text beginning ``TODO`` (for
example ``"TODO: the date the decision was taken, e.g. 2025-03-31"``). A placeholder is its
own instruction, so the message quotes it rather than the type error it would also cause.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from eqportal.frontmatter import Document, Location
from eqportal.problems import Problem, field_path

_PLACEHOLDER = re.compile(r"^\s*TODO\b")


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value))


def placeholder_problems(doc: Document) -> list[Problem]:
    """One problem per placeholder in the front matter and per placeholder line in the body."""
    problems = [
        Problem(doc.path, doc.line_of(loc), field_path(loc), f"still holds the placeholder '{_short(value)}'; replace it with the real value")
        for loc, value in _walk(doc.data, ())
        if is_placeholder(value)
    ]
    for offset, line in enumerate(doc.body.splitlines()):
        if is_placeholder(line):
            problems.append(Problem(doc.path, doc.body_line + offset, "body", f"still holds the placeholder '{_short(line.strip())}'; write this part in plain English"))
    return problems


def _walk(value: Any, loc: Location) -> Iterator[tuple[Location, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, loc + (index,))
    else:
        yield loc, value


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:89] + "…"
