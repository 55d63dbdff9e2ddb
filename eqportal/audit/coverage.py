"""Key-decision coverage: did each decision have a published equality analysis before it was taken?

Everything is decided from dates in the content, so the verdict of a 2015 decision does not
change when its analysis is later replaced: a superseded analysis still counts if it was the
current one on the day of the decision.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

from eqportal.audit.findings import Finding, FindingKind
from eqportal.audit.years import reporting_year
from eqportal.models import Decision, Eqia
from eqportal.models.vocab import DecisionStatus, EqiaStatus
from eqportal.portal import Portal, Record
from eqportal.words import word


class Verdict(StrEnum):
    COVERED = "covered"
    COVERED_LATE = "covered-late"
    NOT_NEEDED = "not-needed"
    MISSING = "missing"
    NOT_TAKEN = "not-taken"

    @property
    def label(self) -> str:
        return word(self)



class RelianceState(StrEnum):
    """How one analysis a decision relied on stood on the day of the decision."""

    IN_TIME = "in-time"
    LATE = "late"
    DRAFT = "draft"
    WITHDRAWN = "withdrawn"
    ALREADY_SUPERSEDED = "already-superseded"
    UNKNOWN = "unknown"  # no such assessment: `eqportal check` reports it


@dataclass(frozen=True)
class Reliance:
    ref: str
    eqia: Eqia | None
    state: RelianceState
    note: str  # plain words for the register page, e.g. "published 1 March 2016, after the decision"


@dataclass(frozen=True)
class DecisionCoverage:
    record: Record[Decision]
    verdict: Verdict
    reliances: tuple[Reliance, ...]
    findings: tuple[Finding, ...]

    @property
    def decision(self) -> Decision:
        return self.record.model

    @property
    def year(self) -> str:
        return reporting_year(self.decision.date)

    @property
    def explanation(self) -> str:
        """The verdict in a sentence, for people reading the register."""
        if self.verdict is Verdict.NOT_NEEDED:
            return f"No equality analysis was needed: {self.decision.no_eqia_reason}"
        if self.verdict is Verdict.NOT_TAKEN:
            return "The decision has not been taken yet."
        if self.verdict is Verdict.COVERED:
            return "An equality analysis was published before the decision."
        if self.verdict is Verdict.COVERED_LATE:
            return "The equality analysis was published or completed after the decision."
        return "No published equality analysis before the decision."


@dataclass(frozen=True)
class YearCoverage:
    """The coverage figure for one reporting year, counting taken key decisions only."""

    year: str
    taken: int
    covered: int
    late: int
    missing: int
    not_needed: int

    @property
    def needed(self) -> int:
        return self.taken - self.not_needed

    @property
    def sentence(self) -> str:
        if self.needed == 0:
            return f"No key decision taken in {self.year} needed an equality analysis."
        decisions = "key decision" if self.needed == 1 else "key decisions"
        text = f"{self.covered} of {self.needed} {decisions} in {self.year} that needed an equality analysis had one published before the decision."
        if self.not_needed:
            text += f" {self.not_needed} more did not need one."
        return text


def decision_coverage(portal: Portal) -> list[DecisionCoverage]:
    """Every decision's coverage, oldest first, then by number."""
    records = sorted(portal.decisions.values(), key=lambda r: (r.model.date, r.model.number))
    return [coverage_of(record, portal) for record in records]


def coverage_by_year(coverages: Iterable[DecisionCoverage]) -> list[YearCoverage]:
    """One figure per reporting year that has taken decisions, newest year first."""
    counts: dict[str, dict[Verdict, int]] = defaultdict(lambda: defaultdict(int))
    for item in coverages:
        if item.verdict is not Verdict.NOT_TAKEN:
            counts[item.year][item.verdict] += 1
    return [
        YearCoverage(
            year=year,
            taken=sum(c.values()),
            covered=c[Verdict.COVERED],
            late=c[Verdict.COVERED_LATE],
            missing=c[Verdict.MISSING],
            not_needed=c[Verdict.NOT_NEEDED],
        )
        for year, c in sorted(counts.items(), reverse=True)
    ]


def coverage_of(record: Record[Decision], portal: Portal) -> DecisionCoverage:
    decision = record.model
    reliances = tuple(_reliance(ref, decision.date, portal) for ref in decision.eqias)
    if decision.status is not DecisionStatus.TAKEN or decision.date > portal.today:
        # Audited as of an earlier day (--today), a decision taken later had not been taken yet.
        return DecisionCoverage(record, Verdict.NOT_TAKEN, reliances, ())
    if not decision.eqias and decision.no_eqia_reason:
        return DecisionCoverage(record, Verdict.NOT_NEEDED, reliances, ())
    states = {r.state for r in reliances}
    if RelianceState.IN_TIME in states:
        verdict = Verdict.COVERED
    elif RelianceState.LATE in states:
        verdict = Verdict.COVERED_LATE
    else:
        verdict = Verdict.MISSING
    findings = [f for index, r in enumerate(reliances) if (f := _reliance_finding(record, index, r)) is not None]
    if verdict is Verdict.MISSING:
        findings.append(_finding(
            record, ("eqias",), FindingKind.MISSING_ANALYSIS, None,
            f"key decision taken {decision.date.isoformat()} relied on no equality analysis that was published and current on that day, and gives no no_eqia_reason",
        ))
    return DecisionCoverage(record, verdict, reliances, tuple(sorted(findings)))


