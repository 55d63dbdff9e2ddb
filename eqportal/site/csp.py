"""A Content-Security-Policy on every page: nothing from another host, no inline script but the theme's own.

Content is escaped and sanitised where it is written; this is the net under that. Each page
carries a ``<meta http-equiv="Content-Security-Policy">`` as the first thing in its ``<head>``,
so even markup that slipped through could not load anything from another host or run an
inline script. The theme (Material for MkDocs) has a few small inline scripts of its own: they
are allowed by their SHA-256 hash, and only when their text is exactly the theme's (the only
part that varies is the relative base address, e.g. ``../..``). The same allow-list is used by
the page check (``eqportal.a11y.static``), which reports any other script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
NON_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}
HEAD = re.compile(r"<head\b[^>]*>", re.I)
# A base address as Material writes it: ".", "..", "../..", or a site-absolute path ("/" on 404.html).
_BASE = r"(?:\.(?:\.(?:/\.\.)*)?|/(?:[A-Za-z0-9._~-]+/)*)"


# Every base address a page of the portal can have: ".", "..", "../.." ... (nine folders deep), "/".
ANY_PAGE_BASES = (".", *("/".join([".."] * depth) for depth in range(1, 10)), "/")


@lru_cache(maxsize=1)
def theme_scripts() -> tuple[re.Pattern, ...]:
    """Patterns matching exactly the inline scripts of the installed theme templates.

    Material's, and Zensical's where it is installed (the front end of ``eqportal export``).
    """
    return tuple(re.compile(_BASE.join(re.escape(part) for part in parts)) for parts in _theme_script_parts(("material", "zensical")))


def _theme_script_parts(packages: tuple[str, ...]) -> list[list[str]]:
    """Each inline script of the themes' templates, as its text around the base address it is given."""
    found = []
    for template in sorted(_theme_script_templates(packages)):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            if not any("{%" in part for part in parts):  # scripts built with template logic are not allowed
                found.append(parts)
    return found


def _theme_script_templates(packages: tuple[str, ...]) -> list[Path]:
    import importlib.util

    found = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            found += (Path(spec.origin).parent / "templates" / "partials" / "javascripts").glob("*.html")
    return found


def is_executable(attrs: str) -> bool:
    found = SCRIPT_TYPE.search(attrs)
    return not found or found.group(1).lower() not in NON_SCRIPT_TYPES


def is_theme_script(text: str) -> bool:
    return any(p.fullmatch(text) for p in theme_scripts())


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The policy for one page: its own theme scripts by hash, everything else from this site only."""
    return _policy({_hash(body) for attrs, body in INLINE_SCRIPT.findall(html)
                    if "src=" not in attrs.lower() and is_executable(attrs) and body.strip() and is_theme_script(body)})


def policy_for_every_page(package: str) -> str:
    """One policy every page of a theme can carry, for a front end that runs no hooks (Zensical).

    It allows the theme's own inline scripts, by hash, at each base address a page can have
    (:data:`ANY_PAGE_BASES`): the same scripts :func:`policy` allows page by page, and no other.
    """
    return _policy({_hash(base.join(parts)) for parts in _theme_script_parts((package,)) for base in ANY_PAGE_BASES})


def _policy(hashes: set[str]) -> str:
    script = " ".join(["'self'", *sorted(hashes)])
    return ("default-src 'self'; script-src " + script + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'")


POLICY_META = '<meta http-equiv="Content-Security-Policy" content="'


def add_csp(html: str) -> str:
    """``html`` with the policy as the first element of its ``<head>`` (unchanged if it has no head).

    A page that already opens its head with the policy keeps it. Only that place counts: the words
    ``http-equiv="Content-Security-Policy"`` in a paragraph about policies once left a page without one.
    """
    head = HEAD.search(html)
    if head is None or html.startswith(POLICY_META, head.end()):
        return html
    meta = f'{POLICY_META}{policy(html)}">'
    return html[: head.end()] + meta + html[head.end():]


_CSP_META = re.compile(r"""<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=["']default-src '(?:self|none)'""", re.I)
_BEFORE_POLICY = re.compile(r"<(?:script|link|style|base|iframe|object|embed|img)\b", re.I)


def has_csp(html: str) -> bool:
    """Whether the page's ``<head>`` holds a policy that allows nothing from another host by default,
    before anything the policy governs (a script above it would run unchecked).

    :func:`add_csp` puts one first in the head; a redirect stub (``site/templates/redirect.html``)
    carries a stricter one of its own, after its ``<meta charset>``.
    """
    head = HEAD.search(html)
    if head is None:
        return False
    end = html.find("</head>", head.end())
    found = _CSP_META.search(html, head.end(), end if end != -1 else len(html))
    return found is not None and not _BEFORE_POLICY.search(html, head.end(), found.start())
