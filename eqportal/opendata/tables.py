"""The open-data tables: one CSV per kind of thing, one row per thing, every column described.

Each :class:`Table` knows its columns (name, Frictionless type, description, allowed values)
and how to make its rows from the portal. The CSV files, ``datapackage.json`` and the
``/open-data/`` page are all made from these definitions, so they cannot disagree.
Column descriptions come from the content models' own field descriptions where there is one.
Columns are a published contract: add new ones at the end, never rename or drop one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum
from typing import Callable, Iterator

from pydantic import BaseModel

from eqportal.audit import RelianceState, Verdict, timescale_date
from eqportal.audit.coverage import DecisionCoverage, decision_coverage
from eqportal.context import BuildContext
from eqportal.models import Eqia
from eqportal.models.eqia import Action, CallIn, ScreeningEntry, SignOff, VersionEntry
from eqportal.models.objective import Objective, Progress
from eqportal.models.vocab import (
    ActionStatus, Answer, CallInOutcome, Characteristic, CommissioningStage, DecisionStatus, EqiaKind, EqiaStatus, Impact,
    JudgementOutcome, ProgressRating, Rating, SignOffRole, Stage,
)
from eqportal.portal import Portal, Record
from eqportal.reviews import ReviewStatus, review_status
from eqportal.registry import absolute, url_for

LIST_NOTE = " A list: items are separated by ';'."


def about(model: type[BaseModel], name: str, fallback: str = "") -> str:
    """The content model's own description of a field, so the data dictionary says what the editor was told."""
    info = model.model_fields.get(name)
    return (info.description if info and info.description else fallback) or fallback


def values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless: string, integer, date, boolean
    description: str
    enum: tuple[str, ...] | None = None

    def frictionless(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "type": self.type, "description": self.description}
        if self.enum:
            out["constraints"] = {"enum": list(self.enum)}
        return out


@dataclass(frozen=True)
class DataContext:
    portal: Portal
    build: BuildContext

    @property
    def site_url(self) -> str | None:
        return self.build.site_url

    @property
    def today(self) -> dt.date:
        return self.build.today

    def absolute(self, path: str) -> str:
        """A portal address as an absolute URL when ``site_url`` is set, else from the site root."""
        return absolute(path, self.site_url)

    @property
    def public(self) -> list[Record[Eqia]]:
        return sorted(self.portal.public_eqias(), key=lambda r: r.model.id)

    @cached_property
    def decisions(self) -> list[DecisionCoverage]:
        """Every key decision's coverage, by number: worked out once for the two tables of decisions."""
        return sorted(decision_coverage(self.portal), key=lambda d: d.decision.number)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    make: Callable[[DataContext], Iterator[dict[str, object]]] | None = None  # rows made from the whole portal
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)  # (column, table, column there)
    each: Callable[[DataContext, Record[Eqia]], Iterator[dict[str, object]]] | None = None  # or the rows of one public assessment

    def rows(self, ctx: DataContext) -> Iterator[dict[str, object]]:
        """Every row, in order: for a table of assessments, each public one's rows in turn (by id)."""
        if self.each is not None:
            return (row for record in ctx.public for row in self.each(ctx, record))
        assert self.make is not None
        return self.make(ctx)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _signed(eqia: Eqia, role: SignOffRole) -> dt.date | None:
    return next((s.date for s in eqia.sign_off if s.role is role and s.date), None)


def _eqia_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    today = ctx.today
    m = record.model
    d = m.dates
    changed = ctx.build.last_changed(record.source)
    yield {
        "id": m.id, "title": m.title, "kind": m.kind, "directorate": m.directorate, "service": m.service,
        "status": m.status, "stage": m.stage, "first_published": d.published, "last_changed": changed,
        "next_review": d.next_review, "review_status": review_status(m, today),
        "adverse_characteristics": [c.value for c in m.adverse_characteristics], "superseded_by": ctx.portal.public_successor(m),
        "summary": m.summary, "url": ctx.absolute(url_for(m)),
        "owner": m.owner, "commissioning_stage": m.commissioning_stage,
        "screening_date": d.screening, "full_assessment_date": d.full_assessment, "last_reviewed": d.last_reviewed,
        "withdrawn_date": d.withdrawn, "withdrawn_reason": m.withdrawn_reason,
        "proportionality": m.proportionality.rating if m.proportionality else None,
        "proportionality_reason": m.proportionality.reason if m.proportionality else None,
        "judgement": m.judgement.outcome if m.judgement else None,
        "judgement_option": m.judgement.outcome.option if m.judgement else None,
        "judgement_justification": m.judgement.justification if m.judgement else None,
        "senior_officer_signed": _signed(m, SignOffRole.SENIOR_OFFICER),
        "dmt_member_signed": _signed(m, SignOffRole.DMT_MEMBER),
        "call_ins": len(m.call_ins),
        "open_call_ins": sum(1 for c in m.call_ins if c.outcome is CallInOutcome.OPEN),
        "actions": len(m.actions),
        "decisions": [r.model.number for r in ctx.portal.decisions_relying_on(m.id)],
        "easy_read_url": ctx.absolute(url_for(m, "easy-read")),
        "easy_read_checked_on": m.easy_read.reviewed_on if m.easy_read else None,
        "easy_read_checked_by": m.easy_read.reviewed_by if m.easy_read else None,
        "json_url": ctx.absolute(f"/data/eqias/{m.id}.json"),
        "illustrative": m.illustrative,
    }


