"""The example GitHub workflow cannot run here: check its structure and that every command in it exists."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from eqportal.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "checks.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def commands(workflow: dict) -> list[str]:
    """Every command line of every `run:` step (continuation lines joined, comments dropped)."""
    found = []
    for _job, step in steps(workflow):
        text = re.sub(r"\\\n\s*", " ", step.get("run", ""))
        found += [line.split(" #")[0].strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return found


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w-]*):", text, re.M)}


def test_runs_on_pull_requests_pushes_to_main_and_a_daily_schedule(workflow):
    triggers = workflow["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")  # once a day


def test_every_job_runs_on_a_pinned_runner_and_every_step_uses_a_pinned_action_or_runs_a_command(workflow):
    assert workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert re.fullmatch(r"ubuntu-\d\d\.\d\d", job["runs-on"]), name
        assert job["steps"], name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), (name, step)
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
    for name, job in workflow["jobs"].items():
        for need in [job.get("needs")] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in workflow["jobs"], f"{name} needs an unknown job {need}"


def test_content_is_checked_with_annotations_on_the_pull_request(workflow):
    assert "eqportal check content --format github" in commands(workflow)
    content = workflow["jobs"]["content"]
    assert content["if"] == "github.event_name != 'schedule'"


def test_the_content_check_has_mains_history_to_compare_the_published_ids_with(workflow):
    checkout = next(s for s in workflow["jobs"]["content"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # a shallow clone has no branch point: a removed line would go unseen


def test_the_site_is_built_checked_and_kept_as_a_preview_artefact(workflow):
    site_steps = workflow["jobs"]["site"]["steps"]
    runs = [s.get("run") for s in site_steps]
    assert "make site" in runs
    upload = next(s for s in site_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert runs.index("make site") < site_steps.index(upload)
    assert "if" not in workflow["jobs"]["site"]  # the daily schedule rebuilds the site too


def test_only_main_and_the_schedule_publish(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == "github.event_name != 'pull_request'"
    assert deploy["needs"] == "site"


def test_every_eqportal_and_make_command_in_the_workflow_exists(workflow):
    parser = build_parser()
    targets = make_targets()
    seen = {"eqportal": 0, "make": 0}
    for command in commands(workflow):
        words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "1", command))  # a matrix value, e.g. the share number
        if words[0] == "eqportal":
            seen["eqportal"] += 1
            try:
                parser.parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"`{command}` is not a valid eqportal command")
        elif words[0] == "make":
            seen["make"] += 1
            missing = [t for t in words[1:] if not t.startswith("-") and t not in targets]
            assert not missing, f"`{command}`: no such Makefile target {missing}"
        else:
            assert words[:3] == ["python", "-m", "pip"], f"unexpected command `{command}`"
    assert seen["eqportal"] >= 3 and seen["make"] >= 2
