"""Make every table accessible after rendering: a caption, scoped header cells, a scroll region.

Markdown tables have no caption and no ``scope``; wide tables overflow phones. This runs
on the final HTML of every page (hand-written and generated) so no table escapes it.
Tables the generators build already carry all three and pass through unchanged.
"""

from __future__ import annotations

import html as htmllib
import re

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S | re.I)
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
SCROLL_OPEN = re.compile(r'<div class="eqp-table-scroll"[^>]*>\s*$')
CELL = re.compile(r"<(/?)(thead|tbody|tfoot|th)\b([^>]*)>", re.I)


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed, entities decoded."""
    text = htmllib.unescape(TAG.sub("", fragment))
    return " ".join(text.replace("¶", "").split())


def accessible_tables(page_html: str, page_title: str) -> str:
    """Give every table a caption, ``scope`` on its header cells and a focusable scroll region."""
    out: list[str] = []
    last = 0
    count_by_caption: dict[str, int] = {}
    for match in TABLE.finditer(page_html):
        before = page_html[last:match.start()]
        table = match.group(0)
        if "<caption" not in table.lower():
            caption = _nearest_heading(page_html[:match.start()]) or page_title
            count_by_caption[caption] = count_by_caption.get(caption, 0) + 1
            if count_by_caption[caption] > 1:
                caption = f"{caption} (table {count_by_caption[caption]})"
            table = re.sub(r"(<table\b[^>]*>)", lambda m: m.group(1) + f'<caption class="eqp-table__caption">{htmllib.escape(caption)}</caption>', table, count=1)
        else:
            caption = text_of(re.search(r"<caption\b[^>]*>(.*?)</caption>", table, re.S | re.I).group(1))
        table = _scope_headers(table)
        if SCROLL_OPEN.search(before):
            out.append(before + table)
        else:
            label = htmllib.escape(f"Table: {caption}", quote=True)
            out.append(before + f'<div class="eqp-table-scroll" role="region" aria-label="{label}" tabindex="0">{table}</div>')
        last = match.end()
    out.append(page_html[last:])
    return "".join(out)


def _nearest_heading(html_before: str) -> str | None:
    headings = HEADING.findall(html_before)
    return text_of(headings[-1][1]) if headings else None


def _scope_headers(table: str) -> str:
    """``th`` in the head of a table heads a column; elsewhere it heads a row."""
    section = "tbody"

    def fix(match: re.Match) -> str:
        nonlocal section
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if name != "th":
            section = "tbody" if closing else name
            return match.group(0)
        if closing or "scope=" in attrs.lower():
            return match.group(0)
        scope = "col" if section == "thead" else "row"
        return f'<th scope="{scope}"{attrs}>'

    return CELL.sub(fix, table)
