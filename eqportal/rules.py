"""Rules an equality officer would insist on, beyond the shape of each field.

Each rule looks at one validated record (or the whole portal) and yields ``(location,
message)`` pairs, so every broken rule is reported, not just the first.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from eqportal.easyread.author import easy_read_findings
from eqportal.models import Decision, Eqia, Objective, Report
from eqportal.models.vocab import PROTECTED, EqiaStatus, Stage

Finding = tuple[tuple, str]


def eqia_rules(eqia: Eqia) -> Iterator[Finding]:
    if eqia.is_public:
        yield from _public_eqia_rules(eqia)
    yield from easy_read_findings(eqia)
    dates = eqia.dates
    if dates.last_reviewed and dates.next_review and dates.next_review <= dates.last_reviewed:
        yield ("dates", "next_review"), f"must be after last_reviewed ({dates.last_reviewed.isoformat()})"
    if dates.screening and dates.full_assessment and dates.full_assessment < dates.screening:
        yield ("dates", "full_assessment"), f"cannot be before the screening date ({dates.screening.isoformat()})"
    if eqia.status is EqiaStatus.SUPERSEDED and not eqia.superseded_by:
        yield ("superseded_by",), "is required when status is superseded: give the id of the assessment that replaces this one"
    if eqia.superseded_by and eqia.status is not EqiaStatus.SUPERSEDED:
        yield ("superseded_by",), f"is given but status is {eqia.status.value}; set status: superseded or remove superseded_by"
    if eqia.status is EqiaStatus.WITHDRAWN and not eqia.withdrawn_reason:
        yield ("withdrawn_reason",), "is required when status is withdrawn: say in a sentence why the assessment was withdrawn"
    if eqia.superseded_by == eqia.id:
        yield ("superseded_by",), "cannot name the assessment itself"
    counts = Counter(entry.characteristic for entry in eqia.screening)
    for index, entry in enumerate(eqia.screening):
        if counts[entry.characteristic] > 1:
            first = next(i for i, e in enumerate(eqia.screening) if e.characteristic is entry.characteristic)
            if index != first:
                yield ("screening", index, "characteristic"), f"'{entry.characteristic.value}' already has a row (screening[{first}]); keep one row per characteristic"
    for index, action in enumerate(eqia.actions):
        if action.completed and action.status is not None and action.status.value != "done":
            yield ("actions", index, "completed"), f"is given but status is {action.status.value}; set status: done or remove completed"


def _public_eqia_rules(eqia: Eqia) -> Iterator[Finding]:
    """What every assessment that has been published must hold."""
    if eqia.dates.published is None:
        yield ("dates", "published"), "is required once an assessment is published: the date it went on the portal (YYYY-MM-DD)"
    if not eqia.owner:
        yield ("owner",), "is required once an assessment is published: the responsible role, e.g. Director of Adult Social Care"
    if not eqia.summary:
        yield ("summary",), "is required once an assessment is published: say in plain English what is being assessed"
    present = {entry.characteristic for entry in eqia.screening}
    missing = [c.value for c in PROTECTED if c not in present]
    if missing:
        yield ("screening",), f"needs a row for each of the nine protected characteristics; missing: {', '.join(missing)}"
    if eqia.proportionality is None:
        yield ("proportionality",), "is required once an assessment is published: a rating (low, medium, high) and a reason"
    if eqia.judgement is None:
        yield ("judgement",), "is required once an assessment is published: an outcome (screening-sufficient, internal-action, full-assessment) and a justification"
    if eqia.stage is Stage.FULL and not eqia.actions:
        yield ("actions",), "a full assessment needs an action plan: at least one action with characteristics, issue, action, owner and timescale"


def decision_rules(decision: Decision) -> Iterator[Finding]:
    if not decision.eqias and not decision.no_eqia_reason:
        yield ("eqias",), "name the equality analyses this decision relied on, or give no_eqia_reason saying why none was needed"
    if decision.eqias and decision.no_eqia_reason:
        yield ("no_eqia_reason",), "is given but the decision also names analyses in eqias; keep one"


def objective_rules(objective: Objective) -> Iterator[Finding]:
    yield from easy_read_findings(objective)
    years = Counter(p.year for p in objective.progress)
    for index, progress in enumerate(objective.progress):
        if years[progress.year] > 1 and index != next(i for i, p in enumerate(objective.progress) if p.year == progress.year):
            yield ("progress", index, "year"), f"{progress.year} already has a progress entry; keep one per year"
    start, end = (int(y) for y in objective.period.split("-"))
    if end < start:
        yield ("period",), f"ends before it starts ({objective.period}); write it as start-end, e.g. 2016-2020"


def report_rules(report: Report) -> Iterator[Finding]:
    first = int(report.year[:4])
    if (first + 1) % 100 != int(report.year[5:]):
        yield ("year",), f"'{report.year}' is not a reporting year: the second part must be the year after, e.g. {first}-{(first + 1) % 100:02d}"


RULES = {Eqia: eqia_rules, Decision: decision_rules, Objective: objective_rules, Report: report_rules}
