"""The independent engines the portal answers to, besides its own checks: where they are installed and
how to run them.

- axe-core: the newest release from its npm package (``node_modules/axe-core/axe.min.js``), handed to
  axe-selenium-python as ``script_url`` (the library bundles an older axe).
- HTML_CodeSniffer (``node_modules/html_codesniffer/build/HTMLCS.js``): injected into the page and run
  with the WCAG2AA standard, keeping errors only, exactly as pa11y's default runner does.
- the Nu HTML validator (``node_modules/vnu-jar/build/dist/vnu.jar``): run with Java over many files in
  one process (starting the JVM costs seconds, a page costs milliseconds).

All three are npm packages pinned in ``package.json`` and installed by ``make`` (``npm install``);
nothing is fetched at run time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

AXE_SCRIPT = "axe-core/axe.min.js"
HTMLCS_SCRIPT = "html_codesniffer/build/HTMLCS.js"
VNU_JAR = "vnu-jar/build/dist/vnu.jar"


class EngineMissing(RuntimeError):
    """An engine's npm package is not installed: one line saying how to install it."""


def node_modules() -> Path | None:
    """The ``node_modules`` folder holding the engines: ``$EQPORTAL_NODE_MODULES``, else the nearest one
    above the working directory, else the one beside the project this package was installed from."""
    if os.environ.get("EQPORTAL_NODE_MODULES"):
        return Path(os.environ["EQPORTAL_NODE_MODULES"])
    here = Path.cwd().resolve()
    source = Path(__file__).resolve().parent.parent.parent
    for folder in (here, *here.parents, source):
        if (folder / "node_modules").is_dir():
            return folder / "node_modules"
    return None


def engine_file(relative: str) -> Path:
    """The installed file of an engine, or ``EngineMissing`` naming the fix."""
    folder = node_modules()
    path = folder / relative if folder else None
    if path is None or not path.is_file():
        package = relative.split("/")[0]
        raise EngineMissing(f"{package} is not installed (node_modules/{relative} not found): run `make node`")
    return path


def axe_script() -> Path:
    return engine_file(AXE_SCRIPT)


def package_version(package: str) -> str:
    folder = node_modules()
    try:
        return json.loads((folder / package / "package.json").read_text(encoding="utf-8"))["version"]
    except (TypeError, OSError, ValueError, KeyError):
        return ""


# HTML_CodeSniffer as pa11y runs it: WCAG2AA, errors only (type 1), with a selector for each.
#
# Its contrast test (G18, G145) was 60% of its time: it works out every text element's colours
# from its ancestors. With ``known`` (styles that passed it before in this browser) and the styles
# MARK_CONTRAST_JS recorded (``window.__eqpStyles``: the same style, the same colours, size, weight
# and backgrounds, so the same result), it measures one element of each style not yet known, and
# every element whose style it cannot vouch for: positioned, under a ::before with a background
# image (which the test weighs by its size), or with no letters (no style recorded). Each is
# measured alone, as the test measures it among the others. If any fails, the test runs as
# HTML_CodeSniffer wrote it, over the whole page, so every failing element is reported as before.
HTMLCS_JS = """
const done = arguments[arguments.length - 1];
const known = arguments[0] ? new Set(arguments[0]) : null, styles = window.__eqpStyles;
const learned = [];
const contrast = window.HTMLCS_WCAG2AAA_Sniffs_Principle1_Guideline1_4_1_4_3_Contrast;
if (contrast) {
  const original = contrast.__eqpOriginal || (contrast.__eqpOriginal = contrast.testContrastRatio);
  contrast.testContrastRatio = function (top, min, minLarge) {
    if (!known || !styles || top.ownerDocument || !document.body) return original.call(this, top, min, minLarge);
    const util = window.HTMLCS.util, disabled = util.isDisabled, chosen = [], seen = new Set();
    for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
      if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && util.trim(n.nodeValue) !== '')) continue;
      const style = styles.get(el);
      if (style) {
        if (known.has(style) || seen.has(style)) continue;
        seen.add(style);
      }
      chosen.push([el, style]);
    }
    const failures = [];
    try {
      for (const [el] of chosen) {
        util.isDisabled = node => node === el ? disabled.call(util, node) : true;  // this element, not its children
        failures.push(...original.call(this, el, min, minLarge));
      }
    } finally {
      util.isDisabled = disabled;
    }
    // As the sniff reads a failure: absolute, background image or alpha is a warning, anything else an error.
    if (failures.some(f => !(f.isAbsolute || f.hasBgImage || f.hasAlpha))) return original.call(this, top, min, minLarge);
    for (const [, style] of chosen) if (style) learned.push(style);
    return failures;
  };
}
try {
  window.HTMLCS.process('WCAG2AA', window.document, function () {
    const out = [];
    for (const m of window.HTMLCS.getMessages()) {
      if (m.type !== 1) continue;
      const el = m.element;
      const where = el && el.nodeType === 1 ? window.__eqpSelector(el)
                  : (el && el.nodeType === 9 ? 'html' : '');
      out.push([m.code, m.msg, where]);
    }
    done({messages: out, learned: learned});
  }, function () { done({messages: [['checker-error', 'HTML_CodeSniffer failed to run', '']], learned: []}); }, 'en');
} catch (e) { done({messages: [['checker-error', 'HTML_CodeSniffer: ' + e.message, '']], learned: []}); }
"""


