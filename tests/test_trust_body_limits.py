"""No body stalls or crashes the build: the work per body is bounded, and what is beyond it is a content error."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from eqportal.loader import load_portal
from eqportal.render.body import MAX_BODY_CHARS, BodyTooComplex, render_body, to_html
from tests.content_factory import eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)
NESTED_300 = "".join("  " * i + "- level\n" for i in range(300))
# Bodies that took Python-Markdown quadratic time or blew its stack (8,000 '[' took 9.7 s).
PATHOLOGICAL = {
    "brackets": "[" * 8000,
    "image-brackets": "![" * 8000,
    "open-links": "[a](" * 8000,
    "definition-lines": "term\n" + ": definition\n" * 5000,
    "nested-list": NESTED_300,
    "nested-quotes": ">" * 1000 + " deep",
    "nested-html": "<div>" * 10000,
    "nested-emphasis": "*" * 5000 + "a" + "*" * 5000,
    "too-long": "word " * (MAX_BODY_CHARS // 5 + 1),
}


def _eqia(body: str) -> str:
    return front_matter(eqia_fields(), "## Context\n\nWhy.\n\n## Information and data\n\n" + body + "\n")


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_too_complex_bodies_are_refused_by_check_on_their_line(tmp_path, name):
    text = _eqia(PATHOLOGICAL[name])
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    ours = [p for p in problems if p.field == "body" and "sentence" not in p.message]  # long sentences are also reported
    assert len(ours) == 1, problems
    first = line_of(text, "## Context") if name == "too-long" else line_of(text, "## Information and data")
    assert ours[0].line >= first
    assert len(str(ours[0])) < 400  # one readable line, not the body quoted back


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_the_renderer_itself_refuses_them_rather_than_stall_or_crash(name):
    with pytest.raises(BodyTooComplex):
        render_body(PATHOLOGICAL[name])


def test_a_deeply_nested_objective_body_is_refused_too(tmp_path):
    with pytest.raises(BodyTooComplex):
        to_html(NESTED_300, top=2)


def test_reasonable_structure_still_renders():
    body = "".join("  " * i + "- level\n" for i in range(6)) + "\n> quote\n> > reply\n\n" + "[link](/x/) " * 500
    html = render_body("## Context\n\n" + body).sections[0].html
    assert html.count("<ul>") == 6 and html.count("<blockquote>") == 2 and html.count("<a ") == 500


@pytest.mark.build
def test_check_of_the_worst_bodies_ends_well_within_a_generous_deadline(tmp_path):
    """Near the 1 MiB file limit, or just under the body limit: before, one of them alone would have taken days."""
    near = MAX_BODY_CHARS - 1000
    big = {"brackets-1mib": "[" * 1_000_000, "brackets": "[" * near, "definitions": "t\n" + ": d\n" * (near // 4),
           "lt-lines": "<a\n" * (near // 3), "table": "|a|b|\n|-|-|\n" + "|x|y|\n" * (near // 6)}
    for name, body in big.items():
        write(tmp_path, f"content/eqias/{name}.md", front_matter(eqia_fields(name), body + "\n"))
    result = subprocess.run([str(Path(sys.executable).parent / "eqportal"), "check", "content"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr
    refused = {line.split(":")[0] for line in result.stdout.splitlines() if ": body: " in line and "sentence" not in line}
    assert refused == {f"content/eqias/{name}.md" for name in ("brackets-1mib", "brackets", "definitions")}, result.stdout
