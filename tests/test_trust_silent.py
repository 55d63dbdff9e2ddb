"""Nothing in content/ is accepted or ignored without a word: numbers as dates, other files, links, cycles."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from eqportal.loader import load_portal
from tests.content_factory import eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)


def problems(root):
    return load_portal(root, today=TODAY)[1]


@pytest.mark.parametrize("value", ["0", "1700000000", "20240301", "2024"])
def test_a_whole_number_is_not_taken_as_a_date(tmp_path, value):
    dates = {"screening": "2024-01-10", "published": value, "next_review": "2025-03-01"}
    text = front_matter(eqia_fields(dates=dates)).replace(f"published: '{value}'", f"published: {value}")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    found = [p for p in problems(tmp_path) if p.field == "dates.published"]
    assert len(found) == 1 and "YYYY-MM-DD" in found[0].message, problems(tmp_path)
    assert found[0].line == line_of(text, "  published:")


@pytest.mark.parametrize("name", ["eqias/library-opening-hours.MD", "eqias/library-opening-hours.markdown",
                                  "eqias/notes.txt", "eqias/photo.png", "objectives/old.md.bak"])
def test_a_file_the_loader_would_not_read_is_reported(tmp_path, name):
    write(tmp_path, name, front_matter(eqia_fields()))
    found = problems(tmp_path)
    assert [p.path.endswith(name) for p in found] == [True], found
    assert "not read" in found[0].message


def test_files_outside_the_four_folders_are_reported_but_the_manifest_and_gitkeep_are_not(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields()))
    write(tmp_path, "published-ids.txt", "library-opening-hours\n")
    write(tmp_path, "reports/.gitkeep", "")
    write(tmp_path, "README.markdown", "notes")
    write(tmp_path, "drafts/other.md", "x")
    found = sorted(p.path.rsplit("/", 2)[-2:][-1] for p in problems(tmp_path))
    assert found == ["README.markdown", "other.md"]


def test_a_symbolic_link_out_of_content_is_refused_and_not_read(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    write(tmp_path, "outside/secret.md", front_matter(eqia_fields("secret", title="Private text")))
    root = tmp_path / "content"
    (root / "eqias").mkdir(parents=True)
    os.symlink(secret, root / "eqias" / "secret.md")
    os.symlink(tmp_path / "outside", root / "objectives")
    os.symlink(root, root / "eqias" / "loop")
    portal, found = load_portal(root, today=TODAY)
    assert "secret" not in portal.eqias
    assert sorted(p.path.rsplit("/", 1)[-1] for p in found) == ["loop", "objectives", "secret.md"], found
    assert all("symbolic link" in p.message for p in found)


def test_a_supersession_cycle_is_reported_on_each_assessment_in_it(tmp_path):
    for this, other in (("plan-a", "plan-b"), ("plan-b", "plan-c"), ("plan-c", "plan-a")):
        write(tmp_path, f"eqias/{this}.md", front_matter(eqia_fields(this, status="superseded", superseded_by=other)))
    write(tmp_path, "eqias/plan-d.md", front_matter(eqia_fields("plan-d", status="superseded", superseded_by="plan-a")))
    found = [p for p in problems(tmp_path) if p.field == "superseded_by"]
    assert sorted(p.path.rsplit("/", 1)[-1] for p in found) == ["plan-a.md", "plan-b.md", "plan-c.md"], found
    assert "plan-a -> plan-b -> plan-c -> plan-a" in found[0].message
