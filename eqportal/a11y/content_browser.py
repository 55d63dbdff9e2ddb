"""Browser checks for what content brings in: what the reader's browser computes, not what the HTML says.

- link-text, name-punctuation: link and button names as Chromium computes them (selenium's
  ``accessible_name``): text hidden with ``display:none`` does not count, so "Read more" with the
  title hidden is vague; names of punctuation only ("→", "»") say nothing (no name at all is axe's);
- button-text: a button named only "button", "icon", "image"... (an image button's uninformative alt);
- reflow-scroll: at 320 px, a box other than a table or code that scrolls sideways inside the page;
- text-small: text rendered smaller than 12 px at 320 px (SVG text scaled down with its drawing included);
- text-justified: justified text (uneven gaps between words, WCAG 1.4.8);
- focus-visible, focus-obscured: an element whose look does not change when it gets keyboard focus,
  or which is hidden under a sticky or fixed header when it does (WCAG 2.4.7, 2.4.11).

Each looks inside the page's content (``article``, else ``main``, else ``body``; in a batch of pages,
every page's article, ``batch.py``): the theme's own
chrome is tested once, by the browser tests.
"""

from __future__ import annotations

import re

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.static import VAGUE_LINK_TEXTS

MIN_TEXT_PX = 12
PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")
# Button names that say nothing of what the button does (often an icon's or image's alt text).
VAGUE_BUTTON_NAMES = frozenset({"button", "icon", "image", "img", "picture", "click", "click here", "untitled", "graphic"})

# In a batch of pages (batch.py), the element holding all their articles.
CONTENT_ROOT_JS = "window.__eqpContent || document.querySelector('article') || document.querySelector('main') || document.body"

