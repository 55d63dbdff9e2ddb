"""The words readers see for every closed vocabulary, read from ``eqportal/data/words.yml``.

One home for display words: pages, open data notes and the audit all ask :func:`word`, so a
label is changed in one file and never drifts between pages.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from eqportal.data import read


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, dict[str, str]]:
    data = dict(read("words.yml"))
    # An action concerns characteristics or everyone: its words are the characteristics' plus "all".
    data["ActionScope"] = {**data["Characteristic"], **data.get("ActionScope", {})}
    return data


def word(value: Enum) -> str:
    """The reader's words for one vocabulary value, e.g. ``Impact.UNKNOWN`` -> ``Not known``."""
    return vocabularies()[type(value).__name__][value.value]
