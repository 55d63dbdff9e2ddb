"""Easy-read rules on the text authors write in ``easy_read``, as findings for ``eqportal check``."""

from __future__ import annotations

from typing import Iterator

from eqportal.easyread.checks import grade_problem, point_problems
from eqportal.easyread.generate import eqia_page, objective_page
from eqportal.models import Eqia, Objective

Finding = tuple[tuple, str]


def easy_read_findings(item: Eqia | Objective) -> Iterator[Finding]:
    """Every rule the author-written easy-read text breaks, at the field it is written in."""
    easy = item.easy_read
    if easy is None:
        return
    page = eqia_page(item) if isinstance(item, Eqia) else objective_page(item)
    for point in page.points:
        if point.author_field is None:
            continue
        loc = ("easy_read", *_loc(point.author_field))
        for message in point_problems(point.text):
            yield loc, message
    if easy.reviewed_on and not easy.reviewed_by:
        yield ("easy_read", "reviewed_on"), "is given but reviewed_by is empty: say which group of people with learning disabilities checked it"
    if any(p.author_field for p in page.points):
        message = grade_problem(page.text())
        if message:
            yield ("easy_read",), message


def _loc(field: str) -> tuple:
    """``actions[1]`` -> ``("actions", 1)``."""
    if "[" in field:
        name, index = field.rstrip("]").split("[")
        return name, int(index)
    return (field,)
