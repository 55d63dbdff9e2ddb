"""search_entries() makes exactly the entries Material's search plugin makes, page for page."""

from __future__ import annotations

import ast
import datetime
import random
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from eqportal.site import search_entries as module
from eqportal.site.search_entries import search_entries

ROOT = Path(__file__).resolve().parent.parent


def material_entries(html: str, url: str, title: str) -> list[dict[str, str]]:
    """What Material 9.8's search plugin indexes for a page with this content."""
    ids = re.findall(r'<h([1-6])[^>]*\sid="([^"]*)"', html)
    toc = get_toc([{"level": int(level), "id": id_, "name": id_, "children": []} for level, id_ in ids])
    page = SimpleNamespace(meta={}, content=html, toc=toc, url=url, title=title)
    index = SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    index.add_entry_from_context(page)
    return index.entries


SNIPPETS = {
    "h1 first": '<h1 id="top">Title</h1><p>Intro</p><h2 id="a">A</h2><p>Text a</p>',
    "h2 first": '<h2 id="a">A</h2><p>Text a</p><h2 id="b">B</h2><p>Text b</p>',
    "h1 without id": "<h1>Page</h1><p>Lede</p><h2 id=\"a\">A</h2><p>x</p>",
    "text before the first heading": 'Loose text <p>and a paragraph</p>\n<h2 id="a">A</h2>tail',
    "headings without ids": "<h2>No id</h2><p>one</p><h3>Also none</h3><p>two</p>",
    "heading without id under one with": '<h2 id="a">A</h2><p>x</p><h2>Same tag</h2><h3>Other</h3><p>y</p>',
    "nested headings": ('<div class="w"><section><h2 id="in">Inside</h2><p>in</p></section>'
                        '<p>after the section</p></div><p>after the div</p><h2 id="next">Next</h2>'),
    "deeply nested then shallow": ('<h2 id="top">Top</h2><div><div><h3 id="deep">Deep</h3><p>d</p></div>'
                                   '<p>back</p></div><p>out</p>'),
    "excluded subtree": '<h2 id="a">A</h2><p>keep</p><div data-search-exclude=""><p>hidden</p></div><p>kept</p>',
    "excluded with a nested div": ('<h2 id="a">A</h2><div data-search-exclude=""><div>hidden</div>'
                                   "<p>after the inner div</p></div><p>out</p>"),
    "excluded heading": ('<h2 id="a">A</h2><p>a</p><h2 id="b" data-search-exclude="">B</h2><p>b text</p>'
                         '<h2 id="c">C</h2><p>c</p>'),
    "heading inside an excluded subtree": ('<h2 id="a">A</h2><div data-search-exclude="">'
                                           '<h3 id="x">X</h3><p>x</p></div><p>after</p>'),
    "excluded span inside a paragraph": '<p>Yes. <span data-search-exclude="">secret</span> more</p>',
    "linenodiv": '<table><tr><td class="linenodiv"><pre>1\n2</pre></td><td><pre>code\n  more</pre></td></tr></table>',
    "table": ("<table><caption>Cap</caption><thead><tr><th>H1</th><th>H2</th></tr></thead>"
              "<tbody><tr><td>1</td> <td>2</td></tr></tbody></table>"),
    "lists": "<ul><li>one</li><li></li><li> </li><li><p>two</p></li></ul><ol>\n<li>a</li>\n</ol><ul></ul>",
    "empty paragraphs": "<p></p><p> </p><p>\n</p><p><span></span></p><p>full</p><p>  </p>",
    "pre": "<pre><code>line 1\n    indented  \n\n  last\n</code></pre><p>a\nb   c</p>",
    "whitespace runs": "<p>a</p>\n\n   <p>b</p>  <div>  </div> <span>\n</span><p>c  d\n e</p>",
    "entities": "<p>Kent&#39;s &amp; more &lt;b&gt; &quot;q&quot; &copy; &nbsp; &#x41; &amp</p>",
    "nbsp only": "<p>a</p><p>&nbsp;</p><span>&nbsp;</span><p>b</p>",
    "void tags": '<p>line<br>break<br/>and <img src="x.png" alt="pic"> image<hr></p><h2 id="v">V<br>2</h2>',
    "permalinks": ('<h2 id="a">Alpha<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
                   '<p>x <a class="headerlink" href="#">kept in text</a></p>'
                   '<h2 id="b"><a class="headerlink" href="#b">&para;</a></h2><p>b</p>'),
    "keep tags in the title": '<h2 id="c">The <code>code</code> and x<sup>2</sup></h2><p>H<sub>2</sub>O</p>',
    "empty heading": '<h2 id="e"></h2><p>body</p>',
    "comments and doctype": "<!DOCTYPE html><p>a<!-- note -->   <!-- two --></p><p>b</p>",
    "script, style, object": ('<p>a</p><script>var x = "<p>no</p>";</script><style>p{}</style>'
                              "<object><p>no</p></object><p>b</p>"),
    "uppercase tags and attributes": '<H2 ID="up">Up</H2><P>Para</P><DIV DATA-SEARCH-EXCLUDE="">no</DIV>',
    "attribute entities": '<h2 id="a&amp;b">A and B</h2><p class="line&#110;odiv">hidden</p><p>shown</p>',
    "quirky markup": '<p x=bare>text</p><p a="1"b="2">t</p>< 3 <my_tag>x</my_tag><h2 id=\'sq\'>Sq</h2>',
    "mismatched end tag": "<div><p>a</span>b</p></div><p>c</p>",
    "self-closing non-void": '<p/>text<div />more<h2 id="s"/>after',
    "empty": "",
    "text only": "  just text\n here  ",
}


