"""Open data: ``/data/eqias.json`` and ``/data/eqias.csv``, one row per public assessment.

The columns are a published contract (documented on /open-data/): add new ones at the end,
never rename or drop one. Dates are ISO 8601; lists are joined with ``;`` in the CSV.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.portal import Portal
from eqportal.registry import EQIAS_CSV, EQIAS_JSON, url_for
from eqportal.reviews import review_status
from eqportal.site.pages import GeneratedFile

COLUMNS = (
    "id", "title", "kind", "directorate", "service", "status", "stage", "first_published", "last_changed",
    "next_review", "review_status", "adverse_characteristics", "superseded_by", "summary", "url",
)


def rows(portal: Portal, context: BuildContext) -> list[dict[str, object]]:
    out = []
    for record in sorted(portal.public_eqias(), key=lambda r: r.model.id):
        m = record.model
        changed = context.last_changed(record.source)
        out.append({
            "id": m.id, "title": m.title, "kind": m.kind.value, "directorate": m.directorate, "service": m.service or "",
            "status": m.status.value, "stage": m.stage.value,
            "first_published": m.dates.published.isoformat() if m.dates.published else "",
            "last_changed": changed.isoformat() if changed else "",
            "next_review": m.dates.next_review.isoformat() if m.dates.next_review else "",
            "review_status": review_status(m, context.today).value,
            "adverse_characteristics": [c.value for c in m.adverse_characteristics],
            "superseded_by": m.superseded_by or "", "summary": m.summary or "", "url": url_for(m),
        })
    return out


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedFile]:
    data = rows(portal, context)
    yield GeneratedFile(EQIAS_JSON.lstrip("/"), json.dumps({"columns": list(COLUMNS), "generated": context.today.isoformat(), "eqias": data}, indent=1, ensure_ascii=False) + "\n")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in data:
        writer.writerow({**row, "adverse_characteristics": ";".join(row["adverse_characteristics"])})
    yield GeneratedFile(EQIAS_CSV.lstrip("/"), buffer.getvalue())
