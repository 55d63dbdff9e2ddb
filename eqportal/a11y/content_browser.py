"""Browser checks for what content brings in: what the reader's browser computes, not what the HTML says.

- link-text, name-punctuation: link and button names as Chromium computes them (selenium's
  ``accessible_name``): text hidden with ``display:none`` does not count, so "Read more" with the
  title hidden is vague; names of punctuation only ("→", "»") say nothing (no name at all is axe's);
- reflow-scroll: at 320 px, a box other than a table or code that scrolls sideways inside the page;
- text-small: text rendered smaller than 12 px at 320 px (SVG text scaled down with its drawing included);
- text-justified: justified text (uneven gaps between words, WCAG 1.4.8);
- focus-visible, focus-obscured: an element whose look does not change when it gets keyboard focus,
  or which is hidden under a sticky or fixed header when it does (WCAG 2.4.7, 2.4.11).

Each looks inside the page's content (``article``, else ``main``, else ``body``): the theme's own
chrome is tested once, by the browser tests.
"""

from __future__ import annotations

import re

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.static import VAGUE_LINK_TEXTS

MIN_TEXT_PX = 12
PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")

CONTENT_ROOT_JS = "document.querySelector('article') || document.querySelector('main') || document.body"

NAMED_JS = f"""
const root = {CONTENT_ROOT_JS};
return Array.from(root.querySelectorAll(
  'a[href], button, [role=button], [role=link], input[type=button], input[type=submit], input[type=reset], input[type=image]'
)).filter(el => el.checkVisibility({{visibilityProperty: true}}) && !el.closest('[aria-hidden=true]'))
  .map(el => [el, window.__eqpSelector(el), el.localName === 'a' || el.getAttribute('role') === 'link',
              (el.getAttribute('href') || '').trim()]);
"""

# Text smaller than the minimum, and justified text: elements with text of their own, outermost only.
TEXT_JS = f"""
const min = arguments[0], out = [];
const root = {CONTENT_ROOT_JS};
for (const el of root.querySelectorAll('*')) {{
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || !el.checkVisibility({{visibilityProperty: true}})) continue;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) continue;  // visually hidden text for screen readers
  const cs = getComputedStyle(el);
  let size = parseFloat(cs.fontSize);
  if (el instanceof SVGElement && el.getScreenCTM) {{
    const m = el.getScreenCTM();
    if (m) size *= Math.hypot(m.a, m.b);
  }}
  if (size < min - 0.05) out.push(['small', window.__eqpSelector(el), Math.round(size * 10) / 10]);
  if (cs.textAlign === 'justify' && !(el.parentElement && getComputedStyle(el.parentElement).textAlign === 'justify'))
    out.push(['justify', window.__eqpSelector(el), 0]);
}}
return out;
"""

# At the narrow width: boxes that scroll sideways, other than tables and code (WCAG 1.4.10 exempts those).
SCROLL_BOX_JS = f"""
const exempt = arguments[0], out = [];
const root = {CONTENT_ROOT_JS};
for (const el of root.querySelectorAll('*')) {{
  if (el.closest(exempt) || el.querySelector('table, pre') || !el.checkVisibility()) continue;
  const ox = getComputedStyle(el).overflowX;
  if (!['auto', 'scroll'].includes(ox)) continue;
  if (el.scrollWidth > el.clientWidth + 1) out.push([window.__eqpSelector(el), el.scrollWidth, el.clientWidth]);
}}
return out;
"""

