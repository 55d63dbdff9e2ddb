"""The one place where what the checker runs is decided: axe tags, disabled rules, viewport sizes.

A rule is switched off only here, with the reason written beside it. Changing anything here
changes ``options_digest()`` and so empties the page cache.
"""

from __future__ import annotations

import hashlib
import json
import os

# Bump when a check changes behaviour: cached passes from older checkers are not trusted.
CHECKER_VERSION = "6"

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")

# rule id -> why it is off. Keep this empty unless a rule is wrong for this site, never to hide a fault.
# Rules listed here as duplicates are checked by our static checks (eqportal/a11y/static.py), which
# also run without a browser and say more precisely what is wrong; running both would print every
# fault twice.
DISABLED_AXE_RULES: dict[str, str] = {
    "heading-order": "duplicate of our heading-order check, which names the skipped level",
    "page-has-heading-one": "duplicate of our heading-one-h1 check, which also refuses two <h1>s",
    "html-has-lang": "duplicate of our html-lang check",
    "document-title": "duplicate of our page-title check (plus title-unique across the site)",
    "button-name": "duplicate of our button-name check",
}

# The WCAG 2.2 success criterion each of our own rules tests (axe rules carry theirs as tags).
OWN_RULE_CRITERIA: dict[str, str] = {
    "table-caption": "1.3.1", "table-scope": "1.3.1", "heading-one-h1": "1.3.1", "heading-order": "1.3.1",
    "heading-fake": "1.3.1", "link-text": "2.4.4", "link-same-text": "2.4.4", "abbr-unexplained": "3.1.4",
    "avoid-term": "3.1.5", "colour-only": "1.4.1", "html-lang": "3.1.1", "page-title": "2.4.2",
    "title-unique": "2.4.2", "skip-link": "2.4.1", "button-name": "4.1.2", "reflow": "1.4.10",
    "text-spacing": "1.4.12", "text-resize": "1.4.4", "html-valid": "4.1.1", "checker-error": "",
    # html-valid: 4.1.1 Parsing is in WCAG 2.0 and 2.1 (2.2 dropped it as browsers now repair markup alike);
    # kept because Material's invalid chrome was where labels and lists stopped meaning what they say.
    # What content brings in (content_checks.py, static; content_browser.py, in Chromium).
    "document-link": "2.4.4", "img-alt-text": "1.1.1", "img-alt-title": "1.1.1", "form-label": "3.3.2",
    "form-group": "1.3.1", "id-duplicate": "4.1.2", "link-nowhere": "2.4.4", "link-new-window": "3.2.5",
    "accesskey": "2.1.4", "obsolete-element": "1.3.1", "abbr-unknown": "3.1.4", "name-punctuation": "2.4.4", "button-text": "2.4.6",
    "reflow-scroll": "1.4.10", "text-small": "1.4.4", "text-justified": "1.4.8", "focus-visible": "2.4.7",
    "focus-obscured": "2.4.11",
}

# What every page shares is checked once per template; each page's own content on every page.
#
# The page's own content is Material's article, with its table of contents beside it. Two
# pages share a template when everything outside those is the same HTML once the page's own
# title and address are taken out (the runner's ``template_key``): same header, navigation,
# footer and search, at the same depth, with the same stylesheets and scripts (a change to any
# of those changes every page's cache key anyway). CONTENT_REGION is where the text checks look
# on the other pages of a template: the first element it matches in the page, which on Material's
# pages is <main> (the article, the table of contents and the navigation beside them).
#
# On the first page of each template (or when a page of it passed unchanged before) every check
# looks at the whole page; on the others:
# - text spacing and 200% text size look only inside the content region. Whether a box cuts its
#   text short depends on the box's styles and its text; outside the content region both are the
#   same as on the page already checked, except the page title the header repeats, which is
#   exempt (TEXT_SPACING_EXEMPT);
# - axe and reflow still look at the whole page. axe's rules relate content to what is around it
#   (ids unique in the document, landmark names unique, one main, everything inside a landmark),
#   which a run over the content alone could not see; the header, navigation and footer are a
#   fifth to a third of a page's elements, and cost less than that once contrast is measured per
#   style (below). Reflow is one measurement of the whole page's width.
CONTENT_REGION = "article.md-content__inner, main"

# Up to this many pages of a template, each checked only in its content, are opened together, as
# one document (batch.py says why that is sound): a batch that passes passes them all; one that
# finds anything has its pages checked again one by one. 1 opens every page on its own. On the
# 2,000-assessment site (4,117 pages, 2 cores): one by one 1.9 pages/s, 8 at a time 5.2, 16 at a
# time 5.5. 32 makes an easy-read page 129 -> 110 ms of Chromium (an assessment's batch is held
# to about 25 by BATCH_BYTES). The cost: a batch that finds something has up to 32 pages checked
# again. BATCH_BYTES (characters of content) keeps a batch of long pages well inside the
# browser's script timeout: an assessment's content is about 40,000.
BATCH_PAGES = 32
BATCH_BYTES = 1_000_000

