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


def finish_document(html: str) -> str:
    """The whole written page, made valid HTML where Material's base template is not."""
    return _TOGGLE.sub(r"\1>", html)
