"""What a build prints when its output goes to a log rather than a terminal."""

from __future__ import annotations

import io
import re
import time

from eqportal.a11y.runner import _progress
from eqportal.progress import PlainProgress, StageLog


def test_each_stage_prints_a_numbered_line_when_it_starts_and_when_it_ends():
    out = io.StringIO()
    stages = StageLog(("content check", "MkDocs build"), out)
    with stages.stage("content check", announce=False) as stage:
        stage["summary"] = "8 assessments, 0 problem(s)"
    with stages.stage("MkDocs build"):
        pass
    lines = out.getvalue().splitlines()
    assert [re.sub(r"\(\d+\.\ds\)$", "(Ns)", line) for line in lines] == [
        "[1/2] content check: 8 assessments, 0 problem(s) (Ns)",
        "[2/2] MkDocs build: started",
        "[2/2] MkDocs build: done (Ns)",
    ]


def test_in_a_log_the_page_checks_print_progress_lines_while_running_and_at_the_end():
    out = io.StringIO()
    progress = PlainProgress("page checks", out, interval=0.05)
    with progress:
        task = progress.add_task("pages in Chromium", total=3)
        progress.advance(task)
        deadline = time.monotonic() + 10  # a bounded wait for the timer's line, not a timing assertion
        while "page checks: 1/3" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        progress.advance(task)
        progress.advance(task)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("page checks: 0/3 pages in Chromium, ")
    assert any(line.startswith("page checks: 1/3 pages in Chromium, ") for line in lines)
    assert lines[-1].startswith("page checks: 3/3 pages in Chromium, ")
    assert all(re.fullmatch(r"page checks: \d/3 pages in Chromium, \d+s", line) for line in lines)
    assert len(lines) == len(set(lines))  # nothing repeated while nothing changed


def test_the_page_checks_use_plain_lines_when_not_on_a_terminal():
    # Under pytest stderr is captured, as it is in CI: no live bar that only shows up finished.
    assert isinstance(_progress(True), PlainProgress)
    assert not isinstance(_progress(False), PlainProgress)  # --quiet: rich's bar, disabled
