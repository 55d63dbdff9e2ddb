"""Several pages of one template checked in one document, as a quick way to pass them.

Most of what a page costs in Chromium is fixed: loading Material's scripts and styles, and axe's
setup for each of its hundred rules. Pages that share a template (``runner.template_key``) differ
only in their article and their table of contents, so ``compose`` puts the articles of up to
``settings.BATCH_PAGES`` of them, and their tables of contents, into the first one's page, and
the browser runs every check once over the lot.

A batch only ever *passes* pages. When anything at all is found in it, each of its pages is
checked again on its own, the usual way, and only those results are reported: what a reader is
told never comes from a batch, so it names the page's own elements. What must hold is the other
way round, that a page with a problem never passes in a batch:

- ids: each later page's ids are given a prefix of its own (``PREPARE_JS``), and the references
  in its article and its table of contents (``aria-labelledby``, ``for``, ``headers``,
  ``href="#..."``...) follow its own ids, or the chrome's; a reference to any other id is left
  pointing nowhere, as it would on the page alone. An id a page's content shares with the chrome,
  or one that already looks prefixed, sends the batch back to single pages.
- landmarks whose names repeat only across articles (every assessment has its "Contents") are
  not a fault of any page; the same name twice within one article, or in an article and the
  chrome, still is (``CROSS_PAGE_RULES``).
- addresses: a later article's relative URLs would load from the first page's folder, so a page
  that loads anything from its content (images, objects, SVG ``use``) is never batched.
- the page-level rules axe leaves to our static checks (one ``<h1>``, heading order, title,
  language) run on each page's own HTML anyway.
- tables of contents: an entry of a later page's table of contents that repeats one already in
  the batch (its text, its sub-entries, its markup; only the anchor it points to may differ) is
  left out (``_new_entries``). Material makes every entry from a heading, with the same markup and
  styles, so the two look, read and lay out alike, and no check looks at where an anchor points
  (Material gives it the heading's own id). Most entries repeat: assessments follow one template
  of sections. On a batch of 24 assessments, leaving out every later page's list was about 14%
  quicker.
- layout: each article sits in the same column, at the same width and under the same styles as
  on its own page, one below the other (content cannot float out of its article: the sanitiser
  keeps no style or class), so what the layout checks measure element by element (reflow at
  320 px, text cut off by wider spacing or bigger text, contrast, focus under the sticky header)
  is measured as on the page. What differs is what follows an article (the next one, not the
  footer) and so how far the document scrolls.
"""

from __future__ import annotations

import re

from eqportal.a11y.regions import content_bounds, toc_bounds

ARTICLE_START = '<article class="md-content__inner'
# Content that makes the browser load something, relative to the page's own address: looked for as
# plain text in the lower-cased content (three times quicker than one regular expression), and with
# spaces before "=" only where the content has any.
_LOADS = ("src=", "srcset=", "poster=", "data=", "xlink:href=", "url(", "<use", "<image", "<link", "<object",
          "<embed", "<iframe", "<base", "<video", "<audio", "<source", "<picture", "<input", "<style")
_SPACED_LOAD = re.compile(r"(?:src|srcset|poster|data|xlink:href)\s+=")
_SPACE_BEFORE_EQUALS = re.compile(r"\s=")
_TOC_LIST = re.compile(r'<ul\b[^>]*\bclass="md-nav__list"[^>]*>')
_LIST_TAG = re.compile(r"<(/?)(li|ul|ol)\b[^>]*>", re.I)
_HREF = re.compile(r'\shref="[^"]*"')
# Only the first list is Material's table of contents component; the others are plain lists in it.
_COMPONENT = re.compile(r'\s(?:data-md-component="toc"|data-md-scrollfix(?:="[^"]*")?)')

# The batch is laid out once, when it is whole. While it parses a megabyte of pages, Chromium would
# otherwise lay out and paint what it has so far, again and again (a quarter of the time it takes
# to open a batch of 24 assessments). A render-blocking link in the head waits for an element put
# at the very end of the body; PREPARE_JS takes both away again before anything is checked.
END_ID = "eqp-batch-end"
RENDER_WHOLE = f'<link rel="expect" href="#{END_ID}" blocking="render">'
END_MARK = f'<div id="{END_ID}"></div>'