@pytest.mark.parametrize("html", SNIPPETS.values(), ids=SNIPPETS.keys())
@pytest.mark.parametrize("url", ["eqias/foo/", ""])
def test_same_entries_as_material(html, url):
    assert search_entries(html, url, "Page title") == material_entries(html, url, "Page title")


def random_html(rng: random.Random, depth: int = 0) -> str:
    tags = ["div", "p", "span", "a", "h1", "h2", "h3", "pre", "code", "ul", "li", "sup", "td", "section"]
    attrs = ["", "", ' id="s1"', ' id="s2"', ' class="headerlink"', ' data-search-exclude=""', ' class="x"']
    texts = ["a", " ", "\n", " \n  ", "x  y", "&amp;", "&lt;i&gt;", "&nbsp;", "a\nb", "<br>", "<!-- c -->"]
    out = []
    for _ in range(rng.randint(0, 4)):
        if rng.random() < 0.4 or depth > 4:
            out.append(rng.choice(texts))
        else:
            tag = rng.choice(tags)
            out.append(f"<{tag}{rng.choice(attrs)}>{random_html(rng, depth + 1)}</{tag}>")
    return "".join(out)


def test_same_entries_as_material_on_random_markup():
    rng = random.Random(2026)
    for _ in range(300):
        html = random_html(rng)
        try:
            expected = material_entries(html, "p/", "Page")
        except ValueError:  # Material fails on some markup; so must we
            with pytest.raises(ValueError):
                search_entries(html, "p/", "Page")
        else:
            assert search_entries(html, "p/", "Page") == expected, html


@pytest.fixture(scope="module")
def sample_pages():
    from eqportal.context import BuildContext
    from eqportal.loader import load_portal
    from eqportal.site import generate
    from eqportal.site.pages import GeneratedPage

    portal, _problems = load_portal(ROOT / "content", today=datetime.date(2026, 11, 30))
    return [p for p in generate(portal, BuildContext(today=portal.today)) if isinstance(p, GeneratedPage)]


def test_same_entries_as_material_on_every_sample_page(sample_pages):
    assert len(sample_pages) > 20
    for page in sample_pages:
        url = page.url.removeprefix("/")
        assert search_entries(page.html, url, page.title) == material_entries(page.html, url, page.title), page.url


def test_sample_pages_take_the_fast_path(sample_pages):
    """No sample page needs html.parser: the regular expression splits all of them."""
    for page in sample_pages:
        assert not any(token[-1] for token in module._TOKEN.findall(page.html)), page.url


def test_escaped_markup_stays_escaped():
    html = '<h2 id="x">&lt;script&gt;alert(1)&lt;/script&gt;</h2><p>Say &lt;script&gt; &amp; &lt;b&gt;hi&lt;/b&gt;</p>'
    entries = search_entries(html, "eqias/x/", "X")
    assert entries == material_entries(html, "eqias/x/", "X")
    assert entries[-1]["title"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert entries[-1]["text"] == "<p>Say &lt;script&gt; &amp; &lt;b&gt;hi&lt;/b&gt;</p>"
    assert "<script>" not in repr(entries)


def test_locations_and_titles():
    html = '<p>Preface</p><h2 id="a">A</h2><p>one</p>'
    assert search_entries(html, "eqias/foo/", "Foo") == [
        {"location": "eqias/foo/", "title": "Foo", "text": "<p>Preface</p>"},
        {"location": "eqias/foo/#a", "title": "A", "text": "<p>one</p>"},
    ]


def test_module_does_not_import_mkdocs_or_material():
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {name for name in imported if name.split(".")[0] in ("mkdocs", "material")}


@pytest.mark.parametrize("title, shown", [
    ("The <code>id</code> field and x<sup>2</sup>", "The <code>id</code> field and x<sup>2</sup>"),
    ('About <img src=x onerror="alert(1)">', 'About &lt;img src=x onerror="alert(1)"&gt;'),
    ("<code onclick=x>id</code>", "&lt;code onclick=x&gt;id&lt;/code&gt;"),
    ("Fish & chips &lt; 5", "Fish & chips &lt; 5"),
    ("broken <code", "broken &lt;code"),
])
def test_a_material_made_title_keeps_only_the_bare_tags_material_keeps(title, shown):
    assert module.safe_title(title) == shown
