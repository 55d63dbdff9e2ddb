"""The checks that need a real browser: axe-core, HTML_CodeSniffer, reflow at 320 px, text spacing and 200% text.

One ``Browser`` is one headless Debian Chromium, reused for every page a worker checks: starting
Chromium costs about a second, a page costs a fraction of that. axe-core is handed to Chromium
once per session (evaluated in every page it opens) instead of being sent over WebDriver with
each page, and the browser remembers which text styles have already passed the contrast rule, so
each style is measured once per run rather than on every paragraph of every page (see
``settings.CONTRAST_ONCE_PER_STYLE`` for why that is sound).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from typing import Iterator

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from eqportal.a11y import batch, content_browser, engines, settings
from eqportal.a11y.problem import PageProblem
from eqportal.a11y.selector import SELECTOR_JS

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    "--hide-scrollbars", "--force-device-scale-factor=1",
    # V8's top tier (TurboFan) compiles axe's hottest functions afresh for every page opened, on a
    # core the other browser needs, and the page is gone before that pays off; its middle tier
    # (Maglev) is enough. The whole-site check of 2,000 assessments (2 cores): about 10% quicker.
    "--js-flags=--max-opt=2",
)

# Elements that make the page wider than the window, outermost first; exempt ones may scroll.
REFLOW_JS = """
const exempt = arguments[0];
const vw = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= vw + 1) return [];
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest(exempt) || !el.checkVisibility()) continue;
  if (getComputedStyle(el).position === 'fixed') continue;
  const r = el.getBoundingClientRect();
  if (r.right <= vw + 1) continue;
  const p = el.parentElement;
  if (p && p !== document.body && p.getBoundingClientRect().right > vw + 1) continue;
  out.push([window.__eqpSelector(el), Math.round(r.width)]);
}
if (!out.length) out.push(['html', document.documentElement.scrollWidth]);
return out;
"""

# Elements that hide part of their text (overflow hidden or clip, content larger than the box): as the page
# is, then under each of the reader's style sheets in turn (``arguments[2]``), all in one script. Between
# two scripts Chromium would lay out and paint the page for the screen, though nothing reads it.
#
# The sheet is a constructed one, adopted by the document: no element a page could give its id or name,
# and no inline style a page's Content-Security-Policy could refuse. It is left in place, as its rules
# apply only at the desktop width (``user_sheet``): the window then narrows for the reflow check, and
# the page is laid out once at 320 px without them, not once more at the desktop width first. A batch of
# 24 assessments, from these checks to the end of the narrow ones: 1.82 s against 1.43 s (median of 9).
CLIPPED_JS = """
const exempt = arguments[0];
const scope = (arguments[1] && document.querySelector(arguments[1])) || document.body;
function clipped() {
  const found = [];
  for (const el of scope.querySelectorAll('*')) {
    const cs = getComputedStyle(el);  // first the overflow, which few elements hide: the cheapest question
    const hidesX = ['hidden', 'clip'].includes(cs.overflowX), hidesY = ['hidden', 'clip'].includes(cs.overflowY);
    if (!hidesX && !hidesY) continue;
    if ((exempt && el.closest(exempt)) || !el.checkVisibility({visibilityProperty: true})) continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;  // visually hidden text for screen readers
    if (!el.innerText || !el.innerText.trim()) continue;
    if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1))
      found.push(window.__eqpSelector(el));
  }
  return found;
}
const results = [clipped()];
let sheet = window.__eqpUserStyle;
if (!sheet) {
  sheet = window.__eqpUserStyle = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
for (const css of arguments[2]) {
  sheet.replaceSync(css);
  results.push(clipped());
}
return results;
"""

# Marks, for axe's colour-contrast rule, one element of each text style not yet known to pass.
# A style is everything contrast is computed from: the element's colour, size, weight, shadow and
# fill, and for it and every ancestor the background (colour, image, and ::before/::after
# backgrounds), opacity, filter and blending. Elements inside anything positioned out of the flow
# (fixed, absolute, or sticky and moved from where the flow puts it) may overlap other content, so
# they are always checked.
#
# A sticky element leaves the flow only once scrolling brings it to its offset. Contrast is measured
# with the page as it opens, at the top (axe and HTML_CodeSniffer run before anything scrolls), so a
# sticky element is asked where the flow would put it, its offsets set aside for a moment: one that
# is there already is no more out of the flow than a static one. That is most of a batch's text:
# every page's contents list sits in Material's sticky sidebar.
MARK_CONTRAST_JS = """
const known = new Set(arguments[0]);
const seen = new Set();
function hash(text) {  // cyrb53: 53 bits, so the known styles stay short to send back and forth
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761); h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
const chains = new Map();
const STATIC = ['static', 'relative'];
const SIDES = ['top', 'right', 'bottom', 'left'];
function moved(el) {  // a sticky element: is it anywhere but where the flow puts it?
  // Through the CSSOM only: a page whose policy forbids inline styles would refuse a style attribute
  // written back, and keep the checker's change.
  const at = el.getBoundingClientRect(), style = el.style, attribute = el.hasAttribute('style');
  const own = SIDES.map(side => [side, style.getPropertyValue(side), style.getPropertyPriority(side)]);
  style.setProperty('inset', 'auto', 'important');
  const flow = el.getBoundingClientRect();
  style.removeProperty('inset');
  for (const [side, value, priority] of own) if (value) style.setProperty(side, value, priority);
  // Chromium writes the CSSOM's changes into the attribute when next read: read it, then take it away.
  if (!attribute && el.getAttribute('style') !== null) el.removeAttribute('style');
  return SIDES.some(side => Math.abs(at[side] - flow[side]) > 0.5);
}
function chain(el) {
  if (!el) return '';
  if (chains.has(el)) return chains.get(el);
  const cs = getComputedStyle(el), before = getComputedStyle(el, '::before'), after = getComputedStyle(el, '::after');
  const flows = STATIC.includes(cs.position) || (cs.position === 'sticky' && !moved(el));
  const own = [cs.backgroundColor, cs.backgroundImage, cs.opacity, cs.filter, cs.mixBlendMode, cs.backdropFilter,
               before.backgroundColor, before.backgroundImage, after.backgroundColor, after.backgroundImage,
               flows ? '' : '\u0001'].join('|');
  // The ancestors' part as a hash, not their whole text: a long chain hashed again on every element was
  // most of this script's time. Marks carried down from any ancestor: \u0001 positioned, \u0002 a
  // ::before with a background image (which HTML_CodeSniffer's contrast test weighs by its size,
  // engines.HTMLCS_JS).
  const above = chain(el.parentElement);
  const marks = (!flows || above.includes('\u0001') ? '\u0001' : '')
    + (before.backgroundImage !== 'none' || above.includes('\u0002') ? '\u0002' : '');
  const value = marks + hash(own + '>' + above);
  chains.set(el, value);
  return value;
}
let marked = 0;
const styles = window.__eqpStyles = new Map();  // every text element's style, null where it is always measured
for (const el of document.body.querySelectorAll('*')) {
  let text = false;
  for (const n of el.childNodes) if (n.nodeType === 3 && /[\\p{L}\\p{N}]/u.test(n.data)) { text = true; break; }
  if (!text) continue;
  const cs = getComputedStyle(el);
  const full = [cs.color, cs.fontSize, cs.fontWeight, cs.textShadow, cs.webkitTextFillColor, cs.webkitTextStrokeWidth,
                cs.webkitTextStrokeColor, cs.visibility, chain(el)].join('#');
  const positioned = full.includes('\u0001');
  const style = hash(full);
  styles.set(el, positioned || full.includes('\u0002') ? null : style);
  // Values of 31 characters or more, which axe leaves out of the selectors it reports; the known
  // styles are such values, as RUN_AXE_JS reads them back.
  const value = (positioned ? 'positioned' : 'style-' + style).padEnd(40, '-');
  if (!positioned && (known.has(value) || seen.has(style))) continue;
  seen.add(style);
  el.setAttribute('data-eqp-style', value);
  marked++;
}
return marked;
"""

# Every element with text, for a run that measures contrast everywhere (CONTRAST_ONCE_PER_STYLE off).
MARK_ALL_JS = """
for (const el of document.body.querySelectorAll('*')) el.setAttribute('data-eqp-style', 'every-element'.padEnd(40, '-'));
"""

# axe with its colour-contrast rule limited to the marked elements; returns the violations, the
# axe version and the styles that passed (marked, and neither a violation nor undecided). When a
# marked element fails, colour contrast runs again over every element, so each failing paragraph
# is reported, as a check of every element would have reported it.
RUN_AXE_JS = batch.PAGE_OF_JS + """
const done = arguments[arguments.length - 1];
// Every incomplete element too, not axe's one per rule: a style it could not decide is never learned as passed.
const options = Object.assign(JSON.parse(arguments[0]), {elementRef: true, resultTypes: ['violations', 'incomplete']});
const crossPage = window.__eqpParts ? JSON.parse(arguments[1]) : [];  // in a batch, faults only between its pages
const audit = axe._audit && axe._audit.rules ? axe._audit.rules.find(r => r.id === 'color-contrast') : null;
const everything = (audit && audit.selector) || '*';
// noHtml: no copy of each element's markup in the results (nothing here reads it). axe would take one of
// every element a rule looks at, the whole document for the rules about <html> and <body>: in a batch of
// 24 assessments, 1.4 MB a rule.
axe.configure({noHtml: true, rules: [{id: 'color-contrast', selector: '[data-eqp-style]'}]});
const contrast = r => r.id === 'color-contrast';
// The node itself (elementRef), not its selector: a selector axe writes may match an earlier element first.
const styleOf = node => node.element ? node.element.getAttribute('data-eqp-style') : null;
const withoutElements = rules => rules.map(r => Object.assign({}, r, {nodes: r.nodes.map(n => {
  const copy = Object.assign({}, n); delete copy.element; return copy; })}));
axe.run(document, options).then(async results => {
  const failed = new Set();
  for (const type of ['violations', 'incomplete'])
    for (const rule of results[type].filter(contrast)) for (const node of rule.nodes) failed.add(styleOf(node));
  const passed = failed.has(null) ? [] : Array.from(document.querySelectorAll('[data-eqp-style^="style-"]'))
    .map(el => el.getAttribute('data-eqp-style')).filter(style => !failed.has(style));
  let violations = results.violations;
  if (violations.some(contrast)) {
    axe.configure({rules: [{id: 'color-contrast', selector: everything}]});
    const all = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']});
    violations = violations.filter(r => !contrast(r)).concat(all.violations);
  }
  violations = violations.map(r => crossPage.includes(r.id) ? Object.assign({}, r, {nodes: r.nodes.filter(n => !acrossPagesOnly(n))}) : r)
    .filter(r => r.nodes.length);
  done({violations: withoutElements(violations), version: (results.testEngine || {}).version || '', passed: passed});
}).catch(err => done({error: String(err)}));
"""

# The checker's real properties of the window, set before anything of the page exists (batch.INIT_JS
# says why): the reader's style sheet is held by one, never looked up in the page.
PAGE_INIT_JS = batch.INIT_JS + " window.__eqpUserStyle = null;"

# The page just checked, emptied before the window is resized for the next one: Chromium would
# otherwise lay out all of it again at the new width (a fifth of a second for a batch of pages).
EMPTY_PAGE_JS = "if (document.documentElement) document.documentElement.remove();"


# What a reader's own style sheet may do, and the problem when it cuts text off.
USER_STYLES = (
    (settings.TEXT_SPACING_CSS, "text-spacing", "text is cut off when line, letter and word spacing are increased (WCAG 1.4.12)"),
    (settings.TEXT_RESIZE_CSS, "text-resize", "text is cut off when text is resized to 200% (WCAG 1.4.4)"),
)


def user_sheet(css: str) -> str:
    """A reader's style sheet that applies at the desktop width only (``CLIPPED_JS`` says why)."""
    return f"@media (min-width: {settings.DESKTOP[0]}px) {{ {css} }}"


_OPEN: set[Browser] = set()  # this process's browsers not yet closed (closed_on_terminate closes them)
_STARTING: set[str] = set()  # profiles of browsers still starting (no driver to close yet)
_OPEN_LOCK = threading.RLock()


class Browser:
    """A headless Chromium driven by selenium, with axe-core ready to inject."""

    def __init__(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="eqp-a11y-chromium-")
        self._owner = os.getpid()
        with _OPEN_LOCK:
            _STARTING.add(self._profile)  # a SIGTERM before it is open still removes its profile
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self._profile}")
        try:
            self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        except BaseException:
            shutil.rmtree(self._profile, ignore_errors=True)
            raise
        finally:
            with _OPEN_LOCK:
                _STARTING.discard(self._profile)
        with _OPEN_LOCK:
            _OPEN.add(self)
        try:
            self._prepare()
        except BaseException:  # axe-core missing, say: the Chromium just started is not left running
            self.close()
            raise

    def _prepare(self) -> None:
        self.driver.set_script_timeout(60)
        # The newest axe-core from npm (package.json), not the older one axe-selenium-python bundles.
        self.axe = Axe(self.driver, script_url=str(engines.axe_script()))
        # axe-core, HTML_CodeSniffer and the selector helper, evaluated by Chromium in every page it
        # opens from now on, rather than sent over WebDriver with each page (HTML_CodeSniffer alone is 365 KB).
        with open(self.axe.script_url, encoding="utf-8") as script:
            sources = [script.read(), SELECTOR_JS, PAGE_INIT_JS]
        try:
            sources.append(engines.engine_file(engines.HTMLCS_SCRIPT).read_text(encoding="utf-8"))
        except engines.EngineMissing:
            pass  # run_htmlcs says what is missing, on each page
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "\n;\n".join(sources)})
        self.known_styles: set[str] = set()  # text styles that passed colour contrast in this session
        self.htmlcs_known_styles: set[str] = set()  # and HTML_CodeSniffer's contrast test
        self.versions = {"chromium": self.driver.capabilities.get("browserVersion", "")}
        self.criteria: dict[str, str] = {}  # axe rule -> WCAG criteria, e.g. "1.4.3", from its tags

    def close(self) -> None:
        with _OPEN_LOCK:
            if self not in _OPEN:
                return  # closed already (by closed_on_terminate, say)
            _OPEN.discard(self)
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _viewport(self, width: int, height: int) -> None:
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def check(self, base_url: str, url: str, *, scope: str | None = None) -> list[PageProblem]:
        """Open one page and run every browser check on it.

        ``scope`` (a CSS selector, e.g. ``settings.CONTENT_REGION``) limits the text-spacing and
        text-size checks to the page's own content: for a page whose template (everything around
        the content) has already been checked whole in this run. axe and reflow always see the
        whole page.
        """
        self._open(base_url + url)
        return self._checks(url, scope)

    def passes_batch(self, base_url: str, url: str, pages: int) -> bool:
        """Open a batch of ``pages`` pages (``batch.compose``) and say whether every check passes on it.

        True means each of its pages would pass on its own; False says nothing about any of them.
        """
        self._open(base_url + url)
        if not self.driver.execute_script(batch.PREPARE_JS, pages):
            return False
        return not self._checks(url, settings.CONTENT_REGION)

    def _open(self, address: str) -> None:
        self.driver.execute_script(EMPTY_PAGE_JS)
        self._viewport(*settings.DESKTOP)
        self.driver.get(address)
        if not self.driver.execute_script("return !!(window.axe && window.__eqpSelector)"):
            self.axe.inject()  # a page Chromium did not prepare (it should never happen): the slow way
            self.driver.execute_script(SELECTOR_JS + PAGE_INIT_JS)

    def _checks(self, url: str, scope: str | None) -> list[PageProblem]:
        # Contrast first, with the page at the top as it opened (MARK_CONTRAST_JS says why): the focus check scrolls.
        problems = self._axe(url)
        problems += self._htmlcs(url)
        problems += content_browser.desktop_checks(self.driver, url, settings.DESKTOP[0])
        # Last at the desktop width: the page laid out again without the reader's styles is then the
        # page laid out at the narrow width, one layout instead of two.
        problems += self._clipped_by_user_styles(url, scope)
        problems += self._reflow(url)
        problems += content_browser.narrow_checks(self.driver, url, settings.REFLOW_WIDTH, settings.REFLOW_EXEMPT)
        return problems

    def _axe(self, url: str) -> list[PageProblem]:
        known = sorted(self.known_styles) if settings.CONTRAST_ONCE_PER_STYLE else []
        self.driver.execute_script(MARK_CONTRAST_JS if settings.CONTRAST_ONCE_PER_STYLE else MARK_ALL_JS, known)
        results = self.driver.execute_async_script(RUN_AXE_JS, settings.axe_options(), json.dumps(batch.CROSS_PAGE_RULES))
        if results.get("error"):
            raise RuntimeError(f"axe-core failed: {results['error']}")
        self.versions["axe-core"] = results.get("version", "")
        self.known_styles.update(results.get("passed", []))
        problems = []
        for violation in results.get("violations", []):
            self.criteria[violation["id"]] = ", ".join(
                _criterion(tag) for tag in violation.get("tags", []) if re.fullmatch(r"wcag\d{3,4}", tag))
            for node in violation["nodes"]:
                detail = next((c["message"] for key in ("any", "all", "none") for c in node[key] if c.get("message")), "")
                message = violation["help"] + (f": {detail}" if detail else "")
                target = " ".join(t if isinstance(t, str) else " ".join(t) for t in node["target"])
                problems.append(PageProblem(url, violation["id"], message, target))
        return problems

    def _htmlcs(self, url: str) -> list[PageProblem]:
        """HTML_CodeSniffer's WCAG2AA errors, as pa11y reports them; the rule is its technique code."""
        problems = []
        known = self.htmlcs_known_styles if settings.CONTRAST_ONCE_PER_STYLE else None
        for code, message, selector in engines.run_htmlcs(self.driver, known):
            rule = settings.htmlcs_rule(code)
            self.criteria[rule] = settings.htmlcs_criterion(code)
            problems.append(PageProblem(url, rule, " ".join(message.split()), selector))
        return problems

    def _clipped_by_user_styles(self, url: str, scope: str | None) -> list[PageProblem]:
        """Text that a user style (wider spacing, bigger text) makes overflow a box that hides it, where it did not before."""
        exempt = ", ".join(settings.TEXT_SPACING_EXEMPT)
        sheets = [user_sheet(css) for css, _, _ in USER_STYLES]
        as_it_is, *after = self.driver.execute_script(CLIPPED_JS, exempt, scope, sheets)
        before = set(as_it_is)  # cut short without the reader's styles: not the user's doing
        return [PageProblem(url, rule, message, selector)
                for (_, rule, message), found in zip(USER_STYLES, after) for selector in found if selector not in before]

    def _reflow(self, url: str) -> list[PageProblem]:
        self._viewport(settings.REFLOW_WIDTH, 640)
        found = self.driver.execute_script(REFLOW_JS, settings.REFLOW_EXEMPT)
        return [
            PageProblem(url, "reflow", f"at a {settings.REFLOW_WIDTH} px wide window this element is {width} px wide "
                        "and makes the page scroll sideways (WCAG 1.4.10)", selector)
            for selector, width in found
        ]


