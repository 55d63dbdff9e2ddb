"""Whether an assessment's review is overdue, due soon or scheduled, as of a given day."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from eqportal.models import Eqia
from eqportal.models.vocab import EqiaStatus
from eqportal.words import word

DUE_SOON_DAYS = 90


class ReviewStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    SCHEDULED = "scheduled"
    NO_DATE = "no-date"
    NOT_APPLICABLE = "not-applicable"  # drafts, and assessments withdrawn or superseded

    @property
    def label(self) -> str:
        return word(self)


def review_status(eqia: Eqia, today: dt.date) -> ReviewStatus:
    if eqia.status is not EqiaStatus.PUBLISHED:
        return ReviewStatus.NOT_APPLICABLE
    due = eqia.dates.next_review
    if due is None:
        return ReviewStatus.NO_DATE
    if due < today:
        return ReviewStatus.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return ReviewStatus.DUE_SOON
    return ReviewStatus.SCHEDULED
