"""CSV that is safe to open in a spreadsheet: no cell from content can become a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (tab and carriage return open the same door), and a formula can fetch from other hosts or
run commands. As OWASP advises for CSV injection, such a cell is written with a leading
apostrophe (``'=SUM(A1)``): spreadsheets show it as the text it is. Plain numbers such as ``-3``
or ``+4.5`` are left as they are. Every cell is quoted, so no value can break out of its cell.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Iterable, Mapping, Sequence, TextIO

# The characters OWASP lists, plus their full-width forms, which some spreadsheets also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def safe_cell(value: object) -> str:
    """The text of one cell, neutralised if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not NUMBER.match(text):
        return "'" + text
    return text


def write_rows(out: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, lineterminator: str = "\r\n",
               header: bool = True) -> None:
    """Write a header (unless ``header`` is false) and rows to ``out``, every cell quoted and neutralised."""
    writer = csv.writer(out, lineterminator=lineterminator, quoting=csv.QUOTE_ALL)
    if header:
        writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(c, "")) for c in columns])


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, lineterminator: str = "\r\n",
             header: bool = True) -> str:
    buffer = io.StringIO()
    write_rows(buffer, columns, rows, lineterminator=lineterminator, header=header)
    return buffer.getvalue()
