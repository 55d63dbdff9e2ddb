"""Nothing once published disappears: the manifest of published ids and the check that guards it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from eqportal.cli import main
from eqportal.manifest import HEADER
from tests.content_factory import eqia_fields, front_matter, write

FIRST = HEADER.count("\n") + 1  # the line of the first entry under the header


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
        f"content/published-ids.txt:{FIRST + 1}: zebra-crossings: was published, but there is no eqias/zebra-crossings.md; "
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
    assert out == (f"content/published-ids.txt:{FIRST}: bus-passes: was published, but content/eqias/bus-passes.md now has status draft; "
                   "a published assessment keeps its page: mark it withdrawn (with withdrawn_reason) or superseded instead\n")


def test_a_malformed_line_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/published-ids.txt", "# ids\nBus Passes\n")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.startswith("content/published-ids.txt:2: line: 'Bus Passes' is not an assessment id")


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


# Objectives, reports and key decisions have published addresses too: the manifest lists them with their folder.

OBJECTIVE = ("---\nid: {id}\ntitle: Fair access\noutcome: Residents can reach services\nperiod: 2016-2020\n"
             "characteristics: [disability]\n{extra}---\n\nWhy it matters.\n")
REPORT = "---\nid: {id}\nyear: 2015-16\ntitle: Annual equality report\npublished: 2016-07-01\n{extra}---\n\n## Growth\n\nText.\n"


def objective(tmp_path, objective_id, extra=""):
    return write(tmp_path, f"content/objectives/{objective_id}.md", OBJECTIVE.format(id=objective_id, extra=extra))


def report(tmp_path, report_id, extra=""):
    return write(tmp_path, f"content/reports/{report_id}.md", REPORT.format(id=report_id, extra=extra))


def decision(tmp_path, number, **changes):
    from tests.content_factory import decision_fields
    return write(tmp_path, f"content/decisions/{number.replace('/', '-')}.md",
                 front_matter(decision_fields(number, eqias=[], no_eqia_reason="An internal reorganisation.", **changes), ""))


def test_update_lists_objectives_reports_and_decisions_after_the_assessments_with_their_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    objective(tmp_path, "fair-access", "aliases: [access-for-all]\n")
    report(tmp_path, "report-2015-16")
    decision(tmp_path, "15/00045")
    code, out, _ = run(capsys, "manifest", "--update")
    assert code == 0, out
    assert out.splitlines() == ["added bus-passes", "added objectives/access-for-all", "added objectives/fair-access",
                                "added reports/report-2015-16", "added decisions/15-00045"]
    assert (tmp_path / "content/published-ids.txt").read_text() == HEADER + (
        "bus-passes\nobjectives/access-for-all\nobjectives/fair-access\nreports/report-2015-16\ndecisions/15-00045\n")
    assert run(capsys, "manifest")[0] == 0
    assert run(capsys, "check")[0] == 0


def test_an_old_manifest_of_bare_assessment_ids_keeps_working_and_names_what_it_lacks(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    objective(tmp_path, "fair-access")
    old = "# Every assessment id ever published on the portal, one per line, sorted.\nbus-passes\n"
    write(tmp_path, "content/published-ids.txt", old)
    assert run(capsys, "check")[0] == 0  # bare ids are assessments, as they always were
    code, out, _ = run(capsys, "manifest")
    assert (code, out) == (1, "content/objectives/fair-access.md:2: id: 'objectives/fair-access' is public but not listed in "
                              "published-ids.txt; run `eqportal manifest --update` and commit the change\n")
    assert run(capsys, "manifest", "--update")[1] == "added objectives/fair-access\n"
    assert (tmp_path / "content/published-ids.txt").read_text() == HEADER + "bus-passes\nobjectives/fair-access\n"


def test_deleting_a_published_objective_fails_the_check_on_its_line_saying_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    gone = objective(tmp_path, "accessible-ict")
    run(capsys, "manifest", "--update")
    gone.unlink()
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out == (f"content/published-ids.txt:{FIRST}: objectives/accessible-ict: was published, but there is no "
                   "objectives/accessible-ict.md; restore the file (a published objective keeps its page), or, if the objective "
                   "was renamed, add 'accessible-ict' to the aliases of the renamed file\n")


def test_deleting_a_published_report_or_decision_fails_the_check(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    gone = [report(tmp_path, "report-2015-16"), decision(tmp_path, "15/00045")]
    run(capsys, "manifest", "--update")
    for path in gone:
        path.unlink()
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.splitlines() == [
        f"content/published-ids.txt:{FIRST}: reports/report-2015-16: was published, but there is no reports/report-2015-16.md; "
        "restore the file (a published report keeps its page), or, if the report was renamed, add 'report-2015-16' to the aliases "
        "of the renamed file",
        f"content/published-ids.txt:{FIRST + 1}: decisions/15-00045: was published, but there is no decisions/15-00045.md; "
        "restore the file (a key decision stays on the register once listed), or, if its number was corrected, add '15/00045' "
        "to the aliases of the corrected file",
    ]


def test_renamed_objective_report_and_decision_keep_their_old_addresses(tmp_path, monkeypatch, capsys):
    from eqportal.context import BuildContext
    from eqportal.loader import load_portal
    from eqportal.site import generate

    monkeypatch.chdir(tmp_path)
    old = [objective(tmp_path, "accessible-ict"), report(tmp_path, "report-2015-16"), decision(tmp_path, "15/00054")]
    run(capsys, "manifest", "--update")
    for path in old:
        path.unlink()
    objective(tmp_path, "accessible-technology", "aliases: [accessible-ict]\n")
    report(tmp_path, "equality-report-2015-16", "aliases: [report-2015-16]\n")
    decision(tmp_path, "15/00045", aliases=["15/00054"])
    assert run(capsys, "check") == (0, "", "content OK: 0 assessments, 1 objectives, 1 reports, 1 decisions\n")
    portal, _ = load_portal(tmp_path / "content")
    made = {item.url: getattr(item, "html", None) or getattr(item, "text", None)
            for item in generate(portal, BuildContext(today=portal.today))}
    for old_url, new_url in (("/objectives/accessible-ict/index.html", "../accessible-technology/"),
                             ("/objectives/accessible-ict/easy-read/index.html", "../../accessible-technology/easy-read/"),
                             ("/reports/report-2015-16/index.html", "../equality-report-2015-16/")):
        assert f'<meta http-equiv="refresh" content="0; url={new_url}">' in made[old_url], old_url
    assert "The objective now has a new address" in made["/objectives/accessible-ict/index.html"]
    register = made["/decisions/"]
    assert '<span id="decision-15-00054"></span>15/00045' in register  # the old anchor is on the row of the corrected number


@pytest.mark.parametrize(("folder", "text", "message"), [
    ("objectives", "aliases: [fair-access]\n", "'fair-access' is this objective's own id; an alias is an earlier id, no longer used"),
    ("objectives", "aliases: [other]\n", "'other' is the id of another objective; an alias must be an old id no longer used"),
    ("reports", "aliases: [other]\n", "'other' is the id of another report; an alias must be an old id no longer used"),
])
def test_an_alias_must_be_an_old_id_no_longer_used(tmp_path, folder, text, message):
    from eqportal.loader import load_portal

    make = objective if folder == "objectives" else report
    make(tmp_path, "fair-access", text)
    make(tmp_path, "other")
    _, problems = load_portal(tmp_path / "content")
    assert [(p.path.rsplit("/", 1)[-1], p.field, p.message) for p in problems] == [("fair-access.md", "aliases[0]", message)]


def test_a_decisions_old_number_may_not_be_anothers(tmp_path):
    from eqportal.loader import load_portal

    decision(tmp_path, "15/00045", aliases=["15/00062"])
    decision(tmp_path, "15/00062")
    _, problems = load_portal(tmp_path / "content")
    assert [(p.field, p.message) for p in problems] == [
        ("aliases[0]", "'15/00062' is the number of another decision; an alias must be an old number no longer used")]


def test_a_listed_objective_whose_file_does_not_validate_is_reported_once_on_its_own_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    objective(tmp_path, "fair-access")
    run(capsys, "manifest", "--update")
    objective(tmp_path, "fair-access", "period: soon\n")
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("content/objectives/fair-access.md:") and out.count("\n") == 1, out


@pytest.mark.parametrize(("line", "message"), [
    ("objectives/Fair Access", "'objectives/Fair Access' does not name an objective: write objectives/ and then lower-case letters, digits and single hyphens"),
    ("policies/fair-access", "'policies/fair-access' names no kind of content: write an assessment's id alone, other kinds as "
                             "objectives/<id>, reports/<id> or decisions/<YY-NNNNN>"),
    ("decisions/15/00045", "'decisions/15/00045' does not name a key decision: write decisions/ and then the number as in "
                           "the file name, YY-NNNNN (decisions/15-00045)"),
])
def test_a_line_naming_no_content_is_reported_with_how_to_write_it(tmp_path, monkeypatch, capsys, line, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/published-ids.txt", f"# ids\n{line}\n")
    code, out, _ = run(capsys, "check")
    assert (code, out) == (1, f"content/published-ids.txt:2: line: {message}\n")


def test_an_assessment_may_also_be_written_with_its_folder_but_only_once(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    publish(tmp_path, "bus-passes")
    write(tmp_path, "content/published-ids.txt", "eqias/bus-passes\n")
    assert run(capsys, "check")[0] == 0
    write(tmp_path, "content/published-ids.txt", "eqias/bus-passes\nbus-passes\n")
    assert run(capsys, "check")[1] == "content/published-ids.txt:2: bus-passes: is listed twice (first on line 1); keep one\n"


# A line removed with its file: where the content folder is in git, the manifest is compared with the recorded one.

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env = {k: v for k, v in env.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def committed_portal(tmp_path, monkeypatch, capsys):
    """A clone's content: two assessments and an objective, published and committed on main."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    publish(tmp_path, "bus-passes")
    publish(tmp_path, "zebra-crossings")
    objective(tmp_path, "accessible-ict")
    assert run(capsys, "manifest", "--update")[0] == 0
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Publish")
    return tmp_path / "content/published-ids.txt"


