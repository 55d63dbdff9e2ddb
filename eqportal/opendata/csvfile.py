"""The one place a CSV cell is written, so every open-data CSV treats values the same way.

Any neutralising of spreadsheet formulas belongs in :func:`cell` and nowhere else.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from enum import Enum
from typing import Iterable, Mapping, Sequence

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
        return LIST_SEPARATOR.join(cell(v) for v in value)
    return str(value)


def write_csv(header: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV text (RFC 4180 line ends) with a header row; every value goes through :func:`cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in header])
    return buffer.getvalue()
