"""The read-ahead at the start of ``eqportal build``: it asks for the files the build will read, and changes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from eqportal.buildcache import Store
from eqportal.readahead import content_folder, read_ahead_for, start_for


def test_the_content_folder_is_found_however_the_option_is_written_and_a_wrong_one_is_left_to_the_real_parser(capsys):
    assert content_folder(["--content", "pages", "--site-dir", "out"]) == Path("pages")
    assert content_folder(["--site-dir", "out", "--content=pages"]) == Path("pages")
    assert content_folder(["--site-dir", "out"]) == Path("content")
    assert content_folder(["--content"]) == Path("content")  # no value: the real parser says so, once
    assert content_folder(["--cont", "pages"]) == Path("content")  # abbreviated: not guessed at; the default is read ahead
    assert capsys.readouterr() == ("", "")


def _project(tmp_path: Path) -> tuple[Path, dict[Path, tuple[int, bytes]]]:
    content = tmp_path / "content"
    (content / "eqias").mkdir(parents=True)
    (content / "eqias" / "one.md").write_text("---\nid: one\n---\nBody.\n", encoding="utf-8")
    cache = tmp_path / ".cache" / "build"
    for name, lazy in (("records", False), ("bodies", True)):
        store = Store(cache, name, lazy=lazy)
        store.put(f"{1:064x}", name)
        store.save()
    (cache / "outputs.json").write_text("{}", encoding="utf-8")
    files = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()}
    return content, files


def test_reading_ahead_a_build_changes_no_file_and_minds_what_is_missing(tmp_path: Path):
    content, files = _project(tmp_path)
    read_ahead_for(content)
    read_ahead_for(tmp_path / "no-such-content")  # nor its cache: nothing to read, nothing to fail
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()} == files


def test_a_build_starts_reading_ahead_in_a_process_of_its_own_that_ends_by_itself(tmp_path: Path):
    content, files = _project(tmp_path)
    reading = start_for(["build", "--content", str(content), "--no-check"])
    assert reading is not None and reading.args[:3] == [sys.executable, "-m", "eqportal.readahead"]
    assert reading.wait(60) == 0
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()} == files
    assert start_for(["check", "--content", str(content)]) is None  # reads too little to gain
    assert start_for([]) is None


def test_a_build_reads_ahead_the_manifest_the_content_and_the_stores_it_reads_whole_but_not_the_lazy_ones(tmp_path: Path, monkeypatch):
    import os

    import eqportal.readahead as readahead

    content, _ = _project(tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(readahead, "read_ahead_file", asked.append)
    monkeypatch.setattr(os, "nice", lambda increment: 0)  # the test process keeps its priority
    read_ahead_for(content)
    cache = tmp_path / ".cache" / "build"
    named = {Path(path).relative_to(tmp_path).as_posix() for path in asked}
    assert named == {"content/eqias/one.md", ".cache/build/outputs.json",
                     *(p.relative_to(tmp_path).as_posix() for p in (cache / "records").iterdir())}
    assert asked[0] == str(cache / "outputs.json")  # the manifest first: the build reads it first
