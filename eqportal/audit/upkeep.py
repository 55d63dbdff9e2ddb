"""Keeping published assessments and objectives up to date: reviews, action plans, yearly progress."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from eqportal.audit.findings import Finding, FindingKind
from eqportal.audit.years import latest_completed_year, period_covers, year_end_date
from eqportal.models import Action, Eqia, Objective
from eqportal.models.eqia import timescale_date
from eqportal.models.vocab import ActionStatus, CallInOutcome, EqiaStatus, SignOffRole
from eqportal.portal import Portal, Record
from eqportal.reviews import ReviewStatus, review_status

def review_findings(record: Record[Eqia], today: dt.date) -> Iterator[Finding]:
    eqia = record.model
    status = review_status(eqia, today)
    loc = ("dates", "next_review")
    if status is ReviewStatus.OVERDUE:
        due = eqia.dates.next_review
        days = (today - due).days
        yield Finding(record.path, record.line_of(loc), "dates.next_review", f"review was due {due.isoformat()} and is {days} day{'s' if days != 1 else ''} overdue; review the assessment, then set last_reviewed and a new next_review", FindingKind.REVIEW_OVERDUE, eqia=eqia.id)
    elif status is ReviewStatus.NO_DATE:
        yield Finding(record.path, record.line_of(loc), "dates.next_review", "is not set; a published assessment needs a review date (YYYY-MM-DD)", FindingKind.NO_REVIEW_DATE, eqia=eqia.id)


def action_findings(record: Record[Eqia], today: dt.date) -> Iterator[Finding]:
    """Actions of a published assessment that are past their timescale, or have no date at all."""
    eqia = record.model
    if eqia.status is not EqiaStatus.PUBLISHED:
        return
    for index, action in enumerate(eqia.actions):
        if _has_outcome(action):
            continue
        loc = ("actions", index, "timescale")
        field = f"actions[{index}].timescale"
        due = timescale_date(action.timescale)
        if due is None:
            yield Finding(record.path, record.line_of(loc), field, f"has no date ('{action.timescale}'), so nobody can tell when the action is late; give a date (YYYY-MM-DD), or set status: done or dropped once it is finished", FindingKind.ACTION_NO_DATE, eqia=eqia.id)
        elif due < today:
            yield Finding(record.path, record.line_of(loc), field, f"action was due {due.isoformat()} and has no recorded outcome; set status: done with completed: YYYY-MM-DD, or status: dropped, or a new timescale", FindingKind.ACTION_OVERDUE, eqia=eqia.id)


def _has_outcome(action: Action) -> bool:
    return action.completed is not None or action.status in (ActionStatus.DONE, ActionStatus.DROPPED)


def progress_findings(record: Record[Objective], today: dt.date) -> Iterator[Finding]:
    """An objective running in the latest completed reporting year needs a progress entry for it."""
    objective = record.model
    year = latest_completed_year(today)
    if not period_covers(objective.period, year):
        return
    if any(p.year == year for p in objective.progress):
        return
    yield Finding(record.path, record.line_of(("progress",)), "progress", f"has no entry for {year}, the latest reporting year (it ended {year_end_date(year).isoformat()}); add its year, rating and summary", FindingKind.PROGRESS_MISSING, objective=objective.id)


def challenge_findings(record: Record[Eqia], today: dt.date) -> Iterator[Finding]:
    """Call-ins by the Equality Group still open after the date the group set to follow them up."""
    eqia = record.model
    if not eqia.is_public:
        return
    for index, call_in in enumerate(eqia.call_ins):
        due = call_in.follow_up
        if call_in.outcome is CallInOutcome.OPEN and due is not None and due < today:
            days = (today - due).days
            yield Finding(
                record.path, record.line_of(("call_ins", index, "follow_up")), f"call_ins[{index}].follow_up",
                f"challenge by {call_in.group} on {call_in.date.isoformat()} is still open {days} day{'s' if days != 1 else ''} after its follow-up date ({due.isoformat()}); "
                "record the response and the outcome (accepted or revised), or set a new follow_up",
                FindingKind.CHALLENGE_OPEN, eqia=eqia.id)


SIGNATORY = {SignOffRole.SENIOR_OFFICER: "senior officer", SignOffRole.DMT_MEMBER: "Directorate Management Team member"}


def sign_off_findings(record: Record[Eqia]) -> Iterator[Finding]:
    """Sign-offs a reader cannot rely on: blank, undated, or dated after publication."""
    eqia = record.model
    if not eqia.is_public:
        return
    published = eqia.dates.published
    for index, entry in enumerate(eqia.sign_off):
        who = SIGNATORY[entry.role]
        loc = ("sign_off", index)
        field = f"sign_off[{index}]"
        if entry.is_blank:
            yield Finding(record.path, record.line_of(loc), field,
                          f"the {who}'s sign-off is blank (no job title, name or date), as the source document leaves it; "
                          "ask the service for the signed copy and record it, so readers can see who agreed the assessment",
                          FindingKind.SIGN_OFF_BLANK, eqia=eqia.id)
        elif entry.date is None:
            yield Finding(record.path, record.line_of(loc), f"{field}.date",
                          f"the {who}'s sign-off has no date, so nobody can tell whether it came before publication; give the date it was signed",
                          FindingKind.SIGN_OFF_UNDATED, eqia=eqia.id)
        elif published is not None and entry.date > published:
            yield Finding(record.path, record.line_of((*loc, "date")), f"{field}.date",
                          f"the {who} signed on {entry.date.isoformat()}, after the assessment was published on {published.isoformat()}; "
                          "an assessment is signed off before it is published",
                          FindingKind.SIGN_OFF_LATE, eqia=eqia.id)


def stage_findings(record: Record[Eqia]) -> Iterator[Finding]:
    eqia = record.model
    if eqia.status is EqiaStatus.PUBLISHED and eqia.commissioning_stage is None:
        yield Finding(record.path, record.line_of(("commissioning_stage",)), "commissioning_stage",
                      "is not recorded, so the assessment cannot be found by the stage of the commissioning cycle; "
                      "give analyse, plan, do or review once the service says which",
                      FindingKind.NO_COMMISSIONING_STAGE, eqia=eqia.id)


def upkeep_findings(portal: Portal) -> Iterator[Finding]:
    for record in portal.eqias.values():
        yield from review_findings(record, portal.today)
        yield from action_findings(record, portal.today)
        yield from challenge_findings(record, portal.today)
        yield from sign_off_findings(record)
        yield from stage_findings(record)
    for record in portal.objectives.values():
        yield from progress_findings(record, portal.today)
