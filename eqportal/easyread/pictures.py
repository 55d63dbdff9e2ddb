"""Pictures for easy-read points: Material Design Icons, read from the installed mkdocs-material.

The icons are Pictogrammers' Material Design Icons (Apache 2.0), which mkdocs-material ships in
``material/templates/.icons/material/``; reading them from there means nothing is copied into
this project. They are decorative here: the words beside each picture say everything.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

ICON_NAME = re.compile(r"^[a-z0-9-]+$")


class UnknownIcon(ValueError):
    """The lexicon names an icon mkdocs-material does not ship."""


@lru_cache(maxsize=None)
def icon_svg(name: str) -> str:
    """The icon's SVG, marked decorative and hidden from assistive technology."""
    if not ICON_NAME.match(name):
        raise UnknownIcon(name)
    path = resources.files("material").joinpath("templates", ".icons", "material", f"{name}.svg")
    if not path.is_file():
        raise UnknownIcon(name)
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="eqp-easy-read__icon" aria-hidden="true" focusable="false" ', 1)
