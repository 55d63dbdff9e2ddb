"""An equality objective and its progress year by year."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from eqportal.models.common import Contact, EasyRead, Link, Model, Slug, Text
from eqportal.models.vocab import Characteristic, ProgressRating

PERIOD_PATTERN = r"^[0-9]{4}-[0-9]{4}$"  # [0-9]: \d takes any script's digits
REPORTING_YEAR_PATTERN = r"^[0-9]{4}-[0-9]{2}$"
Period = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
ReportingYear = Annotated[str, StringConstraints(pattern=REPORTING_YEAR_PATTERN)]


class Progress(Model):
    year: ReportingYear = Field(description="Reporting year, e.g. 2015-16.")
    rating: ProgressRating
    summary: Text = Field(description="What happened that year.")
    evidence: list[Link] = Field(default_factory=list, description="Links to reports that evidence the progress.")


class Objective(Model):
    """The front matter of ``content/objectives/<id>.md``."""

    id: Slug
    title: Text
    outcome: Text = Field(description="The council outcome this objective serves.")
    period: Period = Field(description="The years it runs, e.g. 2016-2020.")
    directorate: Text | None = Field(None, description="The lead directorate, if one leads it.")
    characteristics: list[Characteristic] = Field(min_length=1, description="The characteristics the objective concerns.")
    measures: list[Text] = Field(default_factory=list, description="How progress is measured.")
    progress: list[Progress] = Field(default_factory=list, description="Progress per reporting year.")
    eqias: list[Slug] = Field(default_factory=list, description="Ids of assessments that evidence the objective.")
    easy_read: EasyRead | None = None
    contact: Contact | None = None
    aliases: list[Slug] = Field(default_factory=list, description="Earlier ids of this objective; their addresses redirect here. Never change an id once published: list the old one here.")
