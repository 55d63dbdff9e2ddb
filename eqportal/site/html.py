"""Small HTML building blocks for generated pages: every value from content is escaped here.

Generated pages are Markdown documents made of Markdown headings (so MkDocs builds the
table of contents and anchors) and raw HTML blocks built with these helpers. Raw HTML blocks
are kept on one line each, so Markdown never mistakes part of one for a paragraph.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from typing import Iterable, Sequence

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def e(value: object) -> str:
    """Escape any value for HTML text or attributes; ``None`` becomes empty."""
    return "" if value is None else html.escape(str(value), quote=True)


def md_text(value: str) -> str:
    """Text for a Markdown heading: HTML-escaped and with Markdown's special characters escaped."""
    return MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading with a fixed anchor, as a block of its own."""
    return f"\n\n{'#' * level} {md_text(text)} {{#{anchor}}}\n\n"


BLOCK_OPEN = "<!--eqp-html "
BLOCK_CLOSE = " -->"
BLOCK = re.compile(re.escape(BLOCK_OPEN) + r"(.*?)" + re.escape(BLOCK_CLOSE), re.S)


def block(markup: str) -> str:
    """Built HTML, carried through Markdown inside a comment and put back by :func:`unwrap_blocks`.

    Python-Markdown parses every raw HTML block with the standard library's HTML parser,
    which cost more than half of a page's Markdown time; a comment is skipped in one step.
    Text in ``markup`` is escaped, so it can never hold ``-->`` itself.
    """
    if not markup:
        return ""
    return "\n\n" + BLOCK_OPEN + markup.replace("-->", "--&gt;") + BLOCK_CLOSE + "\n\n"


def unwrap_blocks(html: str) -> str:
    return BLOCK.sub(lambda m: m.group(1), html)


def rel(from_url: str, to_url: str) -> str:
    """A link relative to the page, so the site works under any base path."""
    target = posixpath.relpath(to_url, from_url)
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target == "./" else target


def link(from_url: str, to_url: str, text: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{e(rel(from_url, to_url))}"{klass}>{e(text)}</a>'


def date(value: dt.date | None) -> str:
    """A date people read (3 March 2016) in a machine-readable ``<time>``."""
    if value is None:
        return "Not set"
    return f'<time datetime="{value.isoformat()}">{value.day} {value:%B %Y}</time>'


def paragraphs(text: str | None) -> str:
    """Plain text from front matter as escaped paragraphs."""
    if not text:
        return ""
    return "".join(f"<p>{e(p.strip())}</p>" for p in re.split(r"\n\s*\n", text) if p.strip())


def summary_list(rows: Iterable[tuple[str, str]], cls: str = "eqp-summary-list") -> str:
    """Key facts as a description list; values are HTML already built by the caller."""
    items = "".join(f'<div class="{cls}__row"><dt class="{cls}__key">{e(k)}</dt><dd class="{cls}__value">{v}</dd></div>' for k, v in rows if v)
    return f'<dl class="{cls}">{items}</dl>'


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], *, row_headers: bool = True, cls: str = "", search: bool = True) -> str:
    """A data table with caption, ``th scope`` and a focusable scroll region; cells are HTML."""
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            tag = "th" if index == 0 and row_headers else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}>{cell}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    exclude = "" if search else " data-search-exclude"
    klass = f"eqp-table {cls}".strip()
    return (
        f'<div class="eqp-table-scroll" role="region" aria-label="Table: {e(caption)}" tabindex="0"{exclude}>'
        f'<table class="{klass}"><caption class="eqp-table__caption">{e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def notice(text_html: str, kind: str) -> str:
    """A status banner (overdue, superseded, withdrawn) with its meaning in words, not colour."""
    return f'<div class="eqp-notice eqp-notice--{kind}" role="note"><p class="eqp-notice__text">{text_html}</p></div>'


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
