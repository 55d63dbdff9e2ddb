"""The form editor's Decap configuration follows the content models, and the committed copy is current."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from eqportal.editor.admin import admin_page, local_config_text
from eqportal.editor.config import config_text, decap_config
from eqportal.errors import _inner_types
from eqportal.models import Characteristic
from eqportal.models.vocab import ActionScope, EqiaKind
from eqportal.registry import CONTENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "admin" / "config.yml"


def collection(name: str) -> dict:
    return next(c for c in decap_config()["collections"] if c["name"] == name)


def by_name(fields: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in fields}


def test_committed_config_is_what_the_models_generate():
    assert COMMITTED.read_text(encoding="utf-8") == config_text(), \
        "admin/config.yml is out of date: run `eqportal schema schemas --decap-config admin/config.yml`"


def test_every_content_type_is_a_collection_in_its_content_folder():
    collections = {c["name"]: c for c in decap_config()["collections"]}
    assert sorted(collections) == sorted(t.folder for t in CONTENT_TYPES)
    for name, c in collections.items():
        assert c["folder"] == f"content/{name}" and c["extension"] == "md" and c["format"] == "frontmatter"
        assert c["delete"] is False  # published assessments are withdrawn, never deleted
    assert collections["decisions"]["slug"] == "{{fields.number}}"


def test_editors_work_through_the_editorial_workflow_with_a_local_backend_on_loopback_only():
    config = decap_config()
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")
    served = yaml.safe_load(local_config_text(18081))
    assert served["local_backend"]["url"] == "http://127.0.0.1:18081/api/v1"


def _check_fields(model: type[BaseModel], fields: list[dict], path: str, inside_optional_group: bool = False) -> list[str]:
    """Every model field is a form field with the model's requiredness, options and nested fields."""
    wrong = []
    spec = by_name(fields)
    for name, info in model.model_fields.items():
        where = f"{path}.{name}"
        if name not in spec:
            wrong.append(f"{where}: missing from the form")
            continue
        field = spec[name]
        required = info.is_required() and not inside_optional_group
        if field.get("required", True) != required:
            wrong.append(f"{where}: required is {field.get('required', True)}, the model says {required}")
        inner = [t for t in _inner_types(info.annotation) if t is not type(None)]
        enums = [t for t in inner if isinstance(t, type) and issubclass(t, Enum)]
        if enums and field.get("options") != [m.value for m in enums[0]]:
            wrong.append(f"{where}: options {field.get('options')} are not the vocabulary {enums[0].__name__}")
        models = [t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)]
        if models:
            # An optional group's own fields may be left empty in the form; a list item's are required once added.
            wrong += _check_fields(models[0], field.get("fields", []), where, field["widget"] == "object" and not info.is_required())
        if info.description and info.description not in field.get("hint", ""):
            wrong.append(f"{where}: hint does not carry the field's description")
    extra = set(spec) - set(model.model_fields) - {"body"}
    wrong += [f"{path}.{name}: in the form but not in the model" for name in sorted(extra)]
    return wrong


def test_every_field_of_every_model_is_in_the_form_with_its_rules():
    wrong = []
    for kind in CONTENT_TYPES:
        wrong += _check_fields(kind.model, collection(kind.folder)["fields"], kind.folder)
    assert wrong == []


def test_screening_rows_actions_and_versions_are_lists_of_groups_with_selects_from_the_vocabularies():
    fields = by_name(collection("eqias")["fields"])
    screening = by_name(fields["screening"]["fields"])
    assert fields["screening"]["widget"] == "list"
    assert screening["characteristic"]["options"] == [c.value for c in Characteristic]
    assert screening["adverse"]["options"] == ["yes", "no", "unknown"]
    actions = by_name(fields["actions"]["fields"])
    assert actions["characteristics"] == {**actions["characteristics"], "widget": "select", "multiple": True,
                                          "options": [a.value for a in ActionScope], "min": 1}
    assert by_name(fields["versions"]["fields"])["date"]["format"] == "YYYY-MM-DD"
    assert fields["kind"]["options"] == [k.value for k in EqiaKind]
    assert fields["status"]["default"] == "draft"
    assert fields["id"]["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$"


def test_admin_page_loads_only_files_served_beside_it():
    html = admin_page("Kent & Medway <portal>")
    assert "Kent &amp; Medway &lt;portal&gt;" in html
    assert 'src="react-globals.js"' in html and 'src="decap-cms-app.js"' in html
    assert "http" not in html.replace('http-equiv', '')


def test_eqportal_editor_writes_the_form_editor_for_hosting(tmp_path, capsys):
    from eqportal.cli import main

    if not (ROOT / "node_modules" / "decap-cms-app").is_dir():
        pytest.fail("node_modules/decap-cms-app is missing: run `make node` (make test does)")
    assert main(["editor", str(tmp_path / "out"), "--project", str(ROOT)]) == 0
    admin = tmp_path / "out" / "admin"
    assert {"index.html", "config.yml", "decap-cms-app.js", "react-globals.js"} <= {p.name for p in admin.iterdir()}
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))["publish_mode"] == "editorial_workflow"
    assert f"into {admin}" in capsys.readouterr().out


def test_eqportal_editor_without_node_modules_says_what_to_run(tmp_path, capsys):
    from eqportal.cli import main

    assert main(["editor", str(tmp_path / "out"), "--project", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("eqportal editor: ") and "run `make node`" in err and len(err.splitlines()) == 1
