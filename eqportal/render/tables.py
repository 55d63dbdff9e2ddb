"""Tables made accessible where they are made: a Python-Markdown extension (tree processor).

Markdown tables have no caption and no ``scope``, and wide tables overflow phones. This tree
processor gives every table in a document a caption (the nearest heading before it, numbered
when two share one), ``scope`` on its header cells and a focusable, named scroll region. It runs
on hand-written pages (listed in mkdocs.yml), on content bodies (:mod:`eqportal.render.body`)
and on generated pages; tables a template built complete pass through unchanged.

    markdown_extensions:
      - eqportal.render.tables
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SCROLL_CLASS = "eqp-table-scroll"
# After attr_list (8) and the lifting of rendered pages (7), before toc and MkDocs' anchors (5).
PRIORITY = 6


def text_of(element: etree.Element) -> str:
    """The words of a heading or caption, without Markdown's placeholders for inline raw HTML."""
    text = HTML_PLACEHOLDER_RE.sub("", "".join(element.itertext()))
    return " ".join(text.replace("¶", "").split())


class AccessibleTables(Treeprocessor):
    """Caption, header scope and scroll region for every table, in document order."""

    def __init__(self, md: Markdown, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        fallback = getattr(self.md, "eqp_table_title", None) or self.title
        state = {"heading": None, "counts": {}}
        self._walk(root, fallback, state)

    def _walk(self, parent: etree.Element, fallback: str, state: dict) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS:
                state["heading"] = text_of(child)
            elif child.tag == "table":
                self._fix(parent, index, child, state["heading"] or fallback, state["counts"])
            else:
                self._walk(child, fallback, state)

    def _fix(self, parent: etree.Element, index: int, table: etree.Element, nearest: str, counts: dict[str, int]) -> None:
        caption = table.find("caption")
        if caption is None:
            counts[nearest] = counts.get(nearest, 0) + 1
            name = nearest if counts[nearest] == 1 else f"{nearest} (table {counts[nearest]})"
            caption = etree.Element("caption", {"class": "eqp-table__caption"})
            caption.text = name
            table.insert(0, caption)
        else:
            name = text_of(caption)
        for section in table:
            scope = "col" if section.tag == "thead" else "row"
            for cell in section.iter("th"):
                if "scope" not in cell.attrib:
                    cell.set("scope", scope)
        if parent.tag == "div" and SCROLL_CLASS in (parent.get("class") or "").split():
            return
        region = etree.Element("div", {"class": SCROLL_CLASS, "role": "region", "aria-label": f"Table: {name}", "tabindex": "0"})
        region.tail, table.tail = table.tail, None
        parent.remove(table)
        region.append(table)
        parent.insert(index, region)


class AccessibleTablesExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"title": ["Table", "caption for a table with no heading before it"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(AccessibleTables(md, self.getConfig("title")), "eqp_tables", PRIORITY)


def makeExtension(**kwargs) -> AccessibleTablesExtension:
    return AccessibleTablesExtension(**kwargs)
