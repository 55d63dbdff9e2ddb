"""The page rules a body can break, found by ``eqportal check`` on the body's own line.

The built pages go through the static accessibility checks (``eqportal.a11y``), and a few of their
rules are about what editors write: vague link text ("click here", "more"), a link to a PDF that does
not say so, initials nobody explained, an image without a text alternative. Found only there, the
build stopped with a page address and a CSS selector, after check had said the content was fine.
Here the same rules run on each body as the build renders it, in the per-file step (cached, on
every core), and each problem is put on the body line that holds what it is about.

Only what a body holds is judged here: the page around it (its title, summary, the tables the
portal makes) is the templates' and is checked in the build. Initials that also appear in the file's
front matter are left to the build's check, since the page may spell them out before the body.
"""

from __future__ import annotations

import re
from eqportal.problems import Problem

# Worth parsing a body for: a link or an image in Markdown, any raw HTML; or initials (INITIALISM's
# shape) that the glossary does not know. A body with none of these breaks none of the rules.
_MARKUP = re.compile(r"\]\(|!\[|<[A-Za-z/!?]")
_INITIALS = re.compile(r"(?<![\w\-/.])([A-Z][A-Z&]{1,5})s?(?![\w\-/])")
_QUOTED = re.compile(r'"([^"]{1,80})"')


def body_rule_problems(path: str, body: str, body_line: int, html: str, context_text: str) -> list[Problem]:
    """The content rules ``html`` (``body`` rendered) breaks, each on the line of ``body`` that holds its subject.

    ``body_line`` is the file's line of the body's first line; ``context_text`` is the rest of the file's
    text (its front matter values), where the page may explain an initialism before the body uses it.
    """
    from eqportal.a11y.static import Page, check_buttons, check_links  # first: it loads content_checks
    from eqportal.a11y.content_checks import CONTENT_CHECKS, check_unknown_abbreviations, known_initials

    if not _MARKUP.search(body) and all(short in known_initials() for short in _INITIALS.findall(body)):
        return []  # parsing is most of the cost (4 ms a body): only where a rule could apply

    page = Page("body", html)
    lines = body.splitlines()
    problems = []
    for check in (check_links, check_buttons, *CONTENT_CHECKS):
        for found in check(page):
            subject = _subject(found.message)
            if check is check_unknown_abbreviations and subject and re.search(rf"\b{re.escape(subject)}\b", context_text):
                continue  # the page may explain it before the body: the build's check judges that
            line = _line_of(lines, subject, found.selector, page)
            problems.append(Problem(path, body_line + line - 1, "body", f"{found.message} ({found.rule})"))
    return problems


def _subject(message: str) -> str:
    """What the problem is about, as the editor may have written it: the quoted words of the message."""
    quoted = _QUOTED.search(message)
    return quoted.group(1) if quoted else ""


def _line_of(lines: list[str], subject: str, selector: str, page) -> int:
    """The first body line (1-based) holding the element's address, or the subject, or else line 1."""
    needles = []
    element = page.soup.select_one(selector) if selector else None
    if element is not None:
        needles += [element.get(name) for name in ("href", "src", "id", "name") if isinstance(element.get(name), str)]
    if subject:
        needles.append(subject)
    for needle in filter(None, needles):
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return 1