# The content's links and buttons, kept in document order (``window.__eqpNamed``) so that only the
# few a problem is found on have their selector worked out and sent back (SELECTORS_JS). When names
# are read from Chromium's accessibility tree, each is first marked with its number
# (``data-eqp-named``, MARK_NAMED_JS) so the tree's nodes can be matched to them in one go.
#
# Building the accessibility tree is most of what names cost (35 ms an assessment, 2 s on an index
# of 6,000 links), and it is needed only where a name could differ from the text: for an element of
# text alone (no child element, no aria-label, aria-labelledby or role, no generated content, not a
# list item) the name Chromium computes is that text, its spaces collapsed (and its case changed by
# text-transform, which the checks ignore). So each such element comes with its text; the others,
# and any whose text would be a problem, get their name from the tree, so a problem quotes
# Chromium's own name.
NAMED_JS = f"""
const root = {CONTENT_ROOT_JS};
window.__eqpNamed = Array.from(root.querySelectorAll(
  'a[href], button, [role=button], [role=link], input[type=button], input[type=submit], input[type=reset], input[type=image]'
)).filter(el => el.checkVisibility({{visibilityProperty: true}}) && !el.closest('[aria-hidden=true]'));
const plain = ['none', 'normal'];
const textAlone = el => {{
  if (['aria-label', 'aria-labelledby', 'role'].some(a => el.hasAttribute(a))) return null;
  if (!Array.from(el.childNodes).every(n => n.nodeType === 3 || n.nodeType === 8)) return null;
  const text = el.textContent;
  if (!text.trim()) return null;  // the name may come from a title, a value or an alt
  const cs = getComputedStyle(el);
  if (cs.content !== 'normal' || cs.display === 'list-item') return null;
  if (!plain.includes(getComputedStyle(el, '::before').content) || !plain.includes(getComputedStyle(el, '::after').content)) return null;
  return text;
}};
return window.__eqpNamed.map(el =>
  [el.localName === 'a' || el.getAttribute('role') === 'link', (el.getAttribute('href') || '').trim(), textAlone(el)]);
"""
MARK_NAMED_JS = "window.__eqpNamed.forEach((el, i) => el.setAttribute('data-eqp-named', i));"
NAMED_ELEMENTS_JS = "return arguments[0].map(i => window.__eqpNamed[i]);"
SELECTORS_JS = "return arguments[0].map(i => window.__eqpSelector(window.__eqpNamed[i]));"
NAMED_ROLES = ("link", "button")  # what NAMED_JS selects is one of these, unless the page gives it another role
UNMARK_JS = "for (const el of window.__eqpNamed || []) el.removeAttribute('data-eqp-named'); window.__eqpNamed = null;"

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
#
# Whether it is hidden is asked of the browser (elementFromPoint) only where a fixed or sticky element
# could be: a hit test after a scroll, like a look at a sticky element's box, makes Chromium bring the
# whole page's painting up to date (10 ms each time on an index of 6,000 links). So where fixed and
# sticky elements can paint is worked out once, before the first focus, from each one's box and the
# boxes and text of everything inside it:
# - a fixed element stays where it is in the window (inside a transformed element it moves with that
#   element, so it is taken to be anywhere);
# - a sticky element moves with the page but, stuck, goes no further than its top (or bottom)
#   offset, so it is taken to reach from there to the window's edge;
# - a sticky element in a scrolling box of its own stays within that box's width, and where it is
#   on the page unless the box scrolls up and down; inside another fixed or sticky element, it is
#   counted with that one.
# A point outside every such area cannot be under one of them. A box that ::before or ::after takes
# out of the flow cannot be measured, so its element is taken to cover the whole window.
FOCUS_JS = f"""
const root = {CONTENT_ROOT_JS}, out = [], first = arguments[0], budget = arguments[1], started = performance.now();
const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]';
const PROPS = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor', 'color',
               'borderTopColor', 'borderBottomColor', 'borderTopWidth', 'borderBottomWidth', 'textDecorationLine',
               'textDecorationThickness', 'filter', 'transform'];
const look = el => {{ const cs = getComputedStyle(el); return PROPS.map(p => cs[p]).join('|'); }};
const isPinned = n => {{ const p = getComputedStyle(n).position; return p === 'fixed' || p === 'sticky'; }};
function pinned(node) {{
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) if (isPinned(n)) return n;
  return null;
}}
const outOfFlow = n => ['::before', '::after'].some(p => {{
  const cs = getComputedStyle(n, p);
  return cs.content !== 'none' && cs.content !== 'normal' && cs.position !== 'static' && cs.position !== 'relative';
}});
const scrollBox = n => {{
  for (let a = n.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {{
    const cs = getComputedStyle(a);
    if (![cs.overflowX, cs.overflowY].every(o => o === 'visible' || o === 'clip')) return a;
  }}
  return null;
}};
const fixedToWindow = n => {{
  for (let a = n.parentElement; a; a = a.parentElement) {{
    const cs = getComputedStyle(a);
    if (cs.transform !== 'none' || cs.filter !== 'none' || cs.perspective !== 'none' || cs.backdropFilter !== 'none'
        || /paint|layout|strict|content/.test(cs.contain) || /transform|filter|perspective/.test(cs.willChange)) return false;
  }}
  return true;
}};
const startX = window.scrollX, startY = window.scrollY;
if (first === 0) window.__eqpFocusStart = [startX, startY];
const areas = [];
function addArea(n, kind, cs, clip) {{
  const box = n.getBoundingClientRect();
  let [l, t, r, b] = [box.left, box.top, box.right, box.bottom], everywhere = outOfFlow(n);
  const grow = q => {{
    if (q.width <= 0 && q.height <= 0) return;
    l = Math.min(l, q.left); t = Math.min(t, q.top); r = Math.max(r, q.right); b = Math.max(b, q.bottom);
  }};
  const text = document.createRange();
  text.selectNodeContents(n);
  grow(text.getBoundingClientRect());
  for (const d of n.querySelectorAll('*')) {{
    grow(d.getBoundingClientRect());
    if (!everywhere && outOfFlow(d)) everywhere = true;
  }}
  if (clip) {{  // inside a box that scrolls: across, never outside it; up and down too if it scrolls that way
    const c = clip.getBoundingClientRect();
    [l, r] = [c.left, c.right];
    if (clip.scrollHeight > clip.clientHeight + 1) [t, b] = [c.top, c.bottom];
  }}
  const sticky = kind === 'sticky';
  areas.push({{kind, everywhere, l, t, r, b, height: b - t,
               top: sticky && cs.top !== 'auto' ? parseFloat(cs.top) - (box.top - t) : null,
               bottom: sticky && cs.bottom !== 'auto' ? parseFloat(cs.bottom) - (b - box.bottom) : null,
               sideways: sticky && (cs.left !== 'auto' || cs.right !== 'auto')}});
}}
for (const n of document.querySelectorAll('*')) {{
  if (!isPinned(n)) continue;
  const cs = getComputedStyle(n);
  if (cs.position === 'fixed') {{
    addArea(n, 'window', cs);
    if (!fixedToWindow(n)) areas[areas.length - 1].everywhere = true;  // it moves with what holds it
    continue;
  }}
  const box = scrollBox(n);
  if (!box) {{ addArea(n, 'sticky', cs); continue; }}
  if (!pinned(box)) addArea(n, 'page', cs, box);  // stuck to a box that moves with the page
}}
// Could a fixed or sticky element be painted at (x, y) of the window, with the page scrolled as it is now?
const underPinned = ([x, y]) => areas.some(a => {{
  if (a.everywhere) return true;
  if (a.kind === 'window') return x >= a.l && x <= a.r && y >= a.t && y <= a.b;
  const dx = startX - window.scrollX, dy = startY - window.scrollY;
  if (!a.sideways && (x < a.l + dx || x > a.r + dx)) return false;
  let t = a.t + dy, b = a.b + dy;
  if (a.top !== null) {{ t = -Infinity; b = Math.max(b, a.top + a.height); }}
  if (a.bottom !== null) {{ b = Infinity; t = Math.min(t, window.innerHeight - a.bottom - a.height); }}
  return y >= t && y <= b;
}});
const all = root.querySelectorAll(sel);
if (first === 0) {{  // every focus ring laid out at once (see FOCUS_SECONDS)
  const warm = document.createElement('style');
  warm.textContent = `:is(${{sel}}) {{ outline: auto 1px !important; }}`;
  document.head.appendChild(warm);
  document.body.offsetHeight;
  warm.remove();
  document.body.offsetHeight;
}}
let next = first;
for (; next < all.length; next++) {{
  if (next > first && performance.now() - started > budget) break;  // the rest in the next call
  const el = all[next];
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
  let covered = points.length > 0 && points.every(underPinned);
  for (const [x, y] of covered ? points : []) {{
    const top = document.elementFromPoint(x, y);
    if (!top || el.contains(top) || top.contains(el)) {{ covered = false; break; }}
    const cover = pinned(top);
    if (!cover || cover.contains(el)) {{ covered = false; break; }}
  }}
  if (!visible) out.push(['visible', window.__eqpSelector(el)]);
  if (covered) out.push(['obscured', window.__eqpSelector(el)]);
  el.blur();
}}
if (next >= all.length) window.scrollTo(...window.__eqpFocusStart);
return [out, next, all.length];
"""


