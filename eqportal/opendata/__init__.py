"""Open data as pure data: whole assessments as JSON with their JSON Schema, tidy CSVs, a Data Package.

``open_data_files(portal, context)`` returns every file under ``/data/`` as a :class:`DataFile`
(its address and its UTF-8 bytes, as the parts they are joined from); the site builder only
copies them into the site. Nothing here knows about MkDocs or pages.

- ``data/eqias.json``: every field of every public assessment (:class:`EqiaDataset`), valid
  against ``data/eqias.schema.json``; ``data/eqias/<id>.json`` holds each one alone
  (``data/eqia.schema.json``).
- one CSV per kind of thing (:data:`TABLES`), described by ``data/datapackage.json``
  (Frictionless Data Package, with primary and foreign keys and the licence).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from eqportal.buildcache import Store, digest, key

from eqportal.context import BuildContext
from eqportal.joined import Joined
from eqportal.opendata.csvfile import cell, write_csv
from eqportal.opendata.records import LICENCE, DecisionLink, EqiaDataset, EqiaRecord, PageLink, schema
from eqportal.opendata.tables import TABLES, Column, DataContext, Table
from eqportal.portal import Portal, Record
from eqportal.reviews import review_status
from eqportal.registry import data_url, eqia_json_url, url_for
from eqportal.render.body import without_comments
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
    # Its bytes (UTF-8), as the parts it is joined from: the parts are kept encoded, and a rebuild writes
    # the files it does not link in from the last published site part by part, never joining 100 MB
    # (at 2,000 assessments) in memory, nor encoding it (0.14 s as text).
    content: Joined
    # The digest of everything ``content`` is made from (the parts' cache keys), when they are all known, else "".
    # A rebuild tells which files changed from it without hashing the data: 100 MB at 2,000 assessments.
    made_from: str = ""

    @property
    def data(self) -> bytes:
        return bytes(self.content)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


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
        "superseded_by": portal.public_successor(m),  # a draft successor's id is not published
        "body": without_comments(record.body).strip(),
        "url": ctx.absolute(url_for(m)),
        "easy_read_url": ctx.absolute(url_for(m, "easy-read")),
        "json_url": ctx.absolute(eqia_json_url(m)),
        "review_status": review_status(m, ctx.today),
        "last_changed": ctx.build.last_changed(record.source),
        "decisions": decisions, "objectives": objectives, "reports": reports,
    })


def dataset(ctx: DataContext) -> EqiaDataset:
    """``/data/eqias.json`` as one model (the file itself is joined from each assessment's :class:`OwnPart`)."""
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


def _json(value: object) -> bytes:
    """One line per file: without ``indent`` Python's C encoder writes it, several times faster at a county's size.

    ``<`` and ``>`` are written ``\\u003c`` and ``\\u003e`` (they occur only inside strings, which read back the
    same): a body's raw ``<script>``, kept as written in the Markdown, is then no tag in any published
    file, whatever a program that shows or embeds the JSON does with it.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e") + "\n").encode("utf-8")


def open_data_files(portal: Portal, context: BuildContext) -> list[DataFile]:
    """Every open-data file, in a stable order; URLs are absolute when the context has a ``site_url``.

    Each assessment's own part (its JSON, its rows in each table of assessments) is made by
    :func:`own_part` and kept in the build cache; the files are those parts joined.
    """
    ctx = DataContext(portal, context)
    public = ctx.public
    store = Store(context.build_cache, "opendata")
    parts = [own_part(ctx, record, store) for record in public]
    store.save()
    kept_schemas = Store(context.build_cache, "opendata-schemas")
    schemas = [DataFile(data_url(name), Joined.of([_schema(model, ctx.absolute(data_url(name)), kept_schemas).encode("utf-8")]))
               for name, model in (("eqias.schema.json", EqiaDataset), ("eqia.schema.json", EqiaRecord))]
    kept_schemas.save()
    empty = _json(EqiaDataset(generated=ctx.today, licence=LICENCE, site_url=ctx.site_url, eqias=[]).model_dump(mode="json"))
    assert empty.endswith(_NO_EQIAS), "eqias must stay the dataset's last field"
    every_part = key("opendata parts", *(part.made_from for part in parts)) if all(part.made_from for part in parts) else ""

    def joined(url: str, *shared: bytes, made_from: Iterable[str] = ()) -> str:
        """What a file joined from the parts is made from: ``shared`` (what it adds to them) and each part's
        ``made_from`` (by default the whole part; a table's file, the part's rows in it)."""
        return key("opendata file", url, *shared, *(made_from or [every_part])) if every_part else ""

    files = [
        DataFile(data_url("eqias.json"), Joined.of([empty.removesuffix(_NO_EQIAS) + b'"eqias":[', *_between((p.json for p in parts), b","), b"]}\n"]),
                 joined(data_url("eqias.json"), empty)),
        *schemas,
    ]
    files += [DataFile(eqia_json_url(record.model), Joined((part.json, b"\n")), part.made_from) for record, part in zip(public, parts)]
    for table in TABLES:
        if table.each is not None:
            header = write_csv(table.header, ()).encode("utf-8")
            # Keyed by the rows themselves: an edit that leaves a table's rows as they were leaves its file as it was.
            files.append(DataFile(data_url(table.path), Joined.of([header, *(part.rows[table.name] for part in parts)]),
                                  joined(data_url(table.path), header, made_from=[part.rows_made_from[table.name] for part in parts])))
        else:
            files.append(DataFile(data_url(table.path), Joined.of([write_csv(table.header, table.rows(ctx)).encode("utf-8")])))
    files.append(DataFile(data_url("datapackage.json"), Joined.of([_json(datapackage(ctx))])))
    return files


_NO_EQIAS = b'"eqias":[]}\n'


def _schema(model: type, url: str, store: Store) -> str:
    """:func:`~eqportal.opendata.records.schema`, kept in the build cache: it depends only on the code and the address."""
    digest = key("opendata schema", model.__name__, url)
    text = store.get(digest)
    if text is None:
        text = schema(model, url)
        store.put(digest, text)
    return text


def _between(items: Iterable[bytes], separator: bytes) -> Iterator[bytes]:
    """``items`` with ``separator`` between each two."""
    for n, item in enumerate(items):
        if n:
            yield separator
        yield item


@dataclass(frozen=True)
class OwnPart:
    """What one public assessment adds to the open data."""

    json: bytes  # the whole assessment, one line of JSON (UTF-8) with no line end: its own file, and an item of eqias.json
    rows: dict[str, bytes]  # table name -> its rows in that CSV (UTF-8), without the header
    made_from: str = ""  # the key it is kept under in the build cache; "" if made without one
    rows_made_from: dict[str, str] = field(default_factory=dict)  # table name -> a digest of its rows


def own_part(ctx: DataContext, record: Record[Eqia], store: Store) -> OwnPart:
    """An assessment's part of the open data, kept in ``store`` under the hash of everything it is made from.

    That is its file, the decisions, objectives and reports that name it, the date git last
    changed it, the day and the site's address (and the portal's code, as every cache key holds).
    After one edit only the edited assessment's part is made again; joined, the parts are byte for
    byte the files made whole (tests/test_open_data.py).
    """
    m = record.model
    related = [*ctx.portal.decisions_relying_on(m.id), *ctx.portal.objectives_naming(m.id), *ctx.portal.reports_naming(m.id)]
    if not record.digest or not all(r.digest for r in related):
        return _make_part(ctx, record)  # read without the cache: nothing to key it by
    changed = ctx.build.last_changed(record.source)
    digest = key("opendata", record.digest, *(r.digest for r in related), changed.isoformat() if changed else "-",
                 ctx.today.isoformat(), ctx.site_url or "")
    found = store.get(digest)
    if found is None:
        found = replace(_make_part(ctx, record), made_from=digest)
        store.put(digest, found)
    return found


def _make_part(ctx: DataContext, record: Record[Eqia]) -> OwnPart:
    rows = {table.name: write_csv(table.header, table.each(ctx, record), with_header=False).encode("utf-8")
            for table in TABLES if table.each}
    return OwnPart(_json(eqia_record(ctx, record).model_dump(mode="json")).removesuffix(b"\n"), rows,
                   rows_made_from={name: digest(text) for name, text in rows.items()})


__all__ = [
    "Column", "DataContext", "DataFile", "EqiaDataset", "EqiaRecord", "JSON_FILES", "LICENCE", "TABLES", "Table",
    "cell", "dataset", "datapackage", "open_data_files", "write_csv",
]
