"""The installed ``eqportal`` command skips the interpreter's slow tidy-up (``eqportal.cli.run``) but loses nothing.

Every line it prints reaches a pipe, its exit code is the contract's, and what it writes is whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

EQPORTAL = str(Path(sys.executable).parent / "eqportal")
# Output to a pipe is buffered, as it is for anyone who runs the command: only the flush before the quick exit saves it.
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def test_every_problem_line_reaches_a_pipe_and_the_exit_code_is_1(tmp_path: Path):
    eqias = tmp_path / "content" / "eqias"
    eqias.mkdir(parents=True)
    for n in range(300):
        (eqias / f"broken-{n:03d}.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    result = subprocess.run([EQPORTAL, "check", str(tmp_path / "content")], capture_output=True, text=True, timeout=300, env=BUFFERED)
    assert result.returncode == 1
    named = {line.split(":", 1)[0] for line in (result.stdout + result.stderr).splitlines() if "broken-" in line}
    assert len(named) == 300


def test_files_the_command_writes_are_whole_and_the_exit_code_is_0(tmp_path: Path):
    result = subprocess.run([EQPORTAL, "schema", str(tmp_path)], capture_output=True, text=True, timeout=300, env=BUFFERED)
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert written and all(path.exists() for path in written)
    for path in written:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))


def test_wrong_usage_still_exits_2():
    result = subprocess.run([EQPORTAL, "no-such-verb"], capture_output=True, text=True, timeout=120, env=BUFFERED)
    assert result.returncode == 2
    assert "see --help" in result.stderr


def test_a_build_without_page_checks_does_not_load_the_checker():
    """Every rebuild pays for what it imports: the checker, its HTML parser and the browser driver wait for `a11y`."""
    code = ("import sys; from eqportal.cli import build_parser; build_parser(); import eqportal.publish, eqportal.context, eqportal.loader; "
            "print(sorted(m for m in ('bs4', 'selenium', 'eqportal.a11y.runner', 'eqportal.a11y.static') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path):
    """`eqportal audit | head -1`: head leaves once it has its line, and the command must stop quietly."""
    eqias = tmp_path / "content" / "eqias"
    eqias.mkdir(parents=True)
    for n in range(300):  # more than a pipe's buffer holds: the command writes while it runs
        (eqias / f"broken-{n:03d}.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    for verb in (["check"], ["audit", "--today", "2016-01-01"], ["check", "--format", "json"]):
        read, write = os.pipe()
        os.close(read)  # the reader has gone before the first line is written
        with os.fdopen(write, "wb") as out:
            result = subprocess.run([EQPORTAL, *verb, str(tmp_path / "content")], stdout=out, stderr=subprocess.PIPE, text=True,
                                    timeout=120, env=BUFFERED)
        assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr, (verb, result.stderr)
        assert result.returncode == 1
