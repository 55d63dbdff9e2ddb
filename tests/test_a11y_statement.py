"""The accessibility statement quotes the last check run, or says honestly that there has been none."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

from eqportal.context import build_context
from eqportal.site.statement import pages


def statement(tmp_path: Path, report: dict | None) -> str:
    (tmp_path / "content").mkdir()
    if report is not None:
        (tmp_path / ".cache" / "a11y").mkdir(parents=True)
        (tmp_path / ".cache" / "a11y" / "last-report.json").write_text(json.dumps(report))
    portal = SimpleNamespace(root=tmp_path / "content", today=dt.date(2026, 11, 23), eqias={})
    [page] = list(pages(portal, build_context(portal)))  # the context reads the last report beside the content
    assert page.url == "/accessibility/"
    return page.html


def test_model_statement_sections(tmp_path: Path):
    md = statement(tmp_path, None)
    for words in ("Compliance status", "partially compliant", "Content that is not accessible", "2.1.1 Keyboard",
                  "different format", "Reporting accessibility problems", "Equality and Human Rights Commission",
                  "Equality Advisory and Support Service", "<caption"):
        assert words in md, words


def test_no_report_yet_is_said_honestly(tmp_path: Path):
    assert "has not yet been through an automated accessibility check" in statement(tmp_path, None)


def test_last_report_date_and_result(tmp_path: Path):
    report = {"date": "2026-11-20T10:00:00+00:00", "pages_checked": 104, "problem_count": 2,
              "tools": {"axe-core": "4.10.2", "chromium": "156"},
              "problems": [{"url": "/a/", "rule": "reflow", "wcag": "1.4.10", "message": "", "selector": ""},
                           {"url": "/b/", "rule": "reflow", "wcag": "1.4.10", "message": "", "selector": ""}]}
    md = statement(tmp_path, report)
    assert '<time datetime="2026-11-20">20 November 2026</time>: 104 pages were checked and 2 problems were found' in md
    assert "The automated check found a problem (reflow) on 2 pages." in md
    assert "1.4.10" in md and '<time datetime="2027-02-18">' in md  # fix within 90 days of the check
