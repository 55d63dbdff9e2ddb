"""What content says cannot take over a terminal or a CI log: control characters shown, annotations escaped."""

from __future__ import annotations

import re

from eqportal.cli import main
from eqportal.terminal import github_annotation, printable
from tests.content_factory import decision_fields, eqia_fields, front_matter, write

ESC_TITLE = "\x1b]0;pwned\x07\x1b[2J"


def test_printable_shows_escape_sequences_and_line_breaks_as_text():
    shown = printable(f"a{ESC_TITLE}\nb\u202e")
    assert "\x1b" not in shown and "\x07" not in shown and "\n" not in shown and "\u202e" not in shown
    assert "\\x1b]0;pwned\\x07" in shown and "\\x0a" in shown and "\\u202e" in shown


def test_check_never_prints_a_control_character_from_a_file_name(tmp_path, monkeypatch, capsys):
    write(tmp_path, f"content/eqias/bad{ESC_TITLE}.md", front_matter(eqia_fields(f"bad{ESC_TITLE}")))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 1
    out = capsys.readouterr().out
    assert out.strip() and not re.search("[\x00-\x09\x0b-\x1f\x7f]", out)
    assert "\\x1b]0;pwned" in out


def test_github_annotations_escape_file_names_and_messages_by_the_workflow_command_rules():
    line = github_annotation("error", "content/eqias/a,line=1,title=x::evil\n::warning::x.md", 7, "title: a,b", "50% done\r\nnext::x")
    assert line.count("\n") == 0
    props, message = line.removeprefix("::error ").split("::", 1)
    assert props == "file=content/eqias/a%2Cline=1%2Ctitle=x%3A%3Aevil%0A%3A%3Awarning%3A%3Ax.md,line=7,title=title%3A a%2Cb"
    assert message == "50%25 done%0D%0Anext::x"


def test_check_format_github_keeps_each_problem_one_command_whatever_the_file_is_called(tmp_path, monkeypatch, capsys):
    write(tmp_path, "content/decisions/24-00012,title=x::.md", front_matter(decision_fields(eqias=["no-such-eqia"])))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content", "--format", "github"]) == 1
    for line in capsys.readouterr().out.splitlines():
        props = line.removeprefix("::error ").split("::", 1)[0]
        assert [p.split("=", 1)[0] for p in props.split(",")] == ["file", "line", "title"], line


def test_audit_text_and_github_output_are_escaped_too(tmp_path, monkeypatch, capsys):
    write(tmp_path, f"content/decisions/x{ESC_TITLE}.md", front_matter(decision_fields()))
    monkeypatch.chdir(tmp_path)
    main(["audit", "content", "--today", "2026-11-23"])
    main(["audit", "content", "--today", "2026-11-23", "--format", "github"])
    captured = capsys.readouterr()
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", captured.out + captured.err)


def test_audit_csv_keeps_line_breaks_in_their_cells_and_shows_every_other_control(tmp_path, monkeypatch, capsys):
    import csv
    import io

    write(tmp_path, f"content/decisions/x{ESC_TITLE}.md", front_matter(decision_fields()))
    monkeypatch.chdir(tmp_path)
    main(["audit", "content", "--today", "2026-11-23", "--format", "csv"])
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    paths = [row["path"] for row in csv.DictReader(io.StringIO(out))]
    assert "content/decisions/x\\x1b]0;pwned\\x07\\x1b[2J.md" in paths