def run_htmlcs(driver, known: set[str] | None = None) -> list[tuple[str, str, str]]:
    """HTML_CodeSniffer's WCAG2AA errors on the page open in ``driver`` as (code, message, selector).

    ``SELECTOR_JS`` must already be loaded in the page (``window.__eqpSelector``). ``known``: text
    styles that passed its contrast test before, as MARK_CONTRAST_JS names them; the styles that
    pass on this page are added to it. None measures every element.
    """
    if not driver.execute_script("return !!window.HTMLCS"):
        driver.execute_script(engine_file(HTMLCS_SCRIPT).read_text(encoding="utf-8"))
    result = driver.execute_async_script(HTMLCS_JS, sorted(known) if known is not None else None)
    if known is not None:
        known.update(result["learned"])
    return [tuple(item) for item in result["messages"]]


@dataclass(frozen=True)
class MarkupError:
    """One error from the Nu HTML validator."""

    path: Path
    line: int
    message: str
    extract: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def validate_html(files: Iterable[Path], *, java: str | None = None) -> list[MarkupError]:
    """Every error the Nu HTML validator finds in ``files``, in one run of the validator."""
    files = [Path(f) for f in files]
    if not files:
        return []
    java = java or shutil.which("java")
    if not java:
        raise EngineMissing("java is not installed: the Nu HTML validator needs Java 11 or newer")
    jar = engine_file(VNU_JAR)
    # --no-langdetect: guessing each page's language from its text was a quarter of the validator's CPU
    # (18.5 s against 13.5 s over 515 pages), and all it can say is a warning, which --errors-only drops
    # (the html-lang check is ours).
    result = subprocess.run(
        [java, "-Xss1024k", "-XX:+UseSerialGC", "-jar", str(jar), "--errors-only", "--no-langdetect", "--exit-zero-always",
         "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError) as exc:
        raise RuntimeError(f"the Nu HTML validator gave no report: {(result.stderr or result.stdout)[:500]}") from exc
    errors = []
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        path = Path(url.removeprefix("file:")) if url else Path()
        errors.append(MarkupError(path, int(m.get("lastLine", 0) or 0), m.get("message", ""), m.get("extract", "")))
    return errors


def engine_versions() -> dict[str, str]:
    """The installed engines' versions, for the report."""
    return {name: package_version(name) for name in ("axe-core", "html_codesniffer", "vnu-jar")}
