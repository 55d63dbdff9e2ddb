"""Pages whose body is already HTML, lifted into Python-Markdown's document tree.

A generated page reaches MkDocs as a tiny Markdown file: a marker line, then the HTML its
template rendered. Instead of passing that HTML through as an opaque raw block, this extension
parses it (it is well-formed: templates and the sanitiser write it so) and puts its elements
into the document, so MkDocs' table of contents, anchor checks and ``--strict`` link validation
see every heading and link, exactly as on a hand-written page. It runs after Markdown's own
inline and ``attr_list`` processing, so no text from content is ever read as Markdown.

    markdown_extensions:
      - eqportal.render.prerendered
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

MARKER = "<!-- eqportal: rendered page -->"
SVG_NS = "http://www.w3.org/2000/svg"
SVG_XMLNS = f' xmlns="{SVG_NS}"'
# After inline (20) and attr_list (8), so text is never read as Markdown; before tables (6) and toc (5).
PRIORITY = 7


class MalformedPage(ValueError):
    """A template (perhaps a council's override) wrote HTML that is not well-formed."""


def parse(html: str) -> etree.Element:
    """The HTML fragment as elements under one ``div``; inline SVG keeps plain tag names."""
    try:
        root = etree.fromstring(f"<div>{html.replace(SVG_XMLNS, '')}</div>")
    except etree.ParseError as err:
        line, column = err.position
        raise MalformedPage(f"the rendered page is not well-formed HTML at line {line}, column {column}: {err}") from None
    for element in root.iter():
        if element.tag == "svg":
            element.set("xmlns", SVG_NS)
        elif element.tag == "a" and "href" not in element.attrib:
            element.tag = "span"  # a link the sanitiser emptied (javascript:) is just its words
        elif element.tag == "img" and "src" not in element.attrib:
            alt = element.attrib.get("alt", "")  # an image the sanitiser emptied (another host) is its text alternative
            element.tag, element.text = "span", alt
            element.attrib.clear()
    return root


class _TakeRendered(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.eqp_rendered = None
        if lines and lines[0].strip() == MARKER:
            self.md.eqp_rendered = "\n".join(lines[1:])
            return []
        return lines


class _Lift(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        html = getattr(self.md, "eqp_rendered", None)
        if not html:
            return
        body = parse(html)
        root.text = (root.text or "") + (body.text or "")
        root.extend(list(body))


class PrerenderedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_TakeRendered(md), "eqp_rendered", 35)  # before whitespace normalising (30)
        md.treeprocessors.register(_Lift(md), "eqp_lift", PRIORITY)


def makeExtension(**kwargs) -> PrerenderedExtension:
    return PrerenderedExtension(**kwargs)


def page_markdown(html: str) -> str:
    """The Markdown source of a generated page: the marker, then its HTML."""
    return f"{MARKER}\n{html}"
