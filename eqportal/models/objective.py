"""An equality objective and its progress year by year."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from eqportal.models.common import Contact, EasyRead, Link, Model, Slug, Text
from eqportal.models.vocab import Characteristic, ProgressRating

Period = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$")]
ReportingYear = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]


class Progress(Model):
    year: ReportingYear = Field(description="Reporting year, e.g. 2015-16.")
    rating: ProgressRating
    summary: Text
    evidence: list[Link] = Field(default_factory=list)


class Objective(Model):
    """The front matter of ``content/objectives/<id>.md``."""

    id: Slug
    title: Text
    outcome: Text = Field(description="The council outcome this objective serves.")
    period: Period = Field(description="The years it runs, e.g. 2016-2020.")
    directorate: Text | None = None
    characteristics: list[Characteristic] = Field(min_length=1)
    measures: list[Text] = Field(default_factory=list)
    progress: list[Progress] = Field(default_factory=list)
    eqias: list[Slug] = Field(default_factory=list)
    easy_read: EasyRead | None = None
    contact: Contact | None = None
