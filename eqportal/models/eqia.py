"""An Equality Impact Assessment (EqIA), field by field as Kent's own form has them."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from pydantic import Field, field_validator, model_validator

from eqportal.models.common import FIRST_YEAR, LAST_YEAR, AddressName, Contact, EasyRead, Model, Slug, Text, Version
from eqportal.models.vocab import (
    ActionScope,
    ActionStatus,
    Answer,
    CallInOutcome,
    Characteristic,
    CommissioningStage,
    EqiaKind,
    EqiaStatus,
    Impact,
    JudgementOutcome,
    Rating,
    SignOffRole,
    Stage,
)


class EqiaDates(Model):
    screening: dt.date | None = Field(None, description="Date of the initial screening.")
    full_assessment: dt.date | None = Field(None, description="Date the full assessment was completed.")
    published: dt.date | None = Field(None, description="Date first published on the portal.")
    last_reviewed: dt.date | None = Field(None, description="Date of the latest review.")
    next_review: dt.date | None = Field(None, description="Date the next review is due; after it the page shows the review as overdue.")
    withdrawn: dt.date | None = Field(None, description="Date the assessment was withdrawn (status withdrawn); decisions before it relied on a current analysis.")


class ScreeningEntry(Model):
    """One row of the screening grid: could this group be treated less favourably than others in Kent?"""

    characteristic: Characteristic
    adverse: Answer = Field(description="Could the change affect this group less favourably? yes, no or unknown.")
    negative_impact: Impact = Field(description="Size of any negative impact, always shown in words.")
    positive_impact: Impact = Field(description="Size of any positive impact, always shown in words.")
    details: Text | None = Field(None, description="What the screening found for this group.")
    actions: Text | None = Field(None, description="Internal action required, if any.")
    opportunities: Text | None = Field(None, description="How the change could promote equal opportunities for this group.")


class Proportionality(Model):
    rating: Rating = Field(description="How relevant the change is to equality: low, medium or high.")
    reason: Text = Field(description="Why that rating.")


class Judgement(Model):
    outcome: JudgementOutcome = Field(description="screening-sufficient (Option 1: screening sufficient), internal-action (Option 2: internal action required) or full-assessment (Option 3: full impact assessment).")
    justification: Text = Field(description="Why.")


_MONTHS = {name.lower(): number for number, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"), start=1)}
_MONTH_YEAR = re.compile(r"^(?:end of )?([A-Za-z]+)\s+([0-9]{4})$", re.IGNORECASE)
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_FULL_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def timescale_date(timescale: str) -> dt.date | None:
    """The date an action is due, if its timescale is one.

    Accepted: ``2016-03-31``, ``2016-03`` or ``March 2016`` (both meaning the end of that
    month). Anything else (``Ongoing``, ``Annually``), or no real date, gives None.
    """
    text = timescale.strip()
    try:
        if _FULL_DATE.match(text):
            return dt.date.fromisoformat(text)
        if match := _YEAR_MONTH.match(text):
            year, month = int(match[1]), int(match[2])
        elif (match := _MONTH_YEAR.match(text)) and match[1].lower() in _MONTHS:
            year, month = int(match[2]), _MONTHS[match[1].lower()]
        else:
            return None
        return dt.date(year, month, monthrange(year, month)[1])
    except ValueError:  # 2015-02-30, 2016-13, year 0
        return None


def _written_as_a_date(text: str) -> bool:
    text = text.strip()
    month_year = _MONTH_YEAR.match(text)
    return bool(_FULL_DATE.match(text) or _YEAR_MONTH.match(text) or (month_year and month_year[1].lower() in _MONTHS))


class Action(Model):
    """One row of the action plan."""

    characteristics: list[ActionScope] = Field(min_length=1, description="The characteristics the action concerns, or `all`.")
    issue: Text = Field(description="The issue identified.")
    action: Text = Field(description="What will be done about it.")
    outcome: Text | None = Field(None, description="Expected outcome.")
    owner: Text = Field(description="The role responsible for the action.")
    timescale: Text = Field(description="A date (YYYY-MM-DD) or words such as 'Ongoing'.")
    cost: Text | None = Field(None, description="Cost and how it is funded, if any.")
    status: ActionStatus | None = Field(None, description="Progress of the action; the audit reports actions past their date that are not done.")
    completed: dt.date | None = Field(None, description="Date the action was completed.")

    @field_validator("timescale")
    @classmethod
    def _a_date_is_a_real_one(cls, value: str) -> str:
        """A timescale written as a date must be one: 2015-02-30 stopped the easy read with no file or line."""
        if _written_as_a_date(value):
            due = timescale_date(value)
            if due is None:
                raise ValueError(f"'{value.strip()}' is not a real date: write YYYY-MM-DD, YYYY-MM, a month and year "
                                 "such as March 2016, or words such as Ongoing")
            if not FIRST_YEAR <= due.year <= LAST_YEAR:
                raise ValueError(f"must be a date from {FIRST_YEAR} to {LAST_YEAR} (got {value.strip()}): check the year for a typing mistake")
        return value


class VersionEntry(Model):
    version: Version = Field(description="Version number as text, e.g. '1.3'.")
    date: dt.date
    author: Text = Field(description="Initials or role of who made the change.")
    comment: Text | None = Field(None, description="What changed.")


class SignOff(Model):
    """One signature of the form's "Sign Off" box. Leave name and date out only where the signed document leaves them blank."""

    role: SignOffRole = Field(description="senior-officer or dmt-member (a Directorate Management Team member).")
    job_title: Text | None = Field(None, description="The signatory's job title, e.g. Corporate Director of Growth, Environment and Transport.")
    name: Text | None = Field(None, description="The signatory's name, as signed.")
    date: dt.date | None = Field(None, description="Date signed. The audit reports a sign-off with no date, or dated after publication.")
    note: Text | None = Field(None, description="Anything a reader should know, e.g. that the source document leaves this signature blank.")

    @property
    def is_blank(self) -> bool:
        """Nothing but the role: the signed document leaves the box empty."""
        return self.name is None and self.job_title is None and self.date is None

    @model_validator(mode="after")
    def _blank_says_so(self) -> SignOff:
        """A reader must not take an empty signature for a gap in the portal: the note says the source is blank."""
        if self.is_blank and self.note is None:
            raise ValueError("has no name, job title or date: if the signed document leaves it blank, add a note saying so "
                             "(e.g. note: The signed document leaves this signature blank.); otherwise fill it in")
        return self


