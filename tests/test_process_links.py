"""Everything linked both ways: what an assessment page can say about objectives, reports and decisions."""

from __future__ import annotations

import datetime as dt

from eqportal.loader import load_portal
from tests.content_factory import decision_fields, eqia_fields, front_matter, write

TODAY = dt.date(2026, 11, 23)


def portal_with(tmp_path, files):
    for relative, text in files.items():
        write(tmp_path / "content", relative, text)
    loaded, problems = load_portal(tmp_path / "content", today=TODAY)
    assert problems == []
    return loaded


def test_objectives_and_reports_that_name_an_assessment_are_found_from_it(tmp_path):
    objective = "---\nid: fair-access\ntitle: Fair access\noutcome: O\nperiod: 2016-2020\ncharacteristics: [age]\neqias: [library-opening-hours]\n---\n"
    other = "---\nid: other\ntitle: Other\noutcome: O\nperiod: 2016-2020\ncharacteristics: [age]\n---\n"
    report = "---\nid: report-2024-25\nyear: 2024-25\ntitle: Report\npublished: 2025-06-01\neqias: [library-opening-hours]\n---\n"
    portal = portal_with(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields()),
                                    "objectives/fair-access.md": objective, "objectives/other.md": other,
                                    "reports/report-2024-25.md": report})
    assert [r.model.id for r in portal.objectives_naming("library-opening-hours")] == ["fair-access"]
    assert [r.model.id for r in portal.reports_naming("library-opening-hours")] == ["report-2024-25"]
    assert portal.reports_naming("nothing") == [] and portal.objectives_naming("nothing") == []


def test_replaced_and_withdrawn_assessments_are_never_latest(tmp_path):
    def dated(eqia_id, published, **changes):
        fields = eqia_fields(eqia_id, **changes)
        fields["dates"] = {**fields["dates"], "published": published}
        return front_matter(fields)

    portal = portal_with(tmp_path, {
        "eqias/old.md": dated("old", "2024-03-01"),
        "eqias/newest-replaced.md": dated("newest-replaced", "2025-01-01", status="superseded", superseded_by="old"),
        "eqias/newest-withdrawn.md": dated("newest-withdrawn", "2025-02-01", status="withdrawn", withdrawn_reason="Dropped."),
        "eqias/new.md": dated("new", "2024-06-01"),
    })
    assert [r.model.id for r in portal.latest_in_force(5)] == ["new", "old"]
    assert [r.model.id for r in portal.public_eqias()][:2] == ["newest-withdrawn", "newest-replaced"]


def test_decisions_relying_on_an_assessment_are_found_from_it(tmp_path):
    portal = portal_with(tmp_path, {"eqias/library-opening-hours.md": front_matter(eqia_fields()),
                                    "decisions/24-00012.md": front_matter(decision_fields())})
    assert [r.model.number for r in portal.decisions_relying_on("library-opening-hours")] == ["24/00012"]
