"""Nothing once published disappears: the manifest of published ids and the check that guards it."""

from __future__ import annotations

from eqportal.cli import main
from eqportal.manifest import HEADER
from tests.content_factory import eqia_fields, front_matter, write


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def publish(tmp_path, eqia_id, **changes):
    return write(tmp_path, f"content/eqias/{eqia_id}.md", front_matter(eqia_fields(eqia_id, **changes)))


def test_update_writes_every_public_id_sorted_under_a_header(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "zebra-crossings")
    publish(tmp_path, "bus-passes", aliases=["old-bus-passes"])
    write(tmp_path, "content/eqias/a-draft.md", front_matter({"id": "a-draft", "title": "Draft", "kind": "policy", "directorate": "Finance", "status": "draft", "stage": "screening"}))
    code, out, _ = run(capsys, "manifest", "--update")
    assert code == 0
    assert out == "added bus-passes\nadded old-bus-passes\nadded zebra-crossings\n"
    text = (tmp_path / "content/published-ids.txt").read_text()
    assert text == HEADER + "bus-passes\nold-bus-passes\nzebra-crossings\n"
    assert "Maintained by the tooling" in HEADER


def test_manifest_without_update_names_unlisted_ids_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    write(tmp_path, "content/published-ids.txt", HEADER)
    code, out, _ = run(capsys, "manifest")
    assert code == 1
    assert out == "content/eqias/bus-passes.md:2: id: 'bus-passes' is public but not listed in published-ids.txt; run `eqportal manifest --update` and commit the change\n"
    assert run(capsys, "manifest", "--update")[0] == 0
    assert run(capsys, "manifest")[0] == 0


def test_deleting_a_published_file_fails_the_check_naming_the_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    gone = publish(tmp_path, "zebra-crossings")
    assert run(capsys, "manifest", "--update")[0] == 0
    assert run(capsys, "check")[0] == 0
    gone.unlink()
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out == (
        "content/published-ids.txt:7: zebra-crossings: was published, but there is no eqias/zebra-crossings.md; "
        "restore the file and mark it withdrawn or superseded, or, if the assessment was renamed, "
        "add 'zebra-crossings' to the aliases of the renamed file\n"
    )


def test_update_never_removes_an_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    gone = publish(tmp_path, "zebra-crossings")
    run(capsys, "manifest", "--update")
    gone.unlink()
    publish(tmp_path, "bus-passes")
    run(capsys, "manifest", "--update")
    assert (tmp_path / "content/published-ids.txt").read_text().endswith("bus-passes\nzebra-crossings\n")


def test_renaming_with_an_alias_keeps_the_check_passing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    old = publish(tmp_path, "bus-passes")
    run(capsys, "manifest", "--update")
    old.unlink()
    publish(tmp_path, "concessionary-bus-passes", aliases=["bus-passes"])
    assert run(capsys, "check")[0] == 0


def test_a_published_assessment_cannot_go_back_to_draft(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    run(capsys, "manifest", "--update")
    publish(tmp_path, "bus-passes", status="draft")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out == ("content/published-ids.txt:6: bus-passes: was published, but content/eqias/bus-passes.md now has status draft; "
                   "a published assessment keeps its page: mark it withdrawn (with withdrawn_reason) or superseded instead\n")


def test_a_malformed_line_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/published-ids.txt", "# ids\nBus Passes\n")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.startswith("content/published-ids.txt:2: 'Bus Passes' is not an assessment id")


def test_github_annotation_names_the_missing_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/published-ids.txt", "bus-passes\n")
    code, out, _ = run(capsys, "check", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=content/published-ids.txt,line=1,title=bus-passes::was published, but there is no eqias/bus-passes.md")


def test_no_manifest_yet_is_not_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    assert run(capsys, "check")[0] == 0
