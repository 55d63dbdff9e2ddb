"""Paths after following links: the quick way (one resolved folder for its files) agrees with os.path.realpath."""

from __future__ import annotations

import os
from pathlib import Path

from eqportal.paths import real_path, relative_inside


def test_a_path_resolves_as_realpath_would_through_links_to_files_and_folders(tmp_path: Path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "f.md").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    (tmp_path / "deep").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "file-link.md").symlink_to(tmp_path / "a" / "b" / "f.md")
    monkeypatch.chdir(tmp_path)
    cases = ["a/b/f.md", "link/b/f.md", "a/file-link.md", "link/file-link.md", "deep/../x", "deep/../b/f.md", "deep/./f.md",
             "link", "a/b/", ".", "/", "missing/x.md", str(tmp_path / "link" / "b" / "f.md"), Path("link") / "b"]
    for case in cases:
        assert real_path(case) == os.path.realpath(case), case


def test_relative_inside_names_a_path_from_its_folder_or_says_it_lies_outside(tmp_path: Path):
    (tmp_path / "content" / "eqias").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "content" / "outside").symlink_to(tmp_path / "elsewhere")
    assert relative_inside(tmp_path / "content" / "eqias" / "x.md", tmp_path / "content") == "eqias/x.md"
    assert relative_inside(tmp_path / "content", tmp_path / "content") == "."
    assert relative_inside(tmp_path / "content" / "outside" / "y.md", tmp_path / "content") is None
    assert relative_inside(tmp_path / "contents.md", tmp_path / "content") is None  # a name that starts alike is not inside