# axe's colour-contrast rule is most of axe's time (two thirds on an assessment page): it works
# out, element by element, the colour of the text and of everything behind it. It is run on one
# element of each text style, and a style that passed is not measured again in the same browser
# session. Sound because contrast is computed from styles alone: the text's colour, size,
# weight, shadow and fill, and the backgrounds, opacity, filters and blending of the element and
# its ancestors, including their ::before/::after backgrounds. Two elements with all of those the
# same have the same contrast, whatever their words. What could break that is overlap (something
# drawn over the text from elsewhere), so text inside anything positioned out of the flow (fixed,
# absolute, or sticky and moved from its place in the flow) is always measured, and a style axe
# could not decide ("incomplete") is never taken as passed. When a style fails, contrast is measured
# on every element of the page, so every failing element is reported as before. HTML_CodeSniffer's
# contrast test is run the same way (engines.HTMLCS_JS). Set to False to measure every element, in both.
CONTRAST_ONCE_PER_STYLE = True

DESKTOP = (1280, 900)  # the viewport for axe and the text-spacing check
REFLOW_WIDTH = 320  # WCAG 1.4.10: content must reflow at 320 CSS px
# Elements allowed to scroll sideways at 320 px (WCAG 1.4.10 exempts data tables and code).
REFLOW_EXEMPT = "table, pre, code, [role=region][tabindex], .md-typeset__scrollwrap, .eqp-table-scroll"

# Elements allowed to cut text short, with the reason. The header repeats the page's <h1> (never
# clipped) and Material ellipsises it by design when it does not fit: no information is lost.
TEXT_SPACING_EXEMPT: dict[str, str] = {
    ".md-header__topic": "repeats the page's <h1> in the sticky header; the <h1> itself is never clipped",
}

# WCAG 1.4.12 text spacing, as in the W3C's own bookmarklet.
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

# WCAG 1.4.4 resize text: Material sizes everything from the root font size (125%); doubling it
# doubles the text, as a browser's text-only zoom does.
TEXT_RESIZE_CSS = "html { font-size: 250% !important; }"


# The independent engines (HTML_CodeSniffer, the Nu validator) repeat some faults another rule reports
# with more to say. Each fault is printed once: (rule, start of its message or "", the rule that says it
# better). The repeat is dropped only on a page where that other rule reported something.
DUPLICATES: tuple[tuple[str, str, str], ...] = (
    ("htmlcs-G18.Fail", "", "color-contrast"),
    ("htmlcs-H57.2", "", "html-lang"),
    ("htmlcs-G145.Fail", "", "color-contrast"),
    ("htmlcs-F68", "", "form-label"),
    ("htmlcs-H91.InputText.Name", "", "form-label"),
    ("htmlcs-H91.Select.Name", "", "form-label"),
    ("htmlcs-H91.Textarea.Name", "", "form-label"),
    ("htmlcs-H67.1", "", "img-alt-title"),
    ("htmlcs-F77", "", "id-duplicate"),
    ("htmlcs-H49.Font", "", "obsolete-element"),
    ("htmlcs-H49.Center", "", "obsolete-element"),
    ("html-valid", "Duplicate ID", "id-duplicate"),
    ("html-valid", "The heading “h", "heading-order"),
    ("html-valid", "The “", "obsolete-element"),  # The “font” element is obsolete...
)

# HTML_CodeSniffer (WCAG2AA, errors only, as pa11y runs it): a problem's rule is "htmlcs-" and the
# technique at the end of its code, e.g. WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2 -> htmlcs-H32.2.
def htmlcs_rule(code: str) -> str:
    parts = code.split(".")
    return "htmlcs-" + ".".join(parts[4:] if len(parts) > 4 else parts)


def htmlcs_criterion(code: str) -> str:
    """``WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2`` -> ``3.2.2``."""
    parts = code.split(".")
    return parts[3].replace("_", ".") if len(parts) > 3 and parts[3][:1].isdigit() else ""


def axe_options() -> str:
    """axe.run options as JSON text: axe-selenium-python pastes them into JavaScript."""
    options: dict = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}
    if DISABLED_AXE_RULES:
        options["rules"] = {rule: {"enabled": False} for rule in sorted(DISABLED_AXE_RULES)}
    return json.dumps(options)


def options_digest() -> str:
    """What a cached pass depends on besides the page itself."""
    from eqportal.a11y.engines import package_version

    engines = [package_version(name) for name in ("axe-core", "html_codesniffer")]
    text = json.dumps([CHECKER_VERSION, engines, DUPLICATES, axe_options(), CONTENT_REGION, CONTRAST_ONCE_PER_STYLE, DESKTOP,
                       REFLOW_WIDTH, REFLOW_EXEMPT, sorted(TEXT_SPACING_EXEMPT),
                       TEXT_SPACING_CSS, TEXT_RESIZE_CSS])
    return hashlib.sha256(text.encode()).hexdigest()


def default_workers() -> int:
    """Browsers (and static-check processes) run at once: one per core."""
    return max(1, os.cpu_count() or 2)
