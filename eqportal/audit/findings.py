"""What the audit reports: plain values that the command line and the site both read."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from eqportal.problems import Problem


class FindingKind(StrEnum):
    """Each kind of gap the audit finds; the values are stable (they appear in CSV and JSON)."""

    MISSING_ANALYSIS = "missing-analysis"  # a taken key decision with no published analysis and no reason
    LATE_ANALYSIS = "late-analysis"  # published or fully assessed after the decision
    UNPUBLISHED_ANALYSIS = "unpublished-analysis"  # relied on a draft
    WITHDRAWN_ANALYSIS = "withdrawn-analysis"  # relied on a withdrawn analysis
    SUPERSEDED_ANALYSIS = "superseded-analysis"  # already replaced when the decision was taken
    REVIEW_OVERDUE = "review-overdue"
    NO_REVIEW_DATE = "no-review-date"
    ACTION_OVERDUE = "action-overdue"
    ACTION_NO_DATE = "action-no-date"
    PROGRESS_MISSING = "progress-missing"
    CHALLENGE_OPEN = "challenge-open"  # a call-in still open past its follow-up date
    SIGN_OFF_BLANK = "sign-off-blank"  # the signature box is empty, as in the source document
    SIGN_OFF_UNDATED = "sign-off-undated"
    SIGN_OFF_LATE = "sign-off-late"  # signed after the assessment was published
    NO_COMMISSIONING_STAGE = "no-commissioning-stage"
    INVALID_CONTENT = "invalid-content"  # the content failed `eqportal check`; nothing else was audited


@dataclass(frozen=True, order=True)
class Finding:
    """One gap an auditor can act on, printed like a check problem: ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    kind: FindingKind
    decision: str | None = None  # Kent's number, e.g. 15/00045
    eqia: str | None = None
    objective: str | None = None

    def __str__(self) -> str:
        return str(self.as_problem())

    def order(self) -> tuple:
        """What ``order=True`` compares, as a sort key: one tuple a finding, not two a comparison."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.compare)

    def as_problem(self) -> Problem:
        return Problem(self.path, self.line, self.field, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "decision": self.decision,
            "eqia": self.eqia,
            "objective": self.objective,
        }

    @classmethod
    def from_problem(cls, problem: Problem) -> "Finding":
        return cls(problem.path, problem.line, problem.field, problem.message, FindingKind.INVALID_CONTENT)


COLUMNS = ("kind", "path", "line", "field", "message", "decision", "eqia", "objective")
