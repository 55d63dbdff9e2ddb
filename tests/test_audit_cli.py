"""``eqportal audit`` as a council's pipeline runs it: exit codes, formats, bad content."""

from __future__ import annotations

import csv
import io
import json

from eqportal.cli import main
from tests import audit_scenario
from tests.content_factory import decision_fields, eqia_fields, front_matter, write
from tests.test_audit_findings import EXPECTED


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_findings_sorted_exit_1(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    code, out, err = run(capsys, "audit", "content", "--today", "2026-11-23")
    assert code == 1
    assert out.splitlines() == EXPECTED
    assert f"{len(EXPECTED)} finding(s) as of 2026-11-23" in err


def test_csv_has_the_same_findings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    code, out, _ = run(capsys, "audit", "--today", "2026-11-23", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1
    assert list(rows[0]) == ["kind", "path", "line", "field", "message", "decision", "eqia", "objective"]
    assert rows[0] == {"kind": "late-analysis", "path": "content/decisions/15-00002.md", "line": "9", "field": "eqias[0]",
                       "message": "relies on 'late', published 2015-06-01, after the decision on 2015-04-01",
                       "decision": "15/00002", "eqia": "late", "objective": ""}
    assert len(rows) == len(EXPECTED)


def test_json_has_the_same_findings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    code, out, _ = run(capsys, "audit", "--today", "2026-11-23", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [f"{d['path']}:{d['line']}: {d['field']}: {d['message']}" for d in data] == EXPECTED
    assert data[-1]["kind"] == "progress-missing" and data[-1]["objective"] == "needs-progress"


def test_clean_content_exits_0(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/eqias/library-opening-hours.md", front_matter(eqia_fields(dates={"published": "2024-03-01", "next_review": "2027-03-01"},
          actions=[{"characteristics": ["age"], "issue": "Hours", "action": "Late night", "owner": "Head", "timescale": "2024-06-30", "status": "done"}])))
    write(tmp_path, "content/decisions/24-00012.md", front_matter(decision_fields()))
    code, out, err = run(capsys, "audit", "--today", "2026-11-23")
    assert (code, out) == (0, "")
    assert "audit OK as of 2026-11-23: 1 key decision(s) taken" in err


def test_bad_content_reports_check_problems_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/decisions/24-00012.md", front_matter(decision_fields(date="2024-02-30")))
    code, out, err = run(capsys, "audit", "--today", "2026-11-23")
    assert code == 1
    assert out.splitlines() == ["content/decisions/24-00012.md:5: date: must be a real date written YYYY-MM-DD, e.g. 2025-03-31 (got '2024-02-30')"]
    check_code, check_out, _ = run(capsys, "check")
    assert (check_code, check_out) == (code, out)
    assert "Traceback" not in err


def test_wrong_usage_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for argv in (["audit", "--today", "23/11/2026"], ["audit", "--format", "xml"]):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
        assert code == 2
    assert "is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_github_annotations_for_findings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    _, out, _ = run(capsys, "audit", "--today", "2026-11-23", "--format", "github")
    assert out.splitlines()[0] == "::error file=content/decisions/15-00002.md,line=9,title=eqias[0]::relies on 'late', published 2015-06-01, after the decision on 2015-04-01"


def test_check_prints_github_annotations(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/decisions/24-00012.md", front_matter(decision_fields(eqias=["no-such-eqia"])))
    code, out, _ = run(capsys, "check", "--format", "github")
    assert code == 1
    assert out == "::error file=content/decisions/24-00012.md,line=9,title=eqias[0]::names 'no-such-eqia', but there is no content/eqias/no-such-eqia.md; check the id\n"
