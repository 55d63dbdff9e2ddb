"""Broken files are reported as one clear line each, never a traceback, and all at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eqportal.cli import main
from eqportal.loader import load_portal
from tests.content_factory import eqia_fields, front_matter, write

GOOD = front_matter(eqia_fields())

# name -> (file text or bytes, expected line, expected field, words the message must contain)
BAD_FILES = {
    "broken-yaml": ("---\nid: broken-yaml\ntitle: [unclosed\nkind: policy\n---\n", 3, "title", "the [ that opens the value is never closed"),
    "no-fence": ("id: no-fence\ntitle: Missing fence\n", 1, "front matter", "must start with a line `---`"),
    "not-utf8": (b"---\nid: not-utf8\ntitle: Caf\xe9\n---\n", 3, "file", "is not UTF-8 text"),
    "empty": ("", 1, "file", "is empty"),
    "misspelt": (GOOD.replace("id: library-opening-hours", "id: misspelt").replace("summary:", "sumary:"), 7, "sumary", "did you mean `summary`?"),
    "wrong-type": (GOOD.replace("id: library-opening-hours", "id: wrong-type").replace("title: Library opening hours", "title:\n  - a list"), 3, "title", "must be text"),
    "impossible-date": (GOOD.replace("id: library-opening-hours", "id: impossible-date").replace("published: '2024-03-01'", "published: 2024-02-30"), 14, "dates.published", "must be a real date written YYYY-MM-DD"),
    "mistyped-year": (GOOD.replace("id: library-opening-hours", "id: mistyped-year").replace("published: '2024-03-01'", "published: 0202-03-01"), 14, "dates.published", "must be a date from 1990 to 2099 (got 0202-03-01)"),
    "far-future": (GOOD.replace("id: library-opening-hours", "id: far-future").replace("published: '2024-03-01'", "published: '9999-12-30'"), 14, "dates.published", "must be a date from 1990 to 2099"),
    "dangling": (front_matter(eqia_fields("dangling", status="superseded", superseded_by="nowhere")), 177, "superseded_by", "no content/eqias/nowhere.md"),
    "alias": ("---\nid: alias\ntitle: &t Title\nsummary: *t\n---\n", 3, "front matter", "anchors are not allowed"),
    "unclosed": ("---\nid: unclosed\ntitle: Never closed\n", 1, "front matter", "is never closed"),
}


def test_ten_different_bad_files_are_all_reported(tmp_path):
    for name, (text, *_rest) in BAD_FILES.items():
        write(tmp_path, f"eqias/{name}.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    by_file = {p.path.rsplit("/", 1)[-1].removesuffix(".md"): p for p in problems}
    assert sorted(by_file) == sorted(BAD_FILES), "\n".join(map(str, problems))
    assert len(problems) == len(BAD_FILES)
    for name, (_text, line, field, words) in BAD_FILES.items():
        problem = by_file[name]
        if name != "dangling":  # its line depends on YAML dump layout; asserted separately
            assert problem.line == line, problem
        assert problem.field == field, problem
        assert words in problem.message, problem


def test_dangling_reference_points_at_its_line(tmp_path):
    text = BAD_FILES["dangling"][0]
    write(tmp_path, "eqias/dangling.md", text)
    (problem,) = load_portal(tmp_path)[1]
    assert text.splitlines()[problem.line - 1] == "superseded_by: nowhere"


def test_a_file_read_back_from_the_build_cache_still_names_the_line_of_a_problem(tmp_path):
    text = BAD_FILES["dangling"][0]
    write(tmp_path, "eqias/dangling.md", text)
    cold = load_portal(tmp_path, cache=tmp_path / ".cache")[1]
    warm = load_portal(tmp_path, cache=tmp_path / ".cache")[1]  # the file unchanged: its record is read back, not validated
    assert warm == cold
    assert text.splitlines()[warm[0].line - 1] == "superseded_by: nowhere"


def test_duplicate_key_is_reported_with_both_lines(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD.replace("kind: service", "kind: service\nkind: policy"))
    (problem,) = load_portal(tmp_path)[1]
    assert (problem.line, problem.field) == (5, "kind")
    assert problem.message == "is given twice (first on line 4); keep one"


def test_oversized_file_is_refused(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD + "word " * 220_000)
    (problem,) = load_portal(tmp_path)[1]
    assert "a content file may be at most 1,048,576 bytes" in problem.message


def test_yes_and_no_stay_answers_not_booleans(tmp_path):
    # YAML 1.1 would turn `adverse: no` into False; the loader keeps the word.
    write(tmp_path, "eqias/library-opening-hours.md", GOOD.replace("adverse: 'no'", "adverse: no"))
    portal, problems = load_portal(tmp_path)
    assert problems == []
    assert portal.eqias["library-opening-hours"].model.screening[1].adverse.value == "no"


def test_wrong_enum_lists_the_allowed_values(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD.replace("status: published", "status: live"))
    (problem,) = load_portal(tmp_path)[1]
    assert problem.message == "must be one of draft, published, superseded, withdrawn (got 'live')"


def test_file_outside_a_content_folder_is_reported(tmp_path):
    write(tmp_path, "eqia/library-opening-hours.md", GOOD)
    (problem,) = load_portal(tmp_path)[1]
    assert "is not in a content folder" in problem.message


def test_check_exits_1_and_prints_every_problem(tmp_path, capsys):
    for name, (text, *_rest) in BAD_FILES.items():
        write(tmp_path, f"eqias/{name}.md", text)
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert len(out.out.strip().splitlines()) == len(BAD_FILES)
    assert "Traceback" not in out.out + out.err
    assert "12 problem(s) in 12 file(s)" in out.err


def test_check_exits_0_on_good_content(tmp_path, capsys):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD)
    assert main(["check", str(tmp_path)]) == 0
    assert "content OK: 1 assessments" in capsys.readouterr().err


def test_check_json_format_is_machine_readable(tmp_path, capsys):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD.replace("kind: service", "kind: nonsense"))
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    (item,) = json.loads(capsys.readouterr().out)
    assert item["field"] == "kind" and item["line"] == 4


def test_check_github_format_annotates_the_file(tmp_path, capsys):
    write(tmp_path, "eqias/library-opening-hours.md", GOOD.replace("kind: service", "kind: nonsense"))
    assert main(["check", str(tmp_path), "--format", "github"]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"::error file={tmp_path}/eqias/library-opening-hours.md,line=4,title=kind::must be one of policy")


@pytest.mark.parametrize("argv", [["check", "--format", "xml"], ["nonsense"], []])
def test_wrong_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        code = main(argv)
        raise SystemExit(code)
    assert stop.value.code == 2


@pytest.mark.parametrize("argv", [["check", "{nowhere}"], ["audit", "{nowhere}"], ["build", "--content", "{nowhere}", "--no-check"],
                                  ["new", "eqia", "--id", "bus-passes", "--content", "{nowhere}/content"]])
def test_a_content_folder_that_is_not_there_is_wrong_usage_not_a_crash(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)  # the project: build finds mkdocs.yml
    nowhere = tmp_path / "nowhere"
    assert main([arg.format(nowhere=nowhere) for arg in argv]) == 2
    assert f"{nowhere}: no such folder" in capsys.readouterr().err
    assert not nowhere.exists()  # new made no folders for a mistyped path (a new project's own content/ it may make)


def test_content_is_loaded_once_per_build_and_again_after_an_edit(tmp_path):
    import os

    from eqportal.loader import load_portal_once

    path = write(tmp_path, "eqias/library-opening-hours.md", GOOD)
    first = load_portal_once(tmp_path)
    assert load_portal_once(tmp_path) is first
    path.write_text(GOOD.replace("kind: service", "kind: policy"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = load_portal_once(tmp_path)
    assert second is not first
    assert second[0].eqias["library-opening-hours"].model.kind.value == "policy"


@pytest.mark.parametrize("timescale, words", [
    ("2015-02-30", "'2015-02-30' is not a real date"),
    ("2016-13", "'2016-13' is not a real date"),
    ("March 0000", "is not a real date"),
    ("9999-12-31", "must be a date from 1990 to 2099"),
])
def test_an_action_timescale_written_as_a_date_must_be_a_real_one_on_its_line(tmp_path, timescale, words):
    text = GOOD.replace("timescale: '2024-06-30'", f"timescale: '{timescale}'")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [(p.field, words in p.message) for p in problems] == [("actions[0].timescale", True)], problems
    assert problems[0].line == text.splitlines().index(f"  timescale: '{timescale}'") + 1


@pytest.mark.parametrize("field, value", [
    ("email", "diversity@kent.gov.uk?bcc=spy%40evil.example"),
    ("email", "diversity@kent.gov.uk#x"),
])
def test_a_contact_email_is_an_address_alone(tmp_path, field, value):
    text = GOOD.replace("id: library-opening-hours\n", f"id: library-opening-hours\ncontact:\n  {field}: '{value}'\n", 1)
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [(p.field, "email address alone" in p.message) for p in problems] == [("contact.email", True)], problems
