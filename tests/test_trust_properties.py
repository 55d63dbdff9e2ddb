"""Whatever an editor or an attacker writes: no traceback, no live markup, nothing off-site, bounded time.

Random front-matter values and Markdown bodies go through ``check`` and the page builders in
process (fast); a couple go through a full MkDocs build. Each example has a generous deadline
(the hypothesis profile's, 60 s): a stall fails the test, but no speed is asserted. The short
profile runs in ``make test``; ``EQPORTAL_HYPOTHESIS=long`` runs many more examples.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from eqportal.a11y.static import check_page
from eqportal.context import BuildContext
from eqportal.joined import Joined, as_bytes
from eqportal.loader import load_portal
from eqportal.site import generate
from eqportal.site.csp import add_csp, has_csp
from eqportal.site.pages import GeneratedPage
from tests.content_factory import eqia_fields, front_matter, write

TODAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</title><script>x()</script>", "<iframe src=/x>",
           "javascript:alert(1)", "=HYPERLINK(\"http://evil.example\")", "+cmd", "@SUM(1)", "-2+3", "\\\\evil.example/x.png",
           "![i](//evil.example/p.png)", "[l](/\\evil.example/)", "<img src=' //evil.example/p.png'>", "&amp;", "&#0;", "%0A::error::x",
           "\x1b[31m", "\x00", "\ufffe", "]]>", "{{ 7*7 }}", "{% raw %}", "---", "\u202e", "[" * 40, "*" * 30, "<" * 20]
MARKDOWN = ["# H", "## Section", "### Sub", "- item", "1. item", "> quote", "```", "    code", "| a | b |", "|---|---|",
            "term", ": definition", "***", "[link](/eqias/)", "<div>", "</div>", "<details><summary>s</summary>", ""]
text = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE),
                 st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=10)), min_size=1, max_size=4).map(" ".join))
line = st.one_of(text, st.sampled_from(MARKDOWN), st.tuples(st.sampled_from(MARKDOWN), text).map(" ".join))
body = st.lists(line, max_size=30).map("\n".join)
LIVE = ("script", "iframe", "frame", "object", "embed")


def _write_portal(root: Path, title: str, summary: str, directorate: str, service: str, page_body: str) -> None:
    fields = eqia_fields(title=title, summary=summary, directorate=directorate, service=service)
    write(root, "eqias/library-opening-hours.md", front_matter(fields, page_body))


def _assert_safe_page(url: str, html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(LIVE), url
    assert not [el for el in soup.find_all(True) if any(a.lower().startswith("on") for a in el.attrs)], url
    # A generated page's content, in a document that carries the policy as the build's pages do.
    document = add_csp(f'<!doctype html><html lang="en"><head><title>t</title></head><body><main id="m">{html}</main></body></html>')
    assert [p for p in check_page(url, document) if p.rule.startswith("unsafe")] == [], url


def _assert_safe_file(name: str, content: str | bytes | Joined) -> None:
    if not isinstance(content, str):
        content = as_bytes(content).decode("utf-8")  # files are written as UTF-8 bytes; read as a user's software reads them
    if name.endswith(".json"):
        json.loads(content)
    elif name.endswith(".xml"):
        ET.fromstring(content.encode("utf-8") if isinstance(content, str) else content)
    elif name.endswith(".csv"):
        for row in csv.reader(io.StringIO(content)):
            assert not [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not c.lstrip("+-").replace(".", "").isdigit()], row
    elif name.endswith(".html"):
        _assert_safe_page(name, content)


@given(title=text, summary=text, directorate=text, service=text, page_body=body)
def test_any_content_is_checked_or_generated_safely(tmp_path_factory, title, summary, directorate, service, page_body):
    root = tmp_path_factory.mktemp("content")
    _write_portal(root, title, summary, directorate, service, page_body)
    portal, problems = load_portal(root, today=TODAY)  # never raises: every fault is a problem line
    for problem in problems:
        assert problem.path and problem.line >= 1 and "\n" not in problem.message
    if problems:
        return
    for item in generate(portal, BuildContext(today=TODAY)):  # check passed, so the build's generation cannot fail
        if isinstance(item, GeneratedPage):
            _assert_safe_page(item.url, item.html)
        else:
            _assert_safe_file(item.src_uri, item.content)


@pytest.mark.build
# One full build per run in the short profile (each is a whole MkDocs build), ten in the long one; the
# build's own timeout (600 s) is the generous bound, as a loaded machine may take a minute per build.
@settings(max_examples=10 if os.environ.get("EQPORTAL_HYPOTHESIS") == "long" else 1, deadline=None)
@given(title=st.sampled_from(HOSTILE[:4]).flatmap(lambda h: text.map(lambda t: f"{t} {h}".strip())), page_body=body)
def test_full_builds_of_random_content_publish_nothing_live(tmp_path_factory, title, page_body):
    work = tmp_path_factory.mktemp("build")
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "content", work / "content")
    (work / "content" / "eqias" / "library-opening-hours.md").unlink(missing_ok=True)
    _write_portal(work / "content", title, "A summary.", "Growth, Environment and Transport", "Libraries", page_body)
    portal, problems = load_portal(work / "content", today=TODAY)
    result = subprocess.run([str(Path(sys.executable).parent / "eqportal"), "build", "--content", str(work / "content"),
                             "--site-dir", str(work / "site"), "--config", str(ROOT / "mkdocs.yml"), "--today", TODAY.isoformat(),
                             "--no-check"], capture_output=True, text=True, cwd=work, timeout=600)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == (1 if problems else 0), result.stdout + result.stderr
    if problems:
        return
    for path in sorted((work / "site").rglob("*")):
        if path.suffix in (".html", ".json", ".xml", ".csv") and "assets" not in path.parts:
            name = path.relative_to(work / "site").as_posix()
            content = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                url = "/" + name.removesuffix("index.html")
                assert [p for p in check_page(url, content) if p.rule.startswith("unsafe")] == [], url
                assert has_csp(content), url
            else:
                _assert_safe_file(name, content)
