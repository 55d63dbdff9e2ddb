"""Each rule an equality officer insists on: a bad file names its exact path, line and field."""

from __future__ import annotations

import datetime as dt

import pytest

from eqportal.loader import load_portal
from tests.content_factory import decision_fields, eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)


def problems_for(tmp_path, files: dict[str, str]):
    for relative, text in files.items():
        write(tmp_path, relative, text)
    _, problems = load_portal(tmp_path, today=TODAY)
    return problems


def only(problems):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_valid_assessment_has_no_problems(tmp_path):
    portal_problems = problems_for(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields())})
    assert portal_problems == []


def test_id_must_equal_file_name(tmp_path):
    text = front_matter(eqia_fields("library-hours"))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "id:"), "id")
    assert "rename it to library-hours.md" in problem.message


def test_id_must_be_unique_across_the_portal(tmp_path):
    # Two files cannot share an id; the same id in another folder of the same type is the case.
    text = front_matter(eqia_fields())
    write(tmp_path, "eqias/library-opening-hours.md", text)
    objective = "---\nid: same\ntitle: T\noutcome: O\nperiod: 2016-2020\ncharacteristics: [age]\n---\n"
    problems = problems_for(tmp_path, {"objectives/same.md": objective, "objectives/Same.md": objective.replace("id: same", "id: same")})
    assert any(p.field == "id" and "already used by" in p.message for p in problems)


@pytest.mark.parametrize(
    "missing, field, words",
    [
        ("summary", "summary", "say in plain English what is being assessed"),
        ("owner", "owner", "the responsible role"),
        ("proportionality", "proportionality", "a rating (low, medium, high)"),
        ("judgement", "judgement", "an outcome (screening-sufficient"),
    ],
)
def test_published_assessment_needs_its_facts(tmp_path, missing, field, words):
    text = front_matter(eqia_fields(**{missing: None}))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (1, field)
    assert words in problem.message


def test_published_assessment_needs_a_published_date(tmp_path):
    fields = eqia_fields()
    del fields["dates"]["published"]
    text = front_matter(fields)
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "dates:"), "dates.published")


def test_published_assessment_screens_all_nine_characteristics(tmp_path):
    fields = eqia_fields()
    fields["screening"] = [row for row in fields["screening"] if row["characteristic"] not in ("race", "sex")]
    text = front_matter(fields)
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "screening:"), "screening")
    assert problem.message.endswith("missing: race, sex")


def test_full_assessment_needs_an_action_plan(tmp_path):
    text = front_matter(eqia_fields(actions=[]))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "actions:"), "actions")
    assert "full assessment needs an action plan" in problem.message


def test_screening_only_assessment_needs_no_action_plan(tmp_path):
    text = front_matter(eqia_fields(stage="screening", actions=[]))
    assert problems_for(tmp_path, {"eqias/library-opening-hours.md": text}) == []


def test_draft_may_be_incomplete(tmp_path):
    text = front_matter(eqia_fields(status="draft", summary=None, owner=None, screening=[], actions=[]))
    assert problems_for(tmp_path, {"eqias/library-opening-hours.md": text}) == []


def test_next_review_must_follow_last_review(tmp_path):
    fields = eqia_fields()
    fields["dates"]["next_review"] = "2024-01-01"
    text = front_matter(fields)
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "next_review:"), "dates.next_review")
    assert problem.message == "must be after last_reviewed (2024-03-01)"


def test_superseded_needs_superseded_by(tmp_path):
    text = front_matter(eqia_fields(status="superseded"))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (1, "superseded_by")


def test_superseded_by_must_name_an_existing_assessment(tmp_path):
    text = front_matter(eqia_fields(status="superseded", superseded_by="library-hours-2025"))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "superseded_by:"), "superseded_by")
    assert problem.message == "names 'library-hours-2025', but there is no content/eqias/library-hours-2025.md; check the id"


def test_a_published_assessment_is_never_superseded_by_a_draft(tmp_path):
    """The page would say it has been replaced, with no link to what replaced it."""
    text = front_matter(eqia_fields(status="superseded", superseded_by="library-hours-2025"))
    draft = front_matter(eqia_fields("library-hours-2025", status="draft"))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text, "eqias/library-hours-2025.md": draft}))
    assert (problem.path.endswith("library-opening-hours.md"), problem.line, problem.field) == (
        True, line_of(text, "superseded_by:"), "superseded_by")
    assert problem.message.startswith("names 'library-hours-2025', which is a draft: the page would say")
    published = front_matter(eqia_fields("library-hours-2025"))
    assert problems_for(tmp_path, {"eqias/library-hours-2025.md": published}) == []


