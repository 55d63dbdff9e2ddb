"""An easy-read page as an HTML fragment: escaped text, inline pictures, links for phone and email."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from eqportal.easyread.page import EasyReadPage
from eqportal.easyread.pictures import icon_svg

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}(?<!\.)")
_PHONE = re.compile(r"(?<=on )(\d[\d ]{5,}\d)|(?<=Call )(\d[\d ]{5,}\d)")


def split_sentences(text: str) -> list[str]:
    """One sentence a line, as easy-read documents set them (addresses and decimals stay whole)."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def _linked(sentence: str) -> Markup:
    """Escape a sentence, then make its email address and phone number into links."""
    html = str(escape(sentence))
    html = _EMAIL.sub(lambda m: f'<a href="mailto:{m.group(0)}">{m.group(0)}</a>', html)
    html = _PHONE.sub(lambda m: f'<a href="tel:{m.group(0).replace(" ", "")}">{m.group(0)}</a>', html)
    return Markup(html)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("eqportal.easyread", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(icon=lambda name: Markup(icon_svg(name)), sentences=split_sentences, linked=_linked)
    return env


def render(page: EasyReadPage) -> str:
    return _environment().get_template("easy_read.html").render(page=page)
