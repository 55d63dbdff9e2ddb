"""Whole assessments as open data: every field an editor wrote, plus what the portal knows about them.

:class:`EqiaRecord` is the content model :class:`~eqportal.models.Eqia` with the links and
states the portal derives (its pages, the decisions that relied on it, the objectives and
reports that name it, its review state). The JSON Schema published under ``/data/`` is
generated from these models, so the data and its schema cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import Field

from eqportal.models import Eqia
from eqportal.models.common import Model, Text
from eqportal.models.vocab import DecisionStatus
from eqportal.reviews import ReviewStatus

LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


class DecisionLink(Model):
    """A key decision that relied on the assessment."""

    number: str = Field(description="Kent's decision number, YY/NNNNN.")
    title: Text
    date: dt.date = Field(description="Date the decision was (or will be) taken.")
    status: DecisionStatus = Field(description="proposed or taken.")
    decision_maker: Text
    summary: Text | None = Field(None, description="What was decided, in one line.")
    record_url: str | None = Field(None, description="The council's record of the decision.")
    register_url: str = Field(description="The decision's entry in the key-decision register on this portal.")


class PageLink(Model):
    """An objective or annual report that names the assessment."""

    id: str
    title: Text
    url: str = Field(description="Its page on this portal.")


class EqiaRecord(Eqia):
    """One public assessment, whole: every front-matter field, its body, and the portal's links."""

    body: str = Field(description="The long prose sections (Context, Aims and objectives, ...), as Markdown, without the editors' HTML comments.")
    url: str = Field(description="The assessment's page on this portal.")
    easy_read_url: str = Field(description="Its easy-read version.")
    json_url: str = Field(description="This record as its own JSON file.")
    review_status: ReviewStatus = Field(description="On the day the data was made: overdue, due-soon, scheduled, no-date or not-applicable.")
    last_changed: dt.date | None = Field(None, description="Date the assessment's file last changed on the portal.")
    decisions: list[DecisionLink] = Field(default_factory=list, description="Key decisions that relied on it, oldest first.")
    objectives: list[PageLink] = Field(default_factory=list, description="Equality objectives it evidences.")
    reports: list[PageLink] = Field(default_factory=list, description="Annual equality reports that refer to it.")


class EqiaDataset(Model):
    """``/data/eqias.json``: every public assessment (drafts are never published)."""

    generated: dt.date = Field(description="The day the data was made; review states are as of this day.")
    licence: dict[str, str] = Field(description="The licence the data is published under.")
    site_url: str | None = Field(None, description="The portal's address.")
    eqias: list[EqiaRecord]


def schema(model: type[Model], url: str) -> str:
    """The JSON Schema of ``model`` (2020-12), with its own address as ``$id``."""
    out = model.model_json_schema(mode="serialization")
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url, **out}
    return json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
