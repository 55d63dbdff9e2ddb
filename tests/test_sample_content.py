"""The sample content the portal ships: it loads cleanly and holds the cases other features show.

The register, audit, review and redirect features are demonstrated with this content, so these
tests pin the situations they rely on. Verdicts are worked out here from the dates alone.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from eqportal.loader import load_portal
from eqportal.models import Characteristic
from eqportal.models.vocab import Answer, DecisionStatus, EqiaStatus, Impact, JudgementOutcome, Stage

CONTENT = Path(__file__).resolve().parents[1] / "content"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def loaded():
    return load_portal(CONTENT, today=TODAY)


@pytest.fixture(scope="module")
def portal(loaded):
    return loaded[0]


def eqias(portal):
    return [r.model for r in portal.eqias.values()]


def decisions(portal):
    return [r.model for r in portal.decisions.values()]


def test_shipped_content_loads_with_no_problems(loaded):
    portal, problems = loaded
    assert [str(p) for p in problems] == []
    assert len(portal.eqias) >= 5 and portal.objectives and portal.reports and len(portal.decisions) >= 6


# --- The Customer Service Policy assessment, carried over in full from the council's own form ---


@pytest.fixture(scope="module")
def csp(portal):
    return portal.eqias["customer-service-policy"].model


def test_customer_service_policy_has_one_row_per_characteristic_and_carers(csp):
    assert len(csp.screening) == 10
    assert {row.characteristic for row in csp.screening} == set(Characteristic)


@pytest.mark.parametrize(
    ("characteristic", "adverse", "negative", "positive"),
    [
        ("age", "yes", "medium", "medium"),
        ("disability", "yes", "medium", "medium"),
        ("sex", "no", "medium", "low"),
        ("gender-reassignment", "no", "medium", "low"),
        ("race", "yes", "medium", "medium"),
        ("religion-belief", "unknown", "medium", "low"),
        ("sexual-orientation", "no", "low", "low"),
        ("pregnancy-maternity", "no", "low", "low"),
        ("marriage-civil-partnership", "no", "low", "low"),
        ("carers", "yes", "medium", "medium"),
    ],
)
def test_customer_service_policy_keeps_the_original_ratings(csp, characteristic, adverse, negative, positive):
    row = csp.screening_for(Characteristic(characteristic))
    assert (row.adverse, row.negative_impact, row.positive_impact) == (Answer(adverse), Impact(negative), Impact(positive))


def test_customer_service_policy_is_a_published_full_assessment(csp):
    assert (csp.status, csp.stage, csp.kind.value) == (EqiaStatus.PUBLISHED, Stage.FULL, "policy")
    assert csp.directorate == "Strategic and Corporate Services"
    assert csp.judgement.outcome is JudgementOutcome.FULL_ASSESSMENT
    assert (csp.dates.screening, csp.dates.full_assessment) == (dt.date(2014, 12, 1), dt.date(2015, 2, 2))
    assert csp.dates.published > max(v.date for v in csp.versions)


def test_customer_service_policy_keeps_the_whole_action_plan_and_history(csp):
    assert len(csp.actions) == 16
    assert len(csp.versions) == 15
    assert [v.version for v in csp.versions][-3:] == ["1.3", "1.3 (second)", "1.4"]
    assert {a.cost for a in csp.actions} >= {"Not yet known", "The cost of providing training"}


def test_customer_service_policy_names_roles_not_people(csp, portal):
    text = portal.eqias["customer-service-policy"].source.read_text(encoding="utf-8")
    for name in ("Cockburn", "Whittle", "Kendal", "Blackburn"):
        assert name not in text
    assert [s.role for s in csp.sign_off] and all(s.name is None for s in csp.sign_off)
    assert csp.contact.email == "diversity@kent.gov.uk" and csp.contact.text_relay == "18001 03000 41 41 41"


def test_customer_service_policy_body_has_the_form_sections(portal):
    headings = re.findall(r"^## (.+)$", portal.eqias["customer-service-policy"].body, flags=re.M)
    assert headings == [
        "Context", "Aims and objectives", "Beneficiaries", "Information and data",
        "Involvement and engagement", "Potential impact", "Monitoring and review",
    ]


# --- The illustrative assessments cover every lifecycle situation ---


def test_every_sample_assessment_but_the_real_one_is_marked_illustrative(portal):
    assert {e.id for e in eqias(portal) if not e.illustrative} == {"customer-service-policy"}


def test_a_superseded_assessment_names_a_published_successor(portal):
    superseded = [e for e in eqias(portal) if e.status is EqiaStatus.SUPERSEDED]
    assert superseded
    for old in superseded:
        successor = portal.eqias[old.superseded_by].model
        assert successor.status is EqiaStatus.PUBLISHED
        assert successor.dates.published > old.dates.published


def test_a_withdrawn_assessment_says_why(portal):
    withdrawn = [e for e in eqias(portal) if e.status is EqiaStatus.WITHDRAWN]
    assert withdrawn and all(e.withdrawn_reason for e in withdrawn)


def test_a_draft_exists_and_is_never_public(portal):
    drafts = [e for e in eqias(portal) if e.status is EqiaStatus.DRAFT]
    assert drafts and not any(e.is_public for e in drafts)
    assert all(d.id not in {r.model.id for r in portal.public_eqias()} for d in drafts)


def test_a_screening_only_assessment_stops_at_screening(portal):
    assert any(
        e.stage is Stage.SCREENING and e.status is EqiaStatus.PUBLISHED and e.judgement.outcome is JudgementOutcome.SCREENING_SUFFICIENT
        for e in eqias(portal)
    )


def test_reviews_include_one_overdue_and_one_due_after_2027(portal):
    published = [e for e in eqias(portal) if e.status is EqiaStatus.PUBLISHED and e.dates.next_review]
    assert any(e.dates.next_review < TODAY for e in published)
    assert any(e.dates.next_review.year > 2027 for e in published)


def test_public_assessments_span_directorates_and_years(portal):
    public = [r.model for r in portal.public_eqias()]
    assert len({e.directorate for e in public}) >= 3
    years = {e.dates.published.year for e in public}
    assert {2015, 2025} <= years and len(years) >= 4


def test_a_renamed_assessment_is_found_by_its_old_id(portal):
    renamed = [e for e in eqias(portal) if e.aliases]
    assert renamed
    for eqia in renamed:
        for alias in eqia.aliases:
            assert alias not in portal.eqias
            assert portal.eqia_by_any_id(alias).model.id == eqia.id


# --- The decision register shows every audit verdict, worked out from the dates ---


def _published_in_time(eqia, day: dt.date) -> bool:
    dates = eqia.dates
    finished = dates.full_assessment or dates.published
    return eqia.status is not EqiaStatus.DRAFT and dates.published is not None and dates.published <= day and finished <= day


def _taken(portal):
    return [d for d in decisions(portal) if d.status is DecisionStatus.TAKEN]


def test_every_decision_is_illustrative_and_one_is_only_proposed(portal):
    assert all(d.illustrative for d in decisions(portal))
    assert [d.status for d in decisions(portal)].count(DecisionStatus.PROPOSED) == 1
    assert len(_taken(portal)) >= 5


def test_a_decision_is_covered_by_an_analysis_published_before_it(portal):
    assert any(d.eqias and any(_published_in_time(portal.eqias[ref].model, d.date) for ref in d.eqias) for d in _taken(portal))


def test_a_decision_is_covered_late_by_an_analysis_published_after_it(portal):
    def late(d):
        named = [portal.eqias[ref].model for ref in d.eqias]
        return named and not any(_published_in_time(e, d.date) for e in named) and any(
            e.is_public and e.dates.published and (e.dates.published > d.date or (e.dates.full_assessment or d.date) > d.date) for e in named
        )

    assert any(late(d) for d in _taken(portal))


def test_a_decision_needed_no_analysis_and_says_why(portal):
    assert any(not d.eqias and d.no_eqia_reason for d in _taken(portal))


def test_a_taken_decision_named_only_a_draft(portal):
    missing = [d for d in _taken(portal) if d.eqias and all(portal.eqias[ref].model.status is EqiaStatus.DRAFT for ref in d.eqias)]
    assert missing


def test_a_decision_relied_on_an_analysis_that_was_current_then_and_superseded_later(portal):
    def relied_while_current(d):
        for ref in d.eqias:
            old = portal.eqias[ref].model
            if old.status is EqiaStatus.SUPERSEDED and _published_in_time(old, d.date):
                return portal.eqias[old.superseded_by].model.dates.published > d.date
        return False

    assert any(relied_while_current(d) for d in _taken(portal))


# --- Objectives and the annual report ---


def test_policy_objectives_and_the_2012_objectives_are_present(portal):
    objectives = [r.model for r in portal.objectives.values()]
    policy = [o for o in objectives if o.period == "2016-2020"]
    earlier = sorted((o for o in objectives if o.period == "2012-2016"), key=lambda o: o.title)
    assert len(policy) == 22 and len({o.outcome for o in policy}) == 4
    assert [o.title[0] for o in earlier] == list("ABCDEF")
    assert all(o.progress and o.progress[0].year == "2015-16" for o in earlier)
    assert "publish-equality-analysis-key-decisions" in portal.objectives


def test_annual_report_sets_the_workforce_against_kents_population(portal):
    report = portal.reports["equality-report-2015-16"].model
    assert report.workforce.as_at == dt.date(2016, 3, 31)
    measures = {m.group: (m.staff_percent, m.population_percent) for m in report.workforce.measures}
    assert measures["Disabled staff"] == (3.8, 17.6)
    assert measures["Women"] == (77.2, 51)
    assert dt.date(2010, 1, 14) in {c.date for c in report.committee_reports}
    assert len(report.committee_reports) == 6


# --- Plain English ---


def _sentences(text: str):
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)
    for line in text.splitlines():
        yield from (s for s in re.split(r"(?<=[.!?])\s+", line) if s.strip())


def test_no_sample_sentence_runs_to_35_words(portal):
    long = []
    for folder in ("eqias", "objectives", "reports", "decisions"):
        for record in getattr(portal, folder).values():
            texts = [record.body, getattr(record.model, "summary", None) or ""]
            long += [(record.path, s) for t in texts for s in _sentences(t) if len(s.split()) >= 35]
    assert long == []


def test_customer_service_policy_records_process_as_the_source_gives_it(csp):
    """Seed 004 leaves both signature boxes blank, names no commissioning stage and records no call-in."""
    assert [s.role.value for s in csp.sign_off] == ["senior-officer", "dmt-member"]
    assert all(s.is_blank and "blank" in s.note for s in csp.sign_off)
    assert csp.commissioning_stage is None and csp.call_ins == []
    assert csp.judgement.outcome.option == 3


def test_every_published_full_sample_is_signed_by_both_roles(portal):
    for eqia in eqias(portal):
        if eqia.is_public and eqia.stage is Stage.FULL:
            assert {s.role.value for s in eqia.sign_off} == {"senior-officer", "dmt-member"}, eqia.id


def test_sample_audit_says_where_the_source_is_blank(portal):
    from eqportal.audit import FindingKind, run_audit

    found = {(f.kind, f.eqia, f.field) for f in run_audit(portal).findings}
    assert (FindingKind.SIGN_OFF_BLANK, "customer-service-policy", "sign_off[0]") in found
    assert (FindingKind.SIGN_OFF_BLANK, "customer-service-policy", "sign_off[1]") in found
    assert (FindingKind.NO_COMMISSIONING_STAGE, "customer-service-policy", "commissioning_stage") in found
    assert (FindingKind.CHALLENGE_OPEN, "library-service-offer-2025", "call_ins[0].follow_up") in found
    assert (FindingKind.SIGN_OFF_LATE, "special-school-places-programme", "sign_off[1].date") in found


def test_samples_cover_every_commissioning_stage(portal):
    stages = {e.commissioning_stage.value for e in eqias(portal) if e.commissioning_stage}
    assert stages == {"analyse", "plan", "do", "review"}