class CallIn(Model):
    """One time the directorate Equality Group called the assessment in to challenge it."""

    date: dt.date = Field(description="Date of the meeting that called the assessment in.")
    group: Text = Field(description="Who called it in, e.g. GET Equality Group.")
    points_raised: list[Text] = Field(min_length=1, description="The challenges the group raised, one point each.")
    response: Text | None = Field(None, description="How the service answered the points raised.")
    outcome: CallInOutcome = Field(description="open (not yet answered to the group's satisfaction), accepted or revised.")
    follow_up: dt.date | None = Field(None, description="When the group will look at it again; required while the outcome is open. The audit reports open challenges past this date.")


class Eqia(Model):
    """The front matter of ``content/eqias/<id>.md``; the body holds the long prose sections."""

    id: Slug = Field(description="Permanent identifier; equals the file name. Never change it once published.")
    title: Text = Field(description="The name of the policy, procedure, project or service assessed.")
    kind: EqiaKind = Field(description="What is being assessed.")
    directorate: AddressName = Field(description="The directorate that owns it, e.g. Growth, Environment and Transport "
                                             "(at most 100 characters: its index page's address is made from it).")
    service: Text | None = Field(None, description="The service or division within the directorate.")
    summary: Text | None = Field(None, description="What is being assessed, in plain English.")
    owner: Text | None = Field(None, description="The responsible role (not a person's name).")
    status: EqiaStatus = Field(description="draft (never shown), published, superseded or withdrawn (both keep their page).")
    stage: Stage = Field(description="screening only, or a full assessment.")
    dates: EqiaDates = Field(default_factory=EqiaDates, description="Key dates.")
    screening: list[ScreeningEntry] = Field(default_factory=list, description="The screening grid: one row per characteristic.")
    proportionality: Proportionality | None = Field(None, description="How much analysis the change needs.")
    judgement: Judgement | None = Field(None, description="The conclusion of the assessment: the council's Option 1, 2 or 3.")
    actions: list[Action] = Field(default_factory=list, description="The action plan.")
    versions: list[VersionEntry] = Field(default_factory=list, description="Version history, oldest first.")
    sign_off: list[SignOff] = Field(default_factory=list, description="Who signed the assessment off: a published full assessment needs the senior officer and a Directorate Management Team (DMT) member.")
    commissioning_stage: CommissioningStage | None = Field(None, description="The stage of the commissioning cycle the change is at: analyse, plan, do or review.")
    call_ins: list[CallIn] = Field(default_factory=list, description="Each time the directorate Equality Group called the assessment in, oldest first.")
    easy_read: EasyRead | None = Field(None, description="Author-written easy-read text (optional; generated otherwise).")
    contact: Contact | None = Field(None, description="How to ask a question or for another format; the equality team by default.")
    superseded_by: Slug | None = Field(None, description="Id of the assessment that replaces this one (status superseded).")
    withdrawn_reason: Text | None = Field(None, description="Why the assessment was withdrawn (status withdrawn).")
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