# The first time an element in a table or a line of text gets a focus ring, Chromium lays out
# everything around it again: 2.5 ms a link in a table of 2,000 rows, so the index of 6,000 links took
# two minutes. Focusing it again costs almost nothing. So before the first element is focused, every
# focusable element is given an outline, all together (one layout), and the outline is taken away
# again: the styles the check compares are the page's own. The focus check on that index: 126 s -> 6 s.
# Focusable elements are tried for up to FOCUS_SECONDS in one script call, the rest in the next, so
# that no page, however large, outlasts the driver's script timeout. Few calls, not a fixed number of
# elements each: each call works out again where fixed and sticky elements can paint, and Chromium
# paints the scrolled page between calls.
FOCUS_SECONDS = 5


def _words(text: str) -> str:
    return " ".join((text or "").split())


def computed_names(driver, count: int) -> dict[int, str]:
    """The names Chromium computes for the elements NAMED_JS marked, by their number, from its
    accessibility tree: a few DevTools calls for the whole page, where asking WebDriver for each
    element's name took a round trip each (24 s for the 6,000 links of a county's index).

    The marked elements, found by DevTools in document order, are numbered in that order (as
    NAMED_JS numbered them); the tree's nodes are matched to them through their DOM nodes."""
    if not count:
        return {}
    document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    marked_nodes = driver.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": document, "selector": "[data-eqp-named]"})["nodeIds"]
    if len(marked_nodes) != count:  # the page marked something itself: ask each element (the caller does)
        driver.execute_cdp_cmd("DOM.disable", {})
        return {}
    marked = {node: number for number, node in enumerate(marked_nodes)}
    root = driver.execute_cdp_cmd("Runtime.evaluate", {"expression": CONTENT_ROOT_JS})["result"]["objectId"]
    found = [ax for role in NAMED_ROLES
             for ax in driver.execute_cdp_cmd("Accessibility.queryAXTree", {"objectId": root, "role": role})["nodes"]
             if ax.get("backendDOMNodeId")]
    nodes = driver.execute_cdp_cmd("DOM.pushNodesByBackendIdsToFrontend",
                                   {"backendNodeIds": [ax["backendDOMNodeId"] for ax in found]})["nodeIds"] if found else []
    names: dict[int, str] = {}
    for ax, node in zip(found, nodes):
        number = marked.get(node)
        if number is not None and number not in names:
            names[number] = str((ax.get("name") or {}).get("value") or "")
    driver.execute_cdp_cmd("Runtime.releaseObject", {"objectId": root})
    driver.execute_cdp_cmd("DOM.disable", {})
    # Asking for the tree switched it on: Chromium would keep it up to date through every later
    # check and every page opened after this one.
    driver.execute_cdp_cmd("Accessibility.disable", {})
    return names


