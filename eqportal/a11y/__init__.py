"""Accessibility checks of a built site: axe-core in headless Chromium plus our own checks.

``check_site(site_dir)`` is what ``eqportal a11y`` and ``eqportal build`` call; it returns every
problem (an empty list means the site may be published) and writes the JSON report whose
figures the accessibility statement of a published build quotes.

Both names are imported on first use: a build without checks does not load the checker and its
HTML parser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eqportal.a11y.problem import PageProblem
    from eqportal.a11y.runner import check_site

__all__ = ["PageProblem", "check_site"]
_HOMES = {"PageProblem": "eqportal.a11y.problem", "check_site": "eqportal.a11y.runner"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
