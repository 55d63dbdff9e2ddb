"""Accessibility checks of a built site: axe-core in headless Chromium plus our own checks.

``check_site(site_dir)`` is what ``eqportal a11y`` and ``eqportal build`` call; it returns every
problem (an empty list means the site may be published) and writes the JSON report that the
accessibility statement quotes.
"""

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.runner import check_site

__all__ = ["PageProblem", "check_site"]
