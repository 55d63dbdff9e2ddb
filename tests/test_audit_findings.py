"""The audit as an auditor reads it: every kind of finding, word for word, with a frozen today."""

from __future__ import annotations

import datetime as dt

import pytest

from eqportal.audit import FindingKind, Verdict, latest_completed_year, reporting_year, run_audit, timescale_date
from eqportal.loader import load_portal
from tests import audit_scenario

EXPECTED = [
    "content/decisions/15-00002.md:9: eqias[0]: relies on 'late', published 2015-06-01, after the decision on 2015-04-01",
    "content/decisions/15-00004.md:8: eqias: key decision taken 2015-05-01 relied on no equality analysis that was published and current on that day, and gives no no_eqia_reason",
    "content/decisions/15-00004.md:9: eqias[0]: relies on 'draft-one', which is a draft and has not been published; publish it or name a published analysis",
    "content/decisions/15-00005.md:8: eqias: key decision taken 2015-05-02 relied on no equality analysis that was published and current on that day, and gives no no_eqia_reason",
    "content/decisions/15-00005.md:9: eqias[0]: relies on 'withdrawn-one', which has been withdrawn and gives no dates.withdrawn, so it cannot show it was current on 2015-05-02",
    "content/decisions/15-00006.md:8: eqias: key decision taken 2015-04-01 relied on no equality analysis that was published and current on that day, and gives no no_eqia_reason",
    "content/decisions/15-00006.md:9: eqias[0]: relies on 'old-version', which had already been replaced by 'new-version' when the decision was taken on 2015-04-01; name 'new-version' instead",
    "content/decisions/15-00008.md:9: eqias[0]: relies on 'fully-late', whose full assessment was completed 2015-05-01, after the decision on 2015-04-01",
    "content/decisions/15-00011.md:8: eqias: key decision taken 2015-05-10 relied on no equality analysis that was published and current on that day, and gives no no_eqia_reason",
    "content/decisions/15-00011.md:9: eqias[0]: relies on 'withdrawn-later', which was withdrawn on 2015-05-10, before the decision on 2015-05-10; name the analysis that replaced it, if there is one",
    "content/eqias/challenged.md:86: call_ins[1].follow_up: challenge by GET Equality Group on 2026-06-02 is still open 83 days after its follow-up date (2026-09-01); record the response and the outcome (accepted or revised), or set a new follow_up",
    "content/eqias/no-review.md:11: dates.next_review: is not set; a published assessment needs a review date (YYYY-MM-DD)",
    "content/eqias/overdue-review.md:14: dates.next_review: review was due 2026-01-01 and is 326 days overdue; review the assessment, then set last_reviewed and a new next_review",
    "content/eqias/overdue-review.md:64: actions[0].timescale: action was due 2026-03-31 and has no recorded outcome; set status: done with completed: YYYY-MM-DD, or status: dropped, or a new timescale",
    "content/eqias/overdue-review.md:70: actions[1].timescale: has no date ('Ongoing'), so nobody can tell when the action is late; give a date (YYYY-MM-DD), or set status: done or dropped once it is finished",
    "content/eqias/unsigned.md:1: commissioning_stage: is not recorded, so the assessment cannot be found by the stage of the commissioning cycle; give analyse, plan, do or review once the service says which",
    "content/eqias/unsigned.md:67: sign_off[0]: the senior officer's sign-off is blank (no job title, name or date), as the source document leaves it; ask the service for the signed copy and record it, so readers can see who agreed the assessment",
    "content/eqias/unsigned.md:69: sign_off[1].date: the Directorate Management Team member's sign-off has no date, so nobody can tell whether it came before publication; give the date it was signed",
    "content/eqias/unsigned.md:73: sign_off[2].date: the Directorate Management Team member signed on 2024-02-01, after the assessment was published on 2024-01-10; an assessment is signed off before it is published",
    "content/objectives/needs-progress.md:8: progress: has no entry for 2025-26, the latest reporting year (it ended 2026-03-31); add its year, rating and summary",
]


@pytest.fixture
def audit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    portal, problems = load_portal(tmp_path / "content", audit_scenario.TODAY)
    assert problems == []
    return run_audit(portal)


def test_every_finding_word_for_word_and_sorted(audit):
    assert [str(f) for f in audit.findings] == EXPECTED


def test_findings_carry_their_kind_and_ids(audit):
    kinds = {(f.kind, f.decision, f.eqia, f.objective) for f in audit.findings}
    assert (FindingKind.LATE_ANALYSIS, "15/00002", "late", None) in kinds
    assert (FindingKind.MISSING_ANALYSIS, "15/00004", None, None) in kinds
    assert (FindingKind.UNPUBLISHED_ANALYSIS, "15/00004", "draft-one", None) in kinds
    assert (FindingKind.WITHDRAWN_ANALYSIS, "15/00005", "withdrawn-one", None) in kinds
    assert (FindingKind.SUPERSEDED_ANALYSIS, "15/00006", "old-version", None) in kinds
    assert (FindingKind.REVIEW_OVERDUE, None, "overdue-review", None) in kinds
    assert (FindingKind.NO_REVIEW_DATE, None, "no-review", None) in kinds
    assert (FindingKind.ACTION_OVERDUE, None, "overdue-review", None) in kinds
    assert (FindingKind.ACTION_NO_DATE, None, "overdue-review", None) in kinds
    assert (FindingKind.PROGRESS_MISSING, None, None, "needs-progress") in kinds
    assert (FindingKind.CHALLENGE_OPEN, None, "challenged", None) in kinds
    assert (FindingKind.SIGN_OFF_BLANK, None, "unsigned", None) in kinds
    assert (FindingKind.SIGN_OFF_UNDATED, None, "unsigned", None) in kinds
    assert (FindingKind.SIGN_OFF_LATE, None, "unsigned", None) in kinds
    assert (FindingKind.NO_COMMISSIONING_STAGE, None, "unsigned", None) in kinds


