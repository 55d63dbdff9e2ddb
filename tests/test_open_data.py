"""Open data that holds the whole assessment: JSON valid against its published schema, tidy CSVs in a valid Data Package."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import frictionless
import jsonschema
import pytest

from eqportal.context import BuildContext
from eqportal.loader import load_portal
from eqportal.models import Eqia
from eqportal.opendata import TABLES, cell, open_data_files
from eqportal.opendata.records import EqiaRecord

CONTENT = Path(__file__).resolve().parents[1] / "content"
SITE_URL = "https://equality.example.gov.uk/portal/"


@pytest.fixture(scope="module")
def portal():
    loaded, problems = load_portal(CONTENT, today=dt.date(2026, 11, 30))
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def files(portal):
    return {f.url.lstrip("/"): f.text for f in open_data_files(portal, BuildContext(today=portal.today, site_url=SITE_URL))}


@pytest.fixture(scope="module")
def written(files, tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def rows(files, name):
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"])))


def validator(files, name):
    schema = json.loads(files[f"data/{name}"])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_eqias_json_is_valid_against_the_published_schema(files):
    data = json.loads(files["data/eqias.json"])
    validator(files, "eqias.schema.json").validate(data)
    assert data["licence"]["name"] == "OGL-UK-3.0"


def test_each_assessment_file_is_valid_and_equals_its_item(files):
    data = json.loads(files["data/eqias.json"])
    one = validator(files, "eqia.schema.json")
    for item in data["eqias"]:
        alone = json.loads(files[f"data/eqias/{item['id']}.json"])
        one.validate(alone)
        assert alone == item


def test_the_schema_refuses_what_the_model_refuses(files):
    item = json.loads(files["data/eqias/customer-service-policy.json"])
    bad = {**item, "commissioning_stage": "deliver"}
    assert list(validator(files, "eqia.schema.json").iter_errors(bad))
    assert list(validator(files, "eqia.schema.json").iter_errors({**item, "surprise": 1}))


def test_json_holds_every_field_of_the_assessment(files, portal):
    data = json.loads(files["data/eqias.json"])
    assert {i["id"] for i in data["eqias"]} == {r.model.id for r in portal.public_eqias()}
    for item in data["eqias"]:
        assert set(Eqia.model_fields) <= set(item)
        assert set(item) == set(EqiaRecord.model_fields)
    csp = next(i for i in data["eqias"] if i["id"] == "customer-service-policy")
    assert len(csp["screening"]) == 10 and len(csp["actions"]) == 16 and len(csp["versions"]) == 15
    assert {a["cost"] for a in csp["actions"]} >= {"Not yet known", "The cost of providing training"}
    assert csp["sign_off"][0] == {"role": "senior-officer", "job_title": None, "name": None, "date": None,
                                  "note": "The published document leaves the senior officer's signature, name, job title and date blank."}
    assert csp["judgement"]["outcome"] == "full-assessment" and csp["commissioning_stage"] is None
    assert csp["body"].startswith("## Context")
    assert [d["number"] for d in csp["decisions"]] == ["15/00045"]
    assert csp["decisions"][0]["register_url"] == SITE_URL + "decisions/#decision-15-00045"
    offer = next(i for i in data["eqias"] if i["id"] == "library-service-offer-2025")
    assert offer["call_ins"][0]["outcome"] == "open" and offer["commissioning_stage"] == "plan"


def test_urls_in_the_data_are_absolute_from_site_url(files):
    data = json.loads(files["data/eqias.json"])
    for item in data["eqias"]:
        assert item["url"] == f"{SITE_URL}eqias/{item['id']}/"
        assert item["json_url"] == f"{SITE_URL}data/eqias/{item['id']}.json"
    assert {r["url"] for r in rows(files, "eqias")} == {i["url"] for i in data["eqias"]}


def test_tidy_csvs_have_one_row_per_thing(files, portal):
    public = [r.model for r in portal.public_eqias()]
    assert len(rows(files, "eqias")) == len(public) == 6
    assert len(rows(files, "screening")) == sum(len(e.screening) for e in public) == 60
    assert len(rows(files, "actions")) == sum(len(e.actions) for e in public)
    assert len(rows(files, "versions")) == sum(len(e.versions) for e in public)
    assert len(rows(files, "sign-off")) == sum(len(e.sign_off) for e in public)
    assert len(rows(files, "call-ins")) == sum(len(e.call_ins) for e in public)
    assert len(rows(files, "decisions")) == len(portal.decisions)
    assert len(rows(files, "objective-progress")) == sum(len(r.model.progress) for r in portal.objectives.values())
    sex = next(r for r in rows(files, "screening") if (r["eqia_id"], r["characteristic"]) == ("customer-service-policy", "sex"))
    assert (sex["adverse"], sex["negative_impact"], sex["positive_impact"]) == ("no", "medium", "low")
    blank = [r for r in rows(files, "sign-off") if r["eqia_id"] == "customer-service-policy"]
    assert [(r["role"], r["blank"], r["date"]) for r in blank] == [("senior-officer", "true", ""), ("dmt-member", "true", "")]


def test_datapackage_is_valid_with_frictionless(written):
    report = frictionless.validate(str(written / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((written / "data" / "datapackage.json").read_text())
    assert [r["path"] for r in package["resources"]] == [t.path for t in TABLES]
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"


def test_frictionless_catches_a_value_outside_the_vocabulary(written, tmp_path):
    """The package's constraints bite: a screening answer the model does not allow makes it invalid."""
    copy = tmp_path / "data"
    copy.mkdir()
    for file in (written / "data").glob("*.*"):
        (copy / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    screening = copy / "screening.csv"
    text = screening.read_text(encoding="utf-8")
    assert ',"no","medium","low",' in text  # every cell is quoted (formula-safe CSV)
    screening.write_text(text.replace(',"no","medium","low",', ',"maybe","medium","low",', 1), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert {e[2] for e in report.flatten(["rowNumber", "fieldName", "type"])} == {"constraint-error"}


def test_every_column_is_described(files):
    package = json.loads(files["data/datapackage.json"])
    for resource in package["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"]), resource["name"]
        header = next(csv.reader(io.StringIO(files[f"data/{resource['path']}"])))
        assert header == [f["name"] for f in resource["schema"]["fields"]]


@pytest.mark.parametrize("value, text", [
    (None, ""), (True, "true"), (False, "false"), (dt.date(2015, 8, 10), "2015-08-10"), (["age", "race"], "age;race"), (3, "3"),
])
def test_one_helper_writes_every_csv_cell(value, text):
    assert cell(value) == text


def test_open_data_joined_from_kept_parts_is_the_data_made_whole_before_and_after_an_edit(tmp_path):
    """Each assessment's part is kept between builds; the joined files are byte for byte the files made whole."""
    import shutil

    from eqportal.buildcache import Store
    from eqportal.cachedir import cache_folder
    from eqportal.opendata import DataContext, _json, dataset, write_csv

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)

    keys: list[dict[str, str]] = []  # each build's files, by what they are made from

    def made() -> dict[str, str]:
        loaded, problems = load_portal(content, today=dt.date(2026, 11, 30), cache=cache_folder(content))
        assert problems == []
        context = BuildContext(today=loaded.today, site_url=SITE_URL, build_cache=cache_folder(content))
        files = open_data_files(loaded, context)
        joined = {f.url.lstrip("/"): f.text for f in files}
        keys.append({f.url.lstrip("/"): f.made_from for f in files})
        kept = Store(cache_folder(content), "opendata")
        assert sum(1 for r in loaded.public_eqias() if r.digest) == len(kept._old) > 0
        ctx = DataContext(loaded, context)
        assert joined["data/eqias.json"] == _json(dataset(ctx).model_dump(mode="json")).decode("utf-8")
        for table in TABLES:
            assert joined[f"data/{table.path}"] == write_csv(table.header, table.rows(ctx)), table.name
        return joined

    before = made()
    edited = next(p for p in sorted((content / "eqias").glob("*.md")) if "## Context\n" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("## Context\n", "## Context\n\nA sentence added after the first build.\n", 1),
                      encoding="utf-8")
    after = made()
    assert "A sentence added after the first build." in after["data/eqias.json"]
    assert [path for path in before if before[path] != after[path]] == ["data/eqias.json", f"data/eqias/{edited.stem}.json"]
    # A file is known to be the same by what it is made from, never the other way round: each table's CSV,
    # whose rows the body is not in, keeps its key, so a rebuild links it in rather than writing it again.
    joined_tables = [f"data/{table.path}" for table in TABLES if table.each is not None]
    assert all(keys[0][path] for path in joined_tables) and all(keys[0][path] == keys[1][path] for path in joined_tables)
    assert keys[0]["data/eqias.json"] != keys[1]["data/eqias.json"]
    assert [path for path in before if keys[0][path] == keys[1][path] and before[path] != after[path]] == []

    # A decision that relied on an assessment is renamed: the assessment's kept part names it, so it is made again.
    decision = content / "decisions" / "15-00045.md"
    decision.write_text(decision.read_text(encoding="utf-8").replace("title: Adopt the Customer Service Policy",
                                                                      "title: Adopt the new Customer Service Policy", 1), encoding="utf-8")
    assert "Adopt the new Customer Service Policy" in made()["data/eqias/customer-service-policy.json"]


def test_call_ins_csv_holds_each_call_in_whole(files, portal):
    """Every column of every call-in, as the content says: the response and outcome went missing once."""
    found = rows(files, "call-ins")
    expected = [(r.model.id, c) for r in portal.public_eqias() for c in r.model.call_ins]
    assert len(found) == len(expected) > 0
    by_key = {(row["eqia_id"], row["date"]): row for row in found}
    for eqia_id, c in expected:
        row = by_key[(eqia_id, c.date.isoformat())]
        assert row["response"] == (c.response or "") and row["outcome"] == (c.outcome.value if c.outcome else "")
        assert row["points_raised"].split("\n") == [" ".join(p.split()) for p in c.points_raised]
