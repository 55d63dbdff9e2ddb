"""Where a built page's regions lie in its HTML: its own content and its table of contents.

Found in the text, without parsing: the template key (``runner.template_key``) and the batches
(``batch.compose``) both cut pages at these places, so both must agree on them.
"""

from __future__ import annotations

import re


def content_bounds(html: str) -> tuple[int, int] | None:
    """Where the page's own content (``settings.CONTENT_REGION``) starts and ends in its HTML."""
    for opening, closing in (("<article class=\"md-content__inner", "</article>"), ("<main", "</main>")):
        start = html.find(opening)
        end = html.rfind(closing)
        if start != -1 and end > start:
            return start, end + len(closing)
    return None


_TOC_START = re.compile(r'<nav\b[^>]*\bclass="[^"]*\bmd-nav--secondary\b')
_NAV_TAG = re.compile(r"<nav\b|</nav>", re.I)


def toc_bounds(html: str) -> tuple[int, int] | None:
    """Where Material's table of contents (the page's own headings, beside its content) starts and ends."""
    start = _TOC_START.search(html)
    if start is None:
        return None
    depth = 0
    for tag in _NAV_TAG.finditer(html, start.start()):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return start.start(), tag.end()
    return None