def test_each_decision_gets_a_verdict(audit):
    verdicts = {d.decision.number: d.verdict for d in audit.decisions}
    assert verdicts == {
        "15/00001": Verdict.COVERED,
        "15/00002": Verdict.COVERED_LATE,
        "15/00003": Verdict.NOT_NEEDED,
        "15/00004": Verdict.MISSING,
        "15/00005": Verdict.MISSING,
        "15/00006": Verdict.MISSING,  # its analysis had already been replaced
        "15/00007": Verdict.COVERED,  # the same analysis, still current on that day
        "15/00008": Verdict.COVERED_LATE,
        "15/00010": Verdict.COVERED,  # withdrawn the day after
        "15/00011": Verdict.MISSING,  # withdrawn that day

        "26/00001": Verdict.NOT_TAKEN,
    }


def test_proposed_decisions_and_decisions_needing_no_analysis_raise_nothing(audit):
    numbers = {f.decision for f in audit.findings}
    assert "26/00001" not in numbers and "15/00003" not in numbers and "15/00001" not in numbers


def test_coverage_figure_per_reporting_year(audit):
    assert [y.sentence for y in audit.years] == [
        "1 of 7 key decisions in 2015-16 that needed an equality analysis had one published before the decision. 1 more did not need one.",
        "2 of 2 key decisions in 2014-15 that needed an equality analysis had one published before the decision.",
    ]
    latest = audit.years[0]
    assert (latest.taken, latest.covered, latest.late, latest.missing, latest.not_needed) == (8, 1, 2, 4, 1)


def test_a_year_where_nothing_needed_an_analysis_says_so():
    from eqportal.audit import YearCoverage
    assert YearCoverage("2017-18", taken=1, covered=0, late=0, missing=0, not_needed=1).sentence == "No key decision taken in 2017-18 needed an equality analysis."


def test_not_needed_verdict_gives_the_reason(audit):
    item = next(d for d in audit.decisions if d.decision.number == "15/00003")
    assert item.explanation == "No equality analysis was needed: It renews a contract on the same terms."


@pytest.mark.parametrize("today, year", [
    (dt.date(2026, 11, 23), "2025-26"),
    (dt.date(2026, 4, 1), "2025-26"),
    (dt.date(2026, 3, 31), "2024-25"),
    (dt.date(2027, 1, 5), "2025-26"),
])
def test_latest_completed_reporting_year(today, year):
    assert latest_completed_year(today) == year


def test_reporting_year_runs_april_to_march():
    assert reporting_year(dt.date(2016, 3, 31)) == "2015-16"
    assert reporting_year(dt.date(2016, 4, 1)) == "2016-17"
    assert reporting_year(dt.date(1999, 12, 1)) == "1999-00"


@pytest.mark.parametrize("text, expected", [
    ("2016-03-15", dt.date(2016, 3, 15)),
    ("2016-02", dt.date(2016, 2, 29)),
    ("March 2016", dt.date(2016, 3, 31)),
    ("end of June 2015", dt.date(2015, 6, 30)),
    ("Ongoing", None),
    ("2016-13", None),
    ("Smarch 2016", None),
])
def test_timescale_dates(text, expected):
    assert timescale_date(text) == expected


def test_audit_moves_with_today(tmp_path, monkeypatch):
    """A day before the review date nothing is overdue; the same content a day after is."""
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    before, _ = load_portal(tmp_path / "content", dt.date(2025, 12, 31))
    after, _ = load_portal(tmp_path / "content", dt.date(2026, 1, 2))
    overdue = lambda portal: [f for f in run_audit(portal).findings if f.kind is FindingKind.REVIEW_OVERDUE]  # noqa: E731
    assert overdue(before) == []
    assert [f.message[:40] for f in overdue(after)] == ["review was due 2026-01-01 and is 1 day o"]


def test_audited_as_of_an_earlier_day_a_decision_taken_later_was_not_taken_yet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    portal, _ = load_portal(tmp_path / "content", dt.date(2026, 11, 23))
    taken = sorted(d.record.model.date for d in run_audit(portal).decisions if d.verdict is not Verdict.NOT_TAKEN)
    assert len(taken) >= 2
    day = taken[len(taken) // 2]
    earlier, _ = load_portal(tmp_path / "content", day)
    audit = run_audit(earlier)
    later = [d for d in audit.decisions if d.record.model.date > day]
    assert later and all(d.verdict is Verdict.NOT_TAKEN and not d.findings for d in later)
    assert sum(y.taken for y in audit.years) == sum(1 for d in taken if d <= day)


def test_findings_sort_by_their_order_as_dataclass_ordering_sorts_them():
    """The audit sorts with Finding.order as its key: the same order as comparing the findings themselves."""
    import random

    from eqportal.audit.findings import Finding, FindingKind

    rng = random.Random(7)
    found = [Finding(rng.choice(["a.md", "b.md"]), rng.randint(1, 3), rng.choice(["x", "y"]), rng.choice(["m", "n"]),
                     rng.choice(list(FindingKind)), eqia=rng.choice(["e1", "e2"]), decision=rng.choice(["d1", "d2"]),
                     objective=rng.choice(["o1", "o2"])) for _ in range(300)]
    assert sorted(found, key=Finding.order) == sorted(found)
