"""If check passes, the build cannot fail on content: check plans every address and renders every body."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eqportal.cli import main
from eqportal.context import BuildContext
from eqportal.frontmatter import parse_document
from eqportal.loader import load_portal
from eqportal.plan import plan
from eqportal.site import generate
from tests.content_factory import eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)


def check(root):
    return load_portal(root, today=TODAY)


def test_an_id_equal_to_a_generated_page_is_a_content_problem(tmp_path):
    text = front_matter(eqia_fields("reviews"))
    write(tmp_path, "eqias/reviews.md", text)
    _, problems = check(tmp_path)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "id:"), "id")], problems
    assert "/eqias/reviews/" in problems[0].message and "another value" in problems[0].message


def test_directorates_differing_only_in_letter_case_are_reported_not_crashed_on(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(directorate="Adult Social Care")))
    write(tmp_path, "eqias/day-centres.md", front_matter(eqia_fields("day-centres", directorate="Adult social care")))
    _, problems = check(tmp_path)
    assert sorted((p.path.rsplit("/", 1)[-1], p.field) for p in problems) == [("day-centres.md", "directorate"), ("library-opening-hours.md", "directorate")], problems
    assert "/eqias/directorates/adult-social-care/" in problems[0].message


def test_a_directorate_too_long_for_its_index_pages_folder_name_is_found_by_check(tmp_path):
    text = front_matter(eqia_fields(directorate="Directorate " * 30))
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = check(tmp_path)
    assert [(p.line, p.field, p.message) for p in problems] == [(line_of(text, "directorate:"), "directorate", "must be at most 100 characters")]


def test_an_alias_whose_redirect_a_generated_page_would_replace_is_reported(tmp_path):
    text = front_matter(eqia_fields(aliases=["reviews"]))
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = check(tmp_path)
    assert [(p.field, p.line) for p in problems] == [("aliases[0]", line_of(text, "- reviews"))], problems


def test_a_300_deep_list_in_a_body_is_found_by_check(tmp_path):
    body = "## Context\n\n" + "".join("  " * i + "- level\n" for i in range(300))
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(), body))
    _, problems = check(tmp_path)
    assert [p.field for p in problems if "nested" in p.message] == ["body"], problems


@pytest.mark.parametrize("nested", ["[" * 1000 + "]" * 1000, "{a: " * 1000 + "b" + "}" * 1000])
def test_front_matter_nested_1000_levels_is_one_problem_not_a_traceback(tmp_path, nested, capsys, monkeypatch):
    text = front_matter(eqia_fields()).replace("summary: New opening hours for libraries in Kent.", f"summary: {nested}")
    write(tmp_path, "content/eqias/library-opening-hours.md", text)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("content/eqias/library-opening-hours.md:")


def test_front_matter_nested_1000_levels_in_block_style_is_refused_on_its_line():
    text = "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "---\nbody\n"
    result = parse_document(text, "x.md")
    assert result.document is None and len(result.problems) == 1
    assert "levels deep" in result.problems[0].message


def test_whenever_check_passes_the_pages_can_be_generated(tmp_path):
    """The sample content and the odd cases above that are allowed: generation never raises after a clean check."""
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(directorate="Adult Social Care", aliases=["old-hours"])))
    write(tmp_path, "eqias/day-centres.md", front_matter(eqia_fields("day-centres", directorate="Adult Social Care")))
    portal, problems = check(tmp_path)
    assert problems == []
    assert generate(portal, BuildContext(today=TODAY))


def test_body_headings_and_ids_named_like_the_pages_own_sections_take_other_ids(tmp_path):
    """'## Screening findings' gave a second id="screening-findings": check passed, the checked build refused."""
    body = ("## Context\n\nText.\n\n## Screening findings\n\nOurs.\n\n## Screening age\n\nMore.\n\n## Call in 1\n\nAnd.\n\n"
            '<p id="who-could-be-affected">A raw id.</p>\n\n<p title="x id=" id="screening-findings">Hidden behind a title.</p>\n\n'
            '<p id="context">The id of a section of this body.</p>\n')
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(), body))
    portal, problems = check(tmp_path)
    assert problems == []
    made, _ = plan(portal, BuildContext(today=TODAY))
    page = next(i for i in made if getattr(i, "src_uri", "") == "eqias/library-opening-hours/index.md")
    ids = re.findall(r'\sid="([^"]+)"', page.html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_an_objective_body_takes_no_id_its_page_gives(tmp_path):
    from tests.site_fixture import copy_content
    content = copy_content(tmp_path)
    objective = content / "objectives" / "fair-access.md"
    objective.write_text(objective.read_text(encoding="utf-8") + '\n<p id="progress">A raw id.</p>\n\n<h3 id="measures">Ours</h3>\n',
                         encoding="utf-8")
    portal, problems = check(content)
    assert problems == []
    made, _ = plan(portal, BuildContext(today=TODAY))
    page = next(i for i in made if getattr(i, "src_uri", "") == "objectives/fair-access/index.md")
    ids = re.findall(r'\sid="([^"]+)"', page.html)
    assert "progress" in ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_the_page_rules_a_body_can_break_are_found_by_check_on_the_body_line(tmp_path):
    """Vague link text, a document link that hides its format, unexplained initials: the build's page check
    refused them with an address and a selector after check had passed the content."""
    body = ("## Context\n\nWhy this change.\n\nFor details, [click here](https://www.kent.gov.uk/x).\n"
            "Read the [annual report](https://www.kent.gov.uk/report.pdf).\n\nThe QXZW team will help.\n")
    text = front_matter(eqia_fields(), body)
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = check(tmp_path)
    found = sorted((p.line, p.field, p.message.rsplit("(", 1)[-1]) for p in problems)
    assert found == [(line_of(text, "[click here]"), "body", "link-text)"),
                     (line_of(text, "[annual report]"), "body", "document-link)"),
                     (line_of(text, "The QXZW team"), "body", "abbr-unknown)")], problems
    assert 'link text "click here" does not make sense on its own' in problems[0].message


def test_initials_the_front_matter_also_uses_are_left_to_the_page_check(tmp_path):
    """The page may spell them out before the body (in its summary): only the whole page can tell."""
    body = "## Context\n\nThe QXZW team will help.\n"
    text = front_matter(eqia_fields(summary="New hours, planned with the Quiet Zone Wardens (QXZW)."), body)
    write(tmp_path, "eqias/library-opening-hours.md", text)
    assert check(tmp_path)[1] == []