# A real property of the window, so no element of a page can stand in for it by its id or name.
INIT_JS = "window.__eqpContent = null; window.__eqpParts = null;"

# Run after the batch has loaded: finds the articles, gives each later one's ids a prefix and
# points its references at them; false when the document is not the batch the runner made, or an
# article shares an id with the chrome (then its pages are checked one by one).
PREPARE_JS = r"""
const count = arguments[0];
// What compose() added to open the batch in one layout; the last element with the id is the one it put at the end.
for (const link of document.querySelectorAll('link[rel="expect"][href="#EQP_END_ID"]')) link.remove();
const ends = document.querySelectorAll('[id="EQP_END_ID"]');
if (ends.length) ends[ends.length - 1].remove();
const parts = Array.from(document.querySelectorAll('div.md-content > article.md-content__inner'));
if (parts.length !== count) return false;
const REFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant',
              'aria-details', 'aria-errormessage', 'aria-flowto', 'for', 'headers', 'list', 'form'];
// Each later page's own elements: its article, and the table of contents compose() added for it.
const own = parts.map((part, j) => [part, ...document.querySelectorAll(`[data-eqp-batch-toc="${j}"]`)]);
const inside = new Set();
for (const roots of own) for (const root of roots) for (const el of root.querySelectorAll('[id]')) inside.add(el);
const chrome = new Set();
for (const el of document.querySelectorAll('[id]')) if (!inside.has(el)) chrome.add(el.id);
// An id already written like a prefixed one could be taken for another page's.
let alone = !Array.from(document.querySelectorAll('[id]')).some(el => el.id.startsWith('eqp-batch'));
own.forEach((roots, j) => {
  if (j === 0) return;  // the page the batch is made from: its ids are its own
  const prefix = 'eqp-batch' + j + '-';
  const elements = roots.flatMap(root => Array.from(root.querySelectorAll('*')));
  const ids = new Set(elements.filter(el => el.id).map(el => el.id));
  for (const id of ids) if (chrome.has(id)) alone = false;
  const to = id => (ids.has(id) || !chrome.has(id)) ? prefix + id : id;
  for (const el of elements) {
    if (el.id) el.id = prefix + el.id;
    for (const name of REFS) {
      const value = el.getAttribute(name);
      if (value !== null) el.setAttribute(name, value.split(/\s+/).filter(Boolean).map(to).join(' '));
    }
    const href = el.getAttribute('href');
    if (href && href.length > 1 && href.startsWith('#')) {
      let id = href.slice(1);
      try { id = decodeURIComponent(id); } catch (e) {}
      el.setAttribute('href', '#' + to(id));
    }
  }
});
window.__eqpContent = parts[0].parentElement;
window.__eqpParts = parts;
return alone;
""".replace("EQP_END_ID", END_ID)

# axe rules whose faults may lie only between two pages of a batch: a node is let go when every
# node it repeats belongs to another page (``PAGE_OF_JS``), and none of them to the chrome.
CROSS_PAGE_RULES = ("landmark-unique",)

# The page of the batch an element belongs to: its article, or the table of contents it came with
# (the first page's own list, or one ``compose`` marked); "chrome" for what every page has.
PAGE_OF_JS = r"""
const pageOf = el => {
  const toc = el.closest('[data-eqp-batch-toc]');
  if (toc) return toc.getAttribute('data-eqp-batch-toc');
  if (el.closest('ul[data-md-component="toc"]')) return '0';
  const i = window.__eqpParts.findIndex(part => part.contains(el));
  return i < 0 ? 'chrome' : String(i);
};
const acrossPagesOnly = node => {
  if (!node.element) return false;
  const page = pageOf(node.element);
  const related = ['any', 'all', 'none'].flatMap(key => node[key] || []).flatMap(check => check.relatedNodes || []);
  return page !== 'chrome' && related.length > 0 && related.every(other => {
    if (!other.element) return false;
    const theirs = pageOf(other.element);
    return theirs !== 'chrome' && theirs !== page;
  });
};
"""


