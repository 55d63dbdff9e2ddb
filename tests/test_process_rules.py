"""The council's own process, checked: sign-off, call-ins, versions, judgement, decisions, easy-read review.

Each rule gives one exact ``path:line: field: message`` an editor can act on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eqportal.loader import load_portal
from eqportal.models.vocab import JudgementOutcome
from tests.content_factory import decision_fields, eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)
PATH = "eqias/library-opening-hours.md"


def problems_of(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    monkeypatch.chdir(tmp_path)
    for relative, text in files.items():
        write(tmp_path / "content", relative, text)
    _, problems = load_portal(tmp_path / "content", today=TODAY)
    return [str(p) for p in problems]


def nth_line(text: str, needle: str, n: int) -> int:
    """1-based line of the n-th (0-based) line containing ``needle``."""
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][n]


SIGN_OFF_MESSAGE = (
    "sign_off: a published full assessment is signed off by the senior officer and a Directorate Management Team member; add {who} "
    "with job_title, name and date (leave them out only where the signed document leaves them blank)"
)


def test_full_assessment_without_sign_off_names_both_roles(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(sign_off=[]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, 'sign_off:')}: " + SIGN_OFF_MESSAGE.format(
            who="the senior officer (role: senior-officer) and a Directorate Management Team member (role: dmt-member)")
    ]


def test_full_assessment_without_the_dmt_member_is_refused(tmp_path, monkeypatch):
    fields = eqia_fields()
    fields["sign_off"] = fields["sign_off"][:1]
    text = front_matter(fields)
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, 'sign_off:')}: " + SIGN_OFF_MESSAGE.format(who="a Directorate Management Team member (role: dmt-member)")
    ]


def test_blank_signatures_pass_the_check_when_both_roles_are_there(tmp_path, monkeypatch):
    """Where the source document leaves the boxes blank, the content may too, with a note saying so; the audit reports it."""
    text = front_matter(eqia_fields(sign_off=[{"role": "senior-officer", "note": "Blank in the source."},
                                              {"role": "dmt-member", "note": "Blank in the source."}]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == []


def test_a_blank_signature_without_a_note_is_refused_on_its_line(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(sign_off=[{"role": "senior-officer"}, {"role": "dmt-member", "note": "Blank in the source."}]))
    (problem,) = problems_of(tmp_path, monkeypatch, {PATH: text})
    assert problem.startswith(f"content/{PATH}:{line_of(text, '- role: senior-officer')}: sign_off[0]: has no name, job title or date")


def test_screening_only_and_drafts_need_no_sign_off(tmp_path, monkeypatch):
    screening = front_matter(eqia_fields(stage="screening", sign_off=[]))
    draft = front_matter(eqia_fields("draft-one", status="draft", sign_off=[]))
    assert problems_of(tmp_path, monkeypatch, {PATH: screening, "eqias/draft-one.md": draft}) == []


def test_sign_off_role_is_one_of_the_forms_two(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(sign_off=[{"role": "Head of Libraries", "name": "A. Reader"}, {"role": "dmt-member", "name": "B. Reader"}]))
    problems = problems_of(tmp_path, monkeypatch, {PATH: text})
    assert problems == [f"content/{PATH}:{line_of(text, '- role: Head of Libraries')}: sign_off[0].role: must be one of senior-officer, dmt-member (got 'Head of Libraries')"]


def test_duplicate_version_number_is_an_error(tmp_path, monkeypatch):
    versions = [{"version": "1.2", "date": "2024-01-10", "author": "PK"}, {"version": "1.3", "date": "2024-01-20", "author": "PBC"},
                {"version": "1.3", "date": "2024-01-24", "author": "AA"}]
    text = front_matter(eqia_fields(versions=versions))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{nth_line(text, 'version:', 2)}: versions[2].version: '1.3' is already the number of versions[1]; give each version its own number"
    ]


def test_versions_out_of_date_order_is_an_error(tmp_path, monkeypatch):
    versions = [{"version": "0.1", "date": "2024-01-10", "author": "PK"}, {"version": "0.2", "date": "2024-01-05", "author": "PK"}]
    text = front_matter(eqia_fields(versions=versions))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{nth_line(text, "date: '2024-01-05'", 0)}: versions[1].date: 2024-01-05 is before the date of the version listed above it (0.1, 2024-01-10); list versions oldest first"
    ]


CALL_IN = {"date": "2025-01-14", "group": "GET Equality Group", "points_raised": ["Where is the evidence on disabled users?"]}


def test_open_call_in_needs_a_follow_up_date(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(call_ins=[{**CALL_IN, "outcome": "open"}]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, '  outcome: open')}: call_ins[0].outcome: is open but follow_up is empty: give the date the group will look at the assessment again (YYYY-MM-DD)"
    ]


def test_closed_call_in_needs_the_response(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(call_ins=[{**CALL_IN, "outcome": "accepted"}]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, "- date: '2025-01-14'")}: call_ins[0].response: is empty but the outcome is accepted: say how the service answered the points raised"
    ]


def test_follow_up_cannot_come_before_the_call_in(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(call_ins=[{**CALL_IN, "outcome": "open", "follow_up": "2024-12-01"}]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, '  follow_up:')}: call_ins[0].follow_up: 2024-12-01 is before the call-in itself (2025-01-14); the follow-up comes after the meeting"
    ]


def test_call_in_needs_points_and_a_known_outcome(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(call_ins=[{**CALL_IN, "points_raised": [], "outcome": "closed"}]))
    problems = problems_of(tmp_path, monkeypatch, {PATH: text})
    assert problems == [
        f"content/{PATH}:{line_of(text, '  points_raised:')}: call_ins[0].points_raised: needs at least 1 item(s)",
        f"content/{PATH}:{line_of(text, '  outcome: closed')}: call_ins[0].outcome: must be one of open, accepted, revised (got 'closed')",
    ]


def test_call_ins_run_oldest_first(tmp_path, monkeypatch):
    later = {**CALL_IN, "response": "Done.", "outcome": "revised"}
    text = front_matter(eqia_fields(call_ins=[later, {**later, "date": "2024-06-01", "points_raised": ["Is the survey big enough?"]}]))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, "- date: '2024-06-01'")}: call_ins[1].date: 2024-06-01 is before the call-in listed above it (2025-01-14); list call-ins oldest first"
    ]


def test_commissioning_stage_is_one_of_four(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(commissioning_stage="deliver"))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, 'commissioning_stage:')}: commissioning_stage: must be one of analyse, plan, do, review (got 'deliver')"
    ]


def test_easy_read_reviewer_needs_the_date(tmp_path, monkeypatch):
    text = front_matter(eqia_fields(easy_read={"reviewed_by": "Kent Learning Disability Forum"}))
    assert problems_of(tmp_path, monkeypatch, {PATH: text}) == [
        f"content/{PATH}:{line_of(text, '  reviewed_by:')}: easy_read.reviewed_by: is given but reviewed_on is empty: give the date people with learning disabilities checked this easy-read version (YYYY-MM-DD)"
    ]


def test_decision_needs_a_one_line_summary(tmp_path, monkeypatch):
    eqia = front_matter(eqia_fields())
    missing = front_matter(decision_fields("24/00012", summary=None))
    long = front_matter(decision_fields("24/00013", summary="Set new hours. " * 20))
    problems = problems_of(tmp_path, monkeypatch, {PATH: eqia, "decisions/24-00012.md": missing, "decisions/24-00013.md": long})
    assert problems == [
        "content/decisions/24-00012.md:1: summary: is required: one line saying in plain English what was (or will be) decided",
        f"content/decisions/24-00013.md:{line_of(long, 'summary:')}: summary: must be one line of 200 characters or fewer (it has 299); put the detail in the body",
    ]


def test_taken_decision_links_the_councils_record(tmp_path, monkeypatch):
    eqia = front_matter(eqia_fields())
    taken = front_matter(decision_fields("24/00012", url=None))
    proposed = front_matter(decision_fields("24/00014", url=None, status="proposed"))
    sample = front_matter(decision_fields("24/00015", url=None, illustrative=True))
    problems = problems_of(tmp_path, monkeypatch, {PATH: eqia, "decisions/24-00012.md": taken, "decisions/24-00014.md": proposed,
                                                   "decisions/24-00015.md": sample})
    assert problems == ["content/decisions/24-00012.md:1: url: is required once a decision is taken: the link to the council's record of the decision"]


@pytest.mark.parametrize("outcome, option", [("screening-sufficient", 1), ("internal-action", 2), ("full-assessment", 3)])
def test_judgement_outcomes_are_the_councils_options(outcome, option):
    assert JudgementOutcome(outcome).option == option