def remove_line(manifest, line):
    manifest.write_text(manifest.read_text().replace(f"{line}\n", ""))


@needs_git
def test_deleting_an_objective_and_its_line_fails_the_check_against_git_head(tmp_path, monkeypatch, capsys):
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    (tmp_path / "content/objectives/accessible-ict.md").unlink()
    remove_line(manifest, "objectives/accessible-ict")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out == (f"content/published-ids.txt:{FIRST + 1}: objectives/accessible-ict: was published (line {FIRST + 2} of this file "
                   "in git HEAD), but its line was removed and there is no objectives/accessible-ict.md; restore the file (a published "
                   "objective keeps its page), or, if the objective was renamed, add 'accessible-ict' to the aliases of the renamed "
                   "file; then put the line back: `eqportal manifest --update` does\n")


@needs_git
def test_a_line_removed_while_its_page_is_still_there_is_put_back_by_update(tmp_path, monkeypatch, capsys):
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    before = manifest.read_text()
    remove_line(manifest, "bus-passes")
    code, out, _ = run(capsys, "check")
    assert (code, out) == (1, f"content/published-ids.txt:{FIRST}: bus-passes: was published (line {FIRST} of this file in git HEAD), "
                              "but its line was removed; a published item is never taken off this list: put the line back "
                              "(`eqportal manifest --update` does)\n")
    assert run(capsys, "manifest", "--update")[:2] == (0, "put back bus-passes (removed since git recorded it)\n")
    assert manifest.read_text() == before
    assert run(capsys, "check")[0] == 0


