"""``eqportal new``: a starting file that fails the check until its placeholders are filled in."""

from __future__ import annotations

import re

import pytest

from eqportal.cli import main
from eqportal.loader import load_portal

FILES = {
    "eqia": ("library-opening-hours", "content/eqias/library-opening-hours.md"),
    "decision": ("26/00012", "content/decisions/26-00012.md"),
    "objective": ("more-disabled-library-members", "content/objectives/more-disabled-library-members.md"),
    "report": ("annual-report-2025-26", "content/reports/annual-report-2025-26.md"),
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fill(text: str) -> str:
    """What an author does: take each placeholder's example, and write each body section."""
    text = re.sub(r'"TODO: [^"]*?e\.g\. ([^"]*)"', r'"\1"', text)
    return re.sub(r"(?m)^TODO: .*$", "We wrote this part.", text)


@pytest.fixture
def started(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for kind, (item_id, path) in FILES.items():
        code, out, _ = run(capsys, "new", kind, "--id", item_id)
        assert (code, out) == (0, f"{path}: written; fill in every TODO, then run `eqportal check`\n")
    return tmp_path


def test_unfilled_files_fail_the_check_with_each_placeholder_named(started, capsys):
    code, out, _ = run(capsys, "check")
    lines = out.splitlines()
    assert code == 1
    assert "content/decisions/26-00012.md:10: date: still holds the placeholder 'TODO: the day it was or will be taken, e.g. " in out
    assert "content/eqias/library-opening-hours.md:10: title: still holds the placeholder 'TODO: what is being assessed, in a few words, e.g. Library opening hours'; replace it with the real value" in lines
    assert "content/eqias/library-opening-hours.md:174: body: still holds the placeholder 'TODO: the background to the change, in plain English.'; write this part in plain English" in lines
    assert "content/objectives/more-disabled-library-members.md:11: period: still holds the placeholder 'TODO: the years it runs, e.g. " in out
    assert "content/reports/annual-report-2025-26.md:9: year: still holds the placeholder 'TODO: the reporting year, e.g. " in out
    assert all("still holds the placeholder" in line for line in lines), "placeholders replace the type errors they cause"
    assert {line.split(":")[0] for line in lines} == {path for _, path in FILES.values()}


def test_filled_files_pass_the_check(started, capsys):
    for _, path in FILES.values():
        file = started / path
        file.write_text(fill(file.read_text()))
    code, out, _ = run(capsys, "check")
    assert (code, out) == (0, "")


def test_filled_assessment_can_be_published(started, capsys):
    file = started / FILES["eqia"][1]
    text = fill(file.read_text()).replace("status: draft", "status: published")
    text = re.sub(r"(?m)^  published: .*$", '  published: "2026-01-15"', text)
    file.write_text(text)
    portal, problems = load_portal(started / "content")
    assert [str(p) for p in problems if "library-opening-hours" in p.path] == []
    assert portal.eqias["library-opening-hours"].model.is_public


def test_every_field_is_explained(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "new", "eqia", "--id", "x", "--output", "-")
    assert code == 0
    for words in ("# kind: policy, procedure, project, service, strategy, budget or commissioning",
                  "# status: draft (not shown on the site), published, superseded or withdrawn",
                  "#   adverse: yes, no or unknown", "# outcome: screening-sufficient, internal-action or full-assessment"):
        assert words in out
    assert not (tmp_path / "content").exists()


def test_never_overwrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "content/eqias/library-opening-hours.md"
    target.parent.mkdir(parents=True)
    target.write_text("mine")
    code, out, err = run(capsys, "new", "eqia", "--id", "library-opening-hours")
    assert code == 1
    assert err == "content/eqias/library-opening-hours.md: already exists; nothing was written (choose another --id or --output)\n"
    assert target.read_text() == "mine"


def test_without_an_id_the_id_is_a_placeholder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "decision")[0] == 0
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert "content/decisions/new-decision.md:7: number: still holds the placeholder 'TODO: Kent's number in quotes, e.g. 26/00012'" in out


@pytest.mark.parametrize("kind, bad", [("eqia", "Library Hours"), ("decision", "2026/12")])
def test_a_malformed_id_is_wrong_usage(tmp_path, monkeypatch, capsys, kind, bad):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", kind, "--id", bad)
    assert code == 2
    assert f"--id '{bad}' is not valid" in err
    assert not (tmp_path / "content").exists()
