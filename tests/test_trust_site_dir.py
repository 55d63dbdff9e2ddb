"""A build only ever replaces a folder a previous build made: never content, docs or the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from eqportal.cli import main
from eqportal.publish import MARKER, site_dir_problem
from tests.site_fixture import copy_content

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path: Path) -> Path:
    """A project folder with mkdocs.yml, docs/ and content/, as a council clone has."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs").mkdir()
    (project / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    copy_content(project)
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("site_dir", ["content", "docs", ".", "content/eqias"])
def test_build_refuses_to_replace_content_docs_or_the_project(tmp_path, monkeypatch, capsys, site_dir):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    before = _tree(project)
    code = main(["build", "--content", "content", "--site-dir", site_dir, "--config", "mkdocs.yml", "--no-check"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and "site" in err
    assert _tree(project) == before  # nothing deleted, nothing written


def test_build_refuses_a_folder_it_did_not_make(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    mine = tmp_path / "my-files"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    monkeypatch.chdir(project)
    code = main(["build", "--content", "content", "--site-dir", str(mine), "--config", "mkdocs.yml", "--no-check"])
    assert code == 2
    assert f"has no {MARKER} file" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_new_an_empty_or_a_previously_built_folder_may_be_replaced(tmp_path):
    assert site_dir_problem(tmp_path / "new") is None
    (tmp_path / "empty").mkdir()
    assert site_dir_problem(tmp_path / "empty") is None
    built = tmp_path / "built"
    built.mkdir()
    (built / "index.html").write_text("old", encoding="utf-8")
    (built / MARKER).write_text("", encoding="utf-8")
    assert site_dir_problem(built) is None
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert site_dir_problem(tmp_path / "file") is not None