@needs_git
def test_deleting_the_whole_manifest_and_a_file_fails_the_check(tmp_path, monkeypatch, capsys):
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    manifest.unlink()
    (tmp_path / "content/eqias/zebra-crossings.md").unlink()
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.splitlines() == [
        "content/published-ids.txt:1: file: has been deleted, but git HEAD has it, listing 3 published item(s); it is never deleted: "
        "restore it (`git checkout HEAD -- content/published-ids.txt`) and run `eqportal manifest --update`",
        f"content/published-ids.txt:1: zebra-crossings: was published (line {FIRST + 1} of this file in git HEAD), but there is no "
        "eqias/zebra-crossings.md; restore the file and mark it withdrawn or superseded, or, if the assessment was renamed, "
        "add 'zebra-crossings' to the aliases of the renamed file",
    ]
    run(capsys, "manifest", "--update")  # writes the manifest again, with every line git had
    assert "zebra-crossings\n" in manifest.read_text()


@needs_git
def test_a_removal_committed_on_a_branch_is_found_from_where_the_branch_started(tmp_path, monkeypatch, capsys):
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    git(tmp_path, "checkout", "-q", "-b", "cms/eqias/zebra-crossings")
    (tmp_path / "content/eqias/zebra-crossings.md").unlink()
    remove_line(manifest, "zebra-crossings")
    git(tmp_path, "commit", "-q", "-am", "Remove an assessment")
    code, out, _ = run(capsys, "check")
    base = git(tmp_path, "rev-parse", "main").strip()[:10]
    assert code == 1
    assert out.startswith(f"content/published-ids.txt:{FIRST + 1}: zebra-crossings: was published (line {FIRST + 1} of this file in "
                          f"main at {base}, where this branch started), but its line was removed and there is no eqias/zebra-crossings.md")


