"""Open data as pure data: whole assessments as JSON with their JSON Schema, tidy CSVs, a Data Package.

``open_data_files(portal, context)`` returns every file under ``/data/`` as ``(path, text)``;
the site builder only copies them into the site. Nothing here knows about MkDocs or pages.

- ``data/eqias.json``: every field of every public assessment (:class:`EqiaDataset`), valid
  against ``data/eqias.schema.json``; ``data/eqias/<id>.json`` holds each one alone
  (``data/eqia.schema.json``).
- one CSV per kind of thing (:data:`TABLES`), described by ``data/datapackage.json``
  (Frictionless Data Package, with primary and foreign keys and the licence).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from eqportal.context import BuildContext
from eqportal.opendata.csvfile import cell, write_csv
from eqportal.opendata.records import LICENCE, DecisionLink, EqiaDataset, EqiaRecord, PageLink, schema
from eqportal.opendata.tables import TABLES, Column, DataContext, Table
from eqportal.portal import Portal, Record
from eqportal.reviews import review_status
from eqportal.registry import data_url, eqia_json_url, url_for
from eqportal.models import Eqia

JSON_FILES = {
    "eqias.json": "Every public assessment, whole: every field, the body, and the decisions, objectives and reports linked to it.",
    "eqias/<id>.json": "One assessment, whole, in the same form as one item of eqias.json.",
    "eqias.schema.json": "The JSON Schema (2020-12) that eqias.json is valid against.",
    "eqia.schema.json": "The JSON Schema of one assessment file, eqias/<id>.json.",
    "datapackage.json": "The Frictionless Data Package describing every CSV file: columns, types, allowed values, keys and licence.",
}


@dataclass(frozen=True)
class DataFile:
    url: str  # its address on the site, e.g. /data/eqias.json
    text: str


def eqia_record(ctx: DataContext, record: Record[Eqia]) -> EqiaRecord:
    m = record.model
    portal = ctx.portal
    decisions = [
        DecisionLink(number=d.number, title=d.title, date=d.date, status=d.status, decision_maker=d.decision_maker,
                     summary=d.summary, record_url=d.url, register_url=ctx.absolute(url_for(d)))
        for d in (r.model for r in portal.decisions_relying_on(m.id))
    ]
    objectives = [PageLink(id=o.model.id, title=o.model.title, url=ctx.absolute(url_for(o))) for o in portal.objectives_naming(m.id)]
    reports = [PageLink(id=r.model.id, title=r.model.title, url=ctx.absolute(url_for(r))) for r in portal.reports_naming(m.id)]
    return EqiaRecord.model_validate({
        **{name: getattr(m, name) for name in Eqia.model_fields},
        "body": record.body.strip(),
        "url": ctx.absolute(url_for(m)),
        "easy_read_url": ctx.absolute(url_for(m, "easy-read")),
        "json_url": ctx.absolute(eqia_json_url(m)),
        "review_status": review_status(m, ctx.today),
        "last_changed": ctx.build.last_changed(record.source),
        "decisions": decisions, "objectives": objectives, "reports": reports,
    })


def dataset(ctx: DataContext) -> EqiaDataset:
    return EqiaDataset(generated=ctx.today, licence=LICENCE, site_url=ctx.site_url, eqias=[eqia_record(ctx, r) for r in ctx.public])


def datapackage(ctx: DataContext) -> dict[str, object]:
    """The Frictionless Data Package: one tabular resource per CSV, paths relative to the package."""
    resources = []
    for table in TABLES:
        table_schema: dict[str, object] = {"fields": [c.frictionless() for c in table.columns], "missingValues": [""]}
        if table.primary_key:
            table_schema["primaryKey"] = list(table.primary_key)
        if table.foreign_keys:
            table_schema["foreignKeys"] = [{"fields": column, "reference": {"resource": other, "fields": there}}
                                           for column, other, there in table.foreign_keys]
        resources.append({
            "name": table.name, "path": table.path, "profile": "tabular-data-resource", "title": table.title,
            "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": table_schema,
        })
    package: dict[str, object] = {
        "profile": "tabular-data-package",
        "name": "kent-equality-portal",
        "title": "Kent County Council equality portal: open data",
        "description": "Equality impact assessments (screening grids, action plans, versions, sign-off, call-ins), "
                       "key decisions and the analyses they relied on, and progress on equality objectives.",
        "licenses": [LICENCE],
        "created": f"{ctx.today.isoformat()}T00:00:00Z",
        "resources": resources,
    }
    if ctx.site_url:
        package["homepage"] = ctx.absolute("/open-data/")
    return package


def _json(value: object) -> str:
    # One line per file: without ``indent`` Python's C encoder writes it, several times faster at a county's size.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def open_data_files(portal: Portal, context: BuildContext) -> list[DataFile]:
    """Every open-data file, in a stable order; URLs are absolute when the context has a ``site_url``."""
    ctx = DataContext(portal, context)
    data = dataset(ctx)
    files = [
        DataFile(data_url("eqias.json"), _json(data.model_dump(mode="json"))),
        DataFile(data_url("eqias.schema.json"), schema(EqiaDataset, ctx.absolute(data_url("eqias.schema.json")))),
        DataFile(data_url("eqia.schema.json"), schema(EqiaRecord, ctx.absolute(data_url("eqia.schema.json")))),
    ]
    files += [DataFile(eqia_json_url(item), _json(item.model_dump(mode="json"))) for item in data.eqias]
    files += [DataFile(data_url(table.path), write_csv(table.header, table.rows(ctx))) for table in TABLES]
    files.append(DataFile(data_url("datapackage.json"), _json(datapackage(ctx))))
    return files


__all__ = [
    "Column", "DataContext", "DataFile", "EqiaDataset", "EqiaRecord", "JSON_FILES", "LICENCE", "TABLES", "Table",
    "cell", "dataset", "datapackage", "open_data_files", "write_csv",
]