def test_an_objective_or_report_never_names_a_draft_it_could_not_show(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(status="draft")))
    text = "---\nid: report-2015-16\nyear: 2015-16\ntitle: Annual equality report\npublished: 2016-07-01\neqias:\n  - library-opening-hours\n---\n"
    problem = only(problems_for(tmp_path, {"reports/report-2015-16.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "- library-opening-hours"), "eqias[0]")
    assert "which is a draft" in problem.message


def test_withdrawn_needs_a_reason(tmp_path):
    text = front_matter(eqia_fields(status="withdrawn"))
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (1, "withdrawn_reason")


def test_each_characteristic_once_in_the_screening_grid(tmp_path):
    fields = eqia_fields()
    fields["screening"].append(dict(fields["screening"][0]))
    text = front_matter(fields)
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert problem.field == "screening[9].characteristic"
    assert problem.line == [i for i, line in enumerate(text.splitlines(), 1) if "characteristic: age" in line][1]
    assert "already has a row (screening[0])" in problem.message


def test_action_names_only_known_characteristics(tmp_path):
    fields = eqia_fields()
    fields["actions"][0]["characteristics"] = ["age", "gender"]
    text = front_matter(fields)
    problem = only(problems_for(tmp_path, {"eqias/library-opening-hours.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "- gender"), "actions[0].characteristics[1]")
    assert "must be one of age, disability" in problem.message and ", all (got 'gender')" in problem.message


def test_action_may_concern_everyone(tmp_path):
    fields = eqia_fields()
    fields["actions"][0]["characteristics"] = ["all"]
    assert problems_for(tmp_path, {"eqias/library-opening-hours.md": front_matter(fields)}) == []


def test_decision_number_must_be_kents_form(tmp_path):
    text = front_matter(decision_fields("2024/12"))
    problems = problems_for(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields()), "decisions/24-00012.md": text})
    problem = only(problems)
    assert (problem.path.endswith("decisions/24-00012.md"), problem.line, problem.field) == (True, line_of(text, "number:"), "number")
    assert "YY/NNNNN" in problem.message


def test_decision_file_name_follows_its_number(tmp_path):
    text = front_matter(decision_fields("24/00013"))
    problems = problems_for(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields()), "decisions/24-00012.md": text})
    assert only(problems).message.startswith("must match the file name: the file is 24-00012.md, so rename it to 24-00013.md")


def test_decision_names_existing_assessments(tmp_path):
    text = front_matter(decision_fields(eqias=["library-opening-hours", "no-such-eqia"]))
    problems = problems_for(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields()), "decisions/24-00012.md": text})
    problem = only(problems)
    assert (problem.line, problem.field) == (line_of(text, "- no-such-eqia"), "eqias[1]")


def test_decision_without_analysis_needs_a_reason(tmp_path):
    text = front_matter(decision_fields(eqias=[]))
    problem = only(problems_for(tmp_path, {"decisions/24-00012.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "eqias:"), "eqias")
    assert "or give no_eqia_reason" in problem.message
    fine = front_matter(decision_fields(eqias=None, no_eqia_reason="A routine contract renewal with no change to service."))
    assert problems_for(tmp_path, {"decisions/24-00012.md": fine}) == []


@pytest.mark.parametrize("folder", ["objectives", "reports"])
def test_objectives_and_reports_reference_existing_assessments(tmp_path, folder):
    if folder == "objectives":
        text = "---\nid: fair-access\ntitle: Fair access\noutcome: Residents can reach services\nperiod: 2016-2020\ncharacteristics: [disability]\neqias:\n  - missing-one\n---\n"
        name = "objectives/fair-access.md"
    else:
        text = "---\nid: report-2015-16\nyear: 2015-16\ntitle: Annual equality report\npublished: 2016-07-01\neqias:\n  - missing-one\n---\n"
        name = "reports/report-2015-16.md"
    problem = only(problems_for(tmp_path, {name: text}))
    assert (problem.line, problem.field) == (line_of(text, "- missing-one"), "eqias[0]")


def test_a_broken_assessment_is_reported_once_not_again_by_what_refers_to_it(tmp_path):
    text = front_matter(eqia_fields(kind="polcy"))
    write(tmp_path, "published-ids.txt", "# maintained by eqportal manifest\nlibrary-opening-hours\n")
    problems = problems_for(tmp_path, {"eqias/library-opening-hours.md": text, "decisions/24-00012.md": front_matter(decision_fields())})
    problem = only(problems)
    assert (problem.field, problem.path.endswith("eqias/library-opening-hours.md")) == ("kind", True)


WORKFORCE_REPORT = ("---\nid: report-2015-16\nyear: 2015-16\ntitle: Annual equality report\npublished: 2016-07-01\n"
                    "workforce:\n  as_at: 2016-03-31\n  measures:\n    - group: Disabled staff\n      staff_percent: {value}\n---\n")


@pytest.mark.parametrize("value", ["nan", ".nan", "inf", "-.inf", "1e999"])
def test_a_share_of_staff_is_a_number_in_figures_never_nan_or_infinity(tmp_path, value):
    text = WORKFORCE_REPORT.format(value=value)
    problem = only(problems_for(tmp_path, {"reports/report-2015-16.md": text}))
    assert (problem.line, problem.field) == (line_of(text, "staff_percent:"), "workforce.measures[0].staff_percent")
    assert problem.message.startswith("must be a number")


def test_a_share_of_staff_out_of_range_names_its_bound_as_people_write_it(tmp_path):
    problem = only(problems_for(tmp_path, {"reports/report-2015-16.md": WORKFORCE_REPORT.format(value=101)}))
    assert problem.message == "must be at most 100 (got '101')"


def test_minus_zero_per_cent_is_zero(tmp_path):
    from eqportal.models.report import WorkforceMeasure

    share = WorkforceMeasure(group="Disabled staff", staff_percent="-0", population_percent=-0.0)
    assert (str(share.staff_percent), str(share.population_percent)) == ("0.0", "0.0")
