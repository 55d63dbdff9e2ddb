"""``/data/``: the open-data files from :mod:`eqportal.opendata`, and ``/open-data/``, which documents them.

The files are made by the core (pure data); this builder only places them in the site and
writes the page that documents every file and column, from the same table definitions.
"""

from __future__ import annotations

from typing import Iterator

from eqportal.opendata import JSON_FILES, LICENCE, TABLES, open_data_files
from eqportal.portal import Portal
from eqportal.site import html as h
from eqportal.site.html import e
from eqportal.site.pages import GeneratedFile, GeneratedPage

URL = "/open-data/"
COLUMNS = tuple(TABLES[0].header)  # /data/eqias.csv: a published contract, new columns only at the end


def pages(portal: Portal) -> Iterator[GeneratedFile | GeneratedPage]:
    for item in open_data_files(portal, site_url=None):
        yield GeneratedFile(item.path, item.text)
    yield GeneratedPage("open-data.md", "Open data", open_data_markdown(), meta={"description": "Every open-data file of the equality portal, every column, and the licence."})


def open_data_markdown() -> str:
    files = [[h.link(URL, f"/data/{t.path}", t.path), e(t.title), e(t.description)] for t in TABLES]
    json_rows = [[(h.link(URL, f"/data/{name}", name) if "<" not in name else f"<code>{e(name)}</code>"), e(what)] for name, what in JSON_FILES.items()]
    md = ["# Open data\n", h.block(
        "<p>Everything this portal publishes about equality impact assessments is open data: the whole assessment, "
        "not a summary of it. Drafts are never included. Assessments that have been replaced or withdrawn stay in the "
        "files, with their status.</p>"
        f'<p>Licence: free to reuse under the <a href="{e(LICENCE["path"])}">{e(LICENCE["title"])}</a>, '
        "except where otherwise stated.</p>"
    )]
    md.append(h.heading(2, "Files", "files"))
    md.append(h.block(
        "<p>Each CSV file holds one kind of thing, one row each. The Data Package file describes them all for tools "
        "that read the Frictionless Data standard.</p>"
        + h.table("CSV files", ["File", "What it is", "One row per"], files, search=False)
        + h.table("JSON files", ["File", "What it holds"], json_rows, search=False)
        + f'<p>Follow new and updated assessments with the {h.link(URL, "/feed.xml", "Atom news feed")}.</p>'
    ))
    md.append(h.heading(2, "How values are written", "conventions"))
    md.append(h.block(
        "<p>Dates are written YYYY-MM-DD (ISO 8601). An empty value means not recorded. In the CSV files a list is "
        "written with <code>;</code> between items; in JSON it is a list. <code>true</code> and <code>false</code> "
        "answer yes-or-no columns. Columns are stable: new ones may be added at the end, but none will be renamed or removed.</p>"
    ))
    for table in TABLES:
        md.append(h.heading(2, f"Columns of {table.path}", f"columns-{table.name}"))
        rows = [[f"<code>{e(c.name)}</code>", e(c.type), e(c.description) + (
            " Allowed values: " + ", ".join(f"<code>{e(v)}</code>" for v in c.enum) + "." if c.enum else "")] for c in table.columns]
        keys = f'<p>Each row is identified by {", ".join(f"<code>{e(k)}</code>" for k in table.primary_key)}.</p>' if table.primary_key else ""
        md.append(h.block(f"<p>{e(table.description)}</p>" + keys + h.table(f"Columns of {table.path}", ["Column", "Type", "What it holds"], rows, search=False)))
    return "".join(md)
