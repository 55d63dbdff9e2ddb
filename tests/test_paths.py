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


def test_a_pages_last_changed_date_is_its_files_last_commit_however_the_file_is_named(tmp_path, monkeypatch):
    """The "last changed" date comes from git, looked up by the file's real path: through a relative
    path, a path with a link in it, or a link to the file, it is the same file and the same date."""
    import datetime as dt
    import subprocess

    from eqportal.context import BuildContext
    from eqportal.history import last_changes

    content = tmp_path / "repo" / "content"
    (content / "eqias").mkdir(parents=True)
    (content / "eqias" / "one.md").write_text("one\n", encoding="utf-8")
    git = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2025-06-30T12:00:00Z", "GIT_AUTHOR_DATE": "2025-06-30T12:00:00Z"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
        subprocess.run(["git", *args], cwd=tmp_path / "repo", check=True, capture_output=True, env={**os.environ, **git})
    (tmp_path / "elsewhere").symlink_to(content)
    (content / "eqias" / "link.md").symlink_to("one.md")
    context = BuildContext(today=dt.date(2026, 1, 1), changed=last_changes(content))
    monkeypatch.chdir(tmp_path / "repo")
    for name in (Path("content/eqias/one.md"), tmp_path / "elsewhere" / "eqias" / "one.md", content / "eqias" / "link.md"):
        assert context.last_changed(name) == dt.date(2025, 6, 30), name
    assert context.last_changed(content / "eqias" / "not-committed.md") is None
    assert BuildContext(today=dt.date(2026, 1, 1)).last_changed(content / "eqias" / "one.md") is None  # no history
