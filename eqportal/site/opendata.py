"""``/data/``: the open-data files from :mod:`eqportal.opendata`, and ``/open-data/``, which documents them.

The files are made by the core (pure data); this builder only places them in the site and
renders the page that documents every file and column (``templates/open_data.html``), from
the same table definitions the files are made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.opendata import JSON_FILES, LICENCE, TABLES, Table, open_data_files
from eqportal.portal import Portal
from eqportal.registry import OPEN_DATA
from eqportal.site.pages import GeneratedFile, GeneratedPage
from eqportal.site.templating import render_page

COLUMNS = tuple(TABLES[0].header)  # /data/eqias.csv: a published contract, new columns only at the end


@dataclass(frozen=True)
class OpenDataView:
    tables: tuple[Table, ...] = TABLES
    json_files: tuple[tuple[str, str], ...] = tuple(JSON_FILES.items())
    licence: dict[str, str] | None = None


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedFile | GeneratedPage]:
    for item in open_data_files(portal, context):
        yield GeneratedFile(item.url.lstrip("/"), item.content, item.made_from)
    yield render_page(context, OPEN_DATA, "Open data", "open_data.html", view=OpenDataView(licence=LICENCE),
                      meta={"description": "Every open-data file of the equality portal, every column, and the licence."})
