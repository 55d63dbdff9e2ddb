"""An easy-read page as an HTML fragment, through the portal's templates (``easy_read.html``).

Text is escaped; pictures are inline SVG; phone numbers and email addresses become links.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from eqportal.context import BuildContext
from eqportal.easyread.page import EasyReadPage
from eqportal.easyread.pictures import icon_svg
from eqportal.registry import source_path
from eqportal.site.templating import PageInfo, render as render_template

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


def render(page: EasyReadPage, context: BuildContext | None = None) -> str:
    info = PageInfo(page.url, source_path(page.url), f"Easy read: {page.title}")
    return render_template(context or BuildContext(today=dt.date.today()), "easy_read.html", info, view=page,
                           icon=lambda name: Markup(icon_svg(name)), sentences=split_sentences, linked=_linked)
