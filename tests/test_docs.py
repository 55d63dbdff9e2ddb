"""Documentation that cannot fall behind: every CLI verb in the README, the field reference current."""

from __future__ import annotations

from pathlib import Path

from eqportal.cli import VERBS, build_parser
from eqportal.fieldref import reference

ROOT = Path(__file__).resolve().parent.parent


def test_every_cli_verb_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [verb for verb in VERBS if f"eqportal {verb}" not in readme]
    assert not missing, f"README.md does not document: {', '.join(missing)}"


def test_every_cli_verb_has_help_with_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    for verb, verb_parser in sub.choices.items():
        assert verb_parser.description, f"eqportal {verb} has no description"


def test_field_reference_is_current():
    committed = (ROOT / "docs/reference/content-fields.md").read_text(encoding="utf-8")
    assert committed == reference(), "run `eqportal schema schemas --reference docs/reference/content-fields.md`"
