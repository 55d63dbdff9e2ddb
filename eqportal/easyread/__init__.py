"""Easy-read versions of assessments and objectives, generated at build time and checked.

``generate`` turns a model into an :class:`EasyReadPage` (plain data), ``render`` makes it
HTML through the site's ``easy_read.html`` template, ``checks`` holds the easy-read rules and
``author`` applies them to author-written text for ``eqportal check``.
"""

from eqportal.easyread.generate import eqia_page, objective_page
from eqportal.easyread.page import EasyReadPage, Point, Section
from eqportal.easyread.render import render

__all__ = ["EasyReadPage", "Point", "Section", "eqia_page", "objective_page", "render"]