def _reliance(ref: str, day: dt.date, portal: Portal) -> Reliance:
    found = portal.eqia_by_any_id(ref)
    if found is None:
        return Reliance(ref, None, RelianceState.UNKNOWN, "no such assessment")
    eqia = found.model
    published = eqia.dates.published
    if eqia.status is EqiaStatus.DRAFT:
        return Reliance(ref, eqia, RelianceState.DRAFT, "a draft, never published")
    withdrawn = eqia.dates.withdrawn
    if eqia.status is EqiaStatus.WITHDRAWN and (withdrawn is None or withdrawn <= day):
        # Withdrawn after the decision is fine: it was the current analysis on the day.
        return Reliance(ref, eqia, RelianceState.WITHDRAWN, f"withdrawn on {_day(withdrawn)}" if withdrawn else "withdrawn")
    if published is None:
        return Reliance(ref, eqia, RelianceState.LATE, "no publication date")
    if published > day:
        return Reliance(ref, eqia, RelianceState.LATE, f"published {_day(published)}, after the decision")
    full = eqia.dates.full_assessment
    if full is not None and full > day:
        return Reliance(ref, eqia, RelianceState.LATE, f"full assessment completed {_day(full)}, after the decision")
    if eqia.status is EqiaStatus.SUPERSEDED:
        successor = portal.eqias.get(eqia.superseded_by or "")
        replaced = successor.model.dates.published if successor and successor.model.is_public else None
        if replaced is not None and replaced <= day:
            return Reliance(ref, eqia, RelianceState.ALREADY_SUPERSEDED, f"already replaced on {_day(replaced)}")
    return Reliance(ref, eqia, RelianceState.IN_TIME, f"published {_day(published)}")


def _reliance_finding(record: Record[Decision], index: int, reliance: Reliance) -> Finding | None:
    decision = record.model
    eqia = reliance.eqia
    on = decision.date.isoformat()
    ref = reliance.ref
    loc = ("eqias", index)
    state = reliance.state
    if state is RelianceState.DRAFT:
        return _finding(record, loc, FindingKind.UNPUBLISHED_ANALYSIS, ref, f"relies on '{ref}', which is a draft and has not been published; publish it or name a published analysis")
    if state is RelianceState.WITHDRAWN and eqia is not None:
        when = eqia.dates.withdrawn
        if when is None:
            return _finding(record, loc, FindingKind.WITHDRAWN_ANALYSIS, ref, f"relies on '{ref}', which has been withdrawn and gives no dates.withdrawn, so it cannot show it was current on {on}")
        return _finding(record, loc, FindingKind.WITHDRAWN_ANALYSIS, ref, f"relies on '{ref}', which was withdrawn on {when.isoformat()}, before the decision on {on}; name the analysis that replaced it, if there is one")
    if state is RelianceState.ALREADY_SUPERSEDED and eqia is not None:
        successor = eqia.superseded_by
        return _finding(record, loc, FindingKind.SUPERSEDED_ANALYSIS, ref, f"relies on '{ref}', which had already been replaced by '{successor}' when the decision was taken on {on}; name '{successor}' instead")
    if state is RelianceState.LATE and eqia is not None:
        published, full = eqia.dates.published, eqia.dates.full_assessment
        if published is None:
            return _finding(record, loc, FindingKind.LATE_ANALYSIS, ref, f"relies on '{ref}', which has no published date, so it cannot show it came before the decision on {on}")
        if published > decision.date:
            return _finding(record, loc, FindingKind.LATE_ANALYSIS, ref, f"relies on '{ref}', published {published.isoformat()}, after the decision on {on}")
        return _finding(record, loc, FindingKind.LATE_ANALYSIS, ref, f"relies on '{ref}', whose full assessment was completed {full.isoformat()}, after the decision on {on}")
    return None


def _finding(record: Record[Decision], loc: tuple, kind: FindingKind, eqia: str | None, message: str) -> Finding:
    field = "eqias" if len(loc) == 1 else f"eqias[{loc[1]}]"
    return Finding(record.path, record.line_of(loc), field, message, kind, decision=record.model.number, eqia=eqia)


def _day(day: dt.date) -> str:
    """A date as people write it: 1 March 2016."""
    return f"{day.day} {day:%B %Y}"
