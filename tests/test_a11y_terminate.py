"""A check run ended by SIGTERM (``timeout``, ``kill``, a cancelled CI job) leaves no browser behind.

It used to leave each browser's ChromeDriver and Chromium running, driven by nothing, and their
profiles in the temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
COMMAND = "import sys; from eqportal.cli import run; sys.argv[0] = 'eqportal'; run()"


def _processes_mentioning(text: str) -> list[str]:
    """Command lines of the running processes that mention ``text`` (Chromium names its profile folder)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in command:
            found.append(command[:200])
    return found


def _children(parent: int) -> list[int]:
    """Processes whose parent is ``parent`` (ChromeDriver, the static checks' workers), not yet ended."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            found.append(int(pid))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.browser
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the running processes from /proc")
def test_a_check_run_ended_by_sigterm_closes_its_browsers_and_removes_their_profiles(sample_site: Path, tmp_path: Path):
    temporary = tmp_path / "tmp"  # the run's own temporary folder, where its browsers' profiles go
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen([sys.executable, "-c", COMMAND, "a11y", str(sample_site), "--quiet", "--fresh", "--workers", "1",
                            "--cache", str(tmp_path / "cache")], cwd=tmp_path, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        profiles = lambda: list(temporary.glob("eqp-a11y-chromium-*"))  # noqa: E731
        assert _until(lambda: profiles() and _processes_mentioning(str(temporary)), 60), "no browser started"
        time.sleep(2)  # the browser at work on a page
        assert run.poll() is None, "the run ended before it could be stopped"
        children = _children(run.pid)
        assert len(children) >= 2  # a ChromeDriver and the static checks' worker
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=30) == -signal.SIGTERM  # ended by the signal, as before
        assert _until(lambda: not _processes_mentioning(str(temporary)), 15), _processes_mentioning(str(temporary))
        assert profiles() == []
        assert _until(lambda: not _alive(children), 15), _alive(children)  # nothing it started is left waiting
    finally:
        if run.poll() is None:
            run.kill()


@pytest.mark.browser
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the running processes from /proc")
def test_a_browser_that_cannot_be_made_ready_is_closed_at_once(tmp_path: Path, monkeypatch):
    import tempfile

    from eqportal.a11y import browser, engines

    def missing():
        raise engines.EngineMissing("axe-core is not installed: run make")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the profile goes here
    monkeypatch.setattr(engines, "axe_script", missing)
    with pytest.raises(engines.EngineMissing):
        browser.Browser()
    assert list(tmp_path.glob("eqp-a11y-chromium-*")) == []
    assert _until(lambda: not _processes_mentioning(str(tmp_path)), 15), _processes_mentioning(str(tmp_path))
