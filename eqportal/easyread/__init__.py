"""Easy-read versions of assessments and objectives, generated at build time and checked.

``generate`` turns a model into an :class:`EasyReadPage` (plain data), ``render`` makes it
HTML, ``checks`` holds the easy-read rules, ``author`` applies them to author-written text for
``eqportal check``, and ``report`` measures every page's grade and longest sentence.
"""

from eqportal.easyread.generate import eqia_page, objective_page
from eqportal.easyread.page import EasyReadPage, Point, Section
from eqportal.easyread.render import render
from eqportal.easyread.report import PageReport, easy_read_pages, report

__all__ = ["EasyReadPage", "PageReport", "Point", "Section", "easy_read_pages", "eqia_page", "objective_page", "render", "report"]