@needs_git
def test_a_removal_already_on_the_default_branch_or_outside_git_is_not_guessed_at(tmp_path, monkeypatch, capsys):
    """The check compares with what git recorded; with no record to compare with, it says nothing rather than fail."""
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    remove_line(manifest, "bus-passes")
    git(tmp_path, "commit", "-q", "-am", "Reviewed: the line goes")
    assert run(capsys, "check")[0] == 0
    shutil.rmtree(tmp_path / ".git")
    remove_line(manifest, "zebra-crossings")
    assert run(capsys, "check")[0] == 0


@needs_git
def test_a_shallow_clone_without_the_branch_point_compares_with_head_only(tmp_path, monkeypatch, capsys):
    origin = tmp_path / "origin"
    origin.mkdir()
    committed_portal(origin, monkeypatch, capsys)
    git(origin, "checkout", "-q", "-b", "feature")
    remove_line(origin / "content/published-ids.txt", "bus-passes")
    git(origin, "commit", "-q", "-am", "Line removed on a branch")
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{origin}", "clone")
    monkeypatch.chdir(tmp_path / "clone")
    assert run(capsys, "check")[0] == 0  # nothing to compare with: not an error
    remove_line(tmp_path / "clone/content/published-ids.txt", "zebra-crossings")
    assert run(capsys, "check")[1].startswith(f"content/published-ids.txt:{FIRST}: zebra-crossings: was published (line {FIRST} "
                                              "of this file in git HEAD)")


def test_without_git_the_check_runs_as_before(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # looks like a repository, but there is no git to ask
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    publish(tmp_path, "bus-passes")
    assert run(capsys, "manifest", "--update")[0] == 0
    assert run(capsys, "check")[0] == 0


@needs_git
def test_a_manifest_that_cannot_be_read_is_one_problem_not_every_line_removed(tmp_path, monkeypatch, capsys):
    manifest = committed_portal(tmp_path, monkeypatch, capsys)
    manifest.write_bytes(b"bus-passes\n\xff\xfe\n")
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.count("\n") == 1 and out.startswith("content/published-ids.txt:1: file: cannot be read as UTF-8 text")