def _name_problem(name: str, is_link: bool, href: str) -> tuple[str, str] | None:
    """(rule, message) when a link's or button's name says nothing, else None."""
    if not name:
        return None  # no name at all: axe's link-name and button-name report it
    if PUNCTUATION_ONLY.match(name):
        kind = "link" if is_link else "button"
        return "name-punctuation", (f"{kind} name \"{name}\" is only punctuation, which screen readers skip or read "
                                    "as symbols; say what it does in words")
    if is_link and not href.startswith(("#", "javascript:")) and name.lower().strip(" .:!") in VAGUE_LINK_TEXTS:
        return "link-text", f"link text \"{name}\" does not make sense on its own"
    if not is_link and name.lower().strip(" .:!") in VAGUE_BUTTON_NAMES:
        return "button-text", f"button name \"{name}\" does not say what the button does"
    return None


def names(driver, url: str) -> list[PageProblem]:
    named = driver.execute_script(NAMED_JS)
    # Elements of text alone whose text is fine need nothing more (NAMED_JS says why).
    from_tree = [number for number, (is_link, href, text) in enumerate(named)
                 if text is None or _name_problem(_words(text), is_link, href)]
    found = []  # (number, rule, message)
    if from_tree:
        driver.execute_script(MARK_NAMED_JS)
        computed = computed_names(driver, len(named))
        # An element the tree leaves out (Chromium prunes some) is asked for by itself.
        missing = [number for number in from_tree if number not in computed]
        for number, element in zip(missing, driver.execute_script(NAMED_ELEMENTS_JS, missing) if missing else []):
            computed[number] = element.accessible_name
        for number in from_tree:
            is_link, href, _ = named[number]
            problem = _name_problem(_words(computed[number]), is_link, href)
            if problem:
                found.append((number, *problem))
    selectors = driver.execute_script(SELECTORS_JS, [number for number, _, _ in found]) if found else []
    driver.execute_script(UNMARK_JS)
    return [PageProblem(url, rule, message, selector) for (_, rule, message), selector in zip(found, selectors)]


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
    problems, first, total = [], 0, 1
    while first < total:  # each call tries one element at least
        found, first, total = driver.execute_script(FOCUS_JS, first, FOCUS_SECONDS * 1000)
        problems += _focus_problems(url, found)
    return problems


def _focus_problems(url: str, found: list) -> list[PageProblem]:
    problems = []
    for kind, selector in found:
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
