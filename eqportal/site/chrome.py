"""Fixes to Material for MkDocs' page chrome that no template block or partial can reach.

Everything else is fixed in ``overrides/`` (named blocks and a few partials). Material writes its
menu and search toggles straight into ``base.html``, outside any block, as
``<input type="checkbox" ... autocomplete="off">``: ``autocomplete`` is not allowed on checkboxes
(the Nu HTML validator's error on every page). It was there to stop Firefox restoring an open menu
on "back"; ``eqp-a11y.js`` closes both on ``pageshow`` instead. Plain text in, plain text out: no
MkDocs here.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
                     r' autocomplete="off">')


# Zensical's base template (the export's front end) also hides the menu overlay's label, which
# labels a control: `aria-hidden` is not allowed on such a label (Nu validator).
_OVERLAY = re.compile(r'(<label class="md-overlay" for="__drawer") aria-hidden="true">')


def finish_document(html: str) -> str:
    """The whole written page, made valid HTML where the theme's base template is not."""
    return _OVERLAY.sub(r"\1>", _TOGGLE.sub(r"\1>", html))
