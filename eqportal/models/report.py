"""An annual equality report: workforce profile against Kent's population, and the record."""

from __future__ import annotations

import datetime as dt

from typing import Annotated

from pydantic import AfterValidator, Field

from eqportal.models.common import Model, Slug, Text, Url
from eqportal.models.objective import ReportingYear


# A share of people, 0 to 100: never "nan" or "inf" (YAML reads both as numbers), and -0 is 0.
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False), AfterValidator(lambda value: value + 0.0)]


class WorkforceMeasure(Model):
    """One group's share of council staff set against its share of Kent's population."""

    group: Text = Field(description="e.g. 'Disabled staff' or 'Aged 16-24'.")
    staff_percent: Percent
    population_percent: Percent | None = Field(None, description="Kent's population share, where known.")
    note: Text | None = None


class Workforce(Model):
    as_at: dt.date = Field(description="Date the workforce figures were taken.")
    source: Text | None = Field(None, description="Where the population figures come from, e.g. 2011 Census.")
    measures: list[WorkforceMeasure] = Field(default_factory=list)


class CommitteeReport(Model):
    title: Text
    date: dt.date
    url: Url | None = None


class Report(Model):
    """The front matter of ``content/reports/<id>.md``; the body is the narrative by directorate."""

    id: Slug
    year: ReportingYear
    title: Text
    summary: Text | None = None
    published: dt.date = Field(description="Date the report was published.")
    workforce: Workforce | None = Field(None, description="The workforce profile set against Kent's population.")
    committee_reports: list[CommitteeReport] = Field(default_factory=list, description="Committee reports that form part of the record.")
    eqias: list[Slug] = Field(default_factory=list, description="Ids of assessments the report refers to.")
    aliases: list[Slug] = Field(default_factory=list, description="Earlier ids of this report; their addresses redirect here. Never change an id once published: list the old one here.")
