"""Rules an equality officer would insist on, beyond the shape of each field.

Each rule looks at one validated record (or the whole portal) and yields ``(location,
message)`` pairs, so every broken rule is reported, not just the first.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from eqportal.easyread.author import easy_read_findings
from eqportal.models import Decision, Eqia, Objective, Report
from eqportal.models.vocab import PROTECTED, CallInOutcome, EqiaStatus, SignOffRole, Stage

Finding = tuple[tuple, str]
SUMMARY_MAX = 200


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
    yield from _version_rules(eqia)
    yield from _call_in_rules(eqia)
    easy = eqia.easy_read
    if easy and easy.reviewed_by and not easy.reviewed_on:
        yield ("easy_read", "reviewed_by"), "is given but reviewed_on is empty: give the date people with learning disabilities checked this easy-read version (YYYY-MM-DD)"


def _version_rules(eqia: Eqia) -> Iterator[Finding]:
    """Each version has its own number, and the history runs oldest first."""
    first_of: dict[str, int] = {}
    for index, entry in enumerate(eqia.versions):
        if entry.version in first_of:
            yield ("versions", index, "version"), f"'{entry.version}' is already the number of versions[{first_of[entry.version]}]; give each version its own number"
        first_of.setdefault(entry.version, index)
        if index and entry.date < eqia.versions[index - 1].date:
            before = eqia.versions[index - 1]
            yield ("versions", index, "date"), f"{entry.date.isoformat()} is before the date of the version listed above it ({before.version}, {before.date.isoformat()}); list versions oldest first"


def _call_in_rules(eqia: Eqia) -> Iterator[Finding]:
    for index, call_in in enumerate(eqia.call_ins):
        if call_in.outcome is CallInOutcome.OPEN and call_in.follow_up is None:
            yield ("call_ins", index, "outcome"), "is open but follow_up is empty: give the date the group will look at the assessment again (YYYY-MM-DD)"
        if call_in.follow_up and call_in.follow_up < call_in.date:
            yield ("call_ins", index, "follow_up"), f"{call_in.follow_up.isoformat()} is before the call-in itself ({call_in.date.isoformat()}); the follow-up comes after the meeting"
        if call_in.outcome is not CallInOutcome.OPEN and not call_in.response:
            yield ("call_ins", index, "response"), f"is empty but the outcome is {call_in.outcome.value}: say how the service answered the points raised"
        if index and call_in.date < eqia.call_ins[index - 1].date:
            yield ("call_ins", index, "date"), f"{call_in.date.isoformat()} is before the call-in listed above it ({eqia.call_ins[index - 1].date.isoformat()}); list call-ins oldest first"


SIGNATURES = {SignOffRole.SENIOR_OFFICER: "the senior officer", SignOffRole.DMT_MEMBER: "a Directorate Management Team member"}


def _sign_off_rules(eqia: Eqia) -> Iterator[Finding]:
    """Kent's form: the senior officer and a DMT member sign a full assessment off."""
    present = {entry.role for entry in eqia.sign_off}
    missing = [role for role in SignOffRole if role not in present]
    if missing:
        who = " and ".join(f"{SIGNATURES[r]} (role: {r.value})" for r in missing)
        yield ("sign_off",), (
            f"a published full assessment is signed off by the senior officer and a Directorate Management Team member; add {who} "
            "with job_title, name and date (leave them out only where the signed document leaves them blank)"
        )


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
    if eqia.stage is Stage.FULL:
        yield from _sign_off_rules(eqia)


def decision_rules(decision: Decision) -> Iterator[Finding]:
    if decision.summary is None:
        yield ("summary",), "is required: one line saying in plain English what was (or will be) decided"
    elif "\n" in decision.summary.strip() or len(decision.summary) > SUMMARY_MAX:
        yield ("summary",), f"must be one line of {SUMMARY_MAX} characters or fewer (it has {len(decision.summary)}); put the detail in the body"
    if decision.url is None and not decision.illustrative and decision.status.value == "taken":
        yield ("url",), "is required once a decision is taken: the link to the council's record of the decision"
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
