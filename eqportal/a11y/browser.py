"""The checks that need a real browser: axe-core, HTML_CodeSniffer, reflow at 320 px, text spacing and 200% text.

One ``Browser`` is one headless Debian Chromium, reused for every page a worker checks: starting
Chromium costs about a second, a page costs a fraction of that.
"""

from __future__ import annotations

import re
import shutil
import tempfile

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from eqportal.a11y import content_browser, engines, settings
from eqportal.a11y.problem import PageProblem
from eqportal.a11y.selector import SELECTOR_JS

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    "--hide-scrollbars", "--force-device-scale-factor=1",
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

# Elements that hide part of their text (overflow hidden or clip, content larger than the box).
CLIPPED_JS = """
const exempt = arguments[0];
const clipped = [];
for (const el of document.body.querySelectorAll('*')) {
  if ((exempt && el.closest(exempt)) || !el.checkVisibility({visibilityProperty: true})) continue;
  const cs = getComputedStyle(el);
  const hidesX = ['hidden', 'clip'].includes(cs.overflowX), hidesY = ['hidden', 'clip'].includes(cs.overflowY);
  if (!hidesX && !hidesY) continue;
  if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;  // visually hidden text for screen readers
  if (!el.innerText || !el.innerText.trim()) continue;
  if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1))
    clipped.push(window.__eqpSelector(el));
}
return clipped;
"""

ADD_STYLE_JS = """
const s = document.createElement('style'); s.id = '__eqp-test-style'; s.textContent = arguments[0];
document.head.appendChild(s);
"""


class Browser:
    """A headless Chromium driven by selenium, with axe-core ready to inject."""

    def __init__(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="eqp-a11y-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self._profile}")
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_script_timeout(60)
        # The newest axe-core from npm (package.json), not the older one axe-selenium-python bundles.
        self.axe = Axe(self.driver, script_url=str(engines.axe_script()))
        self.versions = {"chromium": self.driver.capabilities.get("browserVersion", "")}
        self.criteria: dict[str, str] = {}  # axe rule -> WCAG criteria, e.g. "1.4.3", from its tags

    def close(self) -> None:
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

    def check(self, base_url: str, url: str) -> list[PageProblem]:
        """Open one page and run every browser check on it."""
        self._viewport(*settings.DESKTOP)
        self.driver.get(base_url + url)
        self.driver.execute_script(SELECTOR_JS)
        problems = self._axe(url)
        problems += self._htmlcs(url)
        problems += self._clipped_by(url, settings.TEXT_SPACING_CSS, "text-spacing",
                                     "text is cut off when line, letter and word spacing are increased (WCAG 1.4.12)")
        problems += self._clipped_by(url, settings.TEXT_RESIZE_CSS, "text-resize",
                                     "text is cut off when text is resized to 200% (WCAG 1.4.4)")
        problems += content_browser.desktop_checks(self.driver, url, settings.DESKTOP[0])
        problems += self._reflow(url)
        problems += content_browser.narrow_checks(self.driver, url, settings.REFLOW_WIDTH, settings.REFLOW_EXEMPT)
        return problems

    def _axe(self, url: str) -> list[PageProblem]:
        self.axe.inject()
        results = self.axe.run(options=settings.axe_options())
        self.versions["axe-core"] = results.get("testEngine", {}).get("version", "")
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
        for code, message, selector in engines.run_htmlcs(self.driver):
            rule = settings.htmlcs_rule(code)
            self.criteria[rule] = settings.htmlcs_criterion(code)
            problems.append(PageProblem(url, rule, " ".join(message.split()), selector))
        return problems

    def _clipped_by(self, url: str, css: str, rule: str, message: str) -> list[PageProblem]:
        """Text that a user style (wider spacing, bigger text) makes overflow a box that hides it."""
        exempt = ", ".join(settings.TEXT_SPACING_EXEMPT)
        before = set(self.driver.execute_script(CLIPPED_JS, exempt))
        self.driver.execute_script(ADD_STYLE_JS, css)
        after = self.driver.execute_script(CLIPPED_JS, exempt)
        self.driver.execute_script("document.getElementById('__eqp-test-style').remove()")
        return [PageProblem(url, rule, message, selector) for selector in after if selector not in before]

    def _reflow(self, url: str) -> list[PageProblem]:
        self._viewport(settings.REFLOW_WIDTH, 640)
        found = self.driver.execute_script(REFLOW_JS, settings.REFLOW_EXEMPT)
        return [
            PageProblem(url, "reflow", f"at a {settings.REFLOW_WIDTH} px wide window this element is {width} px wide "
                        "and makes the page scroll sideways (WCAG 1.4.10)", selector)
            for selector, width in found
        ]


def _criterion(tag: str) -> str:
    """axe's ``wcag1410`` -> ``1.4.10``."""
    digits = tag[4:]
    return f"{digits[0]}.{digits[1]}.{digits[2:]}"


def axe_core_version() -> str:
    """The axe-core the checker runs (its npm package), for the report when no page needed a browser."""
    return engines.package_version("axe-core")
