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


def test_a_build_lists_the_files_it_imported_once_and_the_next_reads_them_ahead_first(tmp_path: Path, monkeypatch):
    import json
    import os

    import eqportal.readahead as readahead

    content, _ = _project(tmp_path)
    cache = tmp_path / ".cache" / "build"
    readahead.remember_imports(cache)
    listed = (cache / readahead.IMPORTS).read_text(encoding="utf-8").splitlines()
    for module in (json, readahead):  # what an import reads: the compiled module, or the source where none was written
        assert (module.__spec__.cached if Path(module.__spec__.cached).is_file() else module.__file__) in listed
    assert any(".so" in Path(path).name for path in listed)  # extension modules and the libraries they load
    assert listed == sorted(listed) and all(os.path.isabs(path) and Path(path).is_file() for path in listed)
    written = (cache / readahead.IMPORTS).stat().st_mtime_ns
    readahead.remember_imports(cache)
    assert (cache / readahead.IMPORTS).stat().st_mtime_ns == written  # the same list: not written again

    asked: list[str] = []
    monkeypatch.setattr(readahead, "read_ahead_file", asked.append)
    monkeypatch.setattr(os, "nice", lambda increment: 0)
    read_ahead_for(content)
    assert sorted(asked[:len(listed)]) == listed  # the build imports before it reads anything else (8 threads: in any order)
    assert str(content / "eqias" / "one.md") in asked


def test_reading_ahead_asks_only_for_regular_files_and_never_waits_on_a_named_pipe(tmp_path: Path, monkeypatch):
    import os
    import threading

    import eqportal.readahead as readahead

    monkeypatch.setattr(os, "nice", lambda increment: 0)
    content, _ = _project(tmp_path)
    cache = tmp_path / ".cache" / "build"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (cache / readahead.IMPORTS).write_text(f"{pipe}\n/dev/null\n{tmp_path / 'gone.pyc'}\n", encoding="utf-8")
    (content / "eqias" / "also-a-pipe.md").symlink_to(pipe)
    reading = threading.Thread(target=read_ahead_for, args=(content,), daemon=True)
    reading.start()
    reading.join(20)
    assert not reading.is_alive()  # opening a pipe to read would wait for a writer forever
