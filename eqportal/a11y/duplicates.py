"""Each fault printed once: an independent engine's repeat of a fault another rule explains better is dropped."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from eqportal.a11y import settings
from eqportal.a11y.problem import PageProblem

_AT_LINE = re.compile(r"^line \d+: ")


def drop_duplicates(problems: Iterable[PageProblem]) -> list[PageProblem]:
    """``problems`` without the repeats listed in ``settings.DUPLICATES`` (only where the better rule fired)."""
    problems = list(problems)
    rules_on: dict[str, set[str]] = defaultdict(set)
    for p in problems:
        rules_on[p.url].add(p.rule)

    def repeat(p: PageProblem) -> bool:
        message = _AT_LINE.sub("", p.message)  # the validator's messages start "line N: "
        return any(p.rule == rule and message.startswith(start) and better in rules_on[p.url]
                   for rule, start, better in settings.DUPLICATES)

    return [p for p in problems if not repeat(p)]
