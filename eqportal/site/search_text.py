"""Pages read as text in search results.

The builders write markup without whitespace between elements (``</dt><dd>``, ``</td><td>``), which
a browser lays out as separate boxes, but a text extractor such as Material's search indexer joins
into one word: "StatusPublishedWhat is assessed". A space between the end of one block or cell and
the next element changes nothing on screen and keeps the words apart everywhere else.
"""

from __future__ import annotations

import re

BLOCKS = ("address|article|aside|blockquote|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|nav|ol|p"
          "|section|table|tbody|td|tfoot|th|thead|tr|ul")
_JOINED = re.compile(rf"(</(?:{BLOCKS})>)(?=<)", re.I)


def space_between_blocks(html: str) -> str:
    return _JOINED.sub(r"\1 ", html)