@contextmanager
def closed_on_terminate() -> Iterator[None]:
    """While it lasts, a SIGTERM (``timeout``, ``kill``, a cancelled CI job) first closes this process's browsers.

    Ended by SIGTERM, the checker left each browser's ChromeDriver and Chromium running with
    nothing to drive them (two ChromeDrivers and 22 Chromium processes, for good), their
    profiles in the temporary folder, and the static checks' worker processes. Now the signal
    closes them, their profiles and the workers, then ends the
    process as it always did (the previous handler, by default: ended by SIGTERM). Only the main
    thread can set a handler: anywhere else this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is None:  # a handler not set from Python: take it as the default
        previous = signal.SIG_DFL

    def terminate(signum: int, frame: object) -> None:
        with _OPEN_LOCK:
            browsers = [browser for browser in _OPEN if browser._owner == os.getpid()]  # not a forked copy's
        for browser in browsers:
            try:
                browser.close()
            except Exception:  # noqa: BLE001 - ending anyway: close the others
                pass
        # The static checks' worker processes too: spawned, they waited on their queue for good, and
        # multiprocessing's resource tracker with them.
        import multiprocessing

        for child in multiprocessing.active_children():
            child.terminate()
        # Whatever else it started and is still running: a ChromeDriver and its Chromium caught half
        # started (no driver yet to close them), the Nu validator.
        for pid in _descendants(os.getpid()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        with _OPEN_LOCK:
            starting = list(_STARTING)
        for profile in starting:
            shutil.rmtree(profile, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)  # handled as before the browsers opened

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _descendants(root: int) -> list[int]:
    """Every process below ``root`` still running, children first (Linux's /proc; none elsewhere)."""
    parents: dict[int, int] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(name)] = int(fields[1])
    found, todo = [], [root]
    while todo:
        parent = todo.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        todo += children
    return found


def _criterion(tag: str) -> str:
    """axe's ``wcag1410`` -> ``1.4.10``."""
    digits = tag[4:]
    return f"{digits[0]}.{digits[1]}.{digits[2:]}"


def axe_core_version() -> str:
    """The axe-core the checker runs (its npm package), for the report when no page needed a browser."""
    return engines.package_version("axe-core")


def installed_versions() -> dict[str, str]:
    """What a browser started now would give as :attr:`Browser.versions`, without starting one: Chromium's
    version as its program tells it (``chromium --version``) and the axe-core package's. Empty if it cannot say."""
    try:
        said = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    number = re.search(r"\b\d+(?:\.\d+)+\b", said)
    return {"chromium": number.group(0), "axe-core": axe_core_version()} if number else {}
