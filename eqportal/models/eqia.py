"""An Equality Impact Assessment (EqIA), field by field as Kent's own form has them."""

from __future__ import annotations

import datetime as dt
from pydantic import Field

from eqportal.models.common import Contact, EasyRead, Model, Slug, Text, Version
from eqportal.models.vocab import (
    ActionScope,
    ActionStatus,
    Answer,
    Characteristic,
    EqiaKind,
    EqiaStatus,
    Impact,
    JudgementOutcome,
    Rating,
    Stage,
)


class EqiaDates(Model):
    screening: dt.date | None = Field(None, description="Date of the initial screening.")
    full_assessment: dt.date | None = Field(None, description="Date the full assessment was completed.")
    published: dt.date | None = Field(None, description="Date first published on the portal.")
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None


class ScreeningEntry(Model):
    """One row of the screening grid: could this group be treated less favourably than others in Kent?"""

    characteristic: Characteristic
    adverse: Answer = Field(description="Could the change affect this group less favourably? yes, no or unknown.")
    negative_impact: Impact
    positive_impact: Impact
    details: Text | None = None
    actions: Text | None = Field(None, description="Internal action required, if any.")
    opportunities: Text | None = Field(None, description="How the change could promote equal opportunities for this group.")


class Proportionality(Model):
    rating: Rating
    reason: Text


class Judgement(Model):
    outcome: JudgementOutcome
    justification: Text


class Action(Model):
    """One row of the action plan."""

    characteristics: list[ActionScope] = Field(min_length=1, description="The characteristics the action concerns, or `all`.")
    issue: Text
    action: Text
    outcome: Text | None = Field(None, description="Expected outcome.")
    owner: Text
    timescale: Text = Field(description="A date (YYYY-MM-DD) or words such as 'Ongoing'.")
    cost: Text | None = None
    status: ActionStatus | None = None
    completed: dt.date | None = None


class VersionEntry(Model):
    version: Version
    date: dt.date
    author: Text
    comment: Text | None = None


class SignOff(Model):
    role: Text
    name: Text | None = None
    date: dt.date | None = None


class Eqia(Model):
    """The front matter of ``content/eqias/<id>.md``; the body holds the long prose sections."""

    id: Slug = Field(description="Permanent identifier; equals the file name. Never change it once published.")
    title: Text
    kind: EqiaKind
    directorate: Text
    service: Text | None = None
    summary: Text | None = Field(None, description="What is being assessed, in plain English.")
    owner: Text | None = Field(None, description="The responsible role (not a person's name).")
    status: EqiaStatus
    stage: Stage
    dates: EqiaDates = Field(default_factory=EqiaDates)
    screening: list[ScreeningEntry] = Field(default_factory=list)
    proportionality: Proportionality | None = None
    judgement: Judgement | None = None
    actions: list[Action] = Field(default_factory=list)
    versions: list[VersionEntry] = Field(default_factory=list)
    sign_off: list[SignOff] = Field(default_factory=list)
    easy_read: EasyRead | None = None
    contact: Contact | None = None
    superseded_by: Slug | None = None
    withdrawn_reason: Text | None = None
    aliases: list[Slug] = Field(default_factory=list, description="Earlier ids of this assessment; their URLs redirect here.")
    illustrative: bool = Field(False, description="True for sample records that are not real council decisions.")

    @property
    def is_public(self) -> bool:
        """Drafts are never shown; everything once published keeps its page."""
        return self.status is not EqiaStatus.DRAFT

    def screening_for(self, characteristic: Characteristic) -> ScreeningEntry | None:
        return next((s for s in self.screening if s.characteristic is characteristic), None)

    @property
    def adverse_characteristics(self) -> list[Characteristic]:
        return [s.characteristic for s in self.screening if s.adverse is Answer.YES]
