"""The accountability audit: key-decision coverage and the upkeep of what is published.

``run_audit(portal)`` returns plain data that ``eqportal audit`` prints and the
``/decisions/`` page shows. The site build never fails on findings: publishing the gap is
the point; a council gates merges on ``eqportal audit`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from eqportal.audit.coverage import (
    DecisionCoverage,
    Reliance,
    RelianceState,
    Verdict,
    YearCoverage,
    coverage_by_year,
    decision_coverage,
)
from eqportal.audit.findings import COLUMNS, Finding, FindingKind
from eqportal.audit.upkeep import timescale_date, upkeep_findings
from eqportal.audit.years import latest_completed_year, reporting_year
from eqportal.portal import Portal


@dataclass(frozen=True)
class Audit:
    decisions: tuple[DecisionCoverage, ...]
    years: tuple[YearCoverage, ...]
    findings: tuple[Finding, ...]  # sorted by path, line, field, message


def run_audit(portal: Portal, *, upkeep: bool = True) -> Audit:
    """Audit a validated portal as of ``portal.today``; without ``upkeep``, only the key decisions' coverage and
    its findings (what the decision register shows), not the upkeep of every record (reviews, actions, sign-off)."""
    decisions = decision_coverage(portal)
    findings = [f for d in decisions for f in d.findings]
    if upkeep:
        findings.extend(upkeep_findings(portal))
    return Audit(tuple(decisions), tuple(coverage_by_year(decisions)), tuple(sorted(set(findings), key=Finding.order)))


__all__ = [
    "Audit", "COLUMNS", "DecisionCoverage", "Finding", "FindingKind", "Reliance", "RelianceState", "Verdict",
    "YearCoverage", "latest_completed_year", "reporting_year", "run_audit", "timescale_date",
]
