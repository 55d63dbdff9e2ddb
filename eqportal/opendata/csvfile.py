"""The one place a CSV cell is written, so every open-data CSV treats values the same way.

Values are formatted here (:func:`cell`); :mod:`eqportal.csvsafe` then quotes every cell and
neutralises any that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Iterable, Mapping, Sequence

from eqportal.csvsafe import csv_text

LIST_SEPARATOR = ";"


def cell(value: object) -> str:
    """A value as CSV text: empty for none, ISO dates, ``true``/``false``, lists joined with ``;``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_list_item(v) for v in value)
    return str(value)


def _list_item(value: object) -> str:
    """An item of a list cell, which cannot hold the separator: ``https://x.example/a;b`` read as two links.

    In a web or mail address ``;`` is written ``%3B``, as URLs escape it; in words it becomes ``,``.
    """
    text = cell(value)
    if LIST_SEPARATOR not in text:
        return text
    if text.lower().startswith(("http:", "https:", "mailto:")):
        return text.replace(LIST_SEPARATOR, "%3B")
    return text.replace(LIST_SEPARATOR, ",")


def write_csv(header: Sequence[str], rows: Iterable[Mapping[str, object]], *, with_header: bool = True) -> str:
    """CSV text (RFC 4180 line ends) with a header row; every value goes through :func:`cell`.

    Rows are independent lines, so a file is its header followed by the rows of each part
    written without one (``with_header=False``), joined.
    """
    return csv_text(header, ({name: cell(row.get(name)) for name in header} for row in rows), header=with_header)
