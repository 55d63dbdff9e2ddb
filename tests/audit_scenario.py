"""A small content tree with one example of every audit finding, for tests/test_audit_*.py.

Audited as of TODAY (2026-11-23): the latest completed reporting year is 2025-26.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.content_factory import decision_fields, eqia_fields, front_matter, write

TODAY = dt.date(2026, 11, 23)
DONE_ACTION = {"characteristics": ["all"], "issue": "Signs", "action": "New signs", "owner": "Manager", "timescale": "2015-06-30", "status": "done"}


def eqia(eqia_id: str, published: str, next_review: str | None = "2027-06-01", **changes) -> str:
    dates = {"screening": "2014-11-01", "published": published}
    if next_review:
        dates["next_review"] = next_review
    signed = [{"role": "senior-officer", "job_title": "Head of Service", "date": published},
              {"role": "dmt-member", "job_title": "Corporate Director", "date": published}]
    fields = eqia_fields(eqia_id, **{"stage": "screening", "dates": dates, "actions": [DONE_ACTION], "sign_off": signed, **changes})
    return front_matter(fields)


def decision(number: str, date: str, eqias: list[str] | None, **changes) -> str:
    return front_matter(decision_fields(number, date=date, eqias=eqias, **changes), body="")


def objective(objective_id: str, period: str, years: list[str]) -> str:
    fields = {
        "id": objective_id, "title": "More disabled people use libraries", "outcome": "Residents are supported",
        "period": period, "characteristics": ["disability"],
        "progress": [{"year": y, "rating": "on-track", "summary": "Going well."} for y in years],
    }
    return front_matter(fields, body="")


def build(root: Path) -> Path:
    """Write the scenario under ``root/content`` and return that folder."""
    content = root / "content"
    files = {
        # assessments
        "eqias/in-time.md": eqia("in-time", "2015-01-10"),
        "eqias/late.md": eqia("late", "2015-06-01"),
        "eqias/fully-late.md": eqia("fully-late", "2015-01-01", stage="full",
                                    dates={"screening": "2014-11-01", "full_assessment": "2015-05-01", "published": "2015-01-01", "next_review": "2027-06-01"}),
        "eqias/draft-one.md": front_matter({"id": "draft-one", "title": "A draft", "kind": "policy", "directorate": "Finance", "status": "draft", "stage": "screening"}),
        "eqias/withdrawn-one.md": eqia("withdrawn-one", "2014-01-01", status="withdrawn", withdrawn_reason="The policy ended."),
        "eqias/withdrawn-later.md": eqia("withdrawn-later", "2014-01-01", status="withdrawn", withdrawn_reason="The policy ended.",
                                         dates={"screening": "2013-11-01", "published": "2014-01-01", "withdrawn": "2015-05-10"}),
        "eqias/old-version.md": eqia("old-version", "2014-01-01", status="superseded", superseded_by="new-version"),
        "eqias/new-version.md": eqia("new-version", "2015-03-01"),
        "eqias/overdue-review.md": eqia("overdue-review", "2014-01-01", next_review="2026-01-01", actions=[
            {"characteristics": ["age"], "issue": "Hours", "action": "Survey users", "owner": "Manager", "timescale": "2026-03-31"},
            {"characteristics": ["age"], "issue": "Hours", "action": "Listen", "owner": "Manager", "timescale": "Ongoing"},
            {"characteristics": ["age"], "issue": "Hours", "action": "Report", "owner": "Manager", "timescale": "March 2026", "status": "done"},
            {"characteristics": ["age"], "issue": "Hours", "action": "Review", "owner": "Manager", "timescale": "2026-02", "completed": "2026-02-10"},
            {"characteristics": ["age"], "issue": "Hours", "action": "Stop", "owner": "Manager", "timescale": "2025-01-01", "status": "dropped"},
            {"characteristics": ["age"], "issue": "Hours", "action": "Plan", "owner": "Manager", "timescale": "2027-01-31", "status": "planned"},
        ]),
        "eqias/no-review.md": eqia("no-review", "2014-01-01", next_review=None),
        "eqias/challenged.md": eqia("challenged", "2024-01-10", call_ins=[
            {"date": "2025-01-14", "group": "GET Equality Group", "points_raised": ["Where is the evidence on disabled users?"],
             "response": "We added a survey of users.", "outcome": "revised"},
            {"date": "2026-06-02", "group": "GET Equality Group", "points_raised": ["Who uses the service at night?"],
             "outcome": "open", "follow_up": "2026-09-01"},
            {"date": "2026-10-06", "group": "GET Equality Group", "points_raised": ["How will people hear of the change?"],
             "outcome": "open", "follow_up": "2027-01-12"},
        ]),
        "eqias/unsigned.md": eqia("unsigned", "2024-01-10", commissioning_stage=None, sign_off=[
            {"role": "senior-officer", "note": "The source document leaves this blank."},
            {"role": "dmt-member", "job_title": "Corporate Director"},
            {"role": "dmt-member", "job_title": "Corporate Director", "date": "2024-02-01"},
        ]),
        # decisions
        "decisions/15-00001.md": decision("15/00001", "2015-02-01", ["in-time"]),
        "decisions/15-00002.md": decision("15/00002", "2015-04-01", ["late"]),
        "decisions/15-00003.md": decision("15/00003", "2015-04-02", None, no_eqia_reason="It renews a contract on the same terms."),
        "decisions/15-00004.md": decision("15/00004", "2015-05-01", ["draft-one"]),
        "decisions/15-00005.md": decision("15/00005", "2015-05-02", ["withdrawn-one"]),
        "decisions/15-00010.md": decision("15/00010", "2015-05-09", ["withdrawn-later"]),
        "decisions/15-00011.md": decision("15/00011", "2015-05-10", ["withdrawn-later"]),
        "decisions/15-00006.md": decision("15/00006", "2015-04-01", ["old-version"]),
        "decisions/15-00007.md": decision("15/00007", "2015-02-01", ["old-version"]),
        "decisions/15-00008.md": decision("15/00008", "2015-04-01", ["fully-late"]),
        "decisions/26-00001.md": decision("26/00001", "2027-01-10", ["draft-one"], status="proposed"),
        # objectives
        "objectives/needs-progress.md": objective("needs-progress", "2024-2028", ["2024-25"]),
        "objectives/has-progress.md": objective("has-progress", "2025-2027", ["2025-26"]),
        "objectives/ended.md": objective("ended", "2016-2020", ["2016-17"]),
    }
    for relative, text in files.items():
        write(content, relative, text)
    return content
