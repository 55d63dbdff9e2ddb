"""One shared glossary: explains abbreviations on standard pages and hard words in easy read.

The data lives in ``eqportal/data/glossary.yml`` so editors can add a term without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eqportal.data import read


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str  # for standard pages
    easy: str | None = None  # for easy-read pages: short sentences, everyday words
    abbreviation: str | None = None  # e.g. EqIA for equality impact assessment
    avoid: str | None = None  # why an author should not use this word (e.g. BAME)


@lru_cache(maxsize=1)
def glossary() -> tuple[Term, ...]:
    return tuple(Term(**entry) for entry in read("glossary.yml")["terms"])


def abbreviations() -> dict[str, Term]:
    """Abbreviation (as written, e.g. ``EqIA``) to its term."""
    return {t.abbreviation: t for t in glossary() if t.abbreviation}


@lru_cache(maxsize=1)
def well_known() -> tuple[str, ...]:
    """Initialisms readers know without explanation (GOV.UK style: UK, NHS, PDF...)."""
    return tuple(str(word) for word in read("glossary.yml").get("well_known", []))