# Focus each focusable element of the content in turn: does anything about its look change, and can it
# be seen (not entirely under a fixed or sticky element)?
FOCUS_JS = f"""
const root = {CONTENT_ROOT_JS}, out = [];
const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]';
const PROPS = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor', 'color',
               'borderTopColor', 'borderBottomColor', 'borderTopWidth', 'borderBottomWidth', 'textDecorationLine',
               'textDecorationThickness', 'filter', 'transform'];
const look = el => {{ const cs = getComputedStyle(el); return PROPS.map(p => cs[p]).join('|'); }};
function pinned(node) {{
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {{
    const p = getComputedStyle(n).position;
    if (p === 'fixed' || p === 'sticky') return n;
  }}
  return null;
}}
const startX = window.scrollX, startY = window.scrollY;
for (const el of root.querySelectorAll(sel)) {{
  if (el.tabIndex < 0 || !el.checkVisibility({{visibilityProperty: true}}) || el.closest('[inert], [aria-hidden=true]')) continue;
  const r0 = el.getBoundingClientRect();
  if (r0.width < 1 || r0.height < 1) continue;
  const before = look(el);
  el.focus();
  if (document.activeElement !== el) continue;
  const visible = look(el) !== before;
  const r = el.getBoundingClientRect(), vw = window.innerWidth, vh = window.innerHeight;
  const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                  [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < vw && y < vh);
  let covered = points.length > 0;
  for (const [x, y] of points) {{
    const top = document.elementFromPoint(x, y);
    if (!top || el.contains(top) || top.contains(el)) {{ covered = false; break; }}
    const cover = pinned(top);
    if (!cover || cover.contains(el)) {{ covered = false; break; }}
  }}
  if (!visible) out.push(['visible', window.__eqpSelector(el)]);
  if (covered) out.push(['obscured', window.__eqpSelector(el)]);
  el.blur();
}}
window.scrollTo(startX, startY);
return out;
"""


def _words(text: str) -> str:
    return " ".join((text or "").split())


def names(driver, url: str) -> list[PageProblem]:
    problems = []
    for element, selector, is_link, href in driver.execute_script(NAMED_JS):
        name = _words(element.accessible_name)
        if not name:
            continue  # no name at all: axe's link-name and button-name report it
        if PUNCTUATION_ONLY.match(name):
            kind = "link" if is_link else "button"
            problems.append(PageProblem(url, "name-punctuation", f"{kind} name \"{name}\" is only punctuation, which screen "
                                        "readers skip or read as symbols; say what it does in words", selector))
        elif is_link and not href.startswith(("#", "javascript:")) and name.lower().strip(" .:!") in VAGUE_LINK_TEXTS:
            problems.append(PageProblem(url, "link-text", f"link text \"{name}\" does not make sense on its own", selector))
    return problems


def text(driver, url: str, width: int) -> list[PageProblem]:
    problems = []
    for kind, selector, size in driver.execute_script(TEXT_JS, MIN_TEXT_PX):
        if kind == "small":
            problems.append(PageProblem(url, "text-small", f"text is {size:g} px at a {width} px wide window; make it at "
                                        f"least {MIN_TEXT_PX} px", selector))
        else:
            problems.append(PageProblem(url, "text-justified", "text is justified, which leaves uneven gaps between words "
                                        "that make it harder to read; align it to the left", selector))
    return problems


def focus(driver, url: str) -> list[PageProblem]:
    problems = []
    for kind, selector in driver.execute_script(FOCUS_JS):
        if kind == "visible":
            problems.append(PageProblem(url, "focus-visible", "nothing about this element changes when it gets keyboard "
                                        "focus, so keyboard users cannot see where they are; keep the focus outline", selector))
        else:
            problems.append(PageProblem(url, "focus-obscured", "when this element gets keyboard focus it is hidden under "
                                        "a fixed or sticky part of the page", selector))
    return problems


def scroll_boxes(driver, url: str, exempt: str, width: int) -> list[PageProblem]:
    return [
        PageProblem(url, "reflow-scroll", f"at a {width} px wide window this box scrolls sideways ({scroll} px of content "
                    f"in {client} px); only tables and code may scroll, let the rest wrap", selector)
        for selector, scroll, client in driver.execute_script(SCROLL_BOX_JS, exempt)
    ]


def desktop_checks(driver, url: str, width: int) -> list[PageProblem]:
    """At the desktop width: names, justified text, focus."""
    return names(driver, url) + [p for p in text(driver, url, width) if p.rule == "text-justified"] + focus(driver, url)


def narrow_checks(driver, url: str, width: int, exempt: str) -> list[PageProblem]:
    """At the reflow width (320 px): boxes that scroll sideways, text size."""
    return scroll_boxes(driver, url, exempt, width) + [p for p in text(driver, url, width) if p.rule == "text-small"]