def _screening_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    for s in record.model.screening:
        yield {"eqia_id": record.model.id, "characteristic": s.characteristic, "adverse": s.adverse,
               "negative_impact": s.negative_impact, "positive_impact": s.positive_impact,
               "details": s.details, "actions": s.actions, "opportunities": s.opportunities}


def _action_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    for number, a in enumerate(record.model.actions, start=1):
        yield {"eqia_id": record.model.id, "action_number": number, "characteristics": [c.value for c in a.characteristics],
               "issue": a.issue, "action": a.action, "outcome": a.outcome, "owner": a.owner, "timescale": a.timescale,
               "due_date": timescale_date(a.timescale), "cost": a.cost, "status": a.status, "completed": a.completed}


def _version_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    for v in record.model.versions:
        yield {"eqia_id": record.model.id, "version": v.version, "date": v.date, "author": v.author, "comment": v.comment}


def _sign_off_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    for number, s in enumerate(record.model.sign_off, start=1):
        yield {"eqia_id": record.model.id, "sign_off_number": number, "role": s.role, "job_title": s.job_title,
               "name": s.name, "date": s.date, "blank": s.is_blank, "note": s.note}


def _call_in_rows(ctx: DataContext, record: Record[Eqia]) -> Iterator[dict[str, object]]:
    today = ctx.today
    for number, c in enumerate(record.model.call_ins, start=1):
        past = c.outcome is CallInOutcome.OPEN and c.follow_up is not None and c.follow_up < today
        yield {"eqia_id": record.model.id, "call_in_number": number, "date": c.date, "group": c.group,
               # a line break ends a point, so one inside a point becomes a space
               "points_raised": "\n".join(" ".join(point.split()) for point in c.points_raised),
               "response": c.response, "outcome": c.outcome,
               "follow_up": c.follow_up, "past_follow_up": past}


def _decision_rows(ctx: DataContext) -> Iterator[dict[str, object]]:
    for item in ctx.decisions:
        d = item.decision
        yield {
            "number": d.number, "title": d.title, "date": d.date, "reporting_year": item.year, "status": d.status,
            "decision_maker": d.decision_maker, "directorate": d.directorate, "eqias": list(d.eqias),
            "coverage": item.verdict.value, "no_eqia_reason": d.no_eqia_reason,
            "notes": " | ".join(f.message for f in item.findings), "illustrative": d.illustrative, "url": d.url,
            "checked_on": ctx.today, "summary": d.summary, "register_url": ctx.absolute(url_for(d)),
        }


def _decision_eqia_rows(ctx: DataContext) -> Iterator[dict[str, object]]:
    for item in ctx.decisions:
        for r in item.reliances:
            yield {"decision_number": item.decision.number, "eqia_id": r.ref, "state": r.state.value, "note": r.note}


def _progress_rows(ctx: DataContext) -> Iterator[dict[str, object]]:
    for record in sorted(ctx.portal.objectives.values(), key=lambda r: r.model.id):
        o = record.model
        for p in sorted(o.progress, key=lambda p: p.year):
            yield {"objective_id": o.id, "objective_title": o.title, "objective_url": ctx.absolute(url_for(o)),
                   "period": o.period, "year": p.year, "rating": p.rating, "summary": p.summary,
                   "evidence": [link.url for link in p.evidence]}


def _c(name: str, type_: str, description: str, enum: type[Enum] | None = None) -> Column:
    return Column(name, type_, description, values(enum) if enum else None)


EQIA_ID = _c("eqia_id", "string", "The assessment's id (eqias.csv).")

