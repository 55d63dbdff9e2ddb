"""Plain-language rules for the standard pages: no 35-word sentences, no terms to avoid.

Residents read these pages on phones, and many read English as a second language; the
accessibility guidance here is "aim at grade 9 and never carry 35-word sentences". Terms the
glossary marks ``avoid`` (BME, BAME) are refused with the glossary's reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from eqportal.easyread.readability import sentences, words
from eqportal.frontmatter import Document, Location
from eqportal.glossary import glossary
from eqportal.problems import Problem, field_path

MAX_SENTENCE_WORDS = 34
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)])\s+")
SKIPPED_FIELDS = {"id", "url", "email", "phone", "text_relay", "superseded_by", "aliases", "eqias", "number"}


@lru_cache(maxsize=1)
def _avoid_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    found = []
    for term in glossary():
        if term.avoid and term.abbreviation:
            found.append((re.compile(rf"\b{re.escape(term.abbreviation)}\b"), term.abbreviation, term.avoid))
    return found


def text_problems(text: str) -> Iterator[str]:
    """Messages for one piece of prose (a paragraph or a field value)."""
    # A text of 34 words or fewer has no sentence longer than that: most field values stop here.
    for sentence in sentences(text) if len(words(text)) > MAX_SENTENCE_WORDS else ():
        count = len(words(sentence))
        if count > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:6])
            yield f"has a sentence of {count} words (\"{start} …\"); split it: no sentence on the portal may reach 35 words"
    for pattern, term, reason in _avoid_patterns():
        if pattern.search(text):
            yield f"uses '{term}': {reason}"


def document_problems(doc: Document) -> Iterator[Problem]:
    yield from _field_problems(doc, doc.data, ())
    yield from _body_problems(doc)


def _field_problems(doc: Document, value: Any, loc: Location) -> Iterator[Problem]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIPPED_FIELDS:
                yield from _field_problems(doc, item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _field_problems(doc, item, loc + (index,))
    elif isinstance(value, str) and " " in value and (not loc or loc[0] != "easy_read"):
        # easy_read text has stricter rules of its own (eqportal.easyread.author)
        for message in text_problems(value):
            yield Problem(doc.path, doc.line_of(loc), field_path(loc), message)


def _body_problems(doc: Document) -> Iterator[Problem]:
    lines = doc.body.split("\n")
    for start, text in _prose_blocks(doc.body):
        for message in text_problems(text):
            yield Problem(doc.path, doc.body_line + _line_of(lines, start, message), "body", message)


_QUOTED_START = re.compile(r'\("(.+?) …"\)|uses \'(.+?)\'')


def _line_of(lines: list[str], start: int, message: str) -> int:
    """The line (0-based in the body) of the paragraph starting at ``start`` that holds what ``message`` is
    about: a long sentence's first words, or the term to avoid. A paragraph is often many lines long."""
    found = _QUOTED_START.search(message)
    if not found:
        return start
    needle = " ".join((found.group(1) or found.group(2)).split()[:2])
    for index in range(start, len(lines)):
        if needle in " ".join(lines[index].split()):
            return index
        if index > start and not lines[index].strip():
            break  # the paragraph ended
    return start


def _prose_blocks(body: str) -> Iterator[tuple[int, str]]:
    """Paragraphs and list items of a Markdown body with their first line (0-based); code, tables, HTML skipped."""
    block: list[str] = []
    first = 0
    in_code = False
    for index, line in enumerate(body.splitlines()):
        stripped = line.strip()
        fence = stripped.startswith(("```", "~~~"))
        item = LIST_ITEM.match(stripped)
        prose = not in_code and not fence and stripped and not stripped.startswith(("|", "<", "#")) and not line.startswith("    ")
        if block and (not prose or item):
            yield first, " ".join(block)
            block = []
        if fence:
            in_code = not in_code
        if prose:
            if not block:
                first = index
            block.append(LIST_ITEM.sub("", stripped) if item else stripped.lstrip("> "))
    if block:
        yield first, " ".join(block)