def measure(html: str) -> tuple[int, bool] | None:
    """For a page whose content can be checked inside another page of its template: the size of
    its content and whether it has a table of contents; None for a page that cannot."""
    bounds = content_bounds(html)
    if bounds is None or not html.startswith(ARTICLE_START, bounds[0]):
        return None
    content = html[bounds[0]:bounds[1]].lower()
    if any(token in content for token in _LOADS) or (_SPACE_BEFORE_EQUALS.search(content) and _SPACED_LOAD.search(content)):
        return None
    return bounds[1] - bounds[0], _toc_list(html, bounds[0]) is not None


def batchable(html: str) -> bool:
    return measure(html) is not None


def _toc_list(html: str, before: int) -> tuple[int, int] | None:
    """The table of contents' lists: from the first ``<ul>`` to the end of its ``<nav>``, not included."""
    bounds = toc_bounds(html[:before])
    if bounds is None:
        return None
    first = _TOC_LIST.search(html, bounds[0], bounds[1])
    return (first.start(), bounds[1] - len("</nav>")) if first else None


def compose(pages: list[str]) -> str:
    """One document holding every page's article (and table of contents) in the first page's template.

    The pages must share a template and each be ``batchable``.
    """
    shell = pages[0]
    start, end = content_bounds(shell)
    toc = _toc_list(shell, start)
    articles, tocs = [], []
    seen: set[str] = set()  # the table of contents' entries the batch has, each as _entry_key gives it
    if toc is not None:
        _new_entries(shell[toc[0]:toc[1]], seen)
    for number, html in enumerate(pages[1:], start=1):
        bounds = content_bounds(html)
        articles.append(html[bounds[0]:bounds[1]])
        own = _toc_list(html, bounds[0])
        if own is not None:
            lists = _new_entries(html[own[0]:own[1]], seen)
            if lists:
                tocs.append(f'<ul data-eqp-batch-toc="{number}"' + _COMPONENT.sub("", lists).removeprefix("<ul"))
    if toc is None:
        if tocs:
            raise ValueError("the first page of a batch must have a table of contents when another has")
        return _laid_out_once(shell[:end] + "\n".join(articles) + shell[end:])
    return _laid_out_once(shell[:toc[1]] + "\n".join(tocs) + shell[toc[1]:end] + "\n".join(articles) + shell[end:])


def _entry_key(entry: str) -> str:
    """What an entry looks and reads like: its markup without the anchor it points to, spaces collapsed."""
    return " ".join(_HREF.sub("", entry).split())


def _split_entries(lists: str) -> tuple[str, list[str], str] | None:
    """A table of contents' list as its opening tag, its top-level ``<li>`` entries and the rest; None
    for a list of any other shape (text between entries, tags left open), which is kept whole."""
    opening = _TOC_LIST.match(lists)
    if opening is None:
        return None
    entries: list[str] = []
    lists_open, items_open, start, gap_from = 1, 0, 0, opening.end()
    for tag in _LIST_TAG.finditer(lists, opening.end()):
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name != "li":
            lists_open += -1 if closing else 1
            if lists_open == 0:
                if lists[gap_from:tag.start()].strip():
                    return None
                return lists[:opening.end()], entries, lists[tag.start():]
            continue
        top = lists_open == 1 and items_open == (1 if closing else 0)
        if top and not closing:
            if lists[gap_from:tag.start()].strip():
                return None
            start = tag.start()
        items_open += -1 if closing else 1
        if top and closing:
            entries.append(lists[start:tag.end()])
            gap_from = tag.end()
    return None


def _new_entries(lists: str, seen: set[str]) -> str:
    """``lists`` without the entries ``seen`` holds (adding the others to it); "" when none is left."""
    split = _split_entries(lists)
    if split is None:
        return lists
    opening, entries, rest = split
    kept = []
    for entry in entries:
        key = _entry_key(entry)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    if not kept and rest.strip() == "</ul>":
        return ""
    return opening + "".join(kept) + rest


def _laid_out_once(document: str) -> str:
    """The batch with RENDER_WHOLE at the end of its head and END_MARK at the end of its body, where it has both."""
    head, body = document.find("</head>"), document.rfind("</body>")
    if head < 0 or body < head:
        return document
    return document[:head] + RENDER_WHOLE + document[head:body] + END_MARK + document[body:]