TABLES: tuple[Table, ...] = (
    Table(
        "eqias", "Equality impact assessments", "One row per public assessment (published, replaced or withdrawn; never drafts).",
        (
            _c("id", "string", about(Eqia, "id")),
            _c("title", "string", about(Eqia, "title")),
            _c("kind", "string", about(Eqia, "kind"), EqiaKind),
            _c("directorate", "string", about(Eqia, "directorate")),
            _c("service", "string", about(Eqia, "service")),
            _c("status", "string", "published, superseded (replaced by a newer assessment) or withdrawn.", EqiaStatus),
            _c("stage", "string", "screening (first check only) or full (a full assessment).", Stage),
            _c("first_published", "date", "The date the assessment was first published."),
            _c("last_changed", "date", "The date the assessment's file last changed on the portal."),
            _c("next_review", "date", "The date by which the assessment must be reviewed."),
            _c("review_status", "string", "As of the day the data was made: overdue, due-soon (within 90 days), scheduled, no-date or not-applicable (replaced or withdrawn).", ReviewStatus),
            _c("adverse_characteristics", "string", "The groups for which the screening found a possible adverse impact." + LIST_NOTE),
            _c("superseded_by", "string", about(Eqia, "superseded_by")),
            _c("summary", "string", about(Eqia, "summary")),
            _c("url", "string", "The assessment's page on this portal."),
            _c("owner", "string", about(Eqia, "owner")),
            _c("commissioning_stage", "string", about(Eqia, "commissioning_stage") + " Empty where the assessment does not say.", CommissioningStage),
            _c("screening_date", "date", "Date of the initial screening."),
            _c("full_assessment_date", "date", "Date the full assessment was completed."),
            _c("last_reviewed", "date", "Date of the latest review."),
            _c("withdrawn_date", "date", "Date the assessment was withdrawn."),
            _c("withdrawn_reason", "string", about(Eqia, "withdrawn_reason")),
            _c("proportionality", "string", "How relevant the change is to equality: low, medium or high.", Rating),
            _c("proportionality_reason", "string", "Why that rating."),
            _c("judgement", "string", "The council's judgement: screening-sufficient (Option 1), internal-action (Option 2) or full-assessment (Option 3).", JudgementOutcome),
            _c("judgement_option", "integer", "The number of that option on the council's form: 1, 2 or 3."),
            _c("judgement_justification", "string", "Why."),
            _c("senior_officer_signed", "date", "Date the senior officer signed the assessment off; empty if no dated signature is recorded (see sign-off.csv)."),
            _c("dmt_member_signed", "date", "Date a Directorate Management Team member signed it off; empty if no dated signature is recorded."),
            _c("call_ins", "integer", "How many times the directorate Equality Group called the assessment in (call-ins.csv)."),
            _c("open_call_ins", "integer", "How many of those challenges are still open."),
            _c("actions", "integer", "How many actions the action plan holds (actions.csv)."),
            _c("decisions", "string", "Numbers of the key decisions that relied on the assessment (decisions.csv)." + LIST_NOTE),
            _c("easy_read_url", "string", "Its easy-read version."),
            _c("easy_read_checked_on", "date", "Date people with learning disabilities checked the easy-read version; empty if not yet."),
            _c("easy_read_checked_by", "string", "Who checked it."),
            _c("json_url", "string", "The whole assessment as a JSON file."),
            _c("illustrative", "boolean", "true for sample records that are not real council assessments."),
        ),
        each=_eqia_rows, primary_key=("id",),
    ),
    Table(
        "screening", "Screening grid", "One row per assessment and group: the screening grid.",
        (
            EQIA_ID,
            _c("characteristic", "string", "The group: one of the nine protected characteristics, or carers.", Characteristic),
            _c("adverse", "string", about(ScreeningEntry, "adverse"), Answer),
            _c("negative_impact", "string", about(ScreeningEntry, "negative_impact"), Impact),
            _c("positive_impact", "string", about(ScreeningEntry, "positive_impact"), Impact),
            _c("details", "string", about(ScreeningEntry, "details")),
            _c("actions", "string", about(ScreeningEntry, "actions")),
            _c("opportunities", "string", about(ScreeningEntry, "opportunities")),
        ),
        each=_screening_rows, primary_key=("eqia_id", "characteristic"), foreign_keys=(("eqia_id", "eqias", "id"),),
    ),
    Table(
        "actions", "Action plans", "One row per action in an assessment's action plan, in the plan's order.",
        (
            EQIA_ID,
            _c("action_number", "integer", "The action's place in the plan, from 1."),
            _c("characteristics", "string", about(Action, "characteristics") + LIST_NOTE),
            _c("issue", "string", about(Action, "issue")),
            _c("action", "string", about(Action, "action")),
            _c("outcome", "string", about(Action, "outcome")),
            _c("owner", "string", about(Action, "owner")),
            _c("timescale", "string", about(Action, "timescale")),
            _c("due_date", "date", "The timescale as a date, where it is one (a month means its last day)."),
            _c("cost", "string", about(Action, "cost")),
            _c("status", "string", about(Action, "status"), ActionStatus),
            _c("completed", "date", about(Action, "completed")),
        ),
        each=_action_rows, primary_key=("eqia_id", "action_number"), foreign_keys=(("eqia_id", "eqias", "id"),),
    ),
    Table(
        "versions", "Version histories", "One row per version of an assessment, oldest first.",
        (EQIA_ID, _c("version", "string", about(VersionEntry, "version")), _c("date", "date", "Date of the version."),
         _c("author", "string", about(VersionEntry, "author")), _c("comment", "string", about(VersionEntry, "comment"))),
        each=_version_rows, primary_key=("eqia_id", "version"), foreign_keys=(("eqia_id", "eqias", "id"),),
    ),
    Table(
        "sign-off", "Sign-off", "One row per signature box of an assessment: the senior officer and a Directorate Management Team member.",
        (EQIA_ID, _c("sign_off_number", "integer", "The signature's place on the form, from 1."),
         _c("role", "string", about(SignOff, "role"), SignOffRole), _c("job_title", "string", about(SignOff, "job_title")),
         _c("name", "string", about(SignOff, "name")), _c("date", "date", about(SignOff, "date")),
         _c("blank", "boolean", "true where the signed document leaves the box blank: no job title, name or date."),
         _c("note", "string", about(SignOff, "note"))),
        each=_sign_off_rows, primary_key=("eqia_id", "sign_off_number"), foreign_keys=(("eqia_id", "eqias", "id"),),
    ),
    Table(
        "call-ins", "Call-ins by the Equality Group", "One row per time the directorate Equality Group called an assessment in to challenge it.",
        (EQIA_ID, _c("call_in_number", "integer", "The call-in's place in the assessment's list, oldest first, from 1."),
         _c("date", "date", about(CallIn, "date")), _c("group", "string", about(CallIn, "group")),
         _c("points_raised", "string", about(CallIn, "points_raised") + " Points are separated by line breaks."),
         _c("response", "string", about(CallIn, "response")), _c("outcome", "string", about(CallIn, "outcome"), CallInOutcome),
         _c("follow_up", "date", about(CallIn, "follow_up")),
         _c("past_follow_up", "boolean", "true when the challenge is still open after its follow-up date, as of the day the data was made.")),
        each=_call_in_rows, primary_key=("eqia_id", "call_in_number"), foreign_keys=(("eqia_id", "eqias", "id"),),
    ),
    Table(
        "decisions", "Key decisions", "One row per key decision in the register, with its coverage verdict.",
        (
            _c("number", "string", "Kent's decision number, YY/NNNNN."), _c("title", "string", "The decision."),
            _c("date", "date", "The date the decision was (or will be) taken."),
            _c("reporting_year", "string", "Kent's reporting year (1 April to 31 March), e.g. 2015-16."),
            _c("status", "string", "proposed or taken.", DecisionStatus), _c("decision_maker", "string", "Who takes the decision."),
            _c("directorate", "string", "The directorate."),
            _c("eqias", "string", "Ids of the equality analyses the decision relied on (decision-eqias.csv)." + LIST_NOTE),
            _c("coverage", "string", "covered, covered-late, not-needed, missing or not-taken.", Verdict),
            _c("no_eqia_reason", "string", "Why no equality analysis was needed."),
            _c("notes", "string", "The audit's findings on the decision, separated by ' | '."),
            _c("illustrative", "boolean", "true for sample records that are not real council decisions."),
            _c("url", "string", "The council's record of the decision."), _c("checked_on", "date", "The day the coverage was worked out."),
            _c("summary", "string", "What was decided, in one line."),
            _c("register_url", "string", "The decision's own entry on this portal's key-decision register."),
        ),
        _decision_rows, primary_key=("number",),
    ),
    Table(
        "decision-eqias", "Decisions and the analyses they relied on", "One row per decision and equality analysis it relied on.",
        (_c("decision_number", "string", "The decision (decisions.csv)."), _c("eqia_id", "string", "The analysis it names."),
         _c("state", "string", "How the analysis stood on the day of the decision: in-time, late, draft, withdrawn, already-superseded or unknown.", RelianceState),
         _c("note", "string", "The same in words.")),
        _decision_eqia_rows, primary_key=("decision_number", "eqia_id"), foreign_keys=(("decision_number", "decisions", "number"),),
    ),
    Table(
        "objective-progress", "Progress on equality objectives", "One row per equality objective and reporting year with progress recorded.",
        (_c("objective_id", "string", "The objective's id."), _c("objective_title", "string", "The objective."),
         _c("objective_url", "string", "Its page on this portal."), _c("period", "string", about(Objective, "period")),
         _c("year", "string", about(Progress, "year")), _c("rating", "string", "How it went that year.", ProgressRating),
         _c("summary", "string", about(Progress, "summary")), _c("evidence", "string", "Links to reports that evidence the progress." + LIST_NOTE)),
        _progress_rows, primary_key=("objective_id", "year"),
    ),
)
