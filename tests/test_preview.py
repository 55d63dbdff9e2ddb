"""The live preview (`mkdocs serve`) as an editor meets it: problems in the browser, quiet logs, /admin/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from eqportal.preview import Preview, problem_page
from eqportal.problems import Problem
from tests.site_fixture import CONTENT

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 60) -> tuple[int, str]:
    """Status and text of ``url``; a 404 page is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


def test_problem_page_lists_each_problem_as_path_line_field_message_escaped():
    problems = [Problem("content/eqias/a.md", 12, "stage", "must be one of screening, full (got '<b>finished</b>')"),
                Problem("content/eqias/b.md", 3, "", "has no `:` after the field name")]
    html = problem_page(problems, "Kent & Medway")
    assert "content/eqias/a.md:12:</span> stage: must be one of screening, full (got &#39;&lt;b&gt;finished&lt;/b&gt;&#39;)" in html
    assert "content/eqias/b.md:3:</span> has no `:` after the field name" in html
    assert "<b>finished" not in html
    assert "<title>2 problems in the content: Kent &amp; Medway (preview)</title>" in html


def test_problem_build_writes_the_page_at_every_known_page_and_as_the_404_page(tmp_path):
    preview = Preview()
    preview.start("serve")
    preview.remember_pages(["eqias/bus-passes/index.html", "about/index.html"])
    assert preview.content_checked([Problem("content/eqias/a.md", 2, "title", "must not be empty")])
    preview.write_problem_pages(tmp_path, "Kent")
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    assert written == ["404.html", "about/index.html", "eqias/bus-passes/index.html", "index.html"]
    assert all("content/eqias/a.md:2:</span> title: must not be empty" in (tmp_path / w).read_text() for w in written)


def test_builds_other_than_the_preview_never_become_problem_builds():
    preview = Preview()
    preview.start("build")
    assert not preview.content_checked([Problem("content/eqias/a.md", 2, "title", "must not be empty")])


@pytest.fixture
def project(tmp_path):
    """A copy of the project (with the fixture content) that the preview can run on."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / part)
    shutil.copytree(CONTENT, tmp_path / "content")
    if (ROOT / "node_modules").is_dir():
        (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


@pytest.mark.build
def test_preview_shows_content_problems_at_once_and_comes_back_when_fixed(project):
    broken = project / "content" / "eqias" / "bus-passes.md"
    good = broken.read_text(encoding="utf-8")
    assert "stage: full" in good
    broken.write_text(good.replace("stage: full", "stage: <b>finished</b>"), encoding="utf-8")
    line = next(i for i, text in enumerate(good.splitlines(), 1) if text.startswith("stage:"))
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = open(project / "serve.log", "w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"

    def answer(url):
        try:
            return get(base + url, timeout=5)
        except OSError:
            return None

    try:
        status, html = wait_for(lambda: answer("/eqias/bus-passes/"), 90, "the preview to answer")
        expected = f"content/eqias/bus-passes.md:{line}:</span> stage: must be one of screening, full (got &#39;&lt;b&gt;finished&lt;/b&gt;&#39;)"
        assert expected in html, html
        # The same answer at once on every other page, including the home page (no hanging request).
        started = time.monotonic()
        assert expected in get(base + "/", timeout=10)[1]
        assert expected in get(base + "/objectives/", timeout=10)[1]
        answer_seconds = time.monotonic() - started
        print(f"problem page answered two requests in {answer_seconds:.3f} s")

        admin_status, admin_config = get(base + "/admin/config.yml", timeout=10)
        if (ROOT / "node_modules" / "decap-cms-app").is_dir():
            assert admin_status == 200 and "publish_mode: editorial_workflow" in admin_config

        broken.write_text(good, encoding="utf-8")
        wait_for(lambda: (a := answer("/eqias/bus-passes/")) and a[0] == 200 and "must be one of" not in a[1], 120,
                 "the portal to come back once the file was fixed")
        assert "Bus passes" in get(base + "/eqias/bus-passes/")[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (project / "serve.log").read_text(encoding="utf-8")
    assert f"content/eqias/bus-passes.md:{line}: stage: must be one of screening, full" in output
    assert "not included in the \"nav\"" not in output
    assert "Traceback" not in output

