"""Editors autocomplete from schemas/*.json: they must never drift from the models."""

from __future__ import annotations

from pathlib import Path

from eqportal.cli.schema import schemas

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_models():
    for name, text in schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"schemas/{name} is missing: run `eqportal schema schemas`"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is out of date: run `eqportal schema schemas`"


def test_schema_lists_the_closed_vocabularies():
    import json

    eqia = json.loads(schemas()["eqia.schema.json"])
    kinds = eqia["$defs"]["EqiaKind"]["enum"]
    assert kinds == ["policy", "procedure", "project", "service", "strategy", "budget", "commissioning"]
    assert eqia["additionalProperties"] is False
