"""How readable each easy-read page of a portal is: its grade and its longest sentence."""

from __future__ import annotations

from dataclasses import dataclass

from eqportal.easyread.checks import MAX_GRADE, MAX_WORDS
from eqportal.easyread.generate import eqia_page, objective_page
from eqportal.easyread.page import EasyReadPage
from eqportal.easyread.readability import measure
from eqportal.portal import Portal


@dataclass(frozen=True)
class PageReport:
    url: str
    grade: float
    longest_sentence: str
    longest_words: int

    @property
    def passes(self) -> bool:
        return self.grade <= MAX_GRADE and self.longest_words <= MAX_WORDS


def easy_read_pages(portal: Portal) -> list[tuple[str, EasyReadPage]]:
    """Every easy-read page with its URL: public assessments, then objectives."""
    pages: list[tuple[str, EasyReadPage]] = []
    for record in sorted(portal.public_eqias(), key=lambda r: r.model.id):
        eqia = record.model
        successor = portal.eqias.get(eqia.superseded_by).model if eqia.superseded_by in portal.eqias else None
        pages.append((f"/eqias/{eqia.id}/easy-read/", eqia_page(eqia, successor, portal.today)))
    for record in sorted(portal.objectives.values(), key=lambda r: r.model.id):
        pages.append((f"/objectives/{record.model.id}/easy-read/", objective_page(record.model)))
    return pages


def report(portal: Portal) -> list[PageReport]:
    out = []
    for url, page in easy_read_pages(portal):
        m = measure(page.text())
        out.append(PageReport(url, m.grade, m.longest_sentence, m.longest_words))
    return out
