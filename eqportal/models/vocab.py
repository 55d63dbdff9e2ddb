"""Closed vocabularies of the content model: every value an editor may choose from."""

from __future__ import annotations

from enum import StrEnum

from eqportal.words import word


class Characteristic(StrEnum):
    """The nine protected characteristics of the Equality Act 2010, plus carers (Kent assesses them too)."""

    AGE = "age"
    DISABILITY = "disability"
    GENDER_REASSIGNMENT = "gender-reassignment"
    MARRIAGE_CIVIL_PARTNERSHIP = "marriage-civil-partnership"
    PREGNANCY_MATERNITY = "pregnancy-maternity"
    RACE = "race"
    RELIGION_BELIEF = "religion-belief"
    SEX = "sex"
    SEXUAL_ORIENTATION = "sexual-orientation"
    CARERS = "carers"

    @property
    def label(self) -> str:
        return word(self)

    @property
    def is_protected(self) -> bool:
        return self is not Characteristic.CARERS


PROTECTED = tuple(c for c in Characteristic if c.is_protected)

# An action may concern named characteristics or everyone ("all").
ActionScope = StrEnum("ActionScope", {**{c.name: c.value for c in Characteristic}, "ALL": "all"})


class EqiaKind(StrEnum):
    POLICY = "policy"
    PROCEDURE = "procedure"
    PROJECT = "project"
    SERVICE = "service"
    STRATEGY = "strategy"
    BUDGET = "budget"
    COMMISSIONING = "commissioning"


class EqiaStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class Stage(StrEnum):
    SCREENING = "screening"
    FULL = "full"


class Answer(StrEnum):
    """Could the change affect this group less favourably than others?"""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Impact(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"
    UNKNOWN = "unknown"


class Rating(StrEnum):
    """Proportionality: how relevant the change is to equality, so how deep the analysis must go."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class JudgementOutcome(StrEnum):
    SCREENING_SUFFICIENT = "screening-sufficient"
    INTERNAL_ACTION = "internal-action"
    FULL_ASSESSMENT = "full-assessment"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


class ProgressRating(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    IMPROVING = "improving"
    AT_RISK = "at-risk"
    NOT_MET = "not-met"


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    TAKEN = "taken"
